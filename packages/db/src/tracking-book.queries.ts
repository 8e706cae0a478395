import { sql } from 'kysely';
import type { Db } from './statistics-sql.js';

export type TrackingBookEntry = {
  source: 'engine' | 'history';
  id: string;
  code: string;
  summary: string | null;
  sets: number;
  applicantName: string | null;
  address: string | null;
  /** The commune and province chosen at intake (names in force on the day received), for the full address. */
  communeName: string | null;
  provinceName: string | null;
  phone: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  returnedAt: Date | null;
  status: string;
  receiver: string | null;
  note: string | null;
};

/**
 * One page of the tracking book (sổ theo dõi hồ sơ, Circular 01/2018 Mẫu 06 / Circular 03/2025
 * Mẫu 07) of the receiving desks: dossiers received in the period in order of receipt, keyset-paginated
 * so a year's book is written page by page, never held whole.
 */
export const listTrackingBookPage = async (db: Db, input: TrackingBookPageInput): Promise<TrackingBookEntry[]> => {
  const queries = trackingBookQueries(input);
  const engine = await queries.engine.execute(db);
  const history = await queries.history.execute(db);
  const at = (row: TrackingBookEntry) => new Date(row.receivedAt).getTime();
  return [...engine.rows, ...history.rows]
    .sort((a, b) => at(a) - at(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.source < b.source ? -1 : 1))
    .slice(0, input.limit);
};

export type TrackingBookPageInput = {
  agencyIds: readonly string[];
  from: string;
  to: string;
  after?: { receivedAt: string; code: string; source: string } | undefined;
  limit: number;
};

/** The two queries of a tracking-book page (engine dossiers, imported history), for running and explaining. */
export const trackingBookQueries = (input: TrackingBookPageInput) => {
  const ids = [...input.agencyIds];
  const start = sql`(${input.from}::date::timestamp - interval '7 hours') at time zone 'UTC'`;
  const end = sql`((${input.to}::date + 1)::timestamp - interval '7 hours') at time zone 'UTC'`;
  const after = input.after;
  // Each source in receipt order, one index range per desk (0016: receiving agency, received_at,
  // code), each stopped after `limit` rows, then merged: a page reads `limit` rows per desk and source.
  const engine = sql<TrackingBookEntry>`
    select 'engine' as source, d.id::text as id, d.code, d.summary,
      greatest(1, coalesce((select max((c ->> 'originals')::int + (c ->> 'copies')::int) from jsonb_array_elements(d.components) c), 1)) as sets,
      d.applicant_name, d.applicant #>> '{address,text}' as address, commune.name as commune_name,
      province.name as province_name, d.applicant ->> 'phone' as phone,
      d.received_at, d.due_at, d.returned_at, d.status,
      (select u.full_name from dossier_event ev join app_user u on u.id = ev.actor_user_id
        where ev.dossier_id = d.id and ev.action = 'receive' order by ev.seq limit 1) as receiver,
      null::text as note
    from unnest(${ids}::uuid[]) as scope (agency_id)
    cross join lateral (
      select x.* from dossier x
      where x.receiving_agency_id = scope.agency_id and x.received_at >= ${start} and x.received_at < ${end}
        ${after ? sql`and (x.received_at, x.code) >= (${after.receivedAt}::timestamptz, ${after.code}) and (x.received_at, x.code, 'engine'::text) > (${after.receivedAt}::timestamptz, ${after.code}, ${after.source})` : sql``}
      order by x.received_at, x.code
      limit ${input.limit}
    ) d
    left join lateral (
      select u.name, u.province_code from administrative_unit u
      where u.level = 'commune' and u.code = d.applicant #>> '{address,communeCode}'
        and (u.valid_from is null or u.valid_from <= ((d.received_at at time zone 'UTC') + interval '7 hours')::date)
        and (u.valid_to is null or u.valid_to >= ((d.received_at at time zone 'UTC') + interval '7 hours')::date)
      limit 1
    ) commune on true
    left join lateral (
      select p.name from administrative_unit p
      where p.level = 'province' and p.code = commune.province_code
        and (p.valid_from is null or p.valid_from <= ((d.received_at at time zone 'UTC') + interval '7 hours')::date)
        and (p.valid_to is null or p.valid_to >= ((d.received_at at time zone 'UTC') + interval '7 hours')::date)
      limit 1
    ) province on true
    order by d.received_at, d.code
    limit ${input.limit}
  `;
  const history = sql<TrackingBookEntry>`
    select 'history' as source, h.id::text as id, h.code, h.summary, h.sets, h.applicant_name,
      h.applicant_address as address, null::text as commune_name, null::text as province_name, h.applicant_phone as phone, h.received_at, h.legal_due_at as due_at, h.returned_at,
      h.status, h.receiver, h.note
    from unnest(${ids}::uuid[]) as scope (agency_id)
    cross join lateral (
      select x.* from historical_dossier x
      where x.receiving_agency_id = scope.agency_id and x.received_at >= ${start} and x.received_at < ${end}
        ${after ? sql`and (x.received_at, x.code) >= (${after.receivedAt}::timestamptz, ${after.code}) and (x.received_at, x.code, 'history'::text) > (${after.receivedAt}::timestamptz, ${after.code}, ${after.source})` : sql``}
      order by x.received_at, x.code
      limit ${input.limit}
    ) h
    order by h.received_at, h.code
    limit ${input.limit}
  `;
  return { engine, history };
};
