import {
  findAdministrativeUnit,
  findExchangePackage,
  findExchangePackageByRecipient,
  findLatestDraftForExchange,
  findOutgoingForExchange,
  insertExchangePackage,
  listRecipientsForExchange,
} from '@motcua/db';
import {
  canExchangeElectronically,
  DOCUMENT_TYPES,
  EDXML_VERSION,
  type ExchangePackage,
  formatInstant,
  isAgencyCode,
  splitNumberSymbol,
  toLocalDate,
  validateExchangePackage,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { buildPackageXml } from '../../../exchange/edxml-xml.js';
import { exchangeTransport } from '../../../exchange/transport.js';
import {
  EXCHANGE_PACKAGE,
  exchangeFileName,
  invalidExchangeFile,
  OUTGOING_DOCUMENT,
  OUTGOING_RECIPIENT,
  readStoredFile,
  sha256Of,
} from './exchange-support.js';

export type ExportedPackage = {
  packageId: string;
  sha256: string;
  fileName: string;
  content: Buffer;
  /** false when the package had been exported before: the same bytes again. */
  created: boolean;
};

/** "Tỉnh Hưng Yên" → "Hưng Yên": the place name (địa danh) printed before the date [RECALL Decree 30/2020 Phụ lục I]. */
const placeOf = (unitName: string | undefined, fallback: string): string =>
  unitName?.replace(/^(Tỉnh|Thành phố)\s+/i, '').trim() || fallback;

/**
 * The clerk exports the exchange package of an issued outgoing document for one recipient of another system
 * (outgoing_recipient.channel 'package', addressed by its identifier code): the signed PDF — or, when the
 * document has none yet, its latest draft — with the register's metadata, as edXML. Exporting again hands
 * out the same bytes (one package per recipient, content-addressed); the transport carries it (the file
 * transport: the clerk downloads it).
 */
export const exportExchangePackage = async (
  ctx: AppContext,
  actor: Actor,
  input: { outgoingId: string; recipientId: string; language?: 'vi' | 'en' },
): Promise<ExportedPackage> => {
  const doc = await findOutgoingForExchange(ctx.db, input.outgoingId);
  if (!doc) {
    throw notFound(OUTGOING_DOCUMENT);
  }
  const official = await authorizeAgencyAction(ctx, actor, 'document.register', doc.agencyId, OUTGOING_DOCUMENT);
  const recipient = (await listRecipientsForExchange(ctx.db, doc.id)).find((r) => r.id === input.recipientId);
  if (!recipient) {
    throw notFound(OUTGOING_RECIPIENT);
  }
  const existing = await findExchangePackageByRecipient(ctx.db, recipient.id);
  if (existing) {
    return {
      packageId: existing.id,
      sha256: existing.packageSha256,
      fileName: exchangeFileName(doc.numberSymbol ?? 'van-ban', existing.recipientCode, 'edxml'),
      content: await readStoredFile(ctx, existing.packageSha256),
      created: false,
    };
  }
  const code = doc.numberSymbol ? splitNumberSymbol(doc.numberSymbol) : undefined;
  if (doc.status !== 'issued' || !doc.issuedAt || !code) {
    throw new AppError('EXCHANGE_NOT_ISSUED', { state: doc.status });
  }
  if (!canExchangeElectronically(doc.confidentiality)) {
    throw new AppError('EXCHANGE_CONFIDENTIAL');
  }
  if (recipient.channel !== 'package' || !recipient.externalCode || !isAgencyCode(recipient.externalCode)) {
    throw new AppError('EXCHANGE_RECIPIENT_NOT_PACKAGE');
  }
  const draft = doc.signedFileSha256 ? undefined : await findLatestDraftForExchange(ctx.db, doc.id);
  const file = doc.signedFileSha256
    ? {
        sha256: doc.signedFileSha256,
        mediaType: 'application/pdf',
        name: exchangeFileName(doc.numberSymbol ?? '', 'ky-so', 'pdf'),
      }
    : draft
      ? { sha256: draft.fileSha256, mediaType: draft.mediaType, name: draft.fileName }
      : undefined;
  if (!file) {
    throw new AppError('EXCHANGE_NO_FILE');
  }
  const bytes = await readStoredFile(ctx, file.sha256);
  const now = ctx.clock.now();
  const province = await findAdministrativeUnit(ctx.db, {
    level: 'province',
    code: doc.provinceCode,
    at: toLocalDate(now.getTime()),
  });
  const packageId = crypto.randomUUID();
  const pkg: ExchangePackage = {
    version: EDXML_VERSION,
    header: {
      documentId: packageId,
      from: { code: doc.agencyCode, name: doc.agencyName },
      to: [{ code: recipient.externalCode, name: recipient.name }],
      code,
      promulgation: { place: placeOf(province?.name, doc.agencyName), date: toLocalDate(doc.issuedAt.getTime()) },
      documentType: {
        code: doc.documentType,
        name: DOCUMENT_TYPES.find((t) => t.code === doc.documentType)?.vi ?? doc.documentType,
      },
      subject: doc.subject,
      signer: { name: doc.signerName ?? '', position: doc.signerTitle ?? '' },
      // motcua's outgoing documents carry no due date nor steering mark yet: none is sent.
      dueDate: null,
      steering: false,
      urgency: doc.urgency,
      confidentiality: doc.confidentiality,
      sentAt: formatInstant(now.getTime()),
    },
    attachments: [
      { name: file.name, mediaType: file.mediaType, sha256: file.sha256, contentBase64: bytes.toString('base64') },
    ],
  };
  // The register's own data must make a valid package (a missing signer is named, field by field).
  const checked = validateExchangePackage(pkg);
  if (!checked.ok) {
    throw invalidExchangeFile(checked.issues, input.language);
  }
  const content = Buffer.from(buildPackageXml(pkg), 'utf8');
  const stored = await ctx.storage.put(content);
  const transport = exchangeTransport();
  const row = await insertExchangePackage(ctx.db, {
    id: packageId,
    provinceCode: doc.provinceCode,
    agencyId: doc.agencyId,
    outgoingId: doc.id,
    recipientId: recipient.id,
    recipientCode: recipient.externalCode,
    recipientName: recipient.name,
    packageSha256: stored.sha256,
    fileSha256: file.sha256,
    transport: transport.name,
    exportedAt: now,
    exportedBy: official.userId,
    statusAt: now,
  });
  const fileName = exchangeFileName(doc.numberSymbol ?? 'van-ban', recipient.externalCode, 'edxml');
  if (row.id !== packageId) {
    // Exported at the same moment by someone else: theirs stays.
    return {
      packageId: row.id,
      sha256: row.packageSha256,
      fileName,
      content: await readStoredFile(ctx, row.packageSha256),
      created: false,
    };
  }
  await transport.sendPackage({ kind: 'package', fileName, content, sha256: sha256Of(content) }, pkg.header.to);
  return { packageId, sha256: stored.sha256, fileName, content, created: true };
};

/** The bytes of a package exported before (the sender's clerk downloads it again to carry it). */
export const readExportedPackage = async (
  ctx: AppContext,
  actor: Actor,
  packageId: string,
): Promise<{ fileName: string; content: Buffer }> => {
  const row = await findExchangePackage(ctx.db, packageId);
  if (!row) {
    throw notFound(EXCHANGE_PACKAGE);
  }
  await authorizeAgencyAction(ctx, actor, 'document.register', row.agencyId, EXCHANGE_PACKAGE);
  const doc = await findOutgoingForExchange(ctx.db, row.outgoingId);
  return {
    fileName: exchangeFileName(doc?.numberSymbol ?? 'van-ban', row.recipientCode, 'edxml'),
    content: await readStoredFile(ctx, row.packageSha256),
  };
};
