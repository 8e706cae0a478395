import { foldVietnamese, hashProcedureContent, type ProcedureVersionContent } from '@motcua/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * Tests only: publishes version 1 of a procedure in a catalog directly, in one transaction, without
 * the catalog use-cases (which the catalog tests exercise for real).
 */
export const insertPublishedProcedure = async (
  db: Kysely<Database>,
  input: { catalog: string; code: string; content: ProcedureVersionContent; effectiveFrom?: string | undefined },
): Promise<{ procedureId: string; versionId: string }> => {
  const { content } = input;
  return db.transaction().execute(async (trx) => {
    const procedure = await sql<{ id: string }>`
      insert into procedure (catalog, code, national_code, name, field_name, field_key, levels, online_level,
        boundary_free, search_text, name_key, summary)
      values (${input.catalog}, ${input.code}, ${content.nationalCode}, ${content.name}, ${content.field.name},
        ${foldVietnamese(content.field.name)}, ${content.levels}, ${content.onlineLevel}, ${content.boundaryFree},
        ${foldVietnamese(`${content.name} ${input.code}`)}, ${foldVietnamese(content.name)}, ${'{}'}::jsonb)
      returning id::text as id`.execute(trx);
    const procedureId = procedure.rows[0]?.id ?? '';
    const version = await sql<{ id: string }>`
      insert into procedure_version (procedure_id, catalog, version_no, status, content, content_hash,
        effective_from, source, published_at)
      values (${procedureId}::uuid, ${input.catalog}, 1, 'published', ${JSON.stringify(content)}::jsonb,
        ${hashProcedureContent(content).slice(0, 14).padStart(14, '0')}, ${input.effectiveFrom ?? '2025-07-01'}, 'manual', now())
      returning id::text as id`.execute(trx);
    const versionId = version.rows[0]?.id ?? '';
    await sql`update procedure set current_version_id = ${versionId}::uuid, current_version_no = 1,
      effective_from = ${input.effectiveFrom ?? '2025-07-01'} where id = ${procedureId}::uuid`.execute(trx);
    return { procedureId, versionId };
  });
};

/** Tests only: sets an agency's daily dossier counter (e.g. to 9,999, to see the 10,000th code). */
export const setDossierCodeCounter = async (
  db: Kysely<Database>,
  input: { agencyId: string; day: string; lastSeq: number },
): Promise<void> => {
  await db
    .insertInto('dossierCodeCounter')
    .values(input)
    .onConflict((oc) => oc.columns(['agencyId', 'day']).doUpdateSet({ lastSeq: input.lastSeq }))
    .execute();
};
