import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { containsFilter, similarFilter } from './search.js';
import type { AgencyKind, WorkingHoursJson } from './tables/officials.js';

type Db = Kysely<Database> | Transaction<Database>;

export type AgencyRecord = {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  parentId: string | null;
  path: string;
  provinceCode: string | null;
  adminUnitLevel: 'province' | 'district' | 'commune' | null;
  adminUnitCode: string | null;
  workingHours: WorkingHoursJson | null;
  validFrom: string;
  validTo: string | null;
  version: number;
};

const agencyColumns = [
  'agency.id',
  'agency.code',
  'agency.name',
  'agency.shortName',
  'agency.kind',
  'agency.parentId',
  'agency.path',
  'agency.provinceCode',
  'agency.adminUnitLevel',
  'agency.adminUnitCode',
  'agency.workingHours',
  'agency.validFrom',
  'agency.validTo',
  'agency.version',
] as const;

export const findAgency = async (db: Db, id: string): Promise<AgencyRecord | undefined> =>
  db.selectFrom('agency').select(agencyColumns).where('agency.id', '=', id).executeTakeFirst();

export const findAgencyByCode = async (db: Db, code: string): Promise<AgencyRecord | undefined> =>
  db
    .selectFrom('agency')
    .select(agencyColumns)
    .where('agency.code', '=', code)
    .orderBy(sql`agency.valid_to is null`, 'desc')
    .orderBy('agency.validFrom', 'desc')
    .executeTakeFirst();

export type AgencyLineageRecord = {
  agencyId: string;
  provinceCode: string | null;
  coveringIds: string[];
  ancestorIds: string[];
};

/**
 * The agency, every agency that succeeded it (transitively, through merges and splits), and the
 * ancestors of all of them — what the authorisation check needs (see domain access/permissions).
 */
export const findAgencyLineage = async (db: Db, agencyId: string): Promise<AgencyLineageRecord | undefined> => {
  // Raw SQL results pass through CamelCasePlugin too: province_code arrives as provinceCode.
  const result = await sql<{ provinceCode: string | null; covering: string[]; ancestors: string[] }>`
    with recursive covering(id) as (
      select ${agencyId}::uuid
      union
      select s.successor_id from agency_succession s join covering c on s.predecessor_id = c.id
    ),
    paths as (
      select a.id, a.path from agency a join covering c on c.id = a.id
    )
    select
      (select province_code from agency where id = ${agencyId}::uuid) as province_code,
      array(select id::text from covering) as covering,
      array(
        select distinct unnest(string_to_array(trim(both '/' from p.path), '/'))
        from paths p
      ) as ancestors
  `.execute(db);
  const row = result.rows[0];
  if (!row || row.covering.length === 0) {
    return undefined;
  }
  const exists = await db.selectFrom('agency').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!exists) {
    return undefined;
  }
  const covering = new Set(row.covering);
  return {
    agencyId,
    provinceCode: row.provinceCode,
    coveringIds: [...covering],
    ancestorIds: row.ancestors.filter((id) => !covering.has(id)),
  };
};

/**
 * The ids of every agency whose resources the given agencies may see: themselves, their
 * predecessors (transitively) and — when `includeSubagencies` — their sub-agencies and those
 * sub-agencies' predecessors. Used to filter inboxes and lists in SQL.
 */
export const listScopeAgencyIds = async (
  db: Db,
  grants: { agencyId: string; includeSubagencies: boolean }[],
): Promise<string[]> => {
  if (grants.length === 0) {
    return [];
  }
  const direct = grants.map((g) => g.agencyId);
  const tree = grants.filter((g) => g.includeSubagencies).map((g) => g.agencyId);
  const result = await sql<{ id: string }>`
    with recursive base(id) as (
      select unnest(${direct}::uuid[])
      union
      select d.id from agency d join agency a on d.path like a.path || '%'
      where a.id = any(${tree}::uuid[])
    ),
    scope(id) as (
      select id from base
      union
      select s.predecessor_id from agency_succession s join scope c on s.successor_id = c.id
    )
    select id::text as id from scope
  `.execute(db);
  return result.rows.map((r) => r.id);
};

export type AgencySearchInput = {
  foldedQuery?: string;
  parentId?: string;
  provinceCode?: string;
  kinds?: AgencyKind[];
  at: string;
  limit: number;
  offset: number;
};

export type AgencyAtDate = {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  parentId: string | null;
  provinceCode: string | null;
  adminUnitCode: string | null;
  validFrom: string;
  validTo: string | null;
};

