import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import {
  type Database,
  findAgencyDocumentInfo,
  findOutgoingVersion,
  findUserNames,
  insertDocumentSignature,
  insertOutgoingDelivery,
  listDocumentEvents,
  listOutgoingRecipients,
  type OutgoingRecord,
  takeNextDocumentNumber,
} from '@motcua/db';
import {
  buildNumberSymbol,
  canIssueOutgoing,
  canSignOutgoing,
  chooseOutgoingSequence,
  type DocumentTypeCode,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { formatPlaceDateVi } from '../../../pdf/format-vi.js';
import type { SignaturePlacement } from '../../../signing/types.js';
import { findPlaceNameOfAgency } from '../../provinces/letterhead.js';
import { changeOutgoing } from './change-outgoing.js';
import { loadDelegationsOf } from './drafting.js';
import { requireAtAgency } from './outgoing-access.js';
import { getPdfSigner } from './pdf-signer.js';
import { type NumberPlacement, resolvePlacement, stampNumberOnPdf } from './stamp-number.js';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const vietnamDate = (at: Date) => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The context a signer gets inside the signing transaction: its reads see (and wait for) nothing else. */
const inTransaction = (ctx: AppContext, trx: Transaction<Database>): AppContext => ({ ...ctx, db: trx, reader: trx });

export type NumberTaken = { year: number; sequence: string; number: number; numberSymbol: string };

/**
 * Takes the document's number in the caller's transaction (Art. 15): the agency's sequence for the year
 * of signing (normative documents per type, secret ones apart), row-locked until the transaction ends so
 * concurrent signings wait and a rolled-back one gives its number back — gap-free; and builds the symbol
 * from the agency's abbreviation and the drafting unit's ("12/QĐ-UBND", "35/UBND-VP").
 */
export const takeOutgoingNumber = async (
  trx: Transaction<Database>,
  row: Pick<
    OutgoingRecord,
    'agencyId' | 'provinceCode' | 'documentType' | 'isNormative' | 'confidentiality' | 'draftingUnitId'
  >,
  at: Date,
): Promise<NumberTaken> => {
  const agency = await findAgencyDocumentInfo(trx, row.agencyId);
  if (!agency?.documentAbbreviation) {
    throw new AppError('OUTGOING_NO_ABBREVIATION');
  }
  const unit = row.draftingUnitId ? await findAgencyDocumentInfo(trx, row.draftingUnitId) : undefined;
  const documentType = row.documentType as DocumentTypeCode;
  const sequence = chooseOutgoingSequence({
    documentType,
    isNormative: row.isNormative,
    confidentiality: row.confidentiality,
  });
  const year = Number(vietnamDate(at).slice(0, 4));
  const number = await takeNextDocumentNumber(trx, {
    agencyId: row.agencyId,
    provinceCode: row.provinceCode,
    year,
    sequence,
  });
  const numberSymbol = buildNumberSymbol({
    number,
    documentType,
    agencyAbbreviation: agency.documentAbbreviation,
    unitAbbreviation: unit?.documentAbbreviation ?? null,
  });
  return { year, sequence, number, numberSymbol };
};

const readStored = async (ctx: AppContext, sha256: string): Promise<Buffer> => {
  const stream = await ctx.storage.open(sha256);
  if (!stream) {
    throw new Error(`stored file ${sha256.slice(0, 12)} is missing`);
  }
  return buffer(stream);
};

export type PlacementOverride = {
  number?: Partial<NumberPlacement['number']> | undefined;
  placeDate?: Partial<NumberPlacement['placeDate']> | undefined;
  signature?: Partial<SignaturePlacement> | undefined;
};

/**
 * The signer signs (Art. 13, 15): the named signer (TUQ. with a 'sign' delegation in force), on the
 * current PDF version of an approved document. In ONE transaction: the number is taken, "Số: …" and the
 * place/date are stamped onto the PDF, the signer's digital signature is applied, the signed PDF stored
 * and a document_signature row recorded. A failure rolls the number back.
 */
export const signOutgoing = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; placement?: PlacementOverride | undefined },
) => {
  const official = requireOfficial(actor);
  const delegations = await loadDelegationsOf(ctx, official.userId);
  const today = todayInVietnam(ctx.clock);
  return changeOutgoing(
    ctx,
    actor,
    { id: input.id, expectedVersion: input.expectedVersion, action: 'sign' },
    {
      authorize: async (who, record) => {
        await requireAtAgency(ctx, who, 'document.sign', record.agencyId);
      },
      decide: async (trx, row, _official, now) => {
        const allowed = canSignOutgoing({
          signMode: row.signMode,
          signerUserId: row.signerUserId,
          actorUserId: official.userId,
          delegations,
          today,
        });
        if (allowed !== 'ok') {
          throw new AppError(allowed);
        }
        const version = await findOutgoingVersion(trx, row.id, row.currentVersion);
        if (version?.mediaType !== 'application/pdf') {
          throw new AppError('OUTGOING_SIGN_NEEDS_PDF');
        }
        const source = await readStored(ctx, version.fileSha256);
        const taken = await takeOutgoingNumber(trx, row, now);
        const agency = await findAgencyDocumentInfo(trx, row.agencyId);
        // The place name of the document (Appendix I): the signing agency's commune or province, never another's.
        const placeName = await findPlaceNameOfAgency(inTransaction(ctx, trx), {
          name: agency?.name ?? '',
          provinceCode: agency?.provinceCode ?? row.provinceCode,
          adminUnitLevel: agency?.adminUnitLevel ?? null,
          adminUnitCode: agency?.adminUnitCode ?? null,
        });
        const placeDate = formatPlaceDateVi(placeName, vietnamDate(now));
        const { PDFDocument } = await import('pdf-lib');
        const pageCount = (await PDFDocument.load(source, { updateMetadata: false })).getPageCount();
        const placement = resolvePlacement(pageCount, input.placement);
        const stamped = await stampNumberOnPdf(source, { numberSymbol: taken.numberSymbol, placeDate, placement });
        const applied = await getPdfSigner()(inTransaction(ctx, trx), {
          pdf: stamped.pdf,
          kind: 'signer',
          userId: official.userId,
          agencyId: row.agencyId,
          signedAt: now,
          reason: `Ký ban hành văn bản số ${taken.numberSymbol}`,
          location: placeName,
          placement: placement.signature,
        });
        const stored = await ctx.storage.put(applied.pdf);
        await insertDocumentSignature(trx, {
          provinceCode: row.provinceCode,
          outgoingId: row.id,
          kind: 'signer',
          signerUserId: official.userId,
          agencyId: row.agencyId,
          certificateSubject: applied.certificate.subject,
          certificateSerial: applied.certificate.serial,
          certificateSha256: applied.certificate.sha256,
          signedAt: now,
          inputSha256: applied.inputSha256,
          outputSha256: applied.outputSha256,
        });
        return {
          to: 'signed',
          patch: {
            year: taken.year,
            numberSequence: taken.sequence,
            number: taken.number,
            numberSymbol: taken.numberSymbol,
            signedAt: now,
            pageCount: stamped.pageCount,
            signedFileSha256: stored.sha256,
            verificationToken: randomBytes(18).toString('base64url'),
          },
          payload: {
            number: taken.number,
            numberSymbol: taken.numberSymbol,
            sequence: taken.sequence,
            year: taken.year,
            signMode: row.signMode,
            versionNo: row.currentVersion,
            sha256: stored.sha256,
            placement: placement.signature,
            // Where "Số: …" and the place and date were stamped (the signer's choice or the defaults).
            numberPlacement: placement.number,
            placeDatePlacement: placement.placeDate,
          },
        };
      },
    },
  );
};

