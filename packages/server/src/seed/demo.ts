import type { Database } from '@motcua/db';
import type { Kysely } from 'kysely';

const DEMO_KEY = 'demo.seed';

/** The demo province: Hưng Yên (code 33 after 1 July 2025), named in the seed reports. */
export const DEMO_PROVINCE_CODE = '33';

export type DemoSeedResult = { seeded: boolean; printed?: string[] };

/**
 * Seeds the demo province once. The marker row is written in the same transaction as the demo
 * data, so a crash mid-seed leaves nothing half-done and the next start seeds again.
 */
export const seedDemo = async (db: Kysely<Database>, options: { now: Date }): Promise<DemoSeedResult> => {
  const existing = await db.selectFrom('appSetting').select('key').where('key', '=', DEMO_KEY).executeTakeFirst();
  if (existing) {
    return { seeded: false };
  }
  return db.transaction().execute(async (trx) => {
    const value = JSON.stringify({ provinceCode: DEMO_PROVINCE_CODE, seededAt: options.now.toISOString() });
    const inserted = await trx
      .insertInto('appSetting')
      .values({ key: DEMO_KEY, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) {
      return { seeded: false };
    }
    return { seeded: true, printed: [`Demo province: Hưng Yên (${DEMO_PROVINCE_CODE})`] };
  });
};
