import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Counts the hosting centre reads across provinces (issue 22 item 4), each one statement grouped by province over
 * an index led by province_code (a page of sites, at most a hundred codes); the dossier figures come from the
 * statistics aggregates (sumStatistics), never from here.
 */
type ProvinceCount = { provinceCode: string | null; n: number | string | bigint };

/** Runs one grouped count over these provinces (none asked, none read) and answers it by province code. */
const countPerProvince = async (
  provinceCodes: readonly string[],
  count: (codes: string[]) => Promise<readonly ProvinceCount[]>,
): Promise<Map<string, number>> => {
  if (provinceCodes.length === 0) {
    return new Map();
  }
  const rows = await count([...provinceCodes]);
  return new Map(rows.map((row) => [row.provinceCode ?? '', Number(row.n)]));
};

/** Feedback (PAKN) received per province in [fromInclusive, toExclusive) (pakn_feedback_province_idx). */
export const countPaknReceivedByProvince = async (
  db: Db,
  input: { provinceCodes: readonly string[]; from: Date; to: Date },
): Promise<Map<string, number>> =>
  countPerProvince(input.provinceCodes, (codes) =>
    db
      .selectFrom('paknFeedback')
      .select(['provinceCode', (eb) => eb.fn.countAll<number>().as('n')])
      .where('provinceCode', 'in', codes)
      .where('receivedAt', '>=', input.from)
      .where('receivedAt', '<', input.to)
      .groupBy('provinceCode')
      .execute(),
  );

/** Active officials per province (app_user_province_idx); the hosting centre's own administrators have none. */
export const countOfficialsByProvince = async (
  db: Db,
  provinceCodes: readonly string[],
): Promise<Map<string, number>> =>
  countPerProvince(provinceCodes, (codes) =>
    db
      .selectFrom('appUser')
      .select(['provinceCode', (eb) => eb.fn.countAll<number>().as('n')])
      .where('provinceCode', 'in', codes)
      .where('status', '=', 'active')
      .groupBy('provinceCode')
      .execute(),
  );

/** Agencies in force per province (agency_province_kind_idx). */
export const countAgenciesByProvince = async (db: Db, provinceCodes: readonly string[]): Promise<Map<string, number>> =>
  countPerProvince(provinceCodes, (codes) =>
    db
      .selectFrom('agency')
      .select(['provinceCode', (eb) => eb.fn.countAll<number>().as('n')])
      .where('provinceCode', 'in', codes)
      .where('validTo', 'is', null)
      .groupBy('provinceCode')
      .execute(),
  );
