import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { containsFilter, similarFilter } from './search.js';
import type { AdministrativeLevel } from './tables/foundation.js';

export type AdministrativeUnitRecord = {
  code: string;
  level: AdministrativeLevel;
  name: string;
  shortName: string | null;
  unitType: string;
  nameEn: string | null;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
  legalBasis: string | null;
};

export type SearchAdministrativeUnitsInput = {
  /** Already accent-folded query (foldVietnamese), or undefined for a plain listing. */
  foldedQuery?: string;
  level?: AdministrativeLevel;
  parentCode?: string;
  provinceCode?: string;
  /** The date the units must be in force on ('YYYY-MM-DD'). */
  at: string;
  limit: number;
  offset: number;
};

const columns = [
  'code',
  'level',
  'name',
  'shortName',
  'unitType',
  'nameEn',
  'parentCode',
  'provinceCode',
  'validFrom',
  'validTo',
  'legalBasis',
] as const;

/**
 * Units in force on a date, optionally filtered and searched. A folded query matches as a
 * substring of the folded name, or — for typos — by trigram word similarity; exact and prefix
 * matches rank first. Returns one page and the total count.
 */
export const searchAdministrativeUnits = async (
  db: Kysely<Database>,
  input: SearchAdministrativeUnitsInput,
): Promise<{ items: AdministrativeUnitRecord[]; total: number }> => {
  let query = db
    .selectFrom('administrativeUnit')
    .where((eb) => eb.or([eb('validFrom', 'is', null), eb('validFrom', '<=', input.at)]))
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', input.at)]));
  if (input.level) {
    query = query.where('level', '=', input.level);
  }
  if (input.parentCode) {
    query = query.where('parentCode', '=', input.parentCode);
  }
  if (input.provinceCode) {
    query = query.where('provinceCode', '=', input.provinceCode);
  }
  const folded = input.foldedQuery;
  if (folded) {
    const contains = query.where(containsFilter('search_text', folded));
    const found = await contains.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    query = (found?.n ?? 0) > 0 ? contains : query.where(similarFilter('search_text', folded));
  }
  const countRow = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst();
  let ordered = query.select(columns);
  if (folded) {
    ordered = ordered
      .orderBy(sql`(search_text like ${`% ${folded}%`} or search_text like ${`${folded}%`})`, 'desc')
      .orderBy(sql`word_similarity(${folded}, search_text)`, 'desc');
  }
  const items = await ordered
    .orderBy(sql`case level when 'province' then 0 when 'district' then 1 else 2 end`)
    .orderBy('code')
    .orderBy('validFrom')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { items, total: countRow?.total ?? 0 };
};

/** Counts units in force on a date, per level (used by tests and the status page). */
export const countAdministrativeUnits = async (
  db: Kysely<Database>,
  at: string,
): Promise<Record<AdministrativeLevel, number>> => {
  const rows = await db
    .selectFrom('administrativeUnit')
    .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
    .where((eb) => eb.or([eb('validFrom', 'is', null), eb('validFrom', '<=', at)]))
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', at)]))
    .groupBy('level')
    .execute();
  const counts: Record<AdministrativeLevel, number> = { province: 0, district: 0, commune: 0 };
  for (const row of rows) {
    counts[row.level] = row.count;
  }
  return counts;
};

/** The unit with this level and code in force on a date, if any. */
export const findAdministrativeUnit = async (
  db: Kysely<Database>,
  input: { level: AdministrativeLevel; code: string; at: string },
): Promise<AdministrativeUnitRecord | undefined> =>
  db
    .selectFrom('administrativeUnit')
    .select(columns)
    .where('level', '=', input.level)
    .where('code', '=', input.code)
    .where((eb) => eb.or([eb('validFrom', 'is', null), eb('validFrom', '<=', input.at)]))
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', input.at)]))
    .executeTakeFirst();

/** The 2025 successors of a pre-2025 commune (one for a full merger, several for a partial split). */
export const listCommuneSuccessors = async (
  db: Kysely<Database>,
  oldCode: string,
): Promise<{ newCode: string; mergeType: 'full' | 'partial'; effective: string }[]> =>
  db
    .selectFrom('administrativeUnitSuccession')
    .select(['newCode', 'mergeType', 'effective'])
    .where('oldLevel', '=', 'commune')
    .where('oldCode', '=', oldCode)
    .orderBy('newCode')
    .execute();

/**
 * The communes among these codes in force on a date, each with its province's name (for writing a place
 * in full, "xã X, tỉnh Y"). A code that is not a commune in force is simply absent.
 */
export const listCommunesInForce = async (
  db: Kysely<Database>,
  input: { codes: readonly string[]; at: string },
): Promise<{ code: string; name: string; provinceCode: string; provinceName: string }[]> => {
  if (input.codes.length === 0) {
    return [];
  }
  return db
    .selectFrom('administrativeUnit as commune')
    .innerJoin('administrativeUnit as province', (join) =>
      join
        .onRef('province.code', '=', 'commune.provinceCode')
        .on('province.level', '=', 'province')
        .on((eb) => eb.or([eb('province.validFrom', 'is', null), eb('province.validFrom', '<=', input.at)]))
        .on((eb) => eb.or([eb('province.validTo', 'is', null), eb('province.validTo', '>=', input.at)])),
    )
    .select(['commune.code', 'commune.name', 'commune.provinceCode', 'province.name as provinceName'])
    .where('commune.level', '=', 'commune')
    .where('commune.code', 'in', [...input.codes])
    .where((eb) => eb.or([eb('commune.validFrom', 'is', null), eb('commune.validFrom', '<=', input.at)]))
    .where((eb) => eb.or([eb('commune.validTo', 'is', null), eb('commune.validTo', '>=', input.at)]))
    .orderBy('commune.code')
    .execute();
};
