import {
  claimDocumentNotification,
  findDocumentEventForNotice,
  findIncomingForNotice,
  findOutgoingForNotice,
  listExchangeDeliveriesOfOutgoing,
  listNoticeContacts,
  listNoticeRoleHolders,
  recordDocumentNotificationAttempt,
} from '@motcua/db';
import type { AppContext } from '../context.js';
import type { DocumentChangedJob } from '../usecases/eoffice/document-chain.js';
import { getPortalServices } from '../usecases/portal/services.js';
import { publicUrlOf } from '../usecases/provinces/province-site.js';
import { attemptNotification } from './channels.js';

/**
 * Who acts next after a document event, by the state the event led to (Decree 30/2020: Art. 16 the issued
 * document goes to its recipients the same day, Art. 22–24 the clerk presents an incoming document, the
 * head directs it to a lead unit). Keyed on the document's state (the vocabulary's states), so the change
 * paths' action names do not matter here.
 */
export const DOCUMENT_NOTICES = {
  outgoing: { issued: 'delivery_arrived' },
  incoming: { presented: 'presented', directed: 'directed' },
} as const satisfies Record<string, Record<string, string>>;

type NoticeKind = 'delivery_arrived' | 'presented' | 'directed';

const SUBJECTS: Record<NoticeKind, string> = {
  delivery_arrived: 'Văn bản đến qua hệ thống',
  presented: 'Văn bản đến trình xin ý kiến chỉ đạo',
  directed: 'Văn bản đến được giao chủ trì xử lý',
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The email to an official: what arrived or was asked of them, and where to act on it. */
export const buildDocumentNotice = (facts: {
  kind: NoticeKind;
  numberSymbol: string | null;
  subject: string;
  from: string;
  dueOn: string | null;
  url: string;
}) => {
  const lines = [
    `${SUBJECTS[facts.kind]}: ${facts.numberSymbol ?? '(chưa có số)'} — ${facts.subject}`,
    `Cơ quan, đơn vị gửi: ${facts.from}`,
    ...(facts.dueOn ? [`Hạn xử lý: ${facts.dueOn.split('-').reverse().join('/')}`] : []),
    `Xem và xử lý: ${facts.url}`,
  ];
  return {
    subject: `${SUBJECTS[facts.kind]} ${facts.numberSymbol ?? ''}`.trim(),
    text: lines.join('\n\n'),
    html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
  };
};

type Recipient = { userId: string; email: string | null };
type Notice = {
  provinceCode: string;
  kind: NoticeKind;
  /** Each official with the province whose console they act in (the link of their e-mail). */
  recipients: (Recipient & { provinceCode: string })[];
  /** The e-mail, given the console address of the recipient's province. */
  message: (console: string) => ReturnType<typeof buildDocumentNotice>;
};

const noticeOf = async (ctx: AppContext, job: DocumentChangedJob, toStatus: string): Promise<Notice | undefined> => {
  if (job.documentKind === 'outgoing') {
    const kind = DOCUMENT_NOTICES.outgoing[toStatus as keyof typeof DOCUMENT_NOTICES.outgoing];
    const doc = kind ? await findOutgoingForNotice(ctx.db, job.documentId) : undefined;
    if (!kind || !doc) {
      return undefined;
    }
    const deliveries = await listExchangeDeliveriesOfOutgoing(ctx.db, doc.id);
    const provinceOf = new Map(deliveries.map((d) => [d.recipientAgencyId, d.provinceCode]));
    const clerks = await listNoticeRoleHolders(ctx.db, {
      agencyIds: deliveries.map((d) => d.recipientAgencyId),
      roles: ['clerk'],
    });
    return {
      provinceCode: doc.provinceCode,
      kind,
      // A clerk of the receiving agency acts in the console of the receiving agency's province.
      recipients: clerks.map((clerk) => ({
        ...clerk,
        provinceCode: provinceOf.get(clerk.agencyId) ?? doc.provinceCode,
      })),
      message: (console) =>
        buildDocumentNotice({
          kind,
          numberSymbol: doc.numberSymbol,
          subject: doc.subject,
          from: doc.agencyName,
          dueOn: null,
          url: `${console}/lien-thong`,
        }),
    };
  }
  const kind = DOCUMENT_NOTICES.incoming[toStatus as keyof typeof DOCUMENT_NOTICES.incoming];
  const doc = kind ? await findIncomingForNotice(ctx.db, job.documentId) : undefined;
  if (!kind || !doc) {
    return undefined;
  }
  const recipients =
    kind === 'presented'
      ? await listNoticeContacts(ctx.db, doc.presentedTo ? [doc.presentedTo] : [])
      : await listNoticeRoleHolders(ctx.db, {
          agencyIds: doc.leadUnitId ? [doc.leadUnitId] : [],
          roles: ['unit_head'],
        });
  return {
    provinceCode: doc.provinceCode,
    kind,
    recipients: recipients.map((recipient) => ({ ...recipient, provinceCode: doc.provinceCode })),
    message: (console) =>
      buildDocumentNotice({
        kind,
        numberSymbol: doc.numberSymbol,
        subject: doc.subject,
        from: doc.issuerName,
        dueOn: doc.dueOn,
        url: `${console}/den/${doc.id}`,
      }),
  };
};

/**
 * The `document-changed` outbox job: emails whoever acts next (a delivery arrived → the receiving agency's
 * clerks; an incoming document presented → the leader it is presented to; directed → the lead unit's
 * heads). One document_notification row per event and official, so a retried job never sends twice;
 * throws when a delivery failed, for pg-boss to retry with backoff (the same worker helper as the PAKN's).
 */
export const deliverDocumentNotifications = async (
  ctx: AppContext,
  job: DocumentChangedJob,
  options: { finalAttempt: boolean },
): Promise<{ sent: number; failed: number; skipped: number }> => {
  const result = { sent: 0, failed: 0, skipped: 0 };
  const event = await findDocumentEventForNotice(ctx.db, {
    kind: job.documentKind,
    documentId: job.documentId,
    seq: job.seq,
  });
  const notice = event ? await noticeOf(ctx, job, event.toStatus) : undefined;
  if (!notice) {
    return result;
  }
  const { mailer } = getPortalServices(ctx);
  const seen = new Set<string>();
  for (const recipient of notice.recipients) {
    if (seen.has(recipient.userId)) {
      continue;
    }
    seen.add(recipient.userId);
    const skipReason = !mailer.enabled ? 'channel_disabled' : !recipient.email ? 'no_address' : null;
    const row = await claimDocumentNotification(ctx.db, {
      provinceCode: notice.provinceCode,
      documentKind: job.documentKind,
      documentId: job.documentId,
      eventSeq: job.seq,
      userId: recipient.userId,
      kind: notice.kind,
      status: skipReason ? 'skipped' : 'pending',
      skipReason,
    });
    if (row.status === 'skipped' || !recipient.email) {
      result.skipped += 1;
      continue;
    }
    if (row.status === 'sent' || row.status === 'failed') {
      continue;
    }
    const to = recipient.email;
    // The officials' console on the public address of the recipient's own province (issue 22 item 4).
    const message = notice.message(`${await publicUrlOf(ctx, recipient.provinceCode)}/can-bo/van-ban`);
    const outcome = await attemptNotification(
      () => ctx.clock.now(),
      () => mailer.send({ to, ...message }),
      (attempt) => recordDocumentNotificationAttempt(ctx.db, { id: row.id, ...attempt }),
      options.finalAttempt,
    );
    result[outcome] += 1;
  }
  if (result.failed > 0) {
    throw new Error(`${result.failed} notification(s) of document event ${job.seq} not delivered; will retry`);
  }
  return result;
};
