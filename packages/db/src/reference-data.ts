import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldVietnamese, normalizeVietnamese } from '@motcua/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { AdministrativeLevel } from './tables/foundation.js';

/** The folder of reference data shipped with motcua (see reference-data/SOURCES.md). */
export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

/** Bump when the shipped administrative-unit files or their loading rules change; the next start reloads. */
export const ADMINISTRATIVE_UNITS_DATA_VERSION = 1;
const SETTING_KEY = 'reference.administrative_units';

/** The two-level local government took effect on 1 July 2025 (Law on Local Government 2025; the 34 NQ-UBTVQH15 resolutions). */
const REFORM_2025_EFFECTIVE = '2025-07-01';
const PRE_2025_LAST_DAY = '2025-06-30';

type UnitRow = Insertable<Database['administrativeUnit']>;

type Json2025 = {
  provinces: {
    code: string;
    name: string;
    shortName?: string;
    type: string;
    nameEn?: string;
    communes: { code: string; name: string; type: string; nameEn?: string }[];
  }[];
};

type JsonPre2025 = {
  provinces: {
    code: string;
    name: string;
    type: string;
    districts: { code: string; name: string; type: string; communes: { code: string; name: string; type: string }[] }[];
  }[];
};

type ChangeRow = {
  effective: string;
  level: AdministrativeLevel;
  code: string;
  name_before: string;
  name_after: string;
  legal_basis: string;
};

const buildSearchText = (name: string, nameEn: string | null | undefined, code: string): string =>
  foldVietnamese(`${name} ${nameEn ?? ''} ${code}`);

const makeRow = (row: Omit<UnitRow, 'searchText'>): UnitRow => ({
  ...row,
  name: normalizeVietnamese(row.name),
  searchText: buildSearchText(row.name, row.nameEn, row.code),
});

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as T;
const readCsv = <T>(dir: string, file: string): T[] =>
  parseCsv(readFileSync(`${dir}/${file}`, 'utf8'), { columns: true, skip_empty_lines: true }) as T[];

const previousDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** The unit type a new name implies ("Thành phố Đồng Nai" is now a centrally-run city, "Phường …" a ward). */
const inferUnitType = (level: AdministrativeLevel, name: string, previousType: string): string => {
  if (level === 'province') {
    if (name.startsWith('Thành phố')) {
      return 'Thành phố trực thuộc trung ương';
    }
    if (name.startsWith('Tỉnh')) {
      return 'Tỉnh';
    }
  }
  for (const prefix of ['Phường', 'Xã', 'Thị trấn', 'Đặc khu', 'Quận', 'Huyện', 'Thị xã', 'Thành phố']) {
    if (name.startsWith(prefix)) {
      return prefix;
    }
  }
  return previousType;
};

/**
 * Applies dated renames and re-typings (e.g. Thừa Thiên Huế → Thành phố Huế on 2025-01-01,
 * Đồng Nai → Thành phố Đồng Nai on 2026-04-30): the row in force on the date is split in two.
 */
const applyChanges = (rows: UnitRow[], changes: ChangeRow[]): UnitRow[] => {
  const result = [...rows];
  for (const change of changes) {
    const index = result.findIndex(
      (row) =>
        row.level === change.level &&
        row.code === change.code &&
        (row.validFrom == null || row.validFrom <= change.effective) &&
        (row.validTo == null || row.validTo >= change.effective),
    );
    const current = result[index];
    if (index < 0 || !current) {
      throw new Error(`Reference data: no ${change.level} ${change.code} in force on ${change.effective}`);
    }
    const before = makeRow({ ...current, name: change.name_before, validTo: previousDay(change.effective) });
    const after = makeRow({
      ...current,
      name: change.name_after,
      unitType: inferUnitType(change.level, change.name_after, current.unitType),
      validFrom: change.effective,
      legalBasis: change.legal_basis,
    });
    result.splice(index, 1, before, after);
  }
  return result;
};

