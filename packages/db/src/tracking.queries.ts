import type { CompiledQuery, Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DatabaseHandle } from './client.js';
import { nameStatement } from './named-statements.js';
import type { Database } from './schema.js';
import type { DossierEventTable, DossierStepTable, DossierTable } from './tables/dossiers.js';

type Dossier = Selectable<DossierTable>;

type Db = Kysely<Database> | Transaction<Database>;

/** A throttle counter as stored (login_throttle): attempts in the window that started at `windowStartedAt`. */
export type ThrottleRow = { key: string; attempts: number; windowStartedAt: Date };

export type TrackedStep = {
  stepNo: number;
  name: string;
  status: Selectable<DossierStepTable>['status'];
  agencyName: string;
  givenAt: Date | null;
  receivedAt: Date | null;
  completedAt: Date | null;
  dueAt: Date | null;
};

export type TrackedEvent = {
  seq: number;
  at: Date;
  action: string;
  actorKind: Selectable<DossierEventTable>['actorKind'];
  fromStatus: string | null;
  toStatus: string;
  agencyName: string | null;
};

/** The latest request made of the applicant (supplement, payment), with what they were told. */
export type TrackedRequest = { action: string; at: Date; note: string | null; payload: unknown };

export type TrackedDossier = {
  id: string;
  code: string;
  status: Dossier['status'];
  channel: Dossier['channel'];
  procedureCode: string;
  procedureName: string;
  applicant: Record<string, unknown>;
  createdAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  legalDueAt: Date | null;
  dueProvisional: boolean;
  completedAt: Date | null;
  returnedAt: Date | null;
  completionClass: 'early' | 'on_time' | 'late' | null;
  receivingAgency: { code: string; name: string } | null;
  rated: boolean;
  steps: TrackedStep[];
  events: TrackedEvent[];
  supplementRequest: TrackedRequest | null;
  paymentRequest: TrackedRequest | null;
};

const SUPPLEMENT_ACTIONS = ['request_supplement', 'request_intake_supplement'];
const PAYMENT_ACTIONS = ['request_payment'];

// Timestamps nested in JSON arrive as text.
const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));

const buildTrackedDossierQuery = (db: Db, code: string, province: string, throttleKeys: readonly string[]) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('loginThrottle')
        .select(
          sql<
            ThrottleRow[]
          >`coalesce(json_agg(json_build_object('key', key, 'attempts', attempts, 'window_started_at', window_started_at)), '[]')`.as(
            'throttles',
          ),
        )
        .where('key', 'in', [...throttleKeys])
        .as('throttle'),
    )
    // A province narrows the lookup (a province's portal); null reads any province's dossier.
    .leftJoin('dossier', (join) =>
      join
        .on('dossier.code', '=', code)
        .on(sql<boolean>`(${province}::text is null or dossier.province_code = ${province}::text)`),
    )
    .select([
      'throttle.throttles',
      'dossier.id',
      'dossier.code',
      'dossier.status',
      'dossier.channel',
      'dossier.procedureCode',
      'dossier.procedureName',
      'dossier.applicant',
      'dossier.createdAt',
      'dossier.receivedAt',
      'dossier.dueAt',
      'dossier.legalDueAt',
      'dossier.dueProvisional',
      'dossier.completedAt',
      'dossier.returnedAt',
      'dossier.completionClass',
    ])
    .select((eb) => [
      // Agencies by primary key, one row each (a join would let the planner hash the whole agency table).
      eb
        .selectFrom('agency as receiving')
        .select('receiving.code')
        .whereRef('receiving.id', '=', 'dossier.receivingAgencyId')
        .as('receivingAgencyCode'),
      eb
        .selectFrom('agency as receiving')
        .select('receiving.name')
        .whereRef('receiving.id', '=', 'dossier.receivingAgencyId')
        .as('receivingAgencyName'),
      eb
        .exists(
          eb
            .selectFrom('dossierRating')
            .select(sql`1`.as('one'))
            .whereRef('dossierRating.dossierId', '=', 'dossier.id'),
        )
        .as('rated'),
      jsonArrayFrom(
        eb
          .selectFrom('dossierStep')
          .select([
            'dossierStep.stepNo',
            'dossierStep.name',
            'dossierStep.status',
            (step) =>
              step
                .selectFrom('agency as stepAgency')
                .select('stepAgency.name')
                .whereRef('stepAgency.id', '=', 'dossierStep.agencyId')
                .$asScalar()
                .as('agencyName'),
            'dossierStep.givenAt',
            'dossierStep.receivedAt',
            'dossierStep.completedAt',
            'dossierStep.dueAt',
          ])
          .whereRef('dossierStep.dossierId', '=', 'dossier.id')
          .orderBy('dossierStep.stepNo'),
      ).as('steps'),
      jsonArrayFrom(
        eb
          .selectFrom('dossierEvent')
          .select([
            'dossierEvent.seq',
            'dossierEvent.at',
            'dossierEvent.action',
            'dossierEvent.actorKind',
            'dossierEvent.fromStatus',
            'dossierEvent.toStatus',
            (event) =>
              event
                .selectFrom('agency as eventAgency')
                .select('eventAgency.name')
                .whereRef('eventAgency.id', '=', 'dossierEvent.agencyId')
                .$asScalar()
                .as('agencyName'),
          ])
          .whereRef('dossierEvent.dossierId', '=', 'dossier.id')
          .orderBy('dossierEvent.seq'),
      ).as('events'),
      jsonObjectFrom(
        eb
          .selectFrom('dossierEvent as request')
          .select(['request.action', 'request.at', 'request.note', 'request.payload'])
          .whereRef('request.dossierId', '=', 'dossier.id')
          .where('request.action', 'in', SUPPLEMENT_ACTIONS)
          .orderBy('request.seq', 'desc')
          .limit(1),
      ).as('supplementRequest'),
      jsonObjectFrom(
        eb
          .selectFrom('dossierEvent as request')
          .select(['request.action', 'request.at', 'request.note', 'request.payload'])
          .whereRef('request.dossierId', '=', 'dossier.id')
          .where('request.action', 'in', PAYMENT_ACTIONS)
          .orderBy('request.seq', 'desc')
          .limit(1),
      ).as('paymentRequest'),
    ]);

