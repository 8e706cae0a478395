import { findSipasCampaign, listOpenSipasInvitations, markSipasInvitationsSent } from '@motcua/db';
import type { AppContext } from '../../context.js';
import { getPortalServices } from '../portal/services.js';
import type { SipasInvitationsJob } from './campaigns.js';
import { invitationTokenOf, surveyUrlOf } from './sipas-access.js';

const PAGE = 200;

const texts = (input: { agencyName: string; url: string; reminder: boolean; dossierCode: string }) => {
  const lead = input.reminder ? 'Nhắc lại: ' : '';
  return {
    subject: `${lead}Khảo sát sự hài lòng về giải quyết thủ tục hành chính`,
    text:
      `${lead}${input.agencyName} đã trả kết quả hồ sơ ${input.dossierCode}. Ông/bà được chọn ngẫu nhiên tham gia khảo ` +
      `sát sự hài lòng (Chỉ số SIPAS). Ý kiến được giữ kín, không gắn với hồ sơ. Trả lời một lần tại: ${input.url}`,
    sms: `${lead}Moi ong/ba danh gia su hai long ve giai quyet ho so ${input.dossierCode} (an danh, 1 lan): ${input.url}`,
  };
};

/**
 * The `sipas-invitations` job: sends the campaign's unused invitations by email and SMS to the
 * applicants' contacts, a page at a time, and marks them sent (or reminded). Retried by pg-boss: a
 * first send skips the invitations already marked sent; a reminder is sent again only to those not
 * yet answered. Delivery failures are counted, never logged with addresses.
 */
export const sendSipasInvitations = async (
  ctx: AppContext,
  job: SipasInvitationsJob,
): Promise<{ sent: number; skipped: number; failed: number }> => {
  const campaign = await findSipasCampaign(ctx.db, job.campaignId);
  const result = { sent: 0, skipped: 0, failed: 0 };
  if (campaign?.status !== 'open') {
    return result;
  }
  const { mailer, sms } = getPortalServices(ctx);
  let afterId: string | undefined;
  for (;;) {
    const page = await listOpenSipasInvitations(ctx.db, {
      campaignId: campaign.id,
      afterId,
      limit: PAGE,
      unsentOnly: !job.reminder,
    });
    if (page.length === 0) {
      break;
    }
    const done: string[] = [];
    for (const invitation of page) {
      const contact = (invitation.applicant ?? {}) as { email?: string; phone?: string };
      const url = await surveyUrlOf(
        ctx,
        campaign.provinceCode,
        await invitationTokenOf(ctx, campaign.id, invitation.dossierId),
      );
      const message = texts({
        agencyName: invitation.agencyName,
        url,
        reminder: job.reminder,
        dossierCode: invitation.dossierCode,
      });
      let delivered = false;
      try {
        if (mailer.enabled && contact.email) {
          await mailer.send({
            to: contact.email,
            subject: message.subject,
            text: message.text,
            html: `<p>${message.text}</p>`,
          });
          delivered = true;
        }
        if (sms.enabled && contact.phone) {
          await sms.send({
            to: contact.phone,
            text: message.sms,
            reference: `sipas:${invitation.id}:${job.reminder ? 'r' : 's'}`,
          });
          delivered = true;
        }
      } catch {
        result.failed += 1;
        continue;
      }
      if (delivered) {
        result.sent += 1;
      } else {
        result.skipped += 1;
      }
      done.push(invitation.id);
    }
    await markSipasInvitationsSent(ctx.db, { ids: done, at: ctx.clock.now(), reminder: job.reminder });
    afterId = page.at(-1)?.id;
  }
  return result;
};
