import { type Kysely, sql, type Transaction } from 'kysely';
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

/**
 * Writes a versioned installation setting (its JSON carries `version`) only when its stored version is the
 * expected one (0: not set yet, or set without a version); the new value carries `expectedVersion + 1`.
 * Answers the new version, or undefined when another write came first (the caller answers 409).
 */
export const replaceVersionedAppSetting = async (
  db: Db,
  key: string,
  value: Record<string, unknown>,
  expectedVersion: number,
): Promise<number | undefined> => {
  const version = expectedVersion + 1;
  const json = JSON.stringify({ ...value, version });
  const updated = await db
    .updateTable('appSetting')
    .set({ value: json })
    .where('key', '=', key)
    .where(sql<number>`coalesce((value->>'version')::int, 0)`, '=', expectedVersion)
    .returning('key')
    .executeTakeFirst();
  if (updated) {
    return version;
  }
  if (expectedVersion !== 0) {
    return undefined;
  }
  const inserted = await db
    .insertInto('appSetting')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted ? version : undefined;
};