/** Reads the shipped files into unit rows (both eras) and succession rows. Pure apart from reading files. */
export const readAdministrativeUnits = (dir: string = REFERENCE_DATA_DIR) => {
  const units: UnitRow[] = [];

  const pre = readJson<JsonPre2025>(dir, 'admin-units-pre2025.json');
  for (const province of pre.provinces) {
    units.push(
      makeRow({
        code: province.code,
        level: 'province',
        name: province.name,
        unitType: province.type,
        parentCode: null,
        provinceCode: province.code,
        validFrom: null,
        validTo: PRE_2025_LAST_DAY,
      }),
    );
    for (const district of province.districts) {
      units.push(
        makeRow({
          code: district.code,
          level: 'district',
          name: district.name,
          unitType: district.type,
          parentCode: province.code,
          provinceCode: province.code,
          validFrom: null,
          validTo: PRE_2025_LAST_DAY,
        }),
      );
      for (const commune of district.communes) {
        units.push(
          makeRow({
            code: commune.code,
            level: 'commune',
            name: commune.name,
            unitType: commune.type,
            parentCode: district.code,
            provinceCode: province.code,
            validFrom: null,
            validTo: PRE_2025_LAST_DAY,
          }),
        );
      }
    }
  }

  const current = readJson<Json2025>(dir, 'admin-units-2025.json');
  for (const province of current.provinces) {
    units.push(
      makeRow({
        code: province.code,
        level: 'province',
        name: province.name,
        shortName: province.shortName ?? null,
        unitType: province.type,
        nameEn: province.nameEn ?? null,
        parentCode: null,
        provinceCode: province.code,
        validFrom: REFORM_2025_EFFECTIVE,
        validTo: null,
      }),
    );
    for (const commune of province.communes) {
      units.push(
        makeRow({
          code: commune.code,
          level: 'commune',
          name: commune.name,
          unitType: commune.type,
          nameEn: commune.nameEn ?? null,
          parentCode: province.code,
          provinceCode: province.code,
          validFrom: REFORM_2025_EFFECTIVE,
          validTo: null,
        }),
      );
    }
  }

  const changes = [
    ...readCsv<ChangeRow>(dir, 'admin-units-history.csv'),
    ...readCsv<ChangeRow>(dir, 'admin-units-2026-changes.csv'),
  ].sort((a, b) => a.effective.localeCompare(b.effective));

  const successions = readCsv<{ old_commune_code: string; new_commune_code: string; merge_type: string }>(
    dir,
    'admin-units-2025-mapping.csv',
  ).map((row) => ({
    oldLevel: 'commune' as const,
    oldCode: row.old_commune_code,
    newLevel: 'commune' as const,
    newCode: row.new_commune_code,
    mergeType: row.merge_type === 'partial' ? ('partial' as const) : ('full' as const),
    effective: REFORM_2025_EFFECTIVE,
  }));

  return { units: applyChanges(units, changes), successions };
};

const insertInChunks = async <T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> => {
  for (let start = 0; start < rows.length; start += size) {
    await insert(rows.slice(start, start + size));
  }
};

export type ReferenceDataResult = { loaded: boolean; units: number; successions: number };

/**
 * Loads the administrative units into the database unless this data version is already there.
 * Runs in one transaction, so a failed load leaves the previous data untouched.
 */
export const syncAdministrativeUnits = async (
  db: Kysely<Database>,
  options: { dir?: string } = {},
): Promise<ReferenceDataResult> => {
  const current = await db.selectFrom('appSetting').select('value').where('key', '=', SETTING_KEY).executeTakeFirst();
  const currentVersion = (current?.value as { version?: number } | undefined)?.version;
  if (currentVersion === ADMINISTRATIVE_UNITS_DATA_VERSION) {
    return { loaded: false, units: 0, successions: 0 };
  }
  const { units, successions } = readAdministrativeUnits(options.dir);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('administrativeUnitSuccession').execute();
    await trx.deleteFrom('administrativeUnit').execute();
    await insertInChunks(units, 1000, (chunk) => trx.insertInto('administrativeUnit').values(chunk).execute());
    await insertInChunks(successions, 1000, (chunk) =>
      trx
        .insertInto('administrativeUnitSuccession')
        .values(chunk)
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );
    const value = JSON.stringify({ version: ADMINISTRATIVE_UNITS_DATA_VERSION, units: units.length });
    await trx
      .insertInto('appSetting')
      .values({ key: SETTING_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: new Date() }))
      .execute();
  });
  return { loaded: true, units: units.length, successions: successions.length };
};