// The statement is compiled once (its shape never changes) and registered to be sent as a named prepared
// statement with each lookup's values (named-statements.ts): every connection parses and plans it once, not on
// every lookup (building it with the query builder and planning it per request cost more than executing it).
// The results bypass the camel-case plugin, so the row is read with its snake_case names. (Behind PgBouncer in
// transaction mode this needs its protocol-level prepared statements, max_prepared_statements > 0, version
// 1.21 and later; MOTCUA_DB_NAMED_STATEMENTS=off sends it unnamed.)
const CODE = '\u0000code';
const PROVINCE = '\u0000province';
const KEYS = ['\u0000key0', '\u0000key1'] as const;
let compiled: CompiledQuery | undefined;

type JsonStep = {
  step_no: number;
  name: string;
  status: TrackedStep['status'];
  agency_name: string;
  given_at: string | null;
  received_at: string | null;
  completed_at: string | null;
  due_at: string | null;
};
type JsonEvent = {
  seq: number;
  at: string;
  action: string;
  actor_kind: TrackedEvent['actorKind'];
  from_status: string | null;
  to_status: string;
  agency_name: string | null;
};
type JsonRequest = { action: string; at: string; note: string | null; payload: unknown };
type TrackedRow = {
  throttles: { key: string; attempts: number; window_started_at: string }[];
  id: string | null;
  code: string | null;
  status: Dossier['status'] | null;
  channel: Dossier['channel'] | null;
  procedure_code: string | null;
  procedure_name: string | null;
  applicant: Record<string, unknown> | null;
  created_at: Date | null;
  received_at: Date | null;
  due_at: Date | null;
  legal_due_at: Date | null;
  due_provisional: boolean | null;
  completed_at: Date | null;
  returned_at: Date | null;
  completion_class: Dossier['completionClass'];
  receiving_agency_code: string | null;
  receiving_agency_name: string | null;
  rated: boolean | null;
  steps: JsonStep[];
  events: JsonEvent[];
  supplement_request: JsonRequest | null;
  payment_request: JsonRequest | null;
};

const request = (value: JsonRequest | null): TrackedRequest | null =>
  value ? { action: value.action, at: date(value.at), note: value.note ?? null, payload: value.payload } : null;

