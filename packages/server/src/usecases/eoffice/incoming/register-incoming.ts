import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  appendDeliveryStatus,
  type Database,
  findAgency,
  findDocumentDelivery,
  findDocumentDeliveryForUpdate,
  type IncomingDocumentRecord,
  insertIncomingDocument,
  takeNextDocumentNumber,
  updateIncomingDocumentGuarded,
} from '@motcua/db';
import {
  type Confidentiality,
  chooseIncomingSequence,
  computeRegistrationDueAt,
  foldVietnamese,
  INCOMING_STATE_LABELS,
  isScanResolutionAccepted,
  MIN_SCAN_DPI,
  toLocalDate,
  type Urgency,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { authorizeAgencyAction } from '../../../auth/authorize.js';
import { getInstallationSecret } from '../../../auth/installation-secret.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';
import { checkAndStoreFile, type UploadedFile } from '../../portal/uploads.js';
import { appendDocumentEvent } from '../document-chain.js';
import { eventRoleOf, reportToSender } from './change-incoming.js';
import { INCOMING } from './incoming-access.js';
import { loadIncomingSettings } from './incoming-settings.js';

/** The accent-free text searched in the register: number and symbol, issuer, subject. */
export const foldIncomingSearchText = (row: { numberSymbol: string; issuerName: string; subject: string }) =>
  foldVietnamese([row.numberSymbol, row.issuerName, row.subject].join(' ')).slice(0, 10_000);

export type PaperRegistration = {
  agencyId: string;
  receivedAt?: string | undefined;
  issuerName: string;
  issuerCode?: string | null | undefined;
  numberSymbol: string;
  issuedOn: string;
  documentType: string;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  pageCount?: number | null | undefined;
  signerName?: string | null | undefined;
  file: { sha256: string; fileName: string; sizeBytes: number; token: string };
  scanDpi: number;
  /** The demo's documents (seed/demo-eoffice-incoming.ts); never from the API. */
  isDemo?: boolean | undefined;
};

const RESOURCE = { vi: 'cơ quan', en: 'agency' };

/**
 * The proof that a scan was uploaded for an agency (HMAC of the installation secret): a registration names
 * its file by this token, so nobody registers, into their agency's register, a file stored for another.
 */
const scanToken = (secret: string, agencyId: string, sha256: string) =>
  createHmac('sha256', secret).update(`incoming-scan:${agencyId}:${sha256}`).digest('base64url');

const isScanToken = (secret: string, agencyId: string, sha256: string, token: string) => {
  const expected = Buffer.from(scanToken(secret, agencyId, sha256));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/**
 * Stores the scanned PDF of a paper document before it is registered (type read from the content, scanned
 * by the upload hook, stored by its hash); the clerk of the agency only.
 */
export const uploadIncomingScan = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; file: UploadedFile },
) => {
  await authorizeAgencyAction(ctx, actor, 'document.register', input.agencyId, RESOURCE);
  const stored = await checkAndStoreFile(ctx, input.file, ['application/pdf']);
  return {
    sha256: stored.sha256,
    fileName: stored.fileName,
    sizeBytes: stored.size,
    mediaType: stored.mediaType,
    token: scanToken(await getInstallationSecret(ctx), input.agencyId, stored.sha256),
  };
};

type NewRow = Parameters<typeof insertIncomingDocument>[1];

/**
 * Numbers, inserts and chains a new registration in the caller's transaction: the number from the agency's
 * incoming sequence of the year (secret documents their own, Art. 22(2)), taken last-but-one so the
 * counter's row stays locked for the shortest time; the first event says whether it came late.
 */
