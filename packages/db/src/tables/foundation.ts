import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Timestamps are written as Date or ISO strings and always read as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default (e.g. `default now()`). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type AdministrativeLevel = 'province' | 'district' | 'commune';

export type AppSettingTable = {
  key: string;
  value: JSONColumnType<object>;
  updatedAt: GeneratedTimestamp;
};

export type AdministrativeUnitTable = {
  id: Generated<number>;
  code: string;
  level: AdministrativeLevel;
  name: string;
  shortName: string | null;
  unitType: string;
  nameEn: string | null;
  searchText: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
  legalBasis: string | null;
};

export type AdministrativeUnitSuccessionTable = {
  oldLevel: AdministrativeLevel;
  oldCode: string;
  newLevel: AdministrativeLevel;
  newCode: string;
  mergeType: 'full' | 'partial';
  effective: string;
};

export type FoundationTables = {
  appSetting: AppSettingTable;
  administrativeUnit: AdministrativeUnitTable;
  administrativeUnitSuccession: AdministrativeUnitSuccessionTable;
};
