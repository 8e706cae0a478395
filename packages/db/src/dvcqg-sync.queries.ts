import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { DvcqgSyncLogTable, DvcqgSyncTable } from './tables/integration.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Marks a dossier's event for delivery to the national portal: its cursor row now targets at least this event.
 * Idempotent (a retried job marks the same seq again) and order-free (a late job for an older seq leaves the
 * target where it is). Nothing is marked when the dossier's province has not switched the sync on. A synced row
 * becomes pending again; a parked row stays parked (its later changes wait behind the rejected one, in order).
 * Answers whether a row was written.
 */
export const markDossierForSync = async (db: Db, input: { dossierId: string; seq: number }): Promise<boolean> => {
  const result = await sql`
    insert into dvcqg_sync (dossier_id, province_code, target_seq, pending_since)
    select d.id, d.province_code, e.seq, e.at
      from dossier d
      join dvcqg_setting s on s.province_code = d.province_code and s.enabled
      join dossier_event e on e.dossier_id = d.id and e.seq = ${input.seq}
     where d.id = ${input.dossierId}
    on conflict (dossier_id) do update set
      target_seq = greatest(dvcqg_sync.target_seq, excluded.target_seq),
      state = case when dvcqg_sync.state = 'synced' and excluded.target_seq > dvcqg_sync.delivered_seq
                   then 'pending' else dvcqg_sync.state end,
      next_attempt_at = case when dvcqg_sync.state = 'synced' then now() else dvcqg_sync.next_attempt_at end,
      pending_since = case when excluded.target_seq > dvcqg_sync.delivered_seq
                           then coalesce(dvcqg_sync.pending_since, excluded.pending_since)
                           else dvcqg_sync.pending_since end,
      updated_at = now()
  `.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
};

/** The province's connection to the national portal, if one was ever saved. */
export const findDvcqgSetting = async (db: Db, provinceCode: string) =>
  db.selectFrom('dvcqgSetting').selectAll().where('provinceCode', '=', provinceCode).executeTakeFirst();

export type DvcqgSyncRow = Selectable<DvcqgSyncTable>;

/**
 * Leases up to `limit` due cursor rows for one worker: pending, due, not held by a live lease, of a province whose
 * sync is switched on (a disabled province's rows stay pending, untouched). Each row gets its own lease token;
 * `for update skip locked` lets several API processes lease from the same table without taking the same row.
 */
export const leaseDueDvcqgSyncs = async (
  db: Db,
  input: { leaseSeconds: number; limit: number },
): Promise<DvcqgSyncRow[]> => {
  const result = await sql<DvcqgSyncRow>`
    update dvcqg_sync set
      leased_until = now() + make_interval(secs => ${input.leaseSeconds}),
      lease_token = gen_random_uuid(),
      updated_at = now()
     where dossier_id in (
       select s.dossier_id from dvcqg_sync s
         join dvcqg_setting p on p.province_code = s.province_code and p.enabled
        where s.state = 'pending' and s.next_attempt_at <= now()
          and (s.leased_until is null or s.leased_until < now())
        order by s.next_attempt_at, s.dossier_id
        limit ${input.limit}
        for update of s skip locked)
       and state = 'pending'
    returning *
  `.execute(db);
  return result.rows.map((row) => camelRow(row) as DvcqgSyncRow);
};

/** Raw rows of `returning *` come back snake_cased when the plugin is bypassed; normalise either way. */
const camelRow = (row: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );

type Lease = { dossierId: string; leaseToken: string; leaseSeconds: number };

/**
 * The dossier message of event `seq` was accepted: its progress message is next, and the portal now holds the
 * dossier. Guarded by the lease (a worker whose lease expired changes nothing) and by the cursor (the event is
 * still the next one); the lease is extended. Answers whether the row was changed.
 */
