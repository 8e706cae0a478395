import {
  findOutgoingForExchange,
  listExchangeDeliveriesOfOutgoing,
  listExchangePackageStatusesOf,
  listExchangePackagesOfOutgoing,
  listIssuedOutgoingPage,
  listPackageDeliveriesPage,
  listRecipientsForExchange,
  listSentDeliveriesPage,
  listStatusMessagesOfDeliveries,
} from '@motcua/db';
import { DELIVERY_STATUS_LABELS, type DeliveryStatus, formatInstant } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { cutKeysetPage } from '../../keyset-page.js';
import { OUTGOING_DOCUMENT } from './exchange-support.js';

const AGENCY = { vi: 'cơ quan', en: 'agency' };

/** Where a recipient stands: not sent yet, exported (no answer yet), a status it reported, or on paper. */
export type RecipientExchangeStatus = 'not_sent' | 'sent' | 'paper' | DeliveryStatus;

export const RECIPIENT_STATUS_LABELS: Record<RecipientExchangeStatus, { vi: string; en: string }> = {
  ...DELIVERY_STATUS_LABELS,
  not_sent: { vi: 'Chưa gửi', en: 'Not sent' },
  sent: { vi: 'Đã gửi gói tin', en: 'Package sent' },
  paper: { vi: 'Gửi bản giấy', en: 'Sent on paper' },
};

const labelOf = (status: string) =>
  RECIPIENT_STATUS_LABELS[status as RecipientExchangeStatus] ?? { vi: status, en: status };

const presentMessage = (m: { seq: number; status: DeliveryStatus; at: Date; note: string | null }) => ({
  seq: m.seq,
  status: m.status,
  statusLabel: DELIVERY_STATUS_LABELS[m.status],
  at: formatInstant(m.at.getTime()),
  note: m.note,
});

/**
 * The sender's view of an outgoing document: each recipient (nơi nhận) in order, how it was reached, and
 * the status messages it reported back, in order — deliveries through the system (document_status_message)
 * and packages (the messages their systems sent back, exchange_package_status).
 */
export const getOutgoingExchange = async (ctx: AppContext, actor: Actor, outgoingId: string) => {
  const doc = await findOutgoingForExchange(ctx.db, outgoingId);
  if (!doc) {
    throw notFound(OUTGOING_DOCUMENT);
  }
  await authorizeAgencyAction(ctx, actor, 'document.read', doc.agencyId, OUTGOING_DOCUMENT);
  const [recipients, deliveries, packages] = await Promise.all([
    listRecipientsForExchange(ctx.db, doc.id),
    listExchangeDeliveriesOfOutgoing(ctx.db, doc.id),
    listExchangePackagesOfOutgoing(ctx.db, doc.id),
  ]);
  const [deliveryMessages, packageMessages] = await Promise.all([
    listStatusMessagesOfDeliveries(
      ctx.db,
      deliveries.map((d) => d.id),
    ),
    listExchangePackageStatusesOf(
      ctx.db,
      packages.map((p) => p.id),
    ),
  ]);
  return {
    outgoingId: doc.id,
    numberSymbol: doc.numberSymbol,
    subject: doc.subject,
    documentStatus: doc.status,
    issuedAt: doc.issuedAt ? formatInstant(doc.issuedAt.getTime()) : null,
    recipients: recipients.map((r) => {
      const delivery =
        r.channel === 'system' ? deliveries.find((d) => d.recipientAgencyId === r.recipientAgencyId) : undefined;
      const pkg = r.channel === 'package' ? packages.find((p) => p.recipientId === r.id) : undefined;
      const status: RecipientExchangeStatus =
        r.channel === 'paper' ? 'paper' : (delivery?.status ?? pkg?.status ?? 'not_sent');
      const messages = delivery
        ? deliveryMessages.filter((m) => m.deliveryId === delivery.id)
        : pkg
          ? packageMessages.filter((m) => m.packageId === pkg.id)
          : [];
      return {
        id: r.id,
        position: r.position,
        name: r.name,
        code: r.externalCode,
        recipientAgencyId: r.recipientAgencyId,
        channel: r.channel,
        purpose: r.purpose,
        status,
        statusLabel: labelOf(status),
        sentAt: delivery
          ? formatInstant(delivery.deliveredAt.getTime())
          : pkg
            ? formatInstant(pkg.exportedAt.getTime())
            : null,
        deliveryId: delivery?.id ?? null,
        packageId: pkg?.id ?? null,
        canExport: r.channel === 'package' && doc.status === 'issued',
        messages: messages.map(presentMessage),
      };
    }),
  };
};

