import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { handlingAgencySql } from './statistics-sql.js';

/**
 * The province's connection settings and the monitor of its sync to the national portal (issue 21 item 2):
 * the figures (backlog, lag, failures by reason, throughput), the pending and parked dossiers, a dossier's sync
 * history, retry and re-send, the backlog alert, and the counts of Decision 766 indicator 4. The tables are those
 * of migration 0040; the delivery worker (dvcqg-sync) writes the cursor and the log, this file reads them and moves
 * cursors only where an official asks (retry, re-send), never under a worker's live lease.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type DvcqgSettingValues = {
  enabled: boolean;
  endpointUrl: string | null;
  authUrl: string | null;
  username: string | null;
  dstCode: string | null;
  unitCode: string | null;
  agencyCodes: Record<string, string>;
  onTimeMinutes: number;
  backlogAlertMinutes: number;
  catalogPullHours: number | null;
};

/**
 * Writes the province's settings at the version read: 0 inserts the first row (a row already there answers
 * nothing), N updates the row only while it is still at N. `secretCiphertext` undefined keeps the stored
 * password, null removes it. Answers the saved row, or undefined on a stale version.
 */
export const saveDvcqgSetting = async (
  db: Db,
  input: DvcqgSettingValues & {
    provinceCode: string;
    expectedVersion: number;
    secretCiphertext: string | null | undefined;
    updatedBy: string;
    now: Date;
  },
) => {
  const values = {
    enabled: input.enabled,
    endpointUrl: input.endpointUrl,
    authUrl: input.authUrl,
    username: input.username,
    dstCode: input.dstCode,
    unitCode: input.unitCode,
    agencyCodes: JSON.stringify(input.agencyCodes),
    onTimeMinutes: input.onTimeMinutes,
    backlogAlertMinutes: input.backlogAlertMinutes,
    catalogPullHours: input.catalogPullHours,
    updatedBy: input.updatedBy,
    updatedAt: input.now,
    ...(input.secretCiphertext === undefined ? {} : { secretCiphertext: input.secretCiphertext }),
  };
  if (input.expectedVersion === 0) {
    return db
      .insertInto('dvcqgSetting')
      .values({ provinceCode: input.provinceCode, ...values })
      .onConflict((oc) => oc.column('provinceCode').doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  return db
    .updateTable('dvcqgSetting')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('provinceCode', '=', input.provinceCode)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
};

/** Whether every agency id belongs to the province (agency-code overrides name the province's own agencies). */
export const countAgenciesOfProvince = async (db: Db, provinceCode: string, agencyIds: readonly string[]) => {
  if (agencyIds.length === 0) {
    return 0;
  }
  const row = await db
    .selectFrom('agency')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('provinceCode', '=', provinceCode)
    .where('id', 'in', [...agencyIds])
    .executeTakeFirst();
  return Number(row?.count ?? 0);
};

export type DvcqgBacklog = {
  /** Cursor rows with changes still to deliver. */
  pending: number;
  /** Of them, those whose last attempt failed (retried with backoff). */
  failing: number;
  /** Rows stopped on a message the portal rejected. */
  parked: number;
  /** The instant of the oldest change not yet accepted among the pending rows (null: none waits). */
  oldestPendingSince: Date | null;
};

/** The backlog of a province, on dvcqg_sync_province_idx. */
export const readDvcqgBacklog = async (db: Db, provinceCode: string): Promise<DvcqgBacklog> => {
  const result = await sql<{ pending: number; failing: number; parked: number; oldestPendingSince: Date | null }>`
    select count(*) filter (where state = 'pending')::int as pending,
      count(*) filter (where state = 'pending' and attempts > 0)::int as failing,
      count(*) filter (where state = 'parked')::int as parked,
      min(pending_since) filter (where state = 'pending') as oldest_pending_since
    from dvcqg_sync
    where province_code = ${provinceCode} and state in ('pending', 'parked')`.execute(db);
  const row = result.rows[0];
  return {
    pending: row?.pending ?? 0,
    failing: row?.failing ?? 0,
    parked: row?.parked ?? 0,
    oldestPendingSince: row?.oldestPendingSince ? new Date(row.oldestPendingSince) : null,
  };
};

/** Attempts that did not succeed since an instant, by the portal's error code (or the failure's kind). */
export const countDvcqgFailuresByReason = async (
  db: Db,
  input: { provinceCode: string; since: Date },
): Promise<{ errorCode: string; outcome: 'rejected' | 'failed'; count: number }[]> => {
  const result = await sql<{ errorCode: string; outcome: 'rejected' | 'failed'; count: number }>`
    select coalesce(error_code, '') as error_code, outcome, count(*)::int as count
    from dvcqg_sync_log
    where province_code = ${input.provinceCode} and at >= ${input.since} and outcome <> 'accepted'
    group by 1, 2
    order by count desc, error_code, outcome`.execute(db);
  return result.rows;
};

export type DvcqgThroughputBucket = {
  hour: Date;
  accepted: number;
  rejected: number;
  failed: number;
  /** The longest wait, in seconds, between a change and the portal's acceptance of it in that hour. */
  maxDelaySeconds: number | null;
};

/** Attempts per hour since an instant (the chart of throughput and delivery delay). */
export const listDvcqgThroughput = async (
  db: Db,
  input: { provinceCode: string; since: Date },
): Promise<DvcqgThroughputBucket[]> => {
  const result = await sql<DvcqgThroughputBucket>`
    select date_trunc('hour', at) as hour,
      count(*) filter (where outcome = 'accepted')::int as accepted,
      count(*) filter (where outcome = 'rejected')::int as rejected,
      count(*) filter (where outcome = 'failed')::int as failed,
      max(extract(epoch from (at - event_at))) filter (where outcome = 'accepted')::int as max_delay_seconds
    from dvcqg_sync_log
    where province_code = ${input.provinceCode} and at >= ${input.since}
    group by 1
    order by 1`.execute(db);
  return result.rows.map((row) => ({ ...row, hour: new Date(row.hour) }));
};

export type DvcqgSyncListFilter = {
  provinceCode: string;
  /** pending: still to deliver; failing: pending whose last attempt failed; parked: rejected, waiting for a person. */
  state: 'pending' | 'failing' | 'parked';
  /** The last error code (the portal's, or the failure's kind). */
  errorCode?: string | undefined;
};

export type DvcqgSyncListRow = {
  dossierId: string;
  code: string;
  procedureName: string;
  dossierStatus: string;
  state: 'pending' | 'synced' | 'parked';
  targetSeq: number;
  deliveredSeq: number;
  attempts: number;
  nextAttemptAt: Date;
  pendingSince: Date | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  updatedAt: Date;
};

/**
 * One page of the pending, failing or parked dossiers, oldest change first: keyset (pending_since, dossier_id)
 * on dvcqg_sync_province_idx. `after` is the last row of the previous page.
 */
export const listDvcqgSyncPage = async (
  db: Db,
  input: DvcqgSyncListFilter & { after?: { pendingSince: Date; dossierId: string } | undefined; limit: number },
): Promise<DvcqgSyncListRow[]> => {
  let query = db
    .selectFrom('dvcqgSync as s')
    .innerJoin('dossier as d', 'd.id', 's.dossierId')
    .select([
      's.dossierId',
      'd.code',
      'd.procedureName',
      'd.status as dossierStatus',
      's.state',
      's.targetSeq',
      's.deliveredSeq',
      's.attempts',
      's.nextAttemptAt',
      's.pendingSince',
      's.lastErrorCode',
      's.lastErrorMessage',
      's.updatedAt',
    ])
    .where('s.provinceCode', '=', input.provinceCode)
    .where('s.state', '=', input.state === 'parked' ? 'parked' : 'pending')
    .where('s.pendingSince', 'is not', null);
  if (input.state === 'failing') {
    query = query.where('s.attempts', '>', 0);
  }
  if (input.errorCode !== undefined) {
    query = query.where('s.lastErrorCode', '=', input.errorCode);
  }
  if (input.after) {
    const after = input.after;
    query = query.where((eb) =>
      eb.or([
        eb('s.pendingSince', '>', after.pendingSince),
        eb.and([eb('s.pendingSince', '=', after.pendingSince), eb('s.dossierId', '>', after.dossierId)]),
      ]),
    );
  }
  return query.orderBy('s.pendingSince').orderBy('s.dossierId').limit(input.limit).execute();
};

/** A dossier's delivery cursor, if it was ever marked for the portal. */
export const findDvcqgSyncOfDossier = async (db: Db, dossierId: string) =>
  db.selectFrom('dvcqgSync').selectAll().where('dossierId', '=', dossierId).executeTakeFirst();

/** A dossier's delivery attempts, newest first (the request as sent is left out: the history needs the answers). */
export const listDvcqgSyncLogOfDossier = async (db: Db, input: { dossierId: string; limit: number }) =>
  db
    .selectFrom('dvcqgSyncLog')
    .select([
      'id',
      'eventSeq',
      'eventAt',
      'service',
      'isUpdating',
      'outcome',
      'errorCode',
      'message',
      'durationMs',
      'at',
    ])
    .where('dossierId', '=', input.dossierId)
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();

/**
 * Retry: parked rows, and pending rows whose attempts failed, are due now with no failed attempt. Rows a worker
 * holds under a live lease are left alone (the worker's own write would race this one). Idempotent: a row already
 * due with no failed attempt is not touched. Answers the ids changed.
 */
export const retryDvcqgSyncRows = async (
  db: Db,
  input: { provinceCode: string; dossierIds: readonly string[]; now: Date },
): Promise<string[]> => {
  if (input.dossierIds.length === 0) {
    return [];
  }
  const result = await sql<{ dossierId: string }>`
    update dvcqg_sync set state = 'pending', attempts = 0, next_attempt_at = ${input.now},
      pending_since = coalesce(pending_since, ${input.now}), updated_at = ${input.now}
    where province_code = ${input.provinceCode}
      and dossier_id = any(${[...input.dossierIds]}::uuid[])
      and (state = 'parked' or (state = 'pending' and attempts > 0))
      and (leased_until is null or leased_until < ${input.now})
    returning dossier_id`.execute(db);
  return result.rows.map((row) => row.dossierId);
};

/**
 * Re-send: the dossier's latest state is delivered again, as an update. The cursor targets the latest event
 * (dossier.event_count) and goes back to just before it: delivered_seq = least(delivered_seq, latest − 1); the row
 * is pending, due now, with no failed attempt. A dossier never marked (changed before the sync was switched on)
 * gets its cursor here. Rows under a live lease are left alone; dossiers of another province are never touched.
 * Idempotent: asked twice, the cursor is the same. Answers the ids changed.
 */
export const resendDvcqgSyncRows = async (
  db: Db,
  input: { provinceCode: string; dossierIds: readonly string[]; now: Date },
): Promise<string[]> => {
  if (input.dossierIds.length === 0) {
    return [];
  }
  const result = await sql<{ dossierId: string }>`
    insert into dvcqg_sync as s (dossier_id, province_code, target_seq, delivered_seq, state, attempts,
      next_attempt_at, pending_since, updated_at)
    select d.id, d.province_code, d.event_count, d.event_count - 1, 'pending', 0, ${input.now}, ${input.now},
      ${input.now}
    from dossier d
    where d.id = any(${[...input.dossierIds]}::uuid[]) and d.province_code = ${input.provinceCode}
      and d.event_count >= 1
    on conflict (dossier_id) do update set
      target_seq = greatest(s.target_seq, excluded.target_seq),
      delivered_seq = least(s.delivered_seq, excluded.target_seq - 1),
      dossier_message_accepted = case when least(s.delivered_seq, excluded.target_seq - 1) < s.delivered_seq
                                      then false else s.dossier_message_accepted end,
      state = 'pending',
      attempts = 0,
      next_attempt_at = excluded.next_attempt_at,
      pending_since = coalesce(s.pending_since, excluded.pending_since),
      updated_at = excluded.updated_at
    where s.leased_until is null or s.leased_until < excluded.updated_at
    returning dossier_id`.execute(db);
  return result.rows.map((row) => row.dossierId);
};

/** Provinces whose sync is on, with their alert threshold and the oldest change still waiting. */
export const listDvcqgBacklogAges = async (
  db: Db,
): Promise<
  { provinceCode: string; backlogAlertMinutes: number; oldestPendingSince: Date | null; pending: number }[]
> => {
  const result = await sql<{
    provinceCode: string;
    backlogAlertMinutes: number;
    oldestPendingSince: Date | null;
    pending: number;
  }>`
    select s.province_code, s.backlog_alert_minutes,
      (select min(y.pending_since) from dvcqg_sync y where y.province_code = s.province_code and y.state = 'pending')
        as oldest_pending_since,
      (select count(*)::int from dvcqg_sync y where y.province_code = s.province_code and y.state = 'pending')
        as pending
    from dvcqg_setting s
    where s.enabled
    order by s.province_code`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    oldestPendingSince: row.oldestPendingSince ? new Date(row.oldestPendingSince) : null,
  }));
};

