import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

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