/** Agencies as they were on a date (names, codes and parents from their version in force). */
export const searchAgencies = async (
  db: Db,
  input: AgencySearchInput,
): Promise<{ items: AgencyAtDate[]; total: number }> => {
  let query = db
    .selectFrom('agencyVersion as v')
    .innerJoin('agency', 'agency.id', 'v.agencyId')
    .where('v.validFrom', '<=', input.at)
    .where((eb) => eb.or([eb('v.validTo', 'is', null), eb('v.validTo', '>=', input.at)]));
  if (input.parentId) {
    query = query.where('v.parentId', '=', input.parentId);
  }
  if (input.provinceCode) {
    query = query.where('agency.provinceCode', '=', input.provinceCode);
  }
  if (input.kinds && input.kinds.length > 0) {
    query = query.where('v.kind', 'in', input.kinds);
  }
  const folded = input.foldedQuery;
  if (folded) {
    const codeMatch = (eb: ExpressionBuilder<Database & { v: Database['agencyVersion'] }, 'agency' | 'v'>) =>
      eb('v.code', '=', folded.toUpperCase());
    const contains = query.where((eb) => eb.or([containsFilter('agency.search_text', folded)(eb), codeMatch(eb)]));
    const found = await contains.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    query = (found?.n ?? 0) > 0 ? contains : query.where(similarFilter('agency.search_text', folded));
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst();
  let ordered = query.select([
    'agency.id',
    'v.code',
    'v.name',
    'v.shortName',
    'v.kind',
    'v.parentId',
    'agency.provinceCode',
    'v.adminUnitCode',
    'v.validFrom',
    'v.validTo',
  ]);
  if (folded) {
    ordered = ordered.orderBy(sql`word_similarity(${folded}, agency.search_text)`, 'desc');
  }
  const items = await ordered.orderBy('v.code').limit(input.limit).offset(input.offset).execute();
  return { items, total: count?.total ?? 0 };
};

export const listAgencyVersions = async (db: Db, agencyId: string) =>
  db
    .selectFrom('agencyVersion')
    .select(['validFrom', 'validTo', 'code', 'name', 'shortName', 'kind', 'parentId', 'adminUnitCode'])
    .where('agencyId', '=', agencyId)
    .orderBy('validFrom')
    .execute();

export const listAgencySuccessions = async (db: Db, agencyId: string) => ({
  predecessors: await db
    .selectFrom('agencySuccession as s')
    .innerJoin('agency', 'agency.id', 's.predecessorId')
    .select(['agency.id', 'agency.code', 'agency.name', 's.kind', 's.effective'])
    .where('s.successorId', '=', agencyId)
    .orderBy('agency.code')
    .execute(),
  successors: await db
    .selectFrom('agencySuccession as s')
    .innerJoin('agency', 'agency.id', 's.successorId')
    .select(['agency.id', 'agency.code', 'agency.name', 's.kind', 's.effective'])
    .where('s.predecessorId', '=', agencyId)
    .orderBy('agency.code')
    .execute(),
});

export const listAgencyChanges = async (db: Db, agencyId: string) =>
  db
    .selectFrom('agencyChange')
    .leftJoin('appUser', 'appUser.id', 'agencyChange.actorUserId')
    .select([
      'agencyChange.id',
      'agencyChange.change',
      'agencyChange.effective',
      'agencyChange.before',
      'agencyChange.after',
      'agencyChange.createdAt',
      'appUser.username as actorUsername',
    ])
    .where('agencyChange.agencyId', '=', agencyId)
    .orderBy('agencyChange.id')
    .execute();

export type NewAgency = {
  code: string;
  name: string;
  shortName?: string | null;
  kind: AgencyKind;
  parentId: string | null;
  provinceCode: string | null;
  adminUnitLevel?: 'province' | 'district' | 'commune' | null;
  adminUnitCode?: string | null;
  workingHours?: WorkingHoursJson | null;
  validFrom: string;
  searchText: string;
};

/** Inserts an agency with its first version and path. The parent must exist (checked by the caller). */
export const insertAgency = async (db: Db, agency: NewAgency, parentPath: string | null): Promise<AgencyRecord> => {
  const id = (await sql<{ id: string }>`select gen_random_uuid()::text as id`.execute(db)).rows[0]?.id;
  if (!id) {
    throw new Error('gen_random_uuid returned nothing');
  }
  const inserted = await db
    .insertInto('agency')
    .values({
      id,
      code: agency.code,
      name: agency.name,
      shortName: agency.shortName ?? null,
      kind: agency.kind,
      parentId: agency.parentId,
      path: `${parentPath ?? '/'}${id}/`,
      provinceCode: agency.provinceCode,
      adminUnitLevel: agency.adminUnitLevel ?? null,
      adminUnitCode: agency.adminUnitCode ?? null,
      workingHours: agency.workingHours ? JSON.stringify(agency.workingHours) : null,
      validFrom: agency.validFrom,
      searchText: agency.searchText,
    })
    .returning(agencyColumns)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('agencyVersion')
    .values({
      agencyId: id,
      validFrom: agency.validFrom,
      validTo: null,
      code: agency.code,
      name: agency.name,
      shortName: agency.shortName ?? null,
      kind: agency.kind,
      parentId: agency.parentId,
      adminUnitCode: agency.adminUnitCode ?? null,
    })
    .execute();
  return inserted;
};

export type AgencyUpdate = {
  code?: string;
  name?: string;
  shortName?: string | null;
  kind?: AgencyKind;
  adminUnitCode?: string | null;
  workingHours?: WorkingHoursJson | null;
  searchText?: string;
};

/**
 * Changes an agency from a date, guarded by its version (optimistic locking): the version in force
 * is closed the day before and a new one opened. Returns undefined when the version is stale.
 */
export const updateAgencyFrom = async (
  db: Db,
  input: { id: string; expectedVersion: number; effective: string; changes: AgencyUpdate; previousDay: string },
): Promise<AgencyRecord | undefined> => {
  const { changes } = input;
  const updated = await db
    .updateTable('agency')
    .set({
      ...(changes.code !== undefined ? { code: changes.code } : {}),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.shortName !== undefined ? { shortName: changes.shortName } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.adminUnitCode !== undefined ? { adminUnitCode: changes.adminUnitCode } : {}),
      ...(changes.workingHours !== undefined
        ? { workingHours: changes.workingHours ? JSON.stringify(changes.workingHours) : null }
        : {}),
      ...(changes.searchText !== undefined ? { searchText: changes.searchText } : {}),
      version: sql<number>`version + 1`,
      updatedAt: new Date(),
    })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning(agencyColumns)
    .executeTakeFirst();
  if (!updated) {
    return undefined;
  }
  await openAgencyVersion(db, updated, input.effective, input.previousDay);
  return updated;
};

