import { type AgencyRecord, findAgency, findAgencyByCode, insertImportedDelivery } from '@motcua/db';
import { canExchangeElectronically, type ExchangeIssue, joinNumberSymbol } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction, holdsAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { parsePackageXml } from '../../../exchange/edxml-xml.js';
import { invalidExchangeFile, RECEIVING_AGENCY, sha256Of } from './exchange-support.js';

export type ImportedPackage = {
  deliveryId: string;
  /** false when this package had already been imported for the agency: the same delivery. */
  created: boolean;
  packageSha256: string;
  documentId: string;
  recipientAgencyId: string;
  numberSymbol: string;
  senderCode: string;
  senderName: string;
  subject: string;
};

const PDF_MAGIC = Buffer.from('%PDF-');

/** Which agency of the package's receivers the clerk registers it for: the one asked, or the only one they clerk. */
const chooseRecipient = async (
  ctx: AppContext,
  actor: Actor,
  receivers: readonly { code: string }[],
  agencyId: string | undefined,
): Promise<AgencyRecord> => {
  if (agencyId) {
    const agency = await findAgency(ctx.db, agencyId);
    if (!agency) {
      throw notFound(RECEIVING_AGENCY);
    }
    await authorizeAgencyAction(ctx, actor, 'document.register', agency.id, RECEIVING_AGENCY);
    if (!receivers.some((r) => r.code === agency.code)) {
      throw new AppError('EXCHANGE_PACKAGE_NOT_ADDRESSED', { code: agency.code });
    }
    return agency;
  }
  const mine: AgencyRecord[] = [];
  for (const receiver of receivers) {
    const agency = await findAgencyByCode(ctx.db, receiver.code);
    if (agency) {
      const allowed = await authorizeAgencyAction(ctx, actor, 'document.register', agency.id, RECEIVING_AGENCY).then(
        () => true,
        () => false,
      );
      if (allowed) {
        mine.push(agency);
      }
    }
  }
  const [only] = mine;
  if (mine.length !== 1 || !only) {
    throw new AppError('EXCHANGE_RECIPIENT_UNKNOWN', { count: mine.length });
  }
  return only;
};

/**
 * The clerk of a receiving agency imports a package another system sent (QĐ 28/2018/QĐ-TTg): it is checked
 * whole (the model, each attachment's digest, the document a PDF) before anything is stored; the package and
 * its document go to the file store; a document_delivery row waits for registration (status 'delivered',
 * status message 1), which the incoming register takes up. Importing the same package again for the same
 * agency answers the same delivery.
 */
export const importExchangePackage = async (
  ctx: AppContext,
  actor: Actor,
  input: { content: Buffer; agencyId?: string | undefined; language?: 'vi' | 'en' },
): Promise<ImportedPackage> => {
  const official = requireOfficial(actor);
  // Only a clerk somewhere may have a file read at all (a 422 is an answer to someone allowed to ask).
  if (!holdsAction(official, 'document.register')) {
    throw new AppError('FORBIDDEN');
  }
  const parsed = parsePackageXml(input.content.toString('utf8'));
  if (!parsed.ok) {
    throw invalidExchangeFile(parsed.issues, input.language);
  }
  const pkg = parsed.value;
  if (!canExchangeElectronically(pkg.header.confidentiality)) {
    throw new AppError('EXCHANGE_CONFIDENTIAL');
  }
  const decoded = pkg.attachments.map((a) => Buffer.from(a.contentBase64, 'base64'));
  const issues: ExchangeIssue[] = [];
  pkg.attachments.forEach((attachment, index) => {
    if (sha256Of(decoded[index] ?? Buffer.alloc(0)) !== attachment.sha256) {
      issues.push({ pointer: `/attachments/${index}/sha256`, message: 'does not match the attached content' });
    }
  });
  const main = decoded[0] ?? Buffer.alloc(0);
  if (!main.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    issues.push({ pointer: '/attachments/0/contentBase64', message: 'the document is not a PDF file' });
  }
  if (issues.length > 0) {
    throw invalidExchangeFile(issues, input.language);
  }
  const agency = await chooseRecipient(ctx, actor, pkg.header.to, input.agencyId);
  if (!agency.provinceCode) {
    throw notFound(RECEIVING_AGENCY);
  }
  const packageSha256 = sha256Of(input.content);
  await ctx.storage.put(input.content);
  const document = await ctx.storage.put(main);
  const { header } = pkg;
  const numberSymbol = joinNumberSymbol(header.code);
  const result = await ctx.db.transaction().execute((trx) =>
    insertImportedDelivery(
      trx,
      {
        provinceCode: agency.provinceCode as string,
        recipientAgencyId: agency.id,
        outgoingId: null,
        senderAgencyId: null,
        senderCode: header.from.code,
        senderName: header.from.name,
        packageSha256,
        numberSymbol: numberSymbol.slice(0, 60),
        issuedOn: header.promulgation.date,
        documentType: header.documentType.code,
        subject: header.subject,
        urgency: header.urgency,
        confidentiality: header.confidentiality,
        signerName: header.signer.name,
        fileSha256: document.sha256,
        deliveredAt: ctx.clock.now(),
      },
      official.userId,
    ),
  );
  return {
    deliveryId: result.id,
    created: result.created,
    packageSha256,
    documentId: header.documentId,
    recipientAgencyId: agency.id,
    numberSymbol,
    senderCode: header.from.code,
    senderName: header.from.name,
    subject: header.subject,
  };
};
