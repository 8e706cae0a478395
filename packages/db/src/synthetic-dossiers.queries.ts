import { sql } from 'kysely';
import {
  applyContributionsFromSource,
  findSeriesByKeys,
  type NewSeries,
  type SeriesRef,
} from './statistics-aggregates.queries.js';
import { type Db, vnDay } from './statistics-sql.js';

export type SyntheticProcedure = {
  versionId: string;
  procedureId: string;
  code: string;
  name: string;
  fieldName: string;
  levels: string[];
  onlineFull: boolean;
  onlinePartial: boolean;
  replaceable: boolean;
  legalDays: number | null;
  approverAgencyCode: string | null;
};

/** The published procedure versions of a province catalog (else the national one), with what the generator needs. */
export const listSyntheticProcedures = async (db: Db, provinceCode: string): Promise<SyntheticProcedure[]> => {
  const result = await sql<SyntheticProcedure>`
    with versions as (
      select pv.id as version_id, p.id as procedure_id, p.code, p.name, p.field_name, p.levels, pv.content, p.catalog
      from procedure p join procedure_version pv on pv.id = p.current_version_id
      where p.catalog = ${provinceCode} and p.status = 'active'
    )
    select version_id, procedure_id, code, name, field_name, levels,
      content ->> 'onlineLevel' = 'full' as online_full,
      content ->> 'onlineLevel' = 'partial' as online_partial,
      coalesce(jsonb_path_exists(content, '$.components[*] ? (@.replaceableByData == true)'), false) as replaceable,
      (select max((c -> 'duration' ->> 'value')::numeric)::int from jsonb_array_elements(content -> 'channels') c
        where c -> 'duration' ->> 'unit' = 'working_days') as legal_days,
      (select s -> 'agency' ->> 'agencyCode' from jsonb_array_elements(content -> 'processSteps') with ordinality e(s, i)
        where s ->> 'role' = 'approver' order by i desc limit 1) as approver_agency_code
    from versions
    order by code
  `.execute(db);
  return result.rows;
};

/** The agencies in force of a province. */
export const listProvinceAgencies = async (db: Db, provinceCode: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'code', 'name', 'kind', 'adminUnitLevel'])
    .where('provinceCode', '=', provinceCode)
    .where('validTo', 'is', null)
    .orderBy('code')
    .execute();

export type SeriesSpec = NewSeries & { parentKey?: string };

