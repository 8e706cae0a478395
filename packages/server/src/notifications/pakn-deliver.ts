import {
  claimPaknNotification,
  findAgency,
  findPaknRegisterById,
  listPaknEvents,
  recordPaknNotificationAttempt,
} from '@motcua/db';
import type { AppContext } from '../context.js';
import type { PaknChangedJob } from '../jobs/jobs.js';
import { getPortalServices } from '../usecases/portal/services.js';
import { publicUrlOf } from '../usecases/provinces/province-site.js';
import { attemptNotification, maskEmail, maskPhone } from './channels.js';

/** Which PAKN steps the sender is told about (Decree 20/2008 Art. 9, 14, 15). */
export const PAKN_NOTIFIED_ACTIONS = {
  reject: 'rejection',
  request_clarification: 'clarification_request',
  send_answer: 'answer',
} as const;

type Kind = (typeof PAKN_NOTIFIED_ACTIONS)[keyof typeof PAKN_NOTIFIED_ACTIONS];

const SUBJECTS: Record<Kind, string> = {
  rejection: 'Phản ánh, kiến nghị không được tiếp nhận',
  clarification_request: 'Đề nghị làm rõ nội dung phản ánh, kiến nghị',
  answer: 'Trả lời phản ánh, kiến nghị',
};

/** The message to the sender: what happened, and where to follow it (the public tracking by code). */
export const buildPaknMessage = (facts: {
  kind: Kind;
  senderName: string;
  code: string;
  agencyName: string;
  note: string | null;
  lookupUrl: string;
}) => {
  const lines = [
    `Kính gửi ông/bà ${facts.senderName},`,
    facts.kind === 'rejection'
      ? `${facts.agencyName} không tiếp nhận phản ánh, kiến nghị mã số ${facts.code}. Lý do: ${facts.note ?? ''}`
      : facts.kind === 'clarification_request'
        ? `${facts.agencyName} đề nghị ông/bà làm rõ nội dung phản ánh, kiến nghị mã số ${facts.code}: ${facts.note ?? ''}`
        : `${facts.agencyName} đã trả lời phản ánh, kiến nghị mã số ${facts.code}. Ông/bà xem nội dung trả lời và đánh giá mức độ hài lòng tại địa chỉ dưới đây.`,
    `Tra cứu: ${facts.lookupUrl}`,
  ];
  const text = lines.join('\n\n');
  const sms = `${SUBJECTS[facts.kind]} ${facts.code}. Tra cuu: ${facts.lookupUrl}`;
  return {
    subject: `${SUBJECTS[facts.kind]} ${facts.code}`,
    text,
    html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
    sms,
  };
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Sends the messages of one PAKN change (the `pakn-changed` outbox job) to the sender's email and
 * phone; one row per event and channel in pakn_notification, so a retried job never sends twice.
 * Throws when a delivery failed, for pg-boss to retry with backoff.
 */
export const deliverPaknNotifications = async (
  ctx: AppContext,
  job: PaknChangedJob,
  options: { finalAttempt: boolean },
): Promise<{ sent: number; failed: number; skipped: number }> => {
  const result = { sent: 0, failed: 0, skipped: 0 };
  const kind = PAKN_NOTIFIED_ACTIONS[job.action as keyof typeof PAKN_NOTIFIED_ACTIONS];
  if (!kind) {
    return result;
  }
  const entry = await findPaknRegisterById(ctx.db, job.paknId);
  if (!entry) {
    return result;
  }
  const event = (await listPaknEvents(ctx.db, entry.id)).find((e) => e.seq === job.seq);
  const agency = entry.agencyId ? await findAgency(ctx.db, entry.agencyId) : undefined;
  const message = buildPaknMessage({
    kind,
    senderName: entry.senderName,
    code: entry.code,
    agencyName: agency?.name ?? 'Cơ quan tiếp nhận',
    note: event?.note ?? null,
    lookupUrl: `${await publicUrlOf(ctx, entry.provinceCode)}/phan-anh-kien-nghi?muc=tra-cuu&ma=${encodeURIComponent(entry.code)}`,
  });
  const { mailer, sms } = getPortalServices(ctx);
  const channels = [
    {
      channel: 'email' as const,
      address: entry.senderEmail ?? undefined,
      enabled: mailer.enabled,
      masked: entry.senderEmail ? maskEmail(entry.senderEmail) : null,
      send: (to: string) => mailer.send({ to, subject: message.subject, text: message.text, html: message.html }),
    },
    {
      channel: 'sms' as const,
      address: entry.senderPhone,
      enabled: sms.enabled,
      masked: maskPhone(entry.senderPhone),
      send: (to: string) => sms.send({ to, text: message.sms, reference: `pakn:${entry.id}:${job.seq}` }),
    },
  ];
  for (const channel of channels) {
    const skipReason = !channel.enabled ? 'channel_disabled' : !channel.address ? 'no_address' : null;
    const row = await claimPaknNotification(ctx.db, {
      paknId: entry.id,
      provinceCode: entry.provinceCode,
      eventSeq: job.seq,
      kind,
      channel: channel.channel,
      recipientMasked: channel.masked,
      status: skipReason ? 'skipped' : 'pending',
      skipReason,
      lastError: null,
      sentAt: null,
    });
    if (row.status === 'skipped' || row.status === 'sent' || row.status === 'failed' || !channel.address) {
      result.skipped += row.status === 'skipped' ? 1 : 0;
      continue;
    }
    const address = channel.address;
    const outcome = await attemptNotification(
      () => ctx.clock.now(),
      () => channel.send(address),
      (attempt) => recordPaknNotificationAttempt(ctx.db, { id: row.id, ...attempt }),
      options.finalAttempt,
    );
    result[outcome] += 1;
  }
  if (result.failed > 0) {
    throw new Error(`${result.failed} notification(s) of PAKN event ${job.seq} not delivered; will retry`);
  }
  return result;
};
