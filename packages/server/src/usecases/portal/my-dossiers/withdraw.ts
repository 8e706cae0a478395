import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';
import { changeDossier } from '../../dossiers/change-dossier.js';
import { requireCitizen } from '../account/citizen-session.js';
import { describeApplicantChange, getCitizenDossier } from '../citizen-dossier.js';

/**
 * Withdraws the dossier at the applicant's request (DVCQG status 7), through the dossier's one
 * change path: row lock, the version the citizen saw, the state machine.
 */
export const withdrawDossier = async (
  ctx: AppContext,
  actor: Actor,
  input: { code: string; expectedVersion: number; reason: string },
) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, input.code);
  const { calendar } = await getAgencyWorkingCalendar(ctx, dossier.receivingAgencyId);
  return ctx.db.transaction().execute(async (trx) => {
    const change = await changeDossier(ctx, trx, {
      dossierId: dossier.id,
      expectedVersion: input.expectedVersion,
      action: 'withdraw',
      actor: { kind: 'applicant' },
      params: { reason: input.reason },
      calendar,
      note: input.reason,
      payload: { channel: 'online' },
    });
    return describeApplicantChange('withdraw', change);
  });
};
