import type { DossierStatus } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
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

/**
 * Writes a new dossier in ONE statement: the next number of the receiving agency's daily sequence and
 * the code made of it, the row, its events, its step rows, its filled application form and its
 * statistics delta. Call it last before COMMIT: the counter row is locked from this statement to the
 * commit (one round trip), so intakes at one desk never queue behind each other's other writes; the
 * sequence stays gap-free (a rolled-back intake releases its number with the lock).
 * The number is padded as formatDossierCode does (packages/domain dossier-code.ts, Circular 01/2018
 * Art. 19): four digits, wider from the 10,000th dossier of a day; a test checks both agree.
 */
export const insertNewDossier = async (
  trx: Transaction<Database>,
  input: {
    counter: { agencyId: string; day: string; codePrefix: string };
    dossier: NewDossierRow;
    events: readonly NewDossierEvent[];
    steps: readonly StepRow[];
    applicationForm?: { procedureVersionId: string; formKey: string; formValues: Record<string, unknown> } | undefined;
    statisticsDelta?: NewStatisticsDelta | undefined;
  },
): Promise<DossierRecord> => {
  const { dossier, counter } = input;
  const form = input.applicationForm;
  const delta = input.statisticsDelta;
  const nothing = sql<boolean>`false`;
  return trx
    .with('seq', (db) =>
      db
        .insertInto('dossierCodeCounter')
        .values({ agencyId: counter.agencyId, day: counter.day, lastSeq: 1 })
        .onConflict((oc) =>
          oc.columns(['agencyId', 'day']).doUpdateSet({ lastSeq: sql<number>`dossier_code_counter.last_seq + 1` }),
        )
        .returning('lastSeq'),
    )
    .with('created', (db) =>
      db
        .insertInto('dossier')
        .values({
          ...dossier,
          code: sql<string>`(select ${counter.codePrefix}::text || case when last_seq < 10000
            then lpad(last_seq::text, 4, '0') else last_seq::text end from seq)`,
        })
        .returningAll(),
    )
    .with('events', (db) =>
      db
        .insertInto('dossierEvent')
        .values(input.events.map((event) => ({ ...event, payload: JSON.stringify(event.payload) })))
        .returning('seq'),
    )
    .with('steps', (db) =>
      input.steps.length > 0
        ? db
            .insertInto('dossierStep')
            .values(input.steps.map((step) => ({ ...step, dossierId: dossier.id, provinceCode: dossier.provinceCode })))
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
              sql<string>`${dossier.id}::uuid`.as('dossierId'),
              sql<string>`${dossier.provinceCode}::text`.as('provinceCode'),
              sql<string>`${form?.procedureVersionId ?? null}::uuid`.as('procedureVersionId'),
              sql<string>`${form?.formKey ?? null}::text`.as('formKey'),
              sql<string>`${form ? JSON.stringify(form.formValues) : null}::jsonb`.as('formValues'),
              sql<Date>`now()`.as('createdAt'),
            ])
            .where(form ? sql<boolean>`true` : nothing),
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
              sql<string>`${delta?.provinceCode ?? dossier.provinceCode}::text`.as('provinceCode'),
              sql<string>`${JSON.stringify(delta?.series ?? [])}::jsonb`.as('series'),
              sql<string>`${JSON.stringify(delta?.cells ?? [])}::jsonb`.as('cells'),
            ])
            .where(delta ? sql<boolean>`true` : nothing),
        )
        .returning('id'),
    )
    .selectFrom('created')
    .selectAll()
    .executeTakeFirstOrThrow() as Promise<DossierRecord>;
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

/**
 * The officer's inbox: dossiers held by (or received at) the caller's agencies, filtered and
 * keyset-paginated by (due instant, id) — stable under inserts and index-friendly at any depth.
 */