/** Closes the version in force and opens one from `effective` with the agency's current fields. */
export const openAgencyVersion = async (
  db: Db,
  agency: AgencyRecord,
  effective: string,
  previousDay: string,
): Promise<void> => {
  // A change effective on the same day as the open version replaces it instead of leaving a 0-day period.
  await db.deleteFrom('agencyVersion').where('agencyId', '=', agency.id).where('validFrom', '=', effective).execute();
  await db
    .updateTable('agencyVersion')
    .set({ validTo: previousDay })
    .where('agencyId', '=', agency.id)
    .where('validFrom', '<', effective)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', effective)]))
    .execute();
  await db
    .insertInto('agencyVersion')
    .values({
      agencyId: agency.id,
      validFrom: effective,
      validTo: agency.validTo,
      code: agency.code,
      name: agency.name,
      shortName: agency.shortName,
      kind: agency.kind,
      parentId: agency.parentId,
      adminUnitCode: agency.adminUnitCode,
    })
    .execute();
};

/** Moves an agency (and its subtree) under a new parent; paths of the whole subtree are rewritten. */
export const moveAgency = async (
  db: Db,
  input: { id: string; expectedVersion: number; newParentId: string; newParentPath: string; oldPath: string },
): Promise<AgencyRecord | undefined> => {
  const newPath = `${input.newParentPath}${input.id}/`;
  const updated = await db
    .updateTable('agency')
    .set({ parentId: input.newParentId, version: sql<number>`version + 1`, updatedAt: new Date() })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    return undefined;
  }
  await sql`
    update agency set path = ${newPath} || substr(path, ${input.oldPath.length + 1})
    where path like ${`${input.oldPath}%`}
  `.execute(db);
  return findAgency(db, input.id);
};

/** Closes an agency on a date (the day before `effective` is its last day). */
export const closeAgency = async (
  db: Db,
  input: { id: string; expectedVersion: number; lastDay: string },
): Promise<AgencyRecord | undefined> => {
  const closed = await db
    .updateTable('agency')
    .set({ validTo: input.lastDay, version: sql<number>`version + 1`, updatedAt: new Date() })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .where('validTo', 'is', null)
    .returning(agencyColumns)
    .executeTakeFirst();
  if (!closed) {
    return undefined;
  }
  await db
    .updateTable('agencyVersion')
    .set({ validTo: input.lastDay })
    .where('agencyId', '=', input.id)
    .where('validTo', 'is', null)
    .execute();
  return closed;
};

