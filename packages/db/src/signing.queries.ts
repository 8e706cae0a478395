import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { handlingAgencySql } from './statistics-sql.js';
import type { DocumentSignatureTable } from './tables/eoffice.js';
import type { SigningCredentialTable, SigningOwnerKind } from './tables/signing.js';

type Db = Kysely<Database> | Transaction<Database>;

export type SigningCredentialRecord = Selectable<SigningCredentialTable>;
export type DocumentSignatureRecord = Selectable<DocumentSignatureTable>;

// --- credentials ------------------------------------------------------------------------------------------

export const insertSigningCredential = async (
  db: Db,
  row: Insertable<SigningCredentialTable> & { id: string },
): Promise<SigningCredentialRecord> =>
  db.insertInto('signingCredential').values(row).returningAll().executeTakeFirstOrThrow();

export const findSigningCredentialById = async (db: Db, id: string) =>
  db.selectFrom('signingCredential').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks a credential row for a version-guarded change. */
export const lockSigningCredential = async (db: Transaction<Database>, id: string) =>
  db.selectFrom('signingCredential').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The active credential of an official (the signer) — at most one (partial unique index). */
export const findActiveOfficialCredential = async (db: Db, userId: string) =>
  db
    .selectFrom('signingCredential')
    .selectAll()
    .where('ownerKind', '=', 'official')
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();

/** The active credential of an agency (the organisation's signature). */
export const findActiveAgencyCredential = async (db: Db, agencyId: string) =>
  db
    .selectFrom('signingCredential')
    .selectAll()
    .where('ownerKind', '=', 'agency')
    .where('agencyId', '=', agencyId)
    .where('status', '=', 'active')
    .executeTakeFirst();

/** The install's active test CA or test TSA. */
export const findActiveAuthority = async (db: Db, kind: Extract<SigningOwnerKind, 'test_ca' | 'test_tsa'>) =>
  db
    .selectFrom('signingCredential')
    .selectAll()
    .where('ownerKind', '=', kind)
    .where('status', '=', 'active')
    .executeTakeFirst();

/** The certificates a verification trusts: the install's test CA and the imported roots, active ones. */
export const listTrustedRootCertificates = async (db: Db): Promise<string[]> =>
  (
    await db
      .selectFrom('signingCredential')
      .select('certificatePem')
      .where('ownerKind', 'in', ['test_ca', 'trusted_root'])
      .where('status', '=', 'active')
      .orderBy('createdAt')
      .orderBy('id')
      .execute()
  ).map((row) => row.certificatePem);

export type CredentialCursor = { createdAt: Date; id: string };