const buildInboxQuery = (db: Db, input: Omit<InboxQuery, 'cursor' | 'limit'>) => {
  let query = db
    .selectFrom('dossier')
    .innerJoin('agency as holder', 'holder.id', 'dossier.holderAgencyId')
    .where((eb) =>
      eb.or([
        eb('dossier.holderAgencyId', 'in', input.agencyIds),
        eb('dossier.receivingAgencyId', 'in', input.agencyIds),
      ]),
    );
  const open: DossierStatus[] = [
    'new',
    'received',
    'processing',
    'supplement_requested',
    'financial_obligation',
    'completed',
  ];
  switch (input.box) {
    case 'mine': {
      const pairs = input.myStepRoles;
      const deskAgencies = pairs.filter((p) => p.role === 'receptionist').map((p) => p.agencyId);
      query = query.where('dossier.status', 'in', open).where((eb) =>
        eb.or([
          eb('dossier.holderUserId', '=', input.userId),
          // Steps of my role at my agency that nobody has been assigned to yet.
          ...pairs.map((p) =>
            eb.and([
              eb('dossier.holderAgencyId', '=', p.agencyId),
              eb('dossier.currentStepRole', '=', p.role),
              eb('dossier.holderUserId', 'is', null),
            ]),
          ),
          // Online dossiers waiting for my desk.
          ...(deskAgencies.length > 0
            ? [eb.and([eb('dossier.status', '=', 'new'), eb('dossier.receivingAgencyId', 'in', deskAgencies)])]
            : []),
        ]),
      );
      break;
    }
    case 'agency':
      query = query.where('dossier.status', 'in', open);
      break;
    case 'due_soon':
      query = query
        .where('dossier.status', 'in', ['received', 'processing'])
        .where('dossier.dueAt', '>=', input.now)
        .where('dossier.dueAt', '<=', input.dueSoonUntil);
      break;
    case 'overdue':
      query = query
        .where('dossier.status', 'in', ['received', 'processing', 'completed'])
        .where('dossier.dueAt', '<', input.now);
      break;
    case 'all':
      break;
  }
  if (input.statuses && input.statuses.length > 0) {
    query = query.where('dossier.status', 'in', input.statuses);
  }
  if (input.procedureCode) {
    query = query.where('dossier.procedureCode', '=', input.procedureCode);
  }
  if (input.fieldName) {
    query = query.where('dossier.fieldName', '=', input.fieldName);
  }
  if (input.code) {
    query = query.where('dossier.code', '=', input.code);
  }
  if (input.foldedApplicant) {
    query = query.where(
      'dossier.applicantSearch',
      'like',
      `%${input.foldedApplicant.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  }
  return query;
};

export const searchInbox = async (db: Db, input: InboxQuery) => {
  if (input.agencyIds.length === 0) {
    return [];
  }
  let query = buildInboxQuery(db, input);
  if (input.cursor) {
    const { dueAt, id } = input.cursor;
    // Order: due_at ascending with nulls last, then id.
    query =
      dueAt === null
        ? query.where('dossier.dueAt', 'is', null).where('dossier.id', '>', id)
        : query.where((eb) =>
            eb.or([
              eb('dossier.dueAt', '>', new Date(dueAt)),
              eb.and([eb('dossier.dueAt', '=', new Date(dueAt)), eb('dossier.id', '>', id)]),
              eb('dossier.dueAt', 'is', null),
            ]),
          );
  }
  return query
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.status',
      'dossier.channel',
      'dossier.procedureCode',
      'dossier.procedureName',
      'dossier.fieldName',
      'dossier.applicantName',
      'dossier.summary',
      'dossier.receivingAgencyId',
      'dossier.holderAgencyId',
      'holder.name as holderAgencyName',
      'dossier.holderUserId',
      'dossier.currentStepRole',
      'dossier.currentStepDueAt',
      'dossier.receivedAt',
      'dossier.dueAt',
      'dossier.dueProvisional',
      'dossier.completionClass',
      'dossier.version',
    ])
    .orderBy(sql`dossier.due_at asc nulls last`)
    .orderBy('dossier.id')
    .limit(input.limit)
    .execute();
};

/**
 * How many dossiers each box holds, counted up to `cap` (an inbox badge says "99+" past it), so
 * that counting never scans a whole province.
 */
export const countInbox = async (db: Db, input: Omit<InboxQuery, 'cursor' | 'limit'>, cap: number): Promise<number> => {
  if (input.agencyIds.length === 0) {
    return 0;
  }
  const limited = buildInboxQuery(db, input).select('dossier.id').limit(cap);
  const row = await db
    .selectFrom(limited.as('boxed'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return row?.n ?? 0;
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