type Cursor = { at: Date; id: string };
const encodeCursor = (at: Date, id: string) =>
  Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
const decodeCursor = (cursor: string | undefined): Cursor | null => {
  if (!cursor) {
    return null;
  }
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(date.getTime())) {
      throw new Error('cursor');
    }
    return { at: date, id };
  } catch {
    throw new AppError('EXCHANGE_CURSOR_INVALID');
  }
};

/** A clerk's list of what the agency sent (through the system and by package), newest first, with the last status. */
export const listSentDeliveries = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; cursor?: string | undefined; limit: number },
) => {
  await authorizeAgencyAction(ctx, actor, 'document.read', input.agencyId, AGENCY);
  const after = decodeCursor(input.cursor);
  const rows = await listSentDeliveriesPage(ctx.db, {
    agencyId: input.agencyId,
    after: after ? { sentAt: after.at, id: after.id } : null,
    limit: input.limit + 1,
  });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => ({
      id: row.id,
      channel: row.channel,
      outgoingId: row.outgoingId,
      numberSymbol: row.numberSymbol,
      subject: row.subject,
      recipientName: row.recipientName,
      recipientCode: row.recipientCode,
      status: row.status as RecipientExchangeStatus,
      statusLabel: labelOf(row.status),
      statusAt: formatInstant(row.statusAt.getTime()),
      sentAt: formatInstant(row.sentAt.getTime()),
    }),
    (last) => encodeCursor(last.sentAt, last.id),
  );
};

/** The agency's issued outgoing documents (where packages are exported), the last changed first. */
export const listIssuedForExchange = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; cursor?: string | undefined; limit: number },
) => {
  await authorizeAgencyAction(ctx, actor, 'document.read', input.agencyId, AGENCY);
  const after = decodeCursor(input.cursor);
  const rows = await listIssuedOutgoingPage(ctx.db, {
    agencyId: input.agencyId,
    after: after ? { updatedAt: after.at, id: after.id } : null,
    limit: input.limit + 1,
  });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => ({
      id: row.id,
      numberSymbol: row.numberSymbol,
      documentType: row.documentType,
      subject: row.subject,
      urgency: row.urgency,
      confidentiality: row.confidentiality,
      issuedAt: row.issuedAt ? formatInstant(row.issuedAt.getTime()) : null,
      recipients: Number(row.recipients ?? 0),
      packageRecipients: Number(row.packageRecipients ?? 0),
    }),
    (last) => encodeCursor(last.updatedAt, last.id),
  );
};

/** What an agency received by package, newest first: the receiving clerk exports each one's status messages from here. */
export const listReceivedPackages = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; cursor?: string | undefined; limit: number },
) => {
  await authorizeAgencyAction(ctx, actor, 'document.read', input.agencyId, AGENCY);
  const after = decodeCursor(input.cursor);
  const rows = await listPackageDeliveriesPage(ctx.db, {
    agencyId: input.agencyId,
    after: after ? { deliveredAt: after.at, id: after.id } : null,
    limit: input.limit + 1,
  });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => ({
      id: row.id,
      senderCode: row.senderCode,
      senderName: row.senderName,
      numberSymbol: row.numberSymbol,
      issuedOn: row.issuedOn,
      documentType: row.documentType,
      subject: row.subject,
      urgency: row.urgency,
      status: row.status,
      statusLabel: DELIVERY_STATUS_LABELS[row.status],
      statusAt: formatInstant(row.statusAt.getTime()),
      deliveredAt: formatInstant(row.deliveredAt.getTime()),
      registered: row.incomingId !== null,
    }),
    (last) => encodeCursor(last.deliveredAt, last.id),
  );
};