/** An agency's credentials (its own and its officials'), newest first, keyset-paginated. */
export const listAgencySigningCredentialsPage = async (
  db: Db,
  agencyId: string,
  limit: number,
  after?: CredentialCursor,
) =>
  db
    .selectFrom('signingCredential')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(after !== undefined, (query) =>
      query.where(sql<boolean>`(created_at, id) < (${after?.createdAt ?? null}, ${after?.id ?? null})`),
    )
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** Revokes a credential (version-guarded by the caller's lock). */
export const revokeSigningCredential = async (db: Db, id: string, by: string, at: Date) =>
  db
    .updateTable('signingCredential')
    .set((eb) => ({ status: 'revoked', revokedAt: at, revokedBy: by, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const setCredentialSignatureImage = async (db: Db, id: string, sha256: string) =>
  db
    .updateTable('signingCredential')
    .set((eb) => ({ signatureImageSha256: sha256, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

// --- signatures applied -----------------------------------------------------------------------------------

export const insertDocumentSignature = async (db: Db, row: Insertable<DocumentSignatureTable>) =>
  db.insertInto('documentSignature').values(row).returningAll().executeTakeFirstOrThrow();

/** The signatures of an outgoing document or of a dossier's result, in the order they were applied. */
export const listDocumentSignatures = async (db: Db, target: { outgoingId: string } | { dossierId: string }) =>
  db
    .selectFrom('documentSignature')
    .selectAll()
    .$if('outgoingId' in target, (query) =>
      query.where('outgoingId', '=', (target as { outgoingId: string }).outgoingId),
    )
    .$if('dossierId' in target, (query) => query.where('dossierId', '=', (target as { dossierId: string }).dossierId))
    .orderBy('signedAt')
    // At the same instant the signer's signature comes before the organisation's (Decree 30 Art. 13 order).
    .orderBy('kind', 'desc')
    .orderBy('id')
    .execute();

/** Whether an official holds any role in an agency (a certificate goes to the agency's own officials). */
export const officialHoldsRoleIn = async (db: Db, userId: string, agencyId: string): Promise<boolean> =>
  (await db
    .selectFrom('userRole')
    .select('userId')
    .where('userId', '=', userId)
    .where('agencyId', '=', agencyId)
    .executeTakeFirst()) !== undefined;

export const findTrustedRootBySha256 = async (db: Db, sha256: string) =>
  db
    .selectFrom('signingCredential')
    .selectAll()
    .where('ownerKind', '=', 'trusted_root')
    .where('status', '=', 'active')
    .where('certificateSha256', '=', sha256)
    .executeTakeFirst();

// --- public verification ----------------------------------------------------------------------------------

/** An outgoing document by the token of its public verification page (the QR on the document). */
/** With a province, only that province's document (another province's is not found). */
export const findOutgoingByVerificationToken = async (db: Db, token: string, provinceCode?: string | undefined) =>
  db
    .selectFrom('outgoingDocument')
    .selectAll()
    .where('verificationToken', '=', token)
    .$if(provinceCode !== undefined, (q) => q.where('provinceCode', '=', provinceCode as string))
    .executeTakeFirst();

/** The issued outgoing document whose signed file has these bytes (with a province, only that province's). */
export const findOutgoingBySignedFile = async (db: Db, sha256: string, provinceCode?: string | undefined) =>
  db
    .selectFrom('outgoingDocument')
    .select(['id', 'numberSymbol', 'verificationToken', 'status', 'confidentiality'])
    .where('signedFileSha256', '=', sha256)
    .$if(provinceCode !== undefined, (q) => q.where('provinceCode', '=', provinceCode as string))
    .executeTakeFirst();

/**
 * A signature motcua applied whose output had these bytes (a one-stop result or an outgoing document); with a
 * province, only that province's.
 */
export const findDocumentSignatureByOutput = async (db: Db, sha256: string, provinceCode?: string | undefined) =>
  db
    .selectFrom('documentSignature')
    .selectAll()
    .where('outputSha256', '=', sha256)
    .$if(provinceCode !== undefined, (q) => q.where('provinceCode', '=', provinceCode as string))
    .executeTakeFirst();

/** Records that a dossier document's stored file is digitally signed (dossier_document.signed_at, 0011). */
export const markDossierDocumentSigned = async (db: Db, id: string, signedAt: Date) =>
  db.updateTable('dossierDocument').set({ signedAt }).where('id', '=', id).execute();

// --- Decision 766 indicator 11 (results with legal value) --------------------------------------------------

/**
 * Of the dossiers resolved (completed) in [from, to), those with a result motcua signed digitally, by province
 * and handling agency (the agency the statistics attribute a dossier to).
 */
export const sumSignedResultDossiers = async (
  db: Db,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: Date; to: Date },
): Promise<{ provinceCode: string; agencyId: string; signedResults: number }[]> => {
  if (input.provinceCodes.length === 0) {
    return [];
  }
  const agencyFilter =
    input.agencyIds === null
      ? sql`true`
      : sql`(d.receiving_agency_id = any(${[...input.agencyIds]}::uuid[]) or ${handlingAgencySql('d')} = any(${[
          ...input.agencyIds,
        ]}::uuid[]))`;
  const result = await sql<{ provinceCode: string; agencyId: string; signedResults: number }>`
    select d.province_code, (${handlingAgencySql('d')})::text as agency_id, count(*)::int as signed_results
    from dossier d
    where d.province_code = any(${[...input.provinceCodes]}::text[])
      and d.completed_at >= ${input.from} and d.completed_at < ${input.to}
      and exists (select 1 from document_signature s where s.dossier_id = d.id)
      and ${agencyFilter}
    group by 1, 2`.execute(db);
  return result.rows;
};

/** The agencies (with their province) where an official or the agency itself holds an active certificate. */
export const listAgenciesWithSigningCredentials = async (
  db: Db,
  provinceCodes: readonly string[],
): Promise<{ agencyId: string; provinceCode: string }[]> =>
  provinceCodes.length === 0
    ? []
    : (
        await db
          .selectFrom('signingCredential')
          .select(['agencyId', 'provinceCode'])
          .distinct()
          .where('ownerKind', 'in', ['official', 'agency'])
          .where('status', '=', 'active')
          .where('provinceCode', 'in', [...provinceCodes])
          .execute()
      ).flatMap((row) => (row.agencyId ? [{ agencyId: row.agencyId, provinceCode: row.provinceCode }] : []));
