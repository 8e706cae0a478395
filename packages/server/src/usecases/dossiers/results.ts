import { randomUUID } from 'node:crypto';
import type { Database } from '@motcua/db';
import {
  type DossierRecord,
  findAgency,
  findDossierDocument,
  findUserProfile,
  getProcedureVersion,
  insertCitizenDossierDocument,
  listResultFilesById,
} from '@motcua/db';
import {
  type Applicant,
  type DossierState,
  fillResultTemplate,
  formatFormDate,
  type OfficialRole,
  type ResultTemplateInput,
  toLocalDate,
} from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { renderResultDocumentForSigning } from '../../pdf/render-result.js';
import { iso } from '../portal/citizen-dossier.js';
import { publicUrlOf } from '../provinces/province-site.js';
import { recordResultSignatures, signResultDocument } from '../signing/sign-result.js';
import { describeFormPlaces, findFilledApplicationForm } from './application-form.js';
import { type DossierAccess, getReadableDossier } from './dossier-access.js';
import { atOf, issuerOf } from './forms.js';

/**
 * Result documents (văn bản kết quả) of a dossier: who may attach one and when, generating one from the
 * result template of the dossier's procedure version, downloading one, and the files the complete
 * action names. Every result is a file stored content-addressed (ctx.storage): its SHA-256 is the hash
 * of the stored bytes, which the public verification page shows and the citizen downloads when the
 * result is returned online ("kết quả điện tử", Decision 766/QĐ-TTg). A digitally signed PDF, when the
 * e-office issue brings signing, is stored the same way as new bytes (dossier_document.signed_at).
 */

const PROCESSING_ROLES: readonly OfficialRole[] = ['processor', 'approver'];
const DESK_ROLES: readonly OfficialRole[] = ['receptionist', 'result_returner'];
const DOCUMENT = { vi: 'văn bản', en: 'document' } as const;

/**
 * Who may attach a result and when: the processors and approvers of the agency holding the dossier, or
 * the desk of the receiving agency, while it is processed or has its result (not after it is returned).
 */
export const authorizeResultAttachment = (dossier: DossierRecord, access: DossierAccess): void => {
  const state = dossier.state as DossierState;
  const holder = state.currentStep === null ? dossier.receivingAgencyId : dossier.holderAgencyId;
  const mayProcess = access.rolesAt(holder).some((role) => PROCESSING_ROLES.includes(role));
  const atDesk = access.rolesAt(dossier.receivingAgencyId).some((role) => DESK_ROLES.includes(role));
  if (!mayProcess && !atDesk) {
    throw new AppError('FORBIDDEN');
  }
  if (!['processing', 'completed'].includes(dossier.status)) {
    throw new AppError('ACTION_NOT_ALLOWED', {
      action: { vi: 'Đính kèm kết quả', en: 'Attach a result' },
      status: dossier.status,
    });
  }
};

/** The agency that decides the dossier: the agency of its last processing step (the approver's). */
const findDecidingAgencyId = (dossier: DossierRecord): string => {
  const steps = (dossier.state as DossierState).steps;
  const processing = steps.filter((step) => step.role !== 'result_returner');
  return processing[processing.length - 1]?.agencyId ?? dossier.receivingAgencyId;
};

/** The dossier's values a result template may name, written as the document prints them. */
const describeDossierValues = (
  dossier: DossierRecord,
  input: { documentNo: string; date: string; agencyName: string },
): ResultTemplateInput['dossier'] => {
  const applicant = dossier.applicant as Applicant;
  return {
    'applicant.fullName': dossier.applicantName,
    'applicant.idNumber': applicant.kind === 'person' ? applicant.idNumber : applicant.taxCode,
    'applicant.dateOfBirth':
      applicant.kind === 'person' && applicant.dateOfBirth ? formatFormDate(applicant.dateOfBirth) : undefined,
    'applicant.address': applicant.address.text,
    'dossier.code': dossier.code,
    'dossier.procedureName': dossier.procedureName,
    'dossier.receivedDate': dossier.receivedAt ? formatFormDate(toLocalDate(dossier.receivedAt.getTime())) : undefined,
    'document.number': input.documentNo,
    'document.date': formatFormDate(input.date),
    'agency.name': input.agencyName,
  };
};

/**
 * A document as the attach and generate endpoints answer it. A result's verification page: by hash for
 * an uploaded file, by id for a generated one (the address its QR code prints), on the public address of
 * the dossier's province (publicUrlOf).
 */
export const describeResult = (
  publicUrl: string,
  document: Awaited<ReturnType<typeof insertCitizenDossierDocument>> & { origin: 'uploaded' | 'generated' },
) => ({
  id: document.id,
  kind: document.kind,
  name: document.name,
  documentNo: document.documentNo,
  sha256: document.fileSha256,
  mediaType: document.mediaType,
  sizeBytes: document.sizeBytes,
  origin: document.origin,
  createdAt: iso(document.createdAt),
  verifyUrl:
    document.kind !== 'result'
      ? null
      : `${publicUrl}/v/${document.origin === 'generated' ? document.id : document.fileSha256}`,
});

/**
 * Generates the result document of a dossier from the result template of its procedure version, filled
 * from the dossier and its filled application form, as a Decree 30/2020 A4 PDF with the issuing agency,
 * the number the official gives, today's date, the QR code of its verification page and the signature
 * block (the approver's name when an approver generates it); stores it content-addressed and lists it
 * on the dossier as a result. 422 when the version has no template or a required value is missing.
 */