/** Creates many series at once (agency grain first, then procedure grain under them); returns every id by key. */
export const ensureSeriesBulk = async (db: Db, specs: readonly SeriesSpec[]): Promise<Map<string, SeriesRef>> => {
  const insert = async (rows: readonly SeriesSpec[], parents: Map<string, SeriesRef>) => {
    for (let index = 0; index < rows.length; index += 1000) {
      const chunk = rows.slice(index, index + 1000);
      await db
        .insertInto('statSeries')
        .values(
          chunk.map(({ parentKey, ...row }) => ({
            ...row,
            parentId: parentKey ? (parents.get(parentKey)?.id ?? null) : (row.parentId ?? null),
          })),
        )
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
  };
  const agencies = specs.filter((s) => s.grain === 'agency');
  await insert(agencies, new Map());
  const parents = await findSeriesByKeysChunked(
    db,
    agencies.map((s) => s.key),
  );
  const procedures = specs.filter((s) => s.grain === 'procedure');
  await insert(procedures, parents);
  const children = await findSeriesByKeysChunked(
    db,
    procedures.map((s) => s.key),
  );
  return new Map([...parents, ...children]);
};

const findSeriesByKeysChunked = async (db: Db, keys: readonly string[]) => {
  const all = new Map<string, SeriesRef>();
  for (let index = 0; index < keys.length; index += 2000) {
    for (const [key, ref] of await findSeriesByKeys(db, keys.slice(index, index + 2000))) {
      all.set(key, ref);
    }
  }
  return all;
};

export type SyntheticCombo = {
  weight: number;
  provinceCode: string;
  handlingAgencyId: string;
  receivingAgencyId: string;
  receivingAgencyCode: string;
  procedureId: string;
  versionId: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string;
  legalDays: number;
  onlineShare: number;
  lateRate: number;
  replaceable: boolean;
  seriesDirect: number;
  seriesOnline: number;
  seriesPostal: number;
  parentDirect: number;
  parentOnline: number;
  parentPostal: number;
};

/**
 * Loads the generator's combinations (procedure × handling and receiving agency, with weights and
 * their series ids) into a temporary table of the pinned connection `conn`.
 */
export const loadSyntheticCombos = async (conn: Db, combos: readonly SyntheticCombo[]): Promise<void> => {
  // Room for a batch in memory: temporary tables and sorts of 100 000+ rows would otherwise spill to disk.
  await sql`set temp_buffers = '512MB'`.execute(conn).catch(() => undefined);
  await sql`set work_mem = '256MB'`.execute(conn);
  // The batch statements are large and run once: compiling them (JIT) costs more than it saves.
  await sql`set jit = off`.execute(conn).catch(() => undefined);
  await sql`drop table if exists synth_combo`.execute(conn);
  await sql`
    create temp table synth_combo (
      idx int primary key, cum double precision not null, province_code text, handling uuid, receiving uuid, receiving_code text,
      procedure_id uuid, version_id uuid, procedure_code text, procedure_name text, field_name text, legal_days int,
      online_share double precision, late_rate double precision, replaceable boolean,
      series_direct int, series_online int, series_postal int, parent_direct int, parent_online int, parent_postal int)
  `.execute(conn);
  const total = combos.reduce((sum, c) => sum + c.weight, 0);
  let running = 0;
  const rows = combos.map((c, idx) => {
    running += c.weight;
    return { ...c, idx, cum: idx === combos.length - 1 ? 1 : running / total };
  });
  for (let index = 0; index < rows.length; index += 500) {
    const chunk = rows.slice(index, index + 500);
    const values = chunk.map(
      (
        c,
      ) => sql`(${c.idx}, ${c.cum}, ${c.provinceCode}, ${c.handlingAgencyId}::uuid, ${c.receivingAgencyId}::uuid, ${c.receivingAgencyCode},
        ${c.procedureId}::uuid, ${c.versionId}::uuid, ${c.procedureCode}, ${c.procedureName}, ${c.fieldName}, ${c.legalDays},
        ${c.onlineShare}, ${c.lateRate}, ${c.replaceable}, ${c.seriesDirect}, ${c.seriesOnline}, ${c.seriesPostal},
        ${c.parentDirect}, ${c.parentOnline}, ${c.parentPostal})`,
    );
    await sql`insert into synth_combo values ${sql.join(values)}`.execute(conn);
  }
  await sql`create index on synth_combo (cum)`.execute(conn);
  await sql`analyze synth_combo`.execute(conn);
};

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu', 'Thanh', 'Kim'];
const GIVENS = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Yến',
];
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * Generates one batch of synthetic dossiers on the pinned connection `conn` (after
 * loadSyntheticCombos): draws each row's combination by weight, its receipt instant on a weekday
 * of [fromDay, toDay], channel, outcome (withdrawn, stopped, refused, resolved early / on time /
 * late by the handling agency's lateness rate, or still open), writes the dossiers (lean rows with
 * a compact engine state), the overrunning step of late ones, and their statistics with the same
 * rule as the transactional path — all in one transaction.
 */
