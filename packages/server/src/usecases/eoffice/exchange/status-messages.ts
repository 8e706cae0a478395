import {
  type ExchangePackageRecord,
  findAgency,
  findDocumentDelivery,
  findExchangePackageBySha256,
  listDeliveryStatusMessages,
  listExchangePackageStatuses,
  lockExchangePackage,
  recordExchangePackageStatuses,
} from '@motcua/db';
import {
  EDXML_VERSION,
  type ExchangeIssue,
  type ExchangeOrgan,
  type ExchangeStatusMessage,
  formatInstant,
  planStatusImport,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction, holdsAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { buildStatusXml, parsePackageXml, parseStatusXml } from '../../../exchange/edxml-xml.js';
import { DELIVERY, exchangeFileName, invalidExchangeFile, readStoredFile } from './exchange-support.js';

/**
 * The recipient's side: the status messages of a delivery that came by package, as an edXML file for the
 * sender's system (QCVN 102 status messages [RECALL]: đã đến, từ chối, đã tiếp nhận, phân công, đang xử
 * lý, hoàn thành), every message so far in order — the sender records the ones it does not hold yet. The
 * file transport's "send" is this download; an axis adapter sends the same text with `sendStatus` to `to`
 * (docs/exchange.md).
 */
export const exportDeliveryStatusMessages = async (
  ctx: AppContext,
  actor: Actor,
  deliveryId: string,
): Promise<{ fileName: string; content: Buffer; count: number; to: ExchangeOrgan }> => {
  const delivery = await findDocumentDelivery(ctx.db, deliveryId);
  if (!delivery) {
    throw notFound(DELIVERY);
  }
  await authorizeAgencyAction(ctx, actor, 'document.register', delivery.recipientAgencyId, DELIVERY);
  if (!delivery.packageSha256) {
    throw new AppError('EXCHANGE_NOT_BY_PACKAGE');
  }
  const original = parsePackageXml((await readStoredFile(ctx, delivery.packageSha256)).toString('utf8'));
  const agency = await findAgency(ctx.db, delivery.recipientAgencyId);
  if (!original.ok || !agency) {
    throw new Error(`stored package of delivery ${delivery.id} cannot be read back`);
  }
  const messages = await listDeliveryStatusMessages(ctx.db, delivery.id);
  const content = Buffer.from(
    buildStatusXml({
      version: EDXML_VERSION,
      messages: messages.map(
        (m): ExchangeStatusMessage => ({
          responseFor: {
            documentId: original.value.header.documentId,
            packageSha256: delivery.packageSha256 as string,
          },
          from: { code: agency.code, name: agency.name },
          to: original.value.header.from,
          seq: m.seq,
          status: m.status,
          at: formatInstant(m.at.getTime()),
          note: m.note,
        }),
      ),
    }),
    'utf8',
  );
  const fileName = exchangeFileName(delivery.numberSymbol, `trang-thai-${agency.code}`, 'edxml');
  return { fileName, content, count: messages.length, to: original.value.header.from };
};

export type ImportedStatuses = {
  packages: { packageId: string; outgoingId: string; recorded: number; skipped: number; status: string }[];
};

/**
 * The sender's side: records the status messages another system sent back about packages this install
 * exported. Each message must answer a package of this install (by its digest and document id), come from
 * the organ it was sent to, and follow the statuses already recorded (planStatusImport); messages already
 * recorded are skipped, so importing the same file twice changes nothing. All or nothing.
 */
export const importExchangeStatusMessages = async (
  ctx: AppContext,
  actor: Actor,
  input: { content: Buffer; language?: 'vi' | 'en' },
): Promise<ImportedStatuses> => {
  const official = requireOfficial(actor);
  // Only a clerk somewhere may have a file read at all (a 422 is an answer to someone allowed to ask).
  if (!holdsAction(official, 'document.register')) {
    throw new AppError('FORBIDDEN');
  }
  const parsed = parseStatusXml(input.content.toString('utf8'));
  if (!parsed.ok) {
    throw invalidExchangeFile(parsed.issues, input.language);
  }
  const groups = new Map<string, { index: number; message: ExchangeStatusMessage }[]>();
  parsed.value.messages.forEach((message, index) => {
    const group = groups.get(message.responseFor.packageSha256) ?? [];
    group.push({ index, message });
    groups.set(message.responseFor.packageSha256, group);
  });
  const targets: { pkg: ExchangePackageRecord; group: { index: number; message: ExchangeStatusMessage }[] }[] = [];
  for (const [sha256, group] of groups) {
    const first = group[0]?.message;
    const pkg = await findExchangePackageBySha256(ctx.db, sha256);
    if (!pkg || !first || pkg.id !== first.responseFor.documentId) {
      throw new AppError('EXCHANGE_STATUS_UNKNOWN_PACKAGE', { documentId: first?.responseFor.documentId ?? '' });
    }
    await authorizeAgencyAction(ctx, actor, 'document.register', pkg.agencyId, DELIVERY);
    const issues: ExchangeIssue[] = group
      .filter(({ message }) => message.from.code !== pkg.recipientCode)
      .map(({ index }) => ({
        pointer: `/messages/${index}/from/code`,
        message: 'is not the organ the package was sent to',
      }));
    if (issues.length > 0) {
      throw invalidExchangeFile(issues, input.language);
    }
    targets.push({ pkg, group });
  }
  const now = ctx.clock.now();
  const packages = await ctx.db.transaction().execute(async (trx) => {
    const results: ImportedStatuses['packages'] = [];
    for (const { pkg, group } of targets) {
      const locked = await lockExchangePackage(trx, pkg.id);
      if (!locked) {
        throw new AppError('EXCHANGE_STATUS_UNKNOWN_PACKAGE', { documentId: pkg.id });
      }
      const known = await listExchangePackageStatuses(trx, pkg.id);
      const plan = planStatusImport(
        known,
        group.map(({ message }) => message),
      );
      if (!plan.ok) {
        throw new AppError('EXCHANGE_STATUS_OUT_OF_ORDER', { seq: group[plan.index]?.message.seq ?? 0 });
      }
      const recorded = plan.record.map((i) => group[i]?.message).filter((m): m is ExchangeStatusMessage => !!m);
      const last = recorded.at(-1);
      if (last) {
        const ok = await recordExchangePackageStatuses(trx, {
          packageId: pkg.id,
          expectedVersion: locked.version,
          messages: recorded.map((m) => ({
            packageId: pkg.id,
            seq: m.seq,
            status: m.status,
            at: new Date(m.at),
            reporterCode: m.from.code,
            note: m.note,
            importedAt: now,
            importedBy: official.userId,
          })),
          last: { status: last.status, at: new Date(last.at) },
        });
        if (!ok) {
          throw new AppError('VERSION_CONFLICT', { current: locked.version, sent: locked.version });
        }
      }
      results.push({
        packageId: pkg.id,
        outgoingId: pkg.outgoingId,
        recorded: recorded.length,
        skipped: group.length - recorded.length,
        status: last?.status ?? locked.status,
      });
    }
    return results;
  });
  return { packages };
};