/**
 * Everything the public tracking answers, in ONE statement: the throttle counters of the two given keys
 * (always one row, even for an unknown code), and — when the code exists (in the given province, when one is
 * given: another province's dossier is not found, in the same statement) — the dossier's public fields, its
 * receiving agency, whether it was rated, its steps and history (agency names only) and
 * the latest supplement and payment requests. Each part is read by a unique key or a primary-key
 * prefix: dossier(code), dossier_step(dossier_id, step_no), dossier_event(dossier_id, seq),
 * dossier_rating(dossier_id), agency(id), login_throttle(key).
 */
export const findTrackedDossier = async (
  database: Pick<DatabaseHandle, 'db' | 'pool'>,
  input: { code: string; provinceCode?: string | undefined; throttleKeys: readonly [string, string] },
): Promise<{ throttles: ThrottleRow[]; dossier: TrackedDossier | undefined }> => {
  if (compiled === undefined) {
    compiled = buildTrackedDossierQuery(database.db, CODE, PROVINCE, KEYS).compile();
    nameStatement(compiled.sql);
  }
  const values: Record<string, unknown> = {
    [CODE]: input.code,
    [PROVINCE]: input.provinceCode ?? null,
    [KEYS[0]]: input.throttleKeys[0],
    [KEYS[1]]: input.throttleKeys[1],
  };
  const result = await database.pool.query<TrackedRow>(
    compiled.sql,
    compiled.parameters.map((value) => (typeof value === 'string' && value in values ? values[value] : value)),
  );
  const row = result.rows[0];
  if (!row) {
    throw new Error('the tracking statement returned no row');
  }
  const throttles = row.throttles.map((t) => ({
    key: t.key,
    attempts: t.attempts,
    windowStartedAt: date(t.window_started_at),
  }));
  if (row.id === null || row.code === null || row.status === null || row.channel === null) {
    return { throttles, dossier: undefined };
  }
  return {
    throttles,
    dossier: {
      id: row.id,
      code: row.code,
      status: row.status,
      channel: row.channel,
      procedureCode: row.procedure_code ?? '',
      procedureName: row.procedure_name ?? '',
      applicant: row.applicant ?? {},
      createdAt: row.created_at ?? new Date(0),
      receivedAt: row.received_at,
      dueAt: row.due_at,
      legalDueAt: row.legal_due_at,
      dueProvisional: row.due_provisional ?? false,
      completedAt: row.completed_at,
      returnedAt: row.returned_at,
      completionClass: row.completion_class,
      receivingAgency:
        row.receiving_agency_code !== null && row.receiving_agency_name !== null
          ? { code: row.receiving_agency_code, name: row.receiving_agency_name }
          : null,
      rated: row.rated === true,
      steps: row.steps.map((s) => ({
        stepNo: s.step_no,
        name: s.name,
        status: s.status,
        agencyName: s.agency_name,
        givenAt: dateOrNull(s.given_at),
        receivedAt: dateOrNull(s.received_at),
        completedAt: dateOrNull(s.completed_at),
        dueAt: dateOrNull(s.due_at),
      })),
      events: row.events.map((e) => ({
        seq: e.seq,
        at: date(e.at),
        action: e.action,
        actorKind: e.actor_kind,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        agencyName: e.agency_name,
      })),
      supplementRequest: request(row.supplement_request),
      paymentRequest: request(row.payment_request),
    },
  };
};

/**
 * Counts one failure against each key in one statement, each in its own fixed window (a new window
 * starts when the old one has passed). Returns every key's counter after this failure.
 */
export const hitThrottles = async (
  db: Db,
  input: { hits: readonly { key: string; windowMs: number }[]; now: Date },
): Promise<ThrottleRow[]> => {
  if (input.hits.length === 0) {
    return [];
  }
  const windowStart = sql<Date>`case login_throttle.key ${sql.join(
    input.hits.map((hit) => sql`when ${hit.key} then ${new Date(input.now.getTime() - hit.windowMs)}::timestamptz`),
    sql` `,
  )} end`;
  return db
    .insertInto('loginThrottle')
    .values(input.hits.map((hit) => ({ key: hit.key, windowStartedAt: input.now, attempts: 1 })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when login_throttle.window_started_at <= ${windowStart} then 1 else login_throttle.attempts + 1 end`,
        windowStartedAt: sql<Date>`case when login_throttle.window_started_at <= ${windowStart} then ${input.now} else login_throttle.window_started_at end`,
      }),
    )
    .returning(['key', 'attempts', 'windowStartedAt'])
    .execute();
};