export const generateSyntheticBatch = async (
  conn: Db,
  input: { start: number; count: number; fromDay: string; toDay: string; now: Date },
): Promise<void> => {
  const end = input.start + input.count - 1;
  const surnames = SURNAMES;
  const middles = MIDDLES;
  const givens = GIVENS;
  await sql`begin`.execute(conn);
  try {
    await sql`set local synchronous_commit = off`.execute(conn);
    await sql`drop table if exists synth_batch`.execute(conn);
    await sql`
      create temp table synth_batch as
      with draws as (
        select g.n, random() + 0 * g.n as r_combo, random() as r_day, random() as r_minute, random() as r_outcome,
          random() as r_speed, random() as r_channel, random() as r_return, random() as r_data,
          (random() * 1e6)::int as r_name
        from generate_series(${input.start}::bigint, ${end}::bigint) as g(n)
      ),
      picked as (
        select d.*, c.*
        from draws d cross join lateral (select * from synth_combo c where c.cum >= d.r_combo order by c.cum limit 1) c
      ),
      timed as (
        select p.*,
          (${input.fromDay}::date + floor(p.r_day * (${input.toDay}::date - ${input.fromDay}::date + 1))::int) as day0
        from picked p
      ),
      received as (
        select t.*,
          (case extract(isodow from day0) when 6 then day0 - 1 when 7 then day0 + 1 else day0 end) as rday
        from timed t
      ),
      clocked as (
        select r.*,
          (rday::timestamp + interval '7 hours 30 minutes' + r.r_minute * interval '9 hours') as received_local,
          (rday + (legal_days + 2 * ((legal_days + extract(isodow from rday)::int - 1) / 5)))::date as due_day
        from received r
      ),
      planned as (
        select c.*,
          ((received_local - interval '7 hours') at time zone 'UTC') as received_at,
          ((due_day::timestamp + (received_local - rday::timestamp) - interval '7 hours') at time zone 'UTC') as due_at,
          case
            when r_outcome < 0.004 then 'refused'
            when r_outcome < 0.016 then 'withdrawn'
            when r_outcome < 0.022 then 'stopped'
            when r_outcome < 0.022 + late_rate then 'late'
            when r_outcome < 0.022 + late_rate + (1 - 0.022 - late_rate) * 0.18 then 'on_time'
            else 'early'
          end as plan,
          case when r_channel < online_share then 'online' when r_channel < online_share + 0.03 then 'postal' else 'direct' end as channel
        from clocked c
      ),
      outcome as (
        select p.*,
          case p.plan
            when 'late' then p.due_at + (1 + p.r_speed * 8) * interval '1 day'
            when 'on_time' then p.due_at - p.r_speed * interval '3 hours'
            when 'early' then p.received_at + (p.due_at - p.received_at) * (0.15 + 0.6 * p.r_speed)
            else p.received_at + (p.due_at - p.received_at) * p.r_speed
          end as finish_at
        from planned p
      )
      select o.n, o.province_code, o.handling, o.receiving, o.receiving_code, o.procedure_id, o.version_id, o.procedure_code,
        o.procedure_name, o.field_name, o.legal_days, o.channel, o.replaceable, o.plan, o.received_local,
        case o.channel when 'online' then o.series_online when 'postal' then o.series_postal else o.series_direct end as series_id,
        case o.channel when 'online' then o.parent_online when 'postal' then o.parent_postal else o.parent_direct end as parent_id,
        case when o.plan = 'refused' then null else o.received_at end as received_at,
        case when o.plan = 'refused' then null else o.due_at end as legal_due_at,
        case when o.plan in ('early', 'on_time', 'late') and o.finish_at <= ${input.now} then o.finish_at end as completed_at,
        case when o.plan in ('early', 'on_time', 'late') and o.finish_at + o.r_return * interval '3 days' <= ${input.now}
          then o.finish_at + o.r_return * interval '3 days' end as returned_at,
        case when o.plan in ('refused', 'withdrawn', 'stopped') then least(o.finish_at, ${input.now}) end as closed_at,
        case
          when o.plan in ('refused', 'withdrawn', 'stopped') then o.plan
          when o.finish_at > ${input.now} then 'processing'
          when o.finish_at + o.r_return * interval '3 days' <= ${input.now} then 'returned'
          else 'completed'
        end as status,
        (o.replaceable and o.r_data < 0.6) as from_data,
        (${sql.raw(`array[${surnames.map((s) => `'${s}'`).join(',')}]`)})[1 + o.r_name % ${surnames.length}] || ' ' ||
        (${sql.raw(`array[${middles.map((s) => `'${s}'`).join(',')}]`)})[1 + (o.r_name / 13) % ${middles.length}] || ' ' ||
        (${sql.raw(`array[${givens.map((s) => `'${s}'`).join(',')}]`)})[1 + (o.r_name / 130) % ${givens.length}] as applicant_name,
        (${sql.raw(`array[${surnames.map((s) => `'${fold(s)}'`).join(',')}]`)})[1 + o.r_name % ${surnames.length}] || ' ' ||
        (${sql.raw(`array[${middles.map((s) => `'${fold(s)}'`).join(',')}]`)})[1 + (o.r_name / 13) % ${middles.length}] || ' ' ||
        (${sql.raw(`array[${givens.map((s) => `'${fold(s)}'`).join(',')}]`)})[1 + (o.r_name / 130) % ${givens.length}] as applicant_search
      from outcome o
    `.execute(conn);
    await sql`
      alter table synth_batch add column completion_class text, add column updated_at timestamptz, add column phase text
    `.execute(conn);
    await sql`
      update synth_batch set
        completion_class = case when completed_at is null then null
          when completed_at > legal_due_at then 'late'
          when ${vnDay(sql`completed_at`)} < ${vnDay(sql`legal_due_at`)} then 'early'
          else 'on_time' end,
        updated_at = coalesce(closed_at, returned_at, completed_at, received_at),
        phase = case status when 'processing' then 'open' when 'completed' then 'resolved' when 'returned' then 'resolved' else status end
    `.execute(conn);
    // Codes as the engine gives them (Circular 01/2018/TT-VPCP Art. 19: `<agency>-YYMMDD-XXXX`): the
    // receiving agency's sequence of the day continues its counter, and the counter moves past them,
    // so a dossier received later that day at the counter gets the next number, never a taken one.
    await sql`
      alter table synth_batch add column code_day date, add column seq integer, add column code text
    `.execute(conn);
    await sql`update synth_batch set code_day = coalesce(received_local, ${input.now}::timestamp)::date`.execute(conn);
    await sql`
      update synth_batch b set seq = s.seq
      from (
        select x.n, coalesce(c.last_seq, 0) + row_number() over (partition by x.receiving, x.code_day order by x.received_local, x.n) as seq
        from synth_batch x left join dossier_code_counter c on c.agency_id = x.receiving and c.day = x.code_day
      ) s
      where s.n = b.n
    `.execute(conn);
    await sql`
      update synth_batch set code = receiving_code || '-' || to_char(code_day, 'YYMMDD') || '-' || case when seq < 10000 then lpad(seq::text, 4, '0') else seq::text end
    `.execute(conn);
    await sql`
      insert into dossier_code_counter (agency_id, day, last_seq)
      select receiving, code_day, max(seq) from synth_batch group by receiving, code_day
      on conflict (agency_id, day) do update set last_seq = greatest(dossier_code_counter.last_seq, excluded.last_seq)
    `.execute(conn);
    await sql`
      insert into dossier (code, province_code, receiving_agency_id, holder_agency_id, current_step_role, current_step_due_at,
        procedure_id, procedure_version_id, procedure_code, procedure_name, field_name, channel, status, applicant_kind,
        applicant_name, applicant_search, applicant, summary, components, state, received_at, due_at, legal_due_at,
        completed_at, completion_class, outcome, returned_at, return_channel, event_count, created_at, updated_at)
      select
        b.code,
        b.province_code, b.receiving, case when b.status = 'processing' then b.handling else b.receiving end,
        case when b.status = 'processing' then 'approver' when b.status = 'completed' then 'result_returner' end,
        case when b.status = 'processing' then b.legal_due_at end,
        b.procedure_id, b.version_id, b.procedure_code, b.procedure_name, b.field_name, b.channel, b.status, 'person',
        b.applicant_name, b.applicant_search, jsonb_build_object('kind', 'person', 'fullName', b.applicant_name),
        left(b.procedure_name, 80),
        case when b.from_data then '[{"key":"du-lieu","name":"Giấy tờ lấy từ cơ sở dữ liệu","originals":0,"copies":0,"fromData":true}]'::jsonb else '[]'::jsonb end,
        jsonb_strip_nulls(jsonb_build_object(
          'status', b.status, 'supplementPhase', null, 'intakeSupplementCount', 0, 'processingSupplementCount', 0, 'apologyCount', 0,
          'receivingAgencyId', b.receiving,
          'steps', jsonb_build_array(
            jsonb_build_object('key', 'tiep-nhan', 'name', 'Tiếp nhận', 'role', 'receptionist', 'agencyId', b.receiving, 'allotmentMinutes', 240, 'status', 'done'),
            jsonb_build_object('key', 'xu-ly', 'name', 'Thẩm định, phê duyệt', 'role', 'approver', 'agencyId', b.handling,
              'allotmentMinutes', greatest(60, b.legal_days * 480 - 480), 'status', case when b.status = 'processing' then 'active' else 'done' end),
            jsonb_build_object('key', 'tra-ket-qua', 'name', 'Trả kết quả', 'role', 'result_returner', 'agencyId', b.receiving,
              'allotmentMinutes', 240, 'status', case when b.status = 'returned' then 'done' else 'pending' end)),
          'currentStep', case when b.status = 'processing' then 1 when b.status = 'completed' then 2 end,
          'clock', jsonb_build_object('rule', jsonb_build_object('unit', 'working_days', 'value', b.legal_days),
            'startedAt', (extract(epoch from b.received_at) * 1000)::bigint, 'pauses', '[]'::jsonb),
          'clockOnSupplement', 'pause',
          'completedAt', (extract(epoch from b.completed_at) * 1000)::bigint,
          'completionClass', b.completion_class,
          'outcome', case when b.completed_at is not null then 'approved' end,
          'returnedAt', (extract(epoch from b.returned_at) * 1000)::bigint)),
        b.received_at, b.legal_due_at, b.legal_due_at, b.completed_at, b.completion_class,
        case when b.completed_at is not null then 'approved' end, b.returned_at,
        case when b.returned_at is not null then 'counter' end, 0, coalesce(b.received_at, b.closed_at), b.updated_at
      from synth_batch b
    `.execute(conn);
    // Late dossiers: the approval step overran by the working time past the legal due instant
    // (working days of 8 hours, weekends skipped approximately).
    await sql`
      insert into dossier_step (dossier_id, step_no, key, name, role, agency_id, province_code, status, handoff,
        allotment_minutes, given_at, received_at, completed_at, due_at, overrun_minutes)
      select d.id, 1, 'xu-ly', 'Thẩm định, phê duyệt', 'approver', b.handling, b.province_code,
        case when b.completed_at is null then 'active' else 'done' end, 'inter_agency',
        greatest(60, b.legal_days * 480 - 480), b.received_at, b.received_at, b.completed_at, b.legal_due_at,
        case when b.completed_at is not null then
          greatest(1, (extract(epoch from b.completed_at - b.legal_due_at) / 86400 * 5 / 7 * 480)::int) end
      from synth_batch b join dossier d on d.code = b.code
      where b.plan = 'late' and b.received_at is not null
    `.execute(conn);
    await applyContributionsFromSource(
      conn,
      sql`select series_id, parent_id, phase, received_at, legal_due_at, completed_at, completion_class, returned_at, closed_at, from_data from synth_batch`,
      1,
    );
    await sql`commit`.execute(conn);
  } catch (error) {
    await sql`rollback`.execute(conn);
    throw error;
  }
};

/** Drops the generator's temporary tables from the pinned connection. */
export const dropSyntheticTables = async (conn: Db): Promise<void> => {
  await sql`drop table if exists synth_batch`.execute(conn);
  await sql`drop table if exists synth_combo`.execute(conn);
};