export const generateResultDocument = async (
  ctx: AppContext,
  actor: Actor,
  input: { code: string; documentNo: string },
) => {
  const { dossier, access } = await getReadableDossier(ctx, actor, input.code);
  authorizeResultAttachment(dossier, access);
  const version = await getProcedureVersion(ctx.db, dossier.procedureVersionId);
  const template = version.content.resultTemplate;
  if (!template) {
    throw new AppError('RESULT_TEMPLATE_MISSING');
  }
  const decidingAgencyId = findDecidingAgencyId(dossier);
  const agency = await findAgency(ctx.db, decidingAgencyId);
  if (!agency) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'cơ quan giải quyết', en: 'deciding agency' } });
  }
  const now = ctx.clock.now();
  const issuedAt = atOf(now);
  const filled = await findFilledApplicationForm(ctx, dossier);
  const places = filled
    ? await describeFormPlaces(ctx.db, {
        definition: filled.definition,
        values: filled.values,
        at: toLocalDate(filled.submittedAt.getTime()),
      })
    : {};
  const result = fillResultTemplate(template, {
    dossier: describeDossierValues(dossier, {
      documentNo: input.documentNo,
      date: issuedAt.date,
      agencyName: agency.name,
    }),
    // Without a filled form (a paper tờ khai) the version's form still names what is missing.
    form: filled
      ? { definition: filled.definition, values: filled.values }
      : version.content.applicationForm
        ? { definition: version.content.applicationForm, values: {} }
        : undefined,
    places,
  });
  if (!result.ok) {
    throw new AppError('RESULT_TEMPLATE_INCOMPLETE', {
      count: result.missing.length,
      missing: {
        vi: result.missing.map((m) => m.label.vi).join('; '),
        en: result.missing.map((m) => m.label.en).join('; '),
      },
    });
  }
  const official = access.official;
  const signsAsApprover = access.rolesAt(decidingAgencyId).includes('approver');
  const signerName = signsAsApprover ? (await findUserProfile(ctx.db, official.userId))?.fullName : undefined;
  // The row's id is chosen first: the PDF's QR code points to /v/<id> (a file cannot print its own hash), on the
  // public address of the dossier's own province.
  const id = randomUUID();
  const publicUrl = await publicUrlOf(ctx, dossier.provinceCode);
  const rendered = await renderResultDocumentForSigning({
    issuer: await issuerOf(ctx, agency),
    documentNo: input.documentNo,
    issuedAt,
    title: result.result.title,
    subject: result.result.subject,
    legalSource: template.legalSource,
    paragraphs: result.result.paragraphs,
    signer: { ...template.signer, name: signerName },
    recipients: template.recipients,
    verifyUrl: `${publicUrl}/v/${id}`,
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
  });
  // Signed by the approver and the deciding agency when their certificates exist (issue 19); unsigned otherwise.
  const signed = await signResultDocument(ctx, {
    pdf: rendered.pdf,
    placement: rendered.placement,
    dossierCode: dossier.code,
    approverUserId: signsAsApprover ? official.userId : null,
    agencyId: decidingAgencyId,
    location: agency.name,
  });
  const stored = await ctx.storage.put(signed.pdf);
  const document = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertCitizenDossierDocument(trx, {
      id,
      origin: 'generated',
      dossierId: dossier.id,
      kind: 'result',
      componentKey: null,
      name: result.result.title,
      documentNo: input.documentNo,
      fileSha256: stored.sha256,
      mediaType: 'application/pdf',
      sizeBytes: stored.size,
      uploadedBy: official.userId,
      uploadedByCitizenId: null,
    });
    await recordResultSignatures(trx, {
      documentId: id,
      dossierId: dossier.id,
      provinceCode: dossier.provinceCode,
      agencyId: decidingAgencyId,
      signatures: signed.signatures,
    });
    return inserted;
  });
  return describeResult(publicUrl, document);
};

/** A stored file of a dossier, for an official who may read the dossier (the dossier page's downloads). */
export const getOfficialDocument = async (ctx: AppContext, actor: Actor, input: { code: string; id: string }) => {
  const { dossier } = await getReadableDossier(ctx, actor, input.code);
  const document = await findDossierDocument(ctx.db, { dossierId: dossier.id, id: input.id });
  if (!document?.fileSha256 || !document.mediaType) {
    throw new AppError('NOT_FOUND', { resource: DOCUMENT });
  }
  return { sha256: document.fileSha256, mediaType: document.mediaType, name: document.name };
};

/**
 * The result files the complete action names (results[].documentId) must be result files of this
 * dossier; answers them as the event records them (id, name, number, hash).
 */
export const checkCompletionResults = async (
  db: Kysely<Database>,
  dossierId: string,
  results: readonly { documentId?: string | undefined }[],
) => {
  const ids = [...new Set(results.flatMap((r) => (r.documentId ? [r.documentId] : [])))];
  const found = await listResultFilesById(db, { dossierId, ids });
  const unknown = ids.find((id) => !found.some((f) => f.id === id));
  if (unknown) {
    throw new AppError('RESULT_DOCUMENT_UNKNOWN', { id: unknown });
  }
  return found.map((f) => ({ id: f.id, name: f.name, documentNo: f.documentNo, sha256: f.fileSha256 }));
};