/** Active officials holding one of the roles in an agency of the province (who manages the integration). */
export const listIntegrationManagerIds = async (
  db: Db,
  input: { provinceCode: string; roles: readonly string[] },
): Promise<string[]> => {
  if (input.roles.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('userRole')
    .innerJoin('appUser', 'appUser.id', 'userRole.userId')
    .innerJoin('agency', 'agency.id', 'userRole.agencyId')
    .select('userRole.userId')
    .distinct()
    .where('agency.provinceCode', '=', input.provinceCode)
    .where('userRole.role', 'in', [...input.roles] as never[])
    .where('appUser.status', '=', 'active')
    .orderBy('userRole.userId')
    .limit(1000)
    .execute();
  return rows.map((row) => row.userId);
};

export type DossierSyncIndicatorRow = {
  provinceCode: string;
  agencyId: string;
  onTimeMinutes: number;
  base: number;
  syncedOnTime: number;
};

/**
 * Decision 766 indicator 4's counts per province and handling agency, for provinces whose sync is on or has a
 * log before the period's end (elsewhere the indicator has no data). Base: dossiers received before the end and
 * not closed before the start — received, in process or returned in the period (a dossier still open now, or with
 * an event at or after the start). Synced on time (domain/dvcqg/monitor.ts): every event of the dossier in the
 * period has both messages accepted, of that event or a later one, within on_time_minutes of it; a dossier without
 * an event in the period needs its latest state's progress message accepted before the end.
 */
export const countDossierSyncIndicator = async (
  db: Db,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: Date; to: Date },
): Promise<{ provinces: { provinceCode: string; onTimeMinutes: number }[]; rows: DossierSyncIndicatorRow[] }> => {
  if (input.provinceCodes.length === 0) {
    return { provinces: [], rows: [] };
  }
  const provinces = await sql<{ provinceCode: string; onTimeMinutes: number }>`
    select s.province_code, s.on_time_minutes
    from dvcqg_setting s
    where s.province_code = any(${[...input.provinceCodes]}::text[])
      and (s.enabled or exists (
        select 1 from dvcqg_sync_log l where l.province_code = s.province_code and l.at < ${input.to}))
    order by s.province_code`.execute(db);
  if (provinces.rows.length === 0) {
    return { provinces: [], rows: [] };
  }
  const agencyFilter =
    input.agencyIds === null
      ? sql`true`
      : sql`(d.receiving_agency_id = any(${[...input.agencyIds]}::uuid[]) or ${handlingAgencySql('d')} = any(${[
          ...input.agencyIds,
        ]}::uuid[]))`;
  const accepted = (service: string) => sql`exists (
    select 1 from dvcqg_sync_log l
    where l.dossier_id = b.id and l.outcome = 'accepted' and l.service = ${service} and l.event_seq >= e.seq
      and l.at <= e.at + make_interval(mins => b.on_time_minutes))`;
  const result = await sql<DossierSyncIndicatorRow>`
    with setting as (
      select s.province_code, s.on_time_minutes from dvcqg_setting s
      where s.province_code = any(${provinces.rows.map((p) => p.provinceCode)}::text[])
    ),
    base as (
      select d.id, d.province_code, ${handlingAgencySql('d')} as agency_id, st.on_time_minutes
      from dossier d
      join setting st on st.province_code = d.province_code
      where d.received_at is not null and d.received_at < ${input.to}
        and ${agencyFilter}
        and (d.status not in ('returned', 'withdrawn', 'stopped', 'refused')
             or exists (select 1 from dossier_event x where x.dossier_id = d.id and x.at >= ${input.from}))
    ),
    judged as (
      select b.province_code, b.agency_id, b.on_time_minutes,
        case when exists (
            select 1 from dossier_event e where e.dossier_id = b.id and e.at >= ${input.from} and e.at < ${input.to})
          then not exists (
            select 1 from dossier_event e
            where e.dossier_id = b.id and e.at >= ${input.from} and e.at < ${input.to}
              and not (${accepted('DongBoHoSoMC')} and ${accepted('CapNhatTienDoHoSoMC')}))
          else exists (
            select 1 from dvcqg_sync_log l
            where l.dossier_id = b.id and l.outcome = 'accepted' and l.service = 'CapNhatTienDoHoSoMC'
              and l.at < ${input.to}
              and l.event_seq >= (select max(e.seq) from dossier_event e where e.dossier_id = b.id and e.at < ${input.to}))
        end as on_time
      from base b
    )
    select province_code, agency_id::text as agency_id, on_time_minutes,
      count(*)::int as base, count(*) filter (where on_time)::int as synced_on_time
    from judged
    group by province_code, agency_id, on_time_minutes
    order by province_code, agency_id`.execute(db);
  return { provinces: provinces.rows, rows: result.rows };
};