const insertRegistered = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  official: OfficialActor,
  row: Omit<
    NewRow,
    'incomingNumber' | 'numberSequence' | 'year' | 'status' | 'searchText' | 'registeredAt' | 'registeredBy'
  >,
  timing: { dueAt: number; now: Date },
): Promise<IncomingDocumentRecord> => {
  const year = Number(toLocalDate(timing.now.getTime()).slice(0, 4));
  // The row's number_sequence is generated from the confidentiality the same way (migration 0026).
  const sequence = chooseIncomingSequence(row.confidentiality ?? 'normal');
  const number = await takeNextDocumentNumber(trx, {
    agencyId: row.agencyId,
    provinceCode: row.provinceCode,
    year,
    sequence,
  });
  const inserted = await insertIncomingDocument(trx, {
    ...row,
    year,
    incomingNumber: number,
    status: 'registered',
    registeredAt: timing.now,
    registeredBy: official.userId,
    searchText: foldIncomingSearchText(row),
  });
  const anchor = await appendDocumentEvent(trx, ctx, {
    kind: 'incoming',
    row: inserted,
    at: timing.now,
    actor: { kind: 'official', userId: official.userId, role: eventRoleOf(official, row.agencyId) },
    agencyId: row.agencyId,
    action: 'register',
    fromStatus: null,
    toStatus: 'registered',
    note: null,
    payload: {
      channel: row.channel,
      year,
      incomingNumber: number,
      registrationDueAt: new Date(timing.dueAt).toISOString(),
      late: timing.now.getTime() > timing.dueAt,
    },
  });
  const anchored = await updateIncomingDocumentGuarded(trx, {
    id: inserted.id,
    expectedVersion: inserted.version,
    patch: anchor,
    now: timing.now,
  });
  if (!anchored) {
    throw new Error('a new incoming document changed inside its own transaction');
  }
  return anchored;
};

const answer = (row: IncomingDocumentRecord) => ({
  id: row.id,
  status: row.status,
  statusLabel: INCOMING_STATE_LABELS[row.status],
  version: row.version,
  year: row.year,
  incomingNumber: row.incomingNumber,
});

/** Registers a paper document (Art. 22): its scan, uploaded for the agency, must declare ≥ 200 dpi (Phụ lục I). */
export const registerPaperIncoming = async (ctx: AppContext, actor: Actor, input: PaperRegistration) => {
  const official = await authorizeAgencyAction(ctx, actor, 'document.register', input.agencyId, RESOURCE);
  if (!isScanResolutionAccepted(input.scanDpi)) {
    throw new AppError('INCOMING_SCAN_DPI_TOO_LOW', { min: MIN_SCAN_DPI });
  }
  const secret = await getInstallationSecret(ctx);
  if (
    !isScanToken(secret, input.agencyId, input.file.sha256, input.file.token) ||
    !(await ctx.storage.has(input.file.sha256))
  ) {
    throw new AppError('INCOMING_FILE_MISSING');
  }
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency?.provinceCode) {
    throw new AppError('NOT_FOUND', { resource: RESOURCE });
  }
  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime()) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      {
        fieldProblems: [{ in: 'body', pointer: '/receivedAt', code: 'FUTURE', message: 'in the future' }],
      },
    );
  }
  const calendar = (await getAgencyWorkingCalendar(ctx, input.agencyId)).calendar;
  const settings = await loadIncomingSettings(ctx, agency.provinceCode);
  const dueAt = computeRegistrationDueAt(
    calendar,
    { receivedAt: receivedAt.getTime(), urgency: input.urgency },
    settings,
  );
  const row = await ctx.db.transaction().execute((trx) =>
    insertRegistered(
      ctx,
      trx,
      official,
      {
        provinceCode: agency.provinceCode as string,
        agencyId: input.agencyId,
        receivedAt,
        channel: 'paper',
        deliveryId: null,
        issuerName: input.issuerName,
        issuerCode: input.issuerCode ?? null,
        numberSymbol: input.numberSymbol,
        issuedOn: input.issuedOn,
        documentType: input.documentType,
        subject: input.subject,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        pageCount: input.pageCount ?? null,
        signerName: input.signerName ?? null,
        fileSha256: input.file.sha256,
        fileName: input.file.fileName,
        fileMediaType: 'application/pdf',
        fileSizeBytes: input.file.sizeBytes,
        scanDpi: input.scanDpi,
        isDemo: input.isDemo ?? false,
      },
      { dueAt, now },
    ),
  );
  return answer(row);
};

/**
 * Registers a document delivered electronically to the agency (Art. 22): its fields are copied from the
 * delivery, the delivered file kept, and 'received' is reported back to the sender in the same transaction.
 */
