import { findDossierByCode, findDossierRating, insertDossierRating } from '@motcua/db';
import {
  AGENCY_COUNT_ANSWERS,
  CONTACT_ANSWERS,
  DOSSIER_STATUSES,
  type DossierRatingInput,
  EVALUATION_CRITERIA,
  formatInstant,
  SATISFACTION_LEVELS,
  scoreDossierRating,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { requireCitizen } from '../account/citizen-session.js';
import { DOSSIER, getCitizenDossier } from '../citizen-dossier.js';

/**
 * The rating form: the criteria of the scoring tool and the answers each question takes, labelled in
 * Vietnamese and English — the satisfaction levels (overall, ease of use, staff attitude) and, keyed
 * by the field of the rating, the answers on contacts and on agencies contacted.
 */
export const describeRatingCriteria = () => ({
  levels: SATISFACTION_LEVELS,
  answers: { contacts: CONTACT_ANSWERS, agenciesContacted: AGENCY_COUNT_ANSWERS },
  criteria: EVALUATION_CRITERIA,
});

const store = async (
  ctx: AppContext,
  dossier: { id: string; status: string; provinceCode: string; receivingAgencyId: string; procedureId: string },
  who: { channel: 'online'; citizenId: string } | { channel: 'counter'; userId: string },
  input: DossierRatingInput,
) => {
  if (dossier.status !== 'returned') {
    throw new AppError('RATING_NOT_AVAILABLE', {
      status: DOSSIER_STATUSES[dossier.status as keyof typeof DOSSIER_STATUSES],
    });
  }
  const scores = scoreDossierRating(input);
  const rating = await insertDossierRating(ctx.db, {
    dossierId: dossier.id,
    provinceCode: dossier.provinceCode,
    receivingAgencyId: dossier.receivingAgencyId,
    procedureId: dossier.procedureId,
    channel: who.channel,
    citizenId: who.channel === 'online' ? who.citizenId : null,
    recordedBy: who.channel === 'counter' ? who.userId : null,
    overall: input.overall,
    easeOfUse: input.easeOfUse,
    staffAttitude: input.staffAttitude ?? null,
    contacts: input.contacts ?? null,
    agenciesContacted: input.agenciesContacted ?? null,
    scores,
    comment: input.comment?.trim() || null,
    now: ctx.clock.now(),
  });
  if (!rating) {
    throw new AppError('RATING_ALREADY_GIVEN');
  }
  return {
    dossierCode: undefined as string | undefined,
    overall: rating.overall,
    overallLabel: SATISFACTION_LEVELS[rating.overall],
    scores: rating.scores,
    channel: rating.channel,
    createdAt: formatInstant(rating.createdAt.getTime()),
  };
};

/** The applicant rates their returned dossier online, once. */
export const rateDossierOnline = async (ctx: AppContext, actor: Actor, code: string, input: DossierRatingInput) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, code);
  return { ...(await store(ctx, dossier, { channel: 'online', citizenId }, input)), dossierCode: dossier.code };
};

/**
 * A counter officer records the rating the applicant gave at the desk (paper form or tablet), for
 * a dossier received at the officer's agency only.
 */
export const recordDeskRating = async (ctx: AppContext, actor: Actor, code: string, input: DossierRatingInput) => {
  const dossier = await findDossierByCode(ctx.db, code);
  if (!dossier) {
    throw new AppError('NOT_FOUND', { resource: DOSSIER });
  }
  const official = await authorizeAgencyAction(ctx, actor, 'dossier.return', dossier.receivingAgencyId, DOSSIER);
  return {
    ...(await store(ctx, dossier, { channel: 'counter', userId: official.userId }, input)),
    dossierCode: dossier.code,
  };
};

/** Whether a dossier has been rated (for the desk's and the applicant's views). */
export const findRating = async (ctx: AppContext, dossierId: string) => findDossierRating(ctx.db, dossierId);
