import type { DossierStatus } from '@motcua/domain';
import { type Insertable, type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import { prepareQueryByShape } from './prepared-query.js';
import type { Database } from './schema.js';
import type { NewStatisticsDelta } from './statistics-aggregates.queries.js';
import type { DossierTable } from './tables/dossiers.js';

type Db = Kysely<Database> | Transaction<Database>;

export type DossierRecord = Selectable<DossierTable>;

/** The new dossier as insertNewDossier writes it: every column but the code, which its statement allocates. */
export type NewDossierRow = Omit<Insertable<Database['dossier']>, 'createdAt' | 'code'> & {
  id: string;
  version: number;
  eventCount: number;
};

export type NewDossierInput = {
  counter: { agencyId: string; day: string; codePrefix: string };
  dossier: NewDossierRow;
  events: readonly NewDossierEvent[];
  steps: readonly StepRow[];
  applicationForm?: { procedureVersionId: string; formKey: string; formValues: Record<string, unknown> } | undefined;
  statisticsDelta?: NewStatisticsDelta | undefined;
  /** The outbox jobs of the new dossier's events (pg-boss queue and data), written by the same statement. */
  jobs: readonly NewOutboxJob[];
};

/** A pg-boss job to write with a state change: its queue's name and its data. */
export type NewOutboxJob = { queue: string; data: object };

/** What insertNewDossier's statement makes of a new dossier: its code, and the instant of the row. */
export type NewDossierWritten = { code: string; createdAt: Date };

/** The keys of a row that carry a value (an undefined one is left to the column's default, as Kysely does). */
const definedKeys = (row: object): string[] =>
  Object.keys(row).filter((key) => (row as Record<string, unknown>)[key] !== undefined);

/**
 * The insert of outbox jobs as pg-boss 10 writes them (its `insertJobs`: each job takes its queue's retry,
 * expiry, retention, policy and dead-letter settings, nothing set per job), as a part of a larger statement so
 * that a state change and its jobs are one round trip. `jobs` is a JSON array of { queue, data }. A job for a
 * queue that does not exist is not written, as with pg-boss. `outbox-jobs.test.ts` checks that a job written
 * here equals, column by column, one that pg-boss's own insert writes — it fails if an upgrade of pg-boss
 * changes either.
 */
export const outboxJobsInsert = (jobs: RawBuilder<unknown> | unknown) =>
  sql<{ id: string }>`insert into pgboss.job
      (name, data, priority, expire_in, keep_until, retry_limit, retry_delay, retry_backoff, policy, dead_letter)
    select q.name, j.data, 0,
      coalesce(q.expire_seconds * interval '1s', interval '15 minutes'),
      now() + coalesce(q.retention_minutes * interval '1 minute', interval '14 days'),
      coalesce(q.retry_limit, 2),
      case when coalesce(q.retry_backoff, false) then greatest(q.retry_delay, 1) else coalesce(q.retry_delay, 0) end,
      coalesce(q.retry_backoff, false),
      q.policy,
      q.dead_letter
    from jsonb_to_recordset(${jobs}::jsonb) as j(queue text, data jsonb)
    join pgboss.queue q on q.name = j.queue
    on conflict do nothing
    returning id`;

/**
 * The statement of insertNewDossier, compiled once per shape: the dossier's columns, each event's and step's
 * columns, and whether a form and a statistics delta come with it. Every value is the call's own.
 */
const newDossierStatement = prepareQueryByShape<NewDossierInput, NewDossierWritten>(
  (input) =>
    `${definedKeys(input.dossier).join(',')};${input.events.map((e) => definedKeys(e).join(',')).join('|')};` +
    `${input.steps.map((step) => definedKeys(step).join(',')).join('|')};${input.applicationForm ? 'form' : ''};` +
    `${input.statisticsDelta ? 'delta' : ''};${input.jobs.length}`,
  (db, value, shape) => {
    const row = <T extends object>(of: T, pick: (input: NewDossierInput) => T): T =>
      Object.fromEntries(
        definedKeys(of).map((key) => [key, value((input) => (pick(input) as Record<string, unknown>)[key])]),
      ) as T;
    const nothing = sql<boolean>`false`;
    return db
      .with('seq', (db) =>
        db
          .insertInto('dossierCodeCounter')
          .values({
            agencyId: value((input) => input.counter.agencyId),
            day: value((input) => input.counter.day),
            lastSeq: 1,
          })
          .onConflict((oc) =>
            oc.columns(['agencyId', 'day']).doUpdateSet({ lastSeq: sql<number>`dossier_code_counter.last_seq + 1` }),
          )
          .returning('lastSeq'),
      )
      .with('created', (db) =>
        db
          .insertInto('dossier')
          .values({
            ...row(shape.dossier, (input) => input.dossier),
            code: sql<string>`(select ${value((input) => input.counter.codePrefix)}::text || case when last_seq < 10000
            then lpad(last_seq::text, 4, '0') else last_seq::text end from seq)`,
          })
          .returning(['code', 'createdAt', 'eventCount']),
      )
      .with('events', (db) =>
        db
          .insertInto('dossierEvent')
          .values(
            shape.events.map((event, index) => ({
              ...row(event, (input) => input.events[index] as NewDossierEvent),
              payload: value((input) => JSON.stringify((input.events[index] as NewDossierEvent).payload)),
            })),
          )
          .returning('seq'),
      )
      .with('steps', (db) =>
        shape.steps.length > 0
          ? db
              .insertInto('dossierStep')
              .values(
                shape.steps.map((step, index) => ({
                  ...row(step, (input) => input.steps[index] as StepRow),
                  dossierId: value((input) => input.dossier.id),
                  provinceCode: value((input) => input.dossier.provinceCode),
                })),
              )
              .returning('stepNo')
          : db.selectFrom('created').select('eventCount as stepNo').where(nothing),
      )
      .with('form', (db) =>
        db
          .insertInto('dossierApplicationForm')
          .columns(['dossierId', 'provinceCode', 'procedureVersionId', 'formKey', 'formValues', 'createdAt'])
          .expression(
            db
              .selectNoFrom([
                sql<string>`${value((input) => input.dossier.id)}::uuid`.as('dossierId'),
                sql<string>`${value((input) => input.dossier.provinceCode)}::text`.as('provinceCode'),
                sql<string>`${value((input) => input.applicationForm?.procedureVersionId ?? null)}::uuid`.as(
                  'procedureVersionId',
                ),
                sql<string>`${value((input) => input.applicationForm?.formKey ?? null)}::text`.as('formKey'),
                sql<string>`${value((input) => (input.applicationForm ? JSON.stringify(input.applicationForm.formValues) : null))}::jsonb`.as(
                  'formValues',
                ),
                sql<Date>`now()`.as('createdAt'),
              ])
              .where(shape.applicationForm ? sql<boolean>`true` : nothing),
          )
          .returning('dossierId'),
      )
      .with('delta', (db) =>
        db
          .insertInto('statDelta')
          .columns(['provinceCode', 'series', 'cells'])
          .expression(
            db
              .selectNoFrom([
                sql<string>`${value((input) => input.statisticsDelta?.provinceCode ?? input.dossier.provinceCode)}::text`.as(
                  'provinceCode',
                ),
                sql<string>`${value((input) => JSON.stringify(input.statisticsDelta?.series ?? []))}::jsonb`.as(
                  'series',
                ),
                sql<string>`${value((input) => JSON.stringify(input.statisticsDelta?.cells ?? []))}::jsonb`.as('cells'),
              ])
              .where(shape.statisticsDelta ? sql<boolean>`true` : nothing),
          )
          .returning('id'),
      )
      .with('jobs', () => sql`(${outboxJobsInsert(value((input) => JSON.stringify(input.jobs)))})`)
      .selectFrom('created')
      .select(['code', 'createdAt']);
  },
);

/**
 * Writes a new dossier in ONE statement: the next number of the receiving agency's daily sequence and
 * the code made of it, the row, its events, its step rows, its filled application form, its
 * statistics delta and its outbox jobs. Run it on its own when it is the only write (it is atomic by itself:
 * the counter row is locked only while it runs), else last before COMMIT (locked until the commit, one round
 * trip later), so intakes at one desk never queue behind each other's other writes; the sequence stays gap-free
 * (a failed or rolled-back intake releases its number with the lock).
 * The number is padded as formatDossierCode does (packages/domain dossier-code.ts, Circular 01/2018
 * Art. 19): four digits, wider from the 10,000th dossier of a day; a test checks both agree.
 * The statement's text is built once per shape (prepareQueryByShape): an intake sends only its values.
 * Answers the code and the row's creation instant; everything else of the row is what the caller gave.
 */
export const insertNewDossier = async (trx: Db, input: NewDossierInput): Promise<NewDossierWritten> => {
  const written = (await newDossierStatement.execute(trx, input)).rows[0];
  if (!written) {
    throw new Error('insertNewDossier: the statement returned no row');
  }
  return written;
};

export const findDossierByCode = async (db: Db, code: string): Promise<DossierRecord | undefined> =>
  db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirst();

export const findDossierById = async (db: Db, id: string): Promise<DossierRecord | undefined> =>
  db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirst();

/** The filled application form of a dossier, if it has one. */
export const findDossierApplicationForm = async (db: Db, dossierId: string) =>
  db.selectFrom('dossierApplicationForm').selectAll().where('dossierId', '=', dossierId).executeTakeFirst();

/** Locks the dossier row for the rest of the transaction (serialises concurrent actions on one dossier). */
export const lockDossier = async (trx: Transaction<Database>, id: string): Promise<DossierRecord | undefined> =>
  trx.selectFrom('dossier').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export type DossierChanges = Partial<
  Pick<
    import('kysely').Updateable<DossierTable>,
    | 'status'
    | 'holderAgencyId'
    | 'holderUserId'
    | 'currentStepRole'
    | 'currentStepDueAt'
    | 'state'
    | 'receivedAt'
    | 'dueAt'
    | 'legalDueAt'
    | 'dueProvisional'
    | 'completedAt'
    | 'completionClass'
    | 'outcome'
    | 'returnedAt'
    | 'returnChannel'
    | 'eventCount'
    | 'lastEventHash'
  >
>;

/** Writes new dossier state if the version is still the one the caller based its decision on. */
export const updateDossierGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; changes: DossierChanges; now: Date },
): Promise<DossierRecord | undefined> =>
  trx
    .updateTable('dossier')
    .set({ ...input.changes, version: sql<number>`version + 1`, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

export type StepRow = {
  stepNo: number;
  key: string;
  name: string;
  role: 'receptionist' | 'processor' | 'approver' | 'result_returner';
  agencyId: string;
  assigneeUserId: string | null;
  status: 'pending' | 'active' | 'done';
  handoff: 'internal' | 'inter_agency' | 'inter_level' | null;
  allotmentMinutes: number;
  givenAt: Date | null;
  receivedAt: Date | null;
  completedAt: Date | null;
  dueAt: Date | null;
  overrunMinutes: number | null;
  givenByUserId: string | null;
  receivedByUserId: string | null;
  completedByUserId: string | null;
};

/** Writes the projection of the dossier's steps (few rows; upserted on every transition). */
export const upsertDossierSteps = async (
  trx: Transaction<Database>,
  input: { dossierId: string; provinceCode: string; steps: StepRow[] },
): Promise<void> => {
  if (input.steps.length === 0) {
    return;
  }
  await trx
    .insertInto('dossierStep')
    .values(input.steps.map((s) => ({ ...s, dossierId: input.dossierId, provinceCode: input.provinceCode })))
    .onConflict((oc) =>
      oc.columns(['dossierId', 'stepNo']).doUpdateSet((eb) => ({
        agencyId: eb.ref('excluded.agencyId'),
        assigneeUserId: eb.ref('excluded.assigneeUserId'),
        status: eb.ref('excluded.status'),
        givenAt: eb.ref('excluded.givenAt'),
        receivedAt: eb.ref('excluded.receivedAt'),
        completedAt: eb.ref('excluded.completedAt'),
        dueAt: eb.ref('excluded.dueAt'),
        overrunMinutes: eb.ref('excluded.overrunMinutes'),
        givenByUserId: eb.ref('excluded.givenByUserId'),
        receivedByUserId: eb.ref('excluded.receivedByUserId'),
        completedByUserId: eb.ref('excluded.completedByUserId'),
      })),
    )
    .execute();
};

export const listDossierSteps = async (db: Db, dossierId: string) =>
  db
    .selectFrom('dossierStep')
    .innerJoin('agency', 'agency.id', 'dossierStep.agencyId')
    .leftJoin('appUser', 'appUser.id', 'dossierStep.assigneeUserId')
    .leftJoin('appUser as giver', 'giver.id', 'dossierStep.givenByUserId')
    .leftJoin('appUser as taker', 'taker.id', 'dossierStep.receivedByUserId')
    .leftJoin('appUser as performer', 'performer.id', 'dossierStep.completedByUserId')
    .select([
      'dossierStep.stepNo',
      'dossierStep.key',
      'dossierStep.name',
      'dossierStep.role',
      'dossierStep.agencyId',
      'agency.code as agencyCode',
      'agency.name as agencyName',
      'dossierStep.assigneeUserId',
      'appUser.fullName as assigneeName',
      'dossierStep.status',
      'dossierStep.handoff',
      'dossierStep.allotmentMinutes',
      'dossierStep.givenAt',
      'dossierStep.receivedAt',
      'dossierStep.completedAt',
      'dossierStep.dueAt',
      'dossierStep.overrunMinutes',
      'giver.fullName as givenByName',
      'taker.fullName as receivedByName',
      'performer.fullName as completedByName',
    ])
    .where('dossierStep.dossierId', '=', dossierId)
    .orderBy('dossierStep.stepNo')
    .execute();

export type NewDossierEvent = {
  dossierId: string;
  seq: number;
  at: Date;
  actorKind: 'official' | 'applicant' | 'system';
  actorUserId: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  payload: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
};

export const insertDossierEvent = async (trx: Transaction<Database>, event: NewDossierEvent): Promise<void> => {
  await trx
    .insertInto('dossierEvent')
    .values({ ...event, payload: JSON.stringify(event.payload) })
    .execute();
};

export const listDossierEvents = async (db: Db, dossierId: string) =>
  db
    .selectFrom('dossierEvent')
    .leftJoin('appUser', 'appUser.id', 'dossierEvent.actorUserId')
    .leftJoin('agency', 'agency.id', 'dossierEvent.agencyId')
    .select([
      'dossierEvent.seq',
      'dossierEvent.at',
      'dossierEvent.actorKind',
      'dossierEvent.actorUserId',
      'appUser.fullName as actorName',
      'dossierEvent.actorRole',
      'dossierEvent.agencyId',
      'agency.name as agencyName',
      'dossierEvent.action',
      'dossierEvent.fromStatus',
      'dossierEvent.toStatus',
      'dossierEvent.note',
      'dossierEvent.payload',
      'dossierEvent.hash',
    ])
    .where('dossierEvent.dossierId', '=', dossierId)
    .orderBy('dossierEvent.seq')
    .execute();

/** Events in keyset pages for `audit verify` (never the whole table in memory). */
export const listEventsForAudit = async (db: Db, input: { dossierId?: string; afterId: number; limit: number }) => {
  let query = db.selectFrom('dossierEvent').selectAll().where('id', '>', input.afterId);
  if (input.dossierId) {
    query = query.where('dossierId', '=', input.dossierId);
  }
  return query.orderBy('id').limit(input.limit).execute();
};

/** Dossiers with their chain anchors, in keyset pages (for `audit verify`). */
export const listDossierAnchors = async (db: Db, input: { dossierId?: string; afterId: string; limit: number }) => {
  let query = db
    .selectFrom('dossier')
    .select(['id', 'code', 'eventCount', 'lastEventHash'])
    .where('id', '>', input.afterId);
  if (input.dossierId) {
    query = query.where('id', '=', input.dossierId);
  }
  return query.orderBy('id').limit(input.limit).execute();
};

export type InboxQuery = {
  /** Agencies whose dossiers the caller may see (already scoped by authorisation). */
  agencyIds: string[];
  box: 'all' | 'mine' | 'agency' | 'due_soon' | 'overdue';
  userId: string;
  /** For box=mine: (agency, step role) pairs the caller can act on. */
  myStepRoles: { agencyId: string; role: string }[];
  statuses?: DossierStatus[];
  procedureCode?: string;
  fieldName?: string;
  code?: string;
  foldedApplicant?: string;
  now: Date;
  dueSoonUntil: Date;
  cursor?: { dueAt: string | null; id: string };
  limit: number;
};

/** The statuses of an open dossier: the partial inbox indexes of migration 0016 cover exactly these. */
const OPEN_STATUSES = sql.raw(
  "('new', 'received', 'processing', 'supplement_requested', 'financial_obligation', 'completed')",
);
/** The inbox order: due instant ascending, dossiers without one last (the key of the 0016 indexes). */
const SORT_KEY = sql`coalesce(d.due_at, 'infinity'::timestamptz)`;

const boxCondition = (input: Omit<InboxQuery, 'cursor' | 'limit'>) => {
  switch (input.box) {
    case 'mine':
      // Read per holding agency (see inboxCandidates): assigned to me, or a step of one of my roles
      // there that nobody has taken yet, or (at my desk) an online dossier waiting for intake.
      return sql`d.status in ${OPEN_STATUSES} and (d.holder_user_id = ${input.userId}::uuid
        or (d.holder_user_id is null and d.current_step_role = any(string_to_array(scope.roles, ',')))
        or (d.status = 'new' and scope.desk))`;
    case 'agency':
      return sql`d.status in ${OPEN_STATUSES}`;
    case 'due_soon':
      return sql`d.status in ('received', 'processing') and ${SORT_KEY} >= ${input.now} and ${SORT_KEY} <= ${input.dueSoonUntil}`;
    case 'overdue':
      return sql`d.status in ('received', 'processing', 'completed') and ${SORT_KEY} < ${input.now}`;
    case 'all':
      return sql`true`;
  }
};

const filterCondition = (input: Omit<InboxQuery, 'cursor' | 'limit'>) => {
  const parts = [boxCondition(input)];
  if (input.statuses && input.statuses.length > 0) {
    parts.push(sql`d.status = any(${input.statuses}::text[])`);
  }
  if (input.procedureCode) {
    parts.push(sql`d.procedure_code = ${input.procedureCode}`);
  }
  if (input.fieldName) {
    parts.push(sql`d.field_name = ${input.fieldName}`);
  }
  if (input.code) {
    parts.push(sql`d.code = ${input.code}`);
  }
  if (input.foldedApplicant) {
    const pattern = `%${input.foldedApplicant.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`d.applicant_search like ${pattern}`);
  }
  return sql.join(parts, sql` and `);
};

/**
 * The dossiers of the caller's agencies that pass the filters, in inbox order, at most `limit`: one
 * index range per agency (held by it; received by it and held by another), each stopped after
 * `limit` rows, then merged. The first `limit` rows of a union are among the first `limit` of each
 * part, so a page reads at most 2 × agencies × limit index entries, whatever the province's size.
 * A dossier both held and received in the scope comes from two parts once (union).
 */
const inboxCandidates = (input: Omit<InboxQuery, 'limit'>, columns: RawBuilder<unknown>, limit: number) => {
  const where = filterCondition(input);
  // After the cursor, written as a range start on the sort key (an index condition the planner
  // estimates like the box's own range) plus the tie on id, rather than a row comparison, which it
  // underestimates and then answers by sorting the whole range.
  const after = input.cursor ? sql`${input.cursor.dueAt ?? 'infinity'}::timestamptz` : null;
  const cursor =
    input.cursor && after
      ? sql`and ${SORT_KEY} >= ${after} and (${SORT_KEY} > ${after} or d.id > ${input.cursor.id}::uuid)`
      : sql``;
  // My roles and whether I sit at the desk, per agency of the scope (box mine).
  const roles = input.agencyIds.map((id) =>
    input.myStepRoles
      .filter((p) => p.agencyId === id)
      .map((p) => p.role)
      .join(','),
  );
  const desks = roles.map((r) => r.split(',').includes('receptionist'));
  const scope = sql`unnest(${input.agencyIds}::uuid[], ${roles}::text[], ${desks}::boolean[]) as scope (agency_id, roles, desk)`;
  const part = (agencyColumn: 'holder_agency_id' | 'receiving_agency_id') => sql`
    select b.* from ${scope}
    cross join lateral (
      select ${columns}, ${SORT_KEY} as sort_key
      from dossier d
      where d.${sql.raw(agencyColumn)} = scope.agency_id
        ${agencyColumn === 'receiving_agency_id' ? sql`and d.holder_agency_id <> d.receiving_agency_id` : sql``}
        and ${where} ${cursor}
      order by ${SORT_KEY}, d.id
      limit ${limit}
    ) b`;
  // A code is unique: read its one row (unique index), then check the scope.
  if (input.code) {
    const agencyMatch =
      input.box === 'mine'
        ? sql`scope.agency_id = d.holder_agency_id`
        : sql`scope.agency_id in (d.holder_agency_id, d.receiving_agency_id)`;
    return sql`
      select ${columns}, ${SORT_KEY} as sort_key from dossier d
      where d.code = ${input.code} and exists (select 1 from ${scope} where ${agencyMatch} and ${where} ${cursor})`;
  }
  // Box mine holds what is held at my agencies (assigned to me, a step of my role there, a new
  // dossier at my desk, whose holder is the desk): the holding part alone.
  if (input.box === 'mine') {
    return part('holder_agency_id');
  }
  return sql`${part('holder_agency_id')} union ${part('receiving_agency_id')}`;
};

export type InboxRow = {
  id: string;
  code: string;
  status: DossierStatus;
  channel: 'direct' | 'online' | 'postal';
  procedureCode: string;
  procedureName: string;
  fieldName: string;
  applicantName: string;
  summary: string;
  receivingAgencyId: string;
  holderAgencyId: string;
  holderAgencyName: string;
  holderUserId: string | null;
  currentStepRole: string | null;
  currentStepDueAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  dueProvisional: boolean;
  completionClass: 'early' | 'on_time' | 'late' | null;
  version: number;
};

/**
 * The officer's inbox: dossiers held by (or received at) the caller's agencies, filtered and
 * keyset-paginated by (due instant, id), reading about one page per agency at any depth.
 */
/** The SQL of one inbox page (searchInbox runs it; the plan tests and the benchmark explain it). */
export const inboxPageQuery = (input: InboxQuery) => {
  const columns = sql`d.id, d.code, d.status, d.channel, d.procedure_code, d.procedure_name, d.field_name,
    d.applicant_name, d.summary, d.receiving_agency_id, d.holder_agency_id, d.holder_user_id, d.current_step_role,
    d.current_step_due_at, d.received_at, d.due_at, d.due_provisional, d.completion_class, d.version`;
  return sql<InboxRow & { sortKey: Date }>`
    select page.*, holder.name as holder_agency_name
    from (${inboxCandidates(input, columns, input.limit)}) page
    join agency holder on holder.id = page.holder_agency_id
    order by page.sort_key, page.id
    limit ${input.limit}
  `;
};

/**
 * Runs an inbox read with the planner told to read in index order: open dossiers crowd the near
 * due instants, which the table-wide statistics cannot see, so the planner underestimates a box's
 * range and would rather bitmap-read and sort all of it than walk one page of the index. Without
 * bitmap scans and with sorts priced out, each agency's part is one ordered index range; the merge
 * of the parts still sorts its few rows. Local to the transaction.
 */
export const withInboxPlanner = async <T>(db: Db, read: (trx: Db) => Promise<T>): Promise<T> => {
  const run = async (trx: Db) => {
    // JIT off: the price put on sorts would otherwise make every inbox read "expensive" enough to compile.
    await sql`select set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true),
      set_config('jit', 'off', true)`.execute(trx);
    return read(trx);
  };
  return db.isTransaction ? read(db) : (db as Kysely<Database>).transaction().execute(run);
};

export const searchInbox = async (db: Db, input: InboxQuery): Promise<InboxRow[]> => {
  if (input.agencyIds.length === 0) {
    return [];
  }
  const result = await withInboxPlanner(db, (trx) => inboxPageQuery(input).execute(trx));
  return result.rows.map(({ sortKey: _sortKey, ...row }) => row);
};

/** The SQL of a capped inbox count (countInbox runs it). */
export const inboxCountQuery = (input: Omit<InboxQuery, 'cursor' | 'limit'>, cap: number) =>
  sql<{ n: number }>`
    select count(*)::int as n from (
      select id from (${inboxCandidates(input, sql`d.id`, cap)}) candidates limit ${cap}
    ) capped
  `;

/**
 * How many dossiers each box holds, counted up to `cap` (an inbox badge says "999+" past it): at most
 * `cap` index entries per agency and part, never the whole scope.
 */
export const countInbox = async (db: Db, input: Omit<InboxQuery, 'cursor' | 'limit'>, cap: number): Promise<number> => {
  if (input.agencyIds.length === 0) {
    return 0;
  }
  const result = await withInboxPlanner(db, (trx) => inboxCountQuery(input, cap).execute(trx));
  return result.rows[0]?.n ?? 0;
};

/** Active officials holding one of the roles directly at an agency (candidates for assignment). */
export const listAgencyOfficials = async (db: Db, input: { agencyId: string; roles: string[] }) =>
  db
    .selectFrom('userRole')
    .innerJoin('appUser', 'appUser.id', 'userRole.userId')
    .select(['appUser.id', 'appUser.fullName', 'appUser.title', 'userRole.role'])
    .where('userRole.agencyId', '=', input.agencyId)
    .where('userRole.role', 'in', input.roles as never)
    .where('appUser.status', '=', 'active')
    .orderBy('appUser.fullName')
    .execute();

/** Claims an Idempotency-Key inside the caller's transaction; a concurrent twin waits on the row lock. */
export const claimIdempotencyKey = async (
  trx: Transaction<Database>,
  input: { scope: string; key: string; requestHash: string },
): Promise<
  { claimed: true } | { claimed: false; requestHash: string; statusCode: number | null; response: unknown }
> => {
  const inserted = await trx
    .insertInto('idempotencyKey')
    .values({ scope: input.scope, key: input.key, requestHash: input.requestHash })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) {
    return { claimed: true };
  }
  const existing = await trx
    .selectFrom('idempotencyKey')
    .select(['requestHash', 'statusCode', 'response'])
    .where('scope', '=', input.scope)
    .where('key', '=', input.key)
    .executeTakeFirstOrThrow();
  return { claimed: false, ...existing };
};

export const storeIdempotentResponse = async (
  trx: Transaction<Database>,
  input: { scope: string; key: string; statusCode: number; response: unknown },
): Promise<void> => {
  await trx
    .updateTable('idempotencyKey')
    .set({ statusCode: input.statusCode, response: JSON.stringify(input.response) })
    .where('scope', '=', input.scope)
    .where('key', '=', input.key)
    .execute();
};

export const insertDossierDocument = async (
  trx: Transaction<Database>,
  doc: {
    dossierId: string;
    kind: 'component' | 'result';
    componentKey: string | null;
    name: string;
    documentNo: string | null;
    fileSha256: string | null;
    mediaType: string | null;
    sizeBytes: number | null;
    uploadedBy: string | null;
  },
) => trx.insertInto('dossierDocument').values(doc).returningAll().executeTakeFirstOrThrow();

export const listDossierDocuments = async (db: Db, dossierId: string) =>
  db
    .selectFrom('dossierDocument')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();

/** Open dossiers of a province, in pages, for the calendar-change preview (never all at once). */
export const listOpenDossiersForCalendar = async (
  db: Db,
  input: { provinceCode: string; afterId: string; limit: number },
) =>
  db
    .selectFrom('dossier')
    .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
    .select(['dossier.id', 'dossier.code', 'dossier.version', 'dossier.state', 'dossier.dueAt', 'agency.workingHours'])
    .where('dossier.provinceCode', '=', input.provinceCode)
    .where('dossier.status', 'in', ['received', 'processing', 'supplement_requested', 'financial_obligation'])
    .where('dossier.id', '>', input.afterId)
    .orderBy('dossier.id')
    .limit(input.limit)
    .execute();
