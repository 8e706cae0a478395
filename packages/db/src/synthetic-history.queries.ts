import { sql } from 'kysely';
import type { Db } from './statistics-sql.js';

/**
 * Gives the synthetic dossiers of a province (generateSyntheticBatch writes lean rows: no history, a
 * step only for the late ones) the steps and history a public lookup shows: the three steps of the
 * synthetic engine state (tiếp nhận, thẩm định, trả kết quả) and an event for each of receive, forward,
 * complete and return_result that happened. For benchmarks only: the events are not hash-chained
 * (`audit verify` rejects them) and event_count is left as it was. Two statements; dossiers that already
 * have an event are skipped, and steps already there are kept.
 */
export const generateSyntheticHistory = async (
  db: Db,
  input: { provinceCode: string },
): Promise<{ steps: number; events: number }> => {
  const steps = await sql`
    insert into dossier_step (dossier_id, step_no, key, name, role, agency_id, province_code, status, handoff,
      allotment_minutes, given_at, received_at, completed_at, due_at)
    select d.id, s.step_no, s.key, s.name, s.role, s.agency_id, d.province_code, s.status, s.handoff, s.allotment,
      s.given_at, s.given_at, s.completed_at, s.due_at
    from dossier d
    cross join lateral (values
      (0, 'tiep-nhan', 'Tiếp nhận', 'receptionist', d.receiving_agency_id, 'done', null, 240,
        d.received_at, d.received_at, d.received_at + interval '4 hours'),
      (1, 'xu-ly', 'Thẩm định, phê duyệt', 'approver', d.holder_agency_id,
        case when d.completed_at is null then 'active' else 'done' end, 'inter_agency', 2400,
        d.received_at, d.completed_at, d.legal_due_at),
      (2, 'tra-ket-qua', 'Trả kết quả', 'result_returner', d.receiving_agency_id,
        case when d.returned_at is null then 'pending' else 'done' end, 'inter_agency', 240,
        d.completed_at, d.returned_at, d.legal_due_at)
    ) as s(step_no, key, name, role, agency_id, status, handoff, allotment, given_at, completed_at, due_at)
    where d.province_code = ${input.provinceCode} and d.received_at is not null and d.event_count = 0
      and not exists (select 1 from dossier_event e where e.dossier_id = d.id)
    on conflict (dossier_id, step_no) do nothing
  `.execute(db);
  const events = await sql`
    insert into dossier_event (dossier_id, seq, at, actor_kind, actor_role, agency_id, action, from_status, to_status, hash)
    select d.id, e.seq, e.at, 'official', e.role, e.agency_id, e.action, e.from_status, e.to_status,
      md5(d.id::text || ':' || e.seq)
    from dossier d
    cross join lateral (values
      (1, d.received_at, 'receptionist', d.receiving_agency_id, 'receive', 'new', 'received'),
      (2, d.received_at + interval '5 minutes', 'receptionist', d.receiving_agency_id, 'forward', 'received', 'processing'),
      (3, d.completed_at, 'approver', d.holder_agency_id, 'complete', 'processing', 'completed'),
      (4, d.returned_at, 'result_returner', d.receiving_agency_id, 'return_result', 'completed', 'returned')
    ) as e(seq, at, role, agency_id, action, from_status, to_status)
    where d.province_code = ${input.provinceCode} and d.received_at is not null and d.event_count = 0
      and e.at is not null
      and not exists (select 1 from dossier_event x where x.dossier_id = d.id)
  `.execute(db);
  return { steps: Number(steps.numAffectedRows ?? 0), events: Number(events.numAffectedRows ?? 0) };
};