/**
 * The clerk applies the organisation's digital signature (Art. 16(1)(c), Art. 33) on the signed PDF: the
 * seal over the left third of the signer's image (the signature's placement).
 */
export const sealOutgoing = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; placement?: Partial<SignaturePlacement> | undefined },
) =>
  changeOutgoing(
    ctx,
    actor,
    { id: input.id, expectedVersion: input.expectedVersion, action: 'seal' },
    {
      authorize: async (who, record) => {
        await requireAtAgency(ctx, who, 'document.seal', record.agencyId);
      },
      decide: async (trx, row, official, now) => {
        if (row.organisationSignedAt !== null || !row.signedFileSha256 || !row.numberSymbol) {
          throw new AppError('OUTGOING_NOT_ALLOWED_IN_STATE', { state: 'đã ký số của cơ quan', action: 'ký số' });
        }
        const source = await readStored(ctx, row.signedFileSha256);
        const agency = await findAgencyDocumentInfo(trx, row.agencyId);
        // The seal goes over the signer's image: the placement the signer signed at (the sign event's), unless moved.
        const signEvent = (await listDocumentEvents(trx, 'outgoing', row.id)).findLast(
          (event) => event.action === 'sign',
        );
        const signedAt = (signEvent?.payload as { placement?: Partial<SignaturePlacement> } | undefined)?.placement;
        const placement = resolvePlacement(row.pageCount ?? 1, {
          signature: { ...signedAt, ...input.placement },
        }).signature;
        const applied = await getPdfSigner()(inTransaction(ctx, trx), {
          pdf: source,
          kind: 'organisation',
          agencyId: row.agencyId,
          signedAt: now,
          reason: `Văn thư ký số của cơ quan, văn bản số ${row.numberSymbol}`,
          location: agency?.name ?? '',
          placement,
        });
        const stored = await ctx.storage.put(applied.pdf);
        await insertDocumentSignature(trx, {
          provinceCode: row.provinceCode,
          outgoingId: row.id,
          kind: 'organisation',
          signerUserId: official.userId,
          agencyId: row.agencyId,
          certificateSubject: applied.certificate.subject,
          certificateSerial: applied.certificate.serial,
          certificateSha256: applied.certificate.sha256,
          signedAt: now,
          inputSha256: applied.inputSha256,
          outputSha256: applied.outputSha256,
        });
        return {
          to: 'signed',
          patch: { organisationSignedAt: now, signedFileSha256: stored.sha256 },
          payload: { sha256: stored.sha256 },
        };
      },
    },
  );

