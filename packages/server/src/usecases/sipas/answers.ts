import {
  findSipasCampaign,
  findSipasInvitationByToken,
  findSipasQuestionnaire,
  hitThrottle,
  insertSipasResponse,
  listSipasStratumProgress,
  type SipasInvitationRecord,
  useSipasInvitation,
} from '@motcua/db';
import {
  acceptsSipasAnswers,
  checkAnswers,
  LIKERT_LEVELS,
  NO_ANSWER_LABEL,
  QuestionnaireDefinition,
  type SurveyAnswers,
  toLocalDate,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { authorizeProvinceAction } from '../../auth/authorize.js';
import { hashSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { enforceThrottle } from '../portal/throttle.js';
import { CAMPAIGN, hashInvitationToken } from './sipas-access.js';

/** The answer page is public: a client address may open 60 invitations and send 20 answers an hour. */
export const SIPAS_LIMITS = { lookups: 60, answers: 20, windowMs: 60 * 60 * 1000 };

const throttle = async (ctx: AppContext, kind: 'lookup' | 'answer', clientAddress: string) => {
  const key = `sipas-${kind}:${hashSecret(clientAddress)}`;
  const limit = kind === 'lookup' ? SIPAS_LIMITS.lookups : SIPAS_LIMITS.answers;
  await enforceThrottle(ctx, { key, limit, windowMs: SIPAS_LIMITS.windowMs });
  await hitThrottle(ctx.db, { key, now: ctx.clock.now(), windowMs: SIPAS_LIMITS.windowMs });
};

/** The invitation of a token; with a province (the portal's), another province's answers like an unknown token. */
const findInvitation = async (
  ctx: AppContext,
  token: string,
  provinceCode?: string | undefined,
): Promise<SipasInvitationRecord> => {
  const invitation = await findSipasInvitationByToken(ctx.db, hashInvitationToken(token));
  if (!invitation || (provinceCode !== undefined && invitation.provinceCode !== provinceCode)) {
    throw new AppError('SIPAS_INVITATION_UNKNOWN');
  }
  return invitation;
};

const questionnaireOf = async (ctx: AppContext, id: string) => {
  const record = await findSipasQuestionnaire(ctx.db, id);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  return QuestionnaireDefinition.parse(record.definition);
};

/**
 * What the answer page shows for a token: the campaign, the agency rated and the questionnaire — never
 * the dossier or the applicant. An answered invitation says so (the page then thanks instead of asking).
 */
export const describeSipasInvitation = async (
  ctx: AppContext,
  input: { token: string; clientAddress: string; provinceCode?: string | undefined },
) => {
  await throttle(ctx, 'lookup', input.clientAddress);
  const invitation = await findInvitation(ctx, input.token, input.provinceCode);
  return {
    campaignTitle: invitation.campaignTitle,
    agencyName: invitation.agencyName,
    state: invitation.usedAt
      ? ('answered' as const)
      : acceptsSipasAnswers(invitation.campaignStatus)
        ? ('open' as const)
        : ('closed' as const),
    questionnaire: await questionnaireOf(ctx, invitation.questionnaireId),
    scale: { levels: LIKERT_LEVELS, noAnswer: NO_ANSWER_LABEL },
  };
};

const checkOrThrow = (definition: QuestionnaireDefinition, answers: SurveyAnswers) => {
  const checked = checkAnswers(definition, answers);
  if (!checked.ok) {
    throw new AppError(
      'SIPAS_ANSWERS_INVALID',
      {},
      {
        fieldProblems: checked.problems.map((p) => ({
          in: 'body',
          pointer: `/answers/${p.questionKey}`,
          code: p.code,
          message: p.code === 'SIPAS_ANSWER_REQUIRED' ? 'Câu hỏi bắt buộc.' : 'Câu trả lời không hợp lệ.',
        })),
      },
    );
  }
  return checked.answers;
};

/**
 * Answers by the one-time link: one answer per invitation (a second is refused with
 * SIPAS_ALREADY_ANSWERED, even when both arrive together: the invitation is used by a guarded update
 * in the same transaction as the response). The response keeps the agency, the channel and the day
 * only: nothing ties it to the invitation, the dossier or the person.
 */
/**
 * The contact a respondent gives when they agree to be identified to the survey's organiser (opt-in; the
 * default is anonymous — issue 18 item 6). Trimmed; a contact without a phone or an email is not kept.
 */
export type RespondentContact = { name: string; phone?: string | undefined; email?: string | undefined };

const contactOf = (contact: RespondentContact | undefined) => {
  if (!contact) {
    return null;
  }
  const name = contact.name.trim();
  const phone = contact.phone?.trim();
  const email = contact.email?.trim();
  if (!name || (!phone && !email)) {
    throw new AppError(
      'SIPAS_ANSWERS_INVALID',
      {},
      {
        fieldProblems: [
          {
            in: 'body',
            pointer: '/contact',
            code: 'SIPAS_CONTACT_INCOMPLETE',
            message: 'Cần họ tên và số điện thoại hoặc thư điện tử để cơ quan liên hệ lại.',
          },
        ],
      },
    );
  }
  return { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
};

export const answerSipasInvitation = async (
  ctx: AppContext,
  input: {
    token: string;
    answers: SurveyAnswers;
    clientAddress: string;
    contact?: RespondentContact | undefined;
    provinceCode?: string | undefined;
  },
) => {
  await throttle(ctx, 'answer', input.clientAddress);
  const invitation = await findInvitation(ctx, input.token, input.provinceCode);
  if (invitation.usedAt) {
    throw new AppError('SIPAS_ALREADY_ANSWERED');
  }
  if (!acceptsSipasAnswers(invitation.campaignStatus)) {
    throw new AppError('SIPAS_NOT_OPEN');
  }
  const answers = checkOrThrow(await questionnaireOf(ctx, invitation.questionnaireId), input.answers);
  const contact = contactOf(input.contact);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const used = await useSipasInvitation(trx, { id: invitation.id, at: now, usedBy: 'online' });
    if (!used) {
      throw new AppError('SIPAS_ALREADY_ANSWERED');
    }
    await insertSipasResponse(trx, {
      campaignId: invitation.campaignId,
      provinceCode: invitation.provinceCode,
      agencyId: invitation.agencyId,
      mode: 'online',
      enteredBy: null,
      answeredOn: toLocalDate(now.getTime()),
      answers,
      contact,
    });
  });
  return { received: true as const };
};

/**
 * A surveyor enters an answer collected on paper or by phone, marked as such. With the invitation's
 * code (printed on the paper form) the invitation is used too, so the citizen cannot answer twice.
 */
export const enterSipasResponse = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    campaignId: string;
    agencyId: string;
    mode: 'paper' | 'phone';
    answers: SurveyAnswers;
    invitationToken?: string | undefined;
  },
) => {
  const campaign = await findSipasCampaign(ctx.db, input.campaignId);
  if (!campaign) {
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  const official = authorizeProvinceAction(actor, 'sipas.survey', campaign.provinceCode);
  if (!acceptsSipasAnswers(campaign.status)) {
    throw new AppError('SIPAS_NOT_OPEN');
  }
  const strata = await listSipasStratumProgress(ctx.db, campaign.id);
  if (!strata.some((s) => s.agencyId === input.agencyId)) {
    throw new AppError('SIPAS_AGENCY_NOT_SAMPLED');
  }
  const invitation = input.invitationToken ? await findInvitation(ctx, input.invitationToken) : undefined;
  if (invitation && (invitation.campaignId !== campaign.id || invitation.agencyId !== input.agencyId)) {
    throw new AppError('SIPAS_INVITATION_UNKNOWN');
  }
  const answers = checkOrThrow(await questionnaireOf(ctx, campaign.questionnaireId), input.answers);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (invitation && !(await useSipasInvitation(trx, { id: invitation.id, at: now, usedBy: input.mode }))) {
      throw new AppError('SIPAS_ALREADY_ANSWERED');
    }
    await insertSipasResponse(trx, {
      campaignId: campaign.id,
      provinceCode: campaign.provinceCode,
      agencyId: input.agencyId,
      mode: input.mode,
      enteredBy: official.userId,
      answeredOn: toLocalDate(now.getTime()),
      answers,
    });
  });
  return { received: true as const, mode: input.mode };
};
