import {
  claimNotification,
  findAgency,
  findCitizen,
  findDossierById,
  findDossierCitizenId,
  findDossierEvent,
  listDossierNotifications,
  type NotificationKind,
  recordNotificationAttempt,
} from '@motcua/db';
import { formatInstant } from '@motcua/domain';
import type { AppContext } from '../context.js';
import type { DossierChangedJob } from '../jobs/jobs.js';
import { getPortalServices } from '../usecases/portal/services.js';
import { publicUrlOf } from '../usecases/provinces/province-site.js';
import { attemptNotification, maskEmail, maskPhone } from './channels.js';
import { buildEmail, buildSms, type NotificationFacts } from './messages.js';

/** Which dossier actions the applicant is told about, and with which message. */
export const NOTIFIED_ACTIONS: Readonly<Record<string, NotificationKind>> = {
  receive: 'receipt',
  request_intake_supplement: 'supplement_request',
  request_supplement: 'supplement_request',
  request_payment: 'payment_request',
  apologize: 'apology',
  complete: 'result_ready',
};

/**
 * The public lookup of a dossier, as links in messages and receipts point to it: on the public address of the
 * dossier's own province (publicUrlOf), never another province's portal.
 */
export const lookupUrlOf = async (ctx: AppContext, dossier: { code: string; provinceCode: string }): Promise<string> =>
  `${await publicUrlOf(ctx, dossier.provinceCode)}/tra-cuu-ho-so?ma=${encodeURIComponent(dossier.code)}`;

type Payload = {
  params?: { missing?: string[]; reason?: string; amountVnd?: number; newDueAt?: number };
  missing?: string[];
  dueAfter?: number | null;
};

/**
 * Sends the notifications of one dossier change (the `dossier-changed` outbox job): an email and
 * an SMS to the applicant's contacts (or the citizen account's). Each message is one row in
 * `notification`, each try one row in `notification_attempt`; a message already sent is never
 * sent again, so the job can be retried safely. Throws when something failed, so that pg-boss
 * retries the job with backoff; on the last attempt the failure is marked final and shows on the
 * dossier.
 */
export const deliverDossierNotifications = async (
  ctx: AppContext,
  job: DossierChangedJob,
  options: { finalAttempt: boolean },
): Promise<{ sent: number; failed: number; skipped: number }> => {
  const result = { sent: 0, failed: 0, skipped: 0 };
  const kind = NOTIFIED_ACTIONS[job.action];
  if (!kind) {
    return result;
  }
  const [dossier, event] = await Promise.all([
    findDossierById(ctx.db, job.dossierId),
    findDossierEvent(ctx.db, { dossierId: job.dossierId, seq: job.seq }),
  ]);
  if (!dossier || !event) {
    return result;
  }
  const citizenId = await findDossierCitizenId(ctx.db, dossier.id);
  const citizen = citizenId ? await findCitizen(ctx.db, citizenId) : undefined;
  const agency = await findAgency(ctx.db, dossier.receivingAgencyId);
  const applicant = dossier.applicant as { email?: string; phone?: string };
  const payload = event.payload as Payload;
  const params = payload.params ?? {};
  const facts: NotificationFacts = {
    kind,
    applicantName: dossier.applicantName,
    honorific: dossier.applicantKind === 'person' ? 'ông/bà ' : '',
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    agencyName: agency?.name ?? 'Bộ phận Một cửa',
    lookupUrl: await lookupUrlOf(ctx, dossier),
    appointmentAt: payload.dueAfter ?? undefined,
    missing: params.missing ?? payload.missing,
    reason: params.reason ?? event.note ?? undefined,
    amountVnd: params.amountVnd,
    newAppointmentAt: params.newDueAt,
    resultDelivery: citizenId
      ? 'Kết quả điện tử có thể tải về trong mục "Hồ sơ của tôi" trên Cổng dịch vụ công; bản giấy (nếu có) nhận tại nơi đã đăng ký.'
      : undefined,
  };
  const { mailer, sms } = getPortalServices(ctx);
  const email = applicant.email ?? citizen?.email ?? undefined;
  const phone = applicant.phone ?? citizen?.phone ?? undefined;
  const channels = [
    {
      channel: 'email' as const,
      address: email,
      enabled: mailer.enabled,
      masked: email ? maskEmail(email) : null,
      send: async (to: string) => mailer.send({ to, ...buildEmail(facts) }),
    },
    {
      channel: 'sms' as const,
      address: phone,
      enabled: sms.enabled,
      masked: phone ? maskPhone(phone) : null,
      send: async (to: string) => sms.send({ to, text: buildSms(facts), reference: `${dossier.id}:${job.seq}` }),
    },
  ];
  for (const channel of channels) {
    const now = ctx.clock.now();
    const skipReason = !channel.enabled ? 'channel_disabled' : !channel.address ? 'no_address' : null;
    const notification = await claimNotification(ctx.db, {
      dossierId: dossier.id,
      provinceCode: dossier.provinceCode,
      eventSeq: job.seq,
      kind,
      channel: channel.channel,
      recipientMasked: channel.masked,
      status: skipReason ? 'skipped' : 'pending',
      skipReason,
      now,
    });
    if (notification.status === 'skipped' || skipReason || !channel.address) {
      result.skipped += 1;
      continue;
    }
    if (notification.status === 'sent' || notification.status === 'failed') {
      continue;
    }
    const address = channel.address;
    const outcome = await attemptNotification(
      () => ctx.clock.now(),
      () => channel.send(address),
      (attempt) => recordNotificationAttempt(ctx.db, { id: notification.id, ...attempt }),
      options.finalAttempt,
    );
    result[outcome] += 1;
  }
  if (result.failed > 0) {
    // Counts only: pg-boss keeps this message with the job.
    throw new Error(`${result.failed} notification(s) of dossier event ${job.seq} not delivered; will retry`);
  }
  return result;
};

/**
 * Notifications that keep failing, for the officer's view of the dossier: the desk then calls or
 * writes to the applicant instead.
 */
export const findNotificationProblems = async (ctx: AppContext, dossierId: string) =>
  (await listDossierNotifications(ctx.db, { dossierId, statuses: ['retrying', 'failed'] })).map((n) => ({
    kind: n.kind,
    channel: n.channel,
    recipient: n.recipientMasked,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    lastAttemptAt: n.lastAttemptAt ? formatInstant(n.lastAttemptAt.getTime()) : null,
  }));