/**
 * The clerk issues the document (Art. 18: the day it is signed, at the latest the next working day): it
 * becomes 'issued', and every recipient of this install receives it at once — a document_delivery row
 * ('delivered', with its first status message) in the same transaction, in the recipient clerk's inbox.
 */
export const issueOutgoing = async (ctx: AppContext, actor: Actor, input: { id: string; expectedVersion: number }) =>
  changeOutgoing(
    ctx,
    actor,
    { ...input, action: 'issue' },
    {
      authorize: async (who, record) => {
        await requireAtAgency(ctx, who, 'document.seal', record.agencyId);
      },
      decide: async (trx, row, _official, now) => {
        if (
          !canIssueOutgoing({
            state: row.status,
            signedAt: row.signedAt,
            organisationSignedAt: row.organisationSignedAt,
          })
        ) {
          throw new AppError('OUTGOING_NOT_SEALED');
        }
        const recipients = await listOutgoingRecipients(trx, row.id);
        const system = recipients.filter((recipient) => recipient.channel === 'system' && recipient.recipientAgencyId);
        const sender = await findAgencyDocumentInfo(trx, row.agencyId);
        const signerName = row.signerUserId
          ? ((await findUserNames(trx, [row.signerUserId])).get(row.signerUserId) ?? null)
          : null;
        const issuedOn = vietnamDate(now);
        const sameDay = row.signedAt ? vietnamDate(row.signedAt) === issuedOn : false;
        return {
          to: 'issued',
          patch: { issuedAt: now },
          payload: {
            deliveredTo: system.length,
            packages: recipients.filter((recipient) => recipient.channel === 'package').length,
            paper: recipients.filter((recipient) => recipient.channel === 'paper').length,
            sameDay,
          },
          after: async (innerTrx, updated) => {
            const seen = new Set<string>();
            for (const recipient of system) {
              const agencyId = recipient.recipientAgencyId as string;
              if (seen.has(agencyId) || agencyId === updated.agencyId) {
                continue;
              }
              seen.add(agencyId);
              const target = await findAgencyDocumentInfo(innerTrx, agencyId);
              await insertOutgoingDelivery(innerTrx, {
                provinceCode: target?.provinceCode ?? updated.provinceCode,
                recipientAgencyId: agencyId,
                outgoingId: updated.id,
                senderAgencyId: updated.agencyId,
                senderCode: sender?.code ?? null,
                senderName: sender?.name ?? '',
                numberSymbol: updated.numberSymbol ?? '',
                issuedOn,
                documentType: updated.documentType,
                subject: updated.subject,
                urgency: updated.urgency,
                confidentiality: updated.confidentiality,
                signerName,
                fileSha256: updated.signedFileSha256,
                deliveredAt: now,
              });
            }
          },
        };
      },
    },
  );
