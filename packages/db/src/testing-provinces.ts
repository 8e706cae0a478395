import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Test helpers of the province isolation (issue 22 item 4; exported from `@motcua/db/testing` only): records the
 * demo does not have, made from the ones it has, so a test can find them on one province's portal and not another's.
 */

/** Makes some of a province's dossiers a citizen's own (as if submitted online by them); answers their ids. */
export const linkDossiersToCitizenForTest = async (
  db: Kysely<Database>,
  input: { citizenId: string; provinceCode: string; limit: number },
): Promise<string[]> => {
  const rows = await db
    .updateTable('dossier')
    .set({ citizenId: input.citizenId })
    .where(
      'id',
      'in',
      db
        .selectFrom('dossier')
        .select('id')
        .where('provinceCode', '=', input.provinceCode)
        .orderBy('id')
        .limit(input.limit),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
};

/** Records the signed file of an outgoing document (the bytes a public upload is recognised by). */
export const setOutgoingSignedFileForTest = async (
  db: Kysely<Database>,
  input: { id: string; sha256: string },
): Promise<void> => {
  await db.updateTable('outgoingDocument').set({ signedFileSha256: input.sha256 }).where('id', '=', input.id).execute();
};