export const registerDeliveredIncoming = async (
  ctx: AppContext,
  actor: Actor,
  input: { deliveryId: string; expectedVersion: number; isDemo?: boolean },
) => {
  const pending = await findDocumentDelivery(ctx.db, input.deliveryId);
  if (!pending) {
    throw new AppError('NOT_FOUND', { resource: INCOMING });
  }
  const official = await authorizeAgencyAction(ctx, actor, 'document.register', pending.recipientAgencyId, INCOMING);
  const now = ctx.clock.now();
  const calendar = (await getAgencyWorkingCalendar(ctx, pending.recipientAgencyId)).calendar;
  const settings = await loadIncomingSettings(ctx, pending.provinceCode);
  const dueAt = computeRegistrationDueAt(
    calendar,
    { receivedAt: pending.deliveredAt.getTime(), urgency: pending.urgency },
    settings,
  );
  const row = await ctx.db.transaction().execute(async (trx) => {
    const delivery = await findDocumentDeliveryForUpdate(trx, input.deliveryId);
    if (!delivery) {
      throw new AppError('NOT_FOUND', { resource: INCOMING });
    }
    if (delivery.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: delivery.version, sent: input.expectedVersion });
    }
    if (delivery.status !== 'delivered') {
      throw new AppError('INCOMING_DELIVERY_NOT_PENDING');
    }
    const inserted = await insertRegistered(
      ctx,
      trx,
      official,
      {
        provinceCode: delivery.provinceCode,
        agencyId: delivery.recipientAgencyId,
        receivedAt: delivery.deliveredAt,
        channel: 'electronic',
        deliveryId: delivery.id,
        issuerName: delivery.senderName,
        issuerCode: delivery.senderCode,
        numberSymbol: delivery.numberSymbol,
        issuedOn: delivery.issuedOn,
        documentType: delivery.documentType,
        subject: delivery.subject,
        urgency: delivery.urgency,
        confidentiality: delivery.confidentiality,
        pageCount: null,
        signerName: delivery.signerName,
        fileSha256: delivery.fileSha256,
        fileName: delivery.fileSha256 ? `${delivery.numberSymbol.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf` : null,
        fileMediaType: delivery.fileSha256 ? 'application/pdf' : null,
        fileSizeBytes: null,
        scanDpi: null,
        isDemo: input.isDemo ?? false,
      },
      { dueAt, now },
    );
    await reportToSender(trx, {
      deliveryId: delivery.id,
      step: 'register',
      to: 'registered',
      at: now,
      actorUserId: official.userId,
      incomingId: inserted.id,
    });
    return inserted;
  });
  return answer(row);
};

/**
 * Returns a delivered document to its sender without registering it (sent by mistake, defective, its
 * signature does not verify — Art. 21(2)(b) [RECALL]): 'refused' with the reason, in one transaction.
 */
export const refuseDelivery = async (
  ctx: AppContext,
  actor: Actor,
  input: { deliveryId: string; expectedVersion: number; reason: string },
) => {
  const pending = await findDocumentDelivery(ctx.db, input.deliveryId);
  if (!pending) {
    throw new AppError('NOT_FOUND', { resource: INCOMING });
  }
  const official = await authorizeAgencyAction(ctx, actor, 'document.register', pending.recipientAgencyId, INCOMING);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const delivery = await findDocumentDeliveryForUpdate(trx, input.deliveryId);
    if (!delivery) {
      throw new AppError('NOT_FOUND', { resource: INCOMING });
    }
    if (delivery.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: delivery.version, sent: input.expectedVersion });
    }
    if (delivery.status !== 'delivered') {
      throw new AppError('INCOMING_DELIVERY_NOT_PENDING');
    }
    const reason = input.reason.trim();
    const done = await appendDeliveryStatus(trx, {
      deliveryId: delivery.id,
      expectedVersion: delivery.version,
      status: 'refused',
      at: now,
      actorUserId: official.userId,
      note: reason,
      refusalReason: reason,
    });
    if (!done) {
      throw new AppError('VERSION_CONFLICT', { current: delivery.version + 1, sent: input.expectedVersion });
    }
    return { id: delivery.id, status: 'refused' as const, version: delivery.version + 1 };
  });
};