export const insertAgencySuccession = async (
  db: Db,
  row: { predecessorId: string; successorId: string; kind: 'merge' | 'split'; effective: string },
): Promise<void> => {
  await db.insertInto('agencySuccession').values(row).execute();
};

export const insertAgencyChange = async (
  db: Db,
  row: {
    agencyId: string;
    change: 'create' | 'update' | 'rename' | 'move' | 'merge' | 'split' | 'close';
    effective: string;
    before: object | null;
    after: object | null;
    actorUserId: string | null;
  },
): Promise<void> => {
  await db
    .insertInto('agencyChange')
    .values({
      ...row,
      before: row.before ? JSON.stringify(row.before) : null,
      after: row.after ? JSON.stringify(row.after) : null,
    })
    .execute();
};

/** Children of an agency that are still in force (used before closing it). */
export const countOpenChildren = async (db: Db, agencyId: string): Promise<number> => {
  const row = await db
    .selectFrom('agency')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentId', '=', agencyId)
    .where('validTo', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
};

/** The People's Committee of a commune (by its administrative-unit code) that is in force now. */
export const findCommuneCommittee = async (db: Db, communeCode: string): Promise<AgencyRecord | undefined> =>
  db
    .selectFrom('agency')
    .select(agencyColumns)
    .where('agency.adminUnitCode', '=', communeCode)
    .where('agency.kind', '=', 'commune_committee')
    .where('agency.validTo', 'is', null)
    .executeTakeFirst();

/** An agency in force with this code (closed agencies are not offered for new routing). */
export const findOpenAgencyByCode = async (db: Db, code: string): Promise<AgencyRecord | undefined> =>
  db
    .selectFrom('agency')
    .select(agencyColumns)
    .where('agency.code', '=', code)
    .where('agency.validTo', 'is', null)
    .executeTakeFirst();

/**
 * The provinces this installation serves: those with a People's Committee in force (at most one
 * row per province, 34 since 1 July 2025), with the committee's name.
 */
export const listServedProvinces = async (db: Db): Promise<{ provinceCode: string; committeeName: string }[]> => {
  const rows = await db
    .selectFrom('agency')
    .select(['agency.provinceCode', 'agency.name'])
    .where('agency.kind', '=', 'province_committee')
    .where('agency.validTo', 'is', null)
    .where('agency.provinceCode', 'is not', null)
    .orderBy('agency.provinceCode')
    .limit(100)
    .execute();
  return rows.map((row) => ({ provinceCode: row.provinceCode ?? '', committeeName: row.name }));
};

/** The agencies in force serving one administrative unit (a commune's People's Committee, its service centre). */
export const listAgenciesOfAdminUnit = async (db: Db, adminUnitCode: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'code', 'name', 'kind', 'provinceCode'])
    .where('adminUnitCode', '=', adminUnitCode)
    .where('validTo', 'is', null)
    .orderBy('code')
    .execute();

/** The People's Committee in force of a province (the issuer of province-wide reports). */
export const findProvinceCommittee = async (db: Db, provinceCode: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('provinceCode', '=', provinceCode)
    .where('kind', '=', 'province_committee')
    .where('validTo', 'is', null)
    .executeTakeFirst();

/** The sub-agencies in force of an agency (what continues under a successor when it merges). */
export const listOpenChildren = async (db: Db, parentId: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'version', 'path'])
    .where('parentId', '=', parentId)
    .where('validTo', 'is', null)
    .execute();

/** The ids of every agency (any version) of the given provinces. */
export const listAgencyIdsOfProvinces = async (db: Db, provinceCodes: readonly string[]): Promise<string[]> =>
  provinceCodes.length === 0
    ? []
    : (
        await db
          .selectFrom('agency')
          .select('id')
          .where('provinceCode', 'in', [...provinceCodes])
          .execute()
      ).map((row) => row.id);

/**
 * The agencies in force of a province of the given kinds (e.g. every commune People's Committee and
 * commune centre: the one-stop desks that receive a boundary-free procedure anywhere in the province).
 */
export const listProvinceAgenciesOfKinds = async (
  db: Db,
  input: { provinceCode: string; kinds: readonly AgencyKind[] },
): Promise<{ id: string; code: string; name: string; kind: AgencyKind; adminUnitCode: string | null }[]> =>
  input.kinds.length === 0
    ? []
    : db
        .selectFrom('agency')
        .select(['id', 'code', 'name', 'kind', 'adminUnitCode'])
        .where('provinceCode', '=', input.provinceCode)
        .where('kind', 'in', [...input.kinds])
        .where('validTo', 'is', null)
        .orderBy('code')
        .limit(5000)
        .execute();