export const markDvcqgDossierMessageAccepted = async (db: Db, lease: Lease & { seq: number }): Promise<boolean> => {
  const result = await db
    .updateTable('dvcqgSync')
    .set({
      dossierMessageAccepted: true,
      remoteExists: true,
      leasedUntil: sql`now() + make_interval(secs => ${lease.leaseSeconds})`,
      updatedAt: sql`now()`,
    })
    .where('dossierId', '=', lease.dossierId)
    .where('leaseToken', '=', lease.leaseToken)
    .where('deliveredSeq', '=', lease.seq - 1)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** The portal already holds the dossier (it answered "đã tồn tại" to an add): the next message is an update. */
export const markDvcqgRemoteExists = async (db: Db, lease: Lease): Promise<boolean> => {
  const result = await db
    .updateTable('dvcqgSync')
    .set({ remoteExists: true, updatedAt: sql`now()` })
    .where('dossierId', '=', lease.dossierId)
    .where('leaseToken', '=', lease.leaseToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/**
 * Both messages of event `seq` were accepted: the cursor moves past it, the failed attempts are forgotten, the
 * lag restarts from the next event's instant (or ends: synced when the target is reached — read in the same
 * statement, so a change marked meanwhile keeps the row pending).
 */
export const advanceDvcqgSync = async (db: Db, lease: Lease & { seq: number }): Promise<boolean> => {
  const result = await sql`
    update dvcqg_sync s set
      delivered_seq = ${lease.seq},
      dossier_message_accepted = false,
      attempts = 0,
      last_error_code = null,
      last_error_message = null,
      state = case when s.target_seq <= ${lease.seq} then 'synced' else 'pending' end,
      pending_since = case when s.target_seq <= ${lease.seq} then null else
        (select e.at from dossier_event e where e.dossier_id = s.dossier_id and e.seq = ${lease.seq} + 1) end,
      leased_until = now() + make_interval(secs => ${lease.leaseSeconds}),
      updated_at = now()
     where s.dossier_id = ${lease.dossierId} and s.lease_token = ${lease.leaseToken}
       and s.delivered_seq = ${lease.seq - 1} and s.state = 'pending'
  `.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
};

/** A failed attempt: counted, retried at `retryInSeconds` from now, the lease released. */
export const recordDvcqgSyncFailure = async (
  db: Db,
  input: { dossierId: string; leaseToken: string; retryInSeconds: number; errorCode: string | null; message: string },
): Promise<boolean> => {
  const result = await db
    .updateTable('dvcqgSync')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      nextAttemptAt: sql`now() + make_interval(secs => ${input.retryInSeconds})`,
      leasedUntil: null,
      leaseToken: null,
      lastErrorCode: input.errorCode,
      lastErrorMessage: input.message.slice(0, 2000),
      updatedAt: sql`now()`,
    }))
    .where('dossierId', '=', input.dossierId)
    .where('leaseToken', '=', input.leaseToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** A rejected message: the row is parked with the portal's answer (its later changes wait behind it). */
export const parkDvcqgSync = async (
  db: Db,
  input: { dossierId: string; leaseToken: string; errorCode: string | null; message: string },
): Promise<boolean> => {
  const result = await db
    .updateTable('dvcqgSync')
    .set({
      state: 'parked',
      leasedUntil: null,
      leaseToken: null,
      lastErrorCode: input.errorCode,
      lastErrorMessage: input.message.slice(0, 2000),
      updatedAt: sql`now()`,
    })
    .where('dossierId', '=', input.dossierId)
    .where('leaseToken', '=', input.leaseToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** Gives a leased row back (nothing left to do now, or the worker is stopping). */
export const releaseDvcqgSyncLease = async (db: Db, input: { dossierId: string; leaseToken: string }) => {
  await db
    .updateTable('dvcqgSync')
    .set({ leasedUntil: null, leaseToken: null })
    .where('dossierId', '=', input.dossierId)
    .where('leaseToken', '=', input.leaseToken)
    .execute();
};

/** The cursor row of one dossier, if the dossier was ever marked. */
export const findDvcqgSync = async (db: Db, dossierId: string): Promise<DvcqgSyncRow | undefined> =>
  db.selectFrom('dvcqgSync').selectAll().where('dossierId', '=', dossierId).executeTakeFirst();

/** One attempt, appended to the log (request masked by the caller). */
export const insertDvcqgSyncLog = async (
  db: Db,
  row: Omit<Insertable<DvcqgSyncLogTable>, 'request'> & { request: object | null },
): Promise<void> => {
  await db
    .insertInto('dvcqgSyncLog')
    .values({ ...row, request: row.request === null ? null : JSON.stringify(row.request) })
    .execute();
};

/**
 * What one dossier's messages are built from: the dossier with its procedure's field code, the receiving
 * agency's code, whether its citizen signed in with VNeID; its events up to `uptoSeq` with the actor's name and
 * the agency's; its steps; its files; its payment requests and whether an online payment succeeded.
 */
export const loadDossierForSync = async (db: Db, input: { dossierId: string; uptoSeq: number }) => {
  const dossier = await db
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
    .leftJoin('citizen', 'citizen.id', 'dossier.citizenId')
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.provinceCode',
      'dossier.receivingAgencyId',
      'agency.code as agencyCode',
      'dossier.procedureVersionId',
      'dossier.procedureCode',
      'dossier.procedureName',
      'procedure.fieldCode',
      'dossier.fieldName',
      'dossier.channel',
      'dossier.applicant',
      'dossier.summary',
      'dossier.components',
      'dossier.createdAt',
      'citizen.source as citizenSource',
    ])
    .where('dossier.id', '=', input.dossierId)
    .executeTakeFirst();
  if (!dossier) {
    return undefined;
  }
  const events = await db
    .selectFrom('dossierEvent')
    .leftJoin('appUser', 'appUser.id', 'dossierEvent.actorUserId')
    .leftJoin('agency', 'agency.id', 'dossierEvent.agencyId')
    .select([
      'dossierEvent.seq',
      'dossierEvent.at',
      'dossierEvent.actorKind',
      'appUser.fullName as actorName',
      'dossierEvent.actorRole',
      'agency.name as agencyName',
      'dossierEvent.action',
      'dossierEvent.fromStatus',
      'dossierEvent.toStatus',
      'dossierEvent.note',
      'dossierEvent.payload',
    ])
    .where('dossierEvent.dossierId', '=', input.dossierId)
    .where('dossierEvent.seq', '<=', input.uptoSeq)
    .orderBy('dossierEvent.seq')
    .execute();
  const steps = await db
    .selectFrom('dossierStep')
    .innerJoin('agency', 'agency.id', 'dossierStep.agencyId')
    .select([
      'dossierStep.stepNo',
      'dossierStep.name',
      'agency.name as agencyName',
      'dossierStep.givenAt',
      'dossierStep.dueAt',
    ])
    .where('dossierStep.dossierId', '=', input.dossierId)
    .orderBy('dossierStep.stepNo')
    .execute();
  const documents = await db
    .selectFrom('dossierDocument')
    .select(['id', 'kind', 'componentKey', 'name', 'documentNo', 'fileSha256', 'createdAt'])
    .where('dossierId', '=', input.dossierId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const paidOnline = await db
    .selectFrom('payment')
    .select('id')
    .where('dossierId', '=', input.dossierId)
    .where('status', '=', 'succeeded')
    .limit(1)
    .executeTakeFirst();
  return { dossier, events, steps, documents, paidOnline: paidOnline !== undefined };
};
