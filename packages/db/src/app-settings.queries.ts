import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The value of an installation setting (app_setting), if it is set. */
export const findAppSetting = async (db: Db, key: string): Promise<object | undefined> =>
  (await db.selectFrom('appSetting').select('value').where('key', '=', key).executeTakeFirst())?.value;

/** The value of an installation setting; throws when it is not set. */
export const getAppSetting = async (db: Db, key: string): Promise<object> =>
  (await db.selectFrom('appSetting').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;

/** Sets an installation setting unless it is already set (the first writer wins). */
export const insertAppSettingIfMissing = async (db: Db, key: string, value: object): Promise<void> => {
  await db
    .insertInto('appSetting')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
};
