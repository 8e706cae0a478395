import { findSipasCampaign, findSipasQuestionnaire, listSipasCampaigns, listSipasStratumProgress } from '@motcua/db';
import { LIKERT_LEVELS, NO_ANSWER_LABEL, QuestionnaireDefinition } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { authorizeProvinceAction } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { CAMPAIGN } from './sipas-access.js';

/**
 * What a surveyor needs to enter paper and phone answers (sipas.survey, no figures): the campaigns taking
 * answers, and for one of them its questionnaire and the agencies of its sample. A surveyor does not read
 * the index (sipas.read): the entry form shows no progress, no count and no answer.
 */
export const listSipasCampaignsForSurvey = async (ctx: AppContext, actor: Actor, provinceCode: string) => {
  authorizeProvinceAction(actor, 'sipas.survey', provinceCode);
  // A province runs one or two campaigns a year: the newest 100 (index order, sipas_campaign_list_idx) hold
  // every campaign still taking answers.
  const rows = await listSipasCampaigns(ctx.reader, { provinceCode, limit: 100 });
  return {
    items: rows
      .filter((c) => c.status === 'open')
      .map((c) => ({ id: c.id, title: c.title, year: c.year, periodFrom: c.periodFrom, periodTo: c.periodTo })),
  };
};

export const getSipasSurveyEntryForm = async (ctx: AppContext, actor: Actor, id: string) => {
  const campaign = await findSipasCampaign(ctx.db, id);
  if (!campaign) {
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  try {
    authorizeProvinceAction(actor, 'sipas.survey', campaign.provinceCode);
  } catch {
    // No existence leak to officials of another province or without the role.
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  const questionnaire = await findSipasQuestionnaire(ctx.db, campaign.questionnaireId);
  if (!questionnaire) {
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  const strata = await listSipasStratumProgress(ctx.db, campaign.id);
  return {
    campaign: { id: campaign.id, title: campaign.title, year: campaign.year, status: campaign.status },
    acceptsAnswers: campaign.status === 'open',
    questionnaire: QuestionnaireDefinition.parse(questionnaire.definition),
    scale: { levels: LIKERT_LEVELS, noAnswer: NO_ANSWER_LABEL },
    agencies: strata.map((s) => ({ agencyId: s.agencyId, agencyName: s.agencyName })),
  };
};
