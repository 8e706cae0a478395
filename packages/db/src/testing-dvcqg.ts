import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * Test helpers of the national-portal sync (exported from `@motcua/db/testing` only): the province connected as the
 * tests need it without an official's write, the national field code a procedure lacks in the test catalog, the
 * keys of a dossier's events in order, and the delivery cursors of some dossiers.
 */

/** Connects a province to a portal (inserted, or the existing row replaced and its version moved on). */
export const upsertDvcqgSettingForTest = async (
  db: Kysely<Database>,
  input: {
    provinceCode: string;
    endpointUrl: string;
    authUrl: string;
    enabled: boolean;
    secretCiphertext: string;
    username: string;
    dstCode: string;
    unitCode: string;
  },
): Promise<void> => {
  const values = {
    enabled: input.enabled,
    endpointUrl: input.endpointUrl,
    authUrl: input.authUrl,
    username: input.username,
    secretCiphertext: input.secretCiphertext,
    dstCode: input.dstCode,
    unitCode: input.unitCode,
  };
  await db
    .insertInto('dvcqgSetting')
    .values({ provinceCode: input.provinceCode, ...values, agencyCodes: JSON.stringify({}) })
    .onConflict((oc) =>
      oc.column('provinceCode').doUpdateSet({
        ...values,
        version: sql`dvcqg_setting.version + 1`,
        updatedAt: sql`now()`,
      }),
    )
    .execute();
};

/** Gives a procedure of the test catalog its national field code (MaLinhVuc, which the portal requires). */
export const setProcedureFieldCodeForTest = async (db: Kysely<Database>, code: string, fieldCode: string) => {
  await db.updateTable('procedure').set({ fieldCode }).where('code', '=', code).execute();
};

/** The seq, action and status of each event of a dossier, in order (what the dossier-changed job carries). */
export const listDossierEventKeysForTest = async (db: Kysely<Database>, dossierId: string) =>
  db
    .selectFrom('dossierEvent')
    .select(['seq', 'action', 'toStatus'])
    .where('dossierId', '=', dossierId)
    .orderBy('seq')
    .execute();

/** The delivery cursors of these dossiers. */
export const listDvcqgSyncRowsForTest = async (db: Kysely<Database>, dossierIds: readonly string[]) =>
  db.selectFrom('dvcqgSync').selectAll().where('dossierId', 'in', dossierIds).execute();
