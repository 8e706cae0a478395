import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Counts the hosting centre reads across provinces (issue 22 item 4), each one statement grouped by province over
 * an index led by province_code (a page of sites, at most a hundred codes); the dossier figures come from the
 * statistics aggregates (sumStatistics), never from here.
 */
const toMap = (rows: readonly { provinceCode: string | null; n: number | string | bigint }[]) =>
  new Map(rows.map((row) => [row.provinceCode ?? '', Number(row.n)]));

/** Feedback (PAKN) received per province in [fromInclusive, toExclusive) (pakn_feedback_province_idx). */
export const countPaknReceivedByProvince = async (
  db: Db,
  input: { provinceCodes: readonly string[]; from: Date; to: Date },
): Promise<Map<string, number>> => {
  if (input.provinceCodes.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('paknFeedback')
    .select(['provinceCode', (eb) => eb.fn.countAll<number>().as('n')])
    .where('provinceCode', 'in', [...input.provinceCodes])
    .where('receivedAt', '>=', input.from)
    .where('receivedAt', '<', input.to)
    .groupBy('provinceCode')
    .execute();
  return toMap(rows);
};

/** Active officials per province (app_user_province_idx); the hosting centre's own administrators have none. */
export const countOfficialsByProvince = async (
  db: Db,
  provinceCodes: readonly string[],
): Promise<Map<string, number>> => {
  if (provinceCodes.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('appUser')
    .select(['provinceCode', (eb) => eb.fn.countAll<number>().as('n')])
    .where('provinceCode', 'in', [...provinceCodes])
    .where('status', '=', 'active')
    .groupBy('provinceCode')
    .execute();
  return toMap(rows);
};

/** Agencies in force per province (agency_province_kind_idx). */
export const countAgenciesByProvince = async (
  db: Db,
  provinceCodes: readonly string[],
): Promise<Map<string, number>> => {
  if (provinceCodes.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('agency')
    .select(['provinceCode', (eb) => eb.fn.countAll<number>().as('n')])
    .where('provinceCode', 'in', [...provinceCodes])
    .where('validTo', 'is', null)
    .groupBy('provinceCode')
    .execute();
  return toMap(rows);
};
