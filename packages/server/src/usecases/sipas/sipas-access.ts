import { createHash, createHmac } from 'node:crypto';
import { findAgencyLineage } from '@motcua/db';
import { type Action, isAllowed } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../auth/authorize.js';
import { getInstallationSecret } from '../../auth/installation-secret.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { publicUrlOf } from '../provinces/province-site.js';

export const CAMPAIGN = { vi: 'đợt khảo sát', en: 'survey campaign' };
export const QUESTIONNAIRE = { vi: 'phiếu khảo sát', en: 'questionnaire' };

/** Campaigns are the province's (Sở Nội vụ runs them): organising needs sipas.organise for the province. */
export const authorizeSipasOrganiser = (actor: Actor, provinceCode: string): OfficialActor =>
  authorizeProvinceAction(actor, 'sipas.organise', provinceCode);

/**
 * Who reads a campaign: province-wide readers (the organiser, province admin, auditor) see every agency;
 * an agency's readers (its head, its admin) see only the agencies their roles cover. Anyone with no
 * reading role in the province gets 404 (no existence leak).
 */
export type SipasReadScope = { official: OfficialActor; allows: (agencyId: string) => Promise<boolean> };

export const authorizeSipasRead = (
  ctx: AppContext,
  actor: Actor,
  provinceCode: string,
  action: Action = 'sipas.read',
): SipasReadScope => {
  const official = requireOfficial(actor);
  if (isAllowed(official.grants, action, { kind: 'province', provinceCode })) {
    return { official, allows: async () => true };
  }
  const reaches = official.grants.some(
    (grant) => grant.provinceCode === provinceCode && isAllowed([grant], action, anyAgencyOf(grant)),
  );
  if (!reaches) {
    throw new AppError('NOT_FOUND', { resource: CAMPAIGN });
  }
  return {
    official,
    allows: async (agencyId: string) => {
      const lineage = await findAgencyLineage(ctx.db, agencyId);
      return lineage !== undefined && isAllowed(official.grants, action, { kind: 'agency', lineage });
    },
  };
};

const anyAgencyOf = (grant: OfficialActor['grants'][number]) => ({
  kind: 'agency' as const,
  lineage: {
    agencyId: grant.agencyId,
    provinceCode: grant.provinceCode,
    coveringIds: [grant.agencyId],
    ancestorIds: [],
  },
});

/**
 * The invitation's one-time token: derived from the campaign and the dossier with the installation
 * secret (HMAC-SHA256, 128 bits, base64url), so a reminder and a reprint of the result receipt give the
 * same link without the token ever being stored — the database keeps only its SHA-256.
 */
export const deriveInvitationToken = (secret: string, campaignId: string, dossierId: string): string =>
  createHmac('sha256', secret)
    .update(`sipas-invitation:${campaignId}:${dossierId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const invitationTokenOf = async (ctx: AppContext, campaignId: string, dossierId: string): Promise<string> =>
  deriveInvitationToken(await getInstallationSecret(ctx), campaignId, dossierId);

/**
 * The portal page a token opens (also the QR code's content), on the public address of the campaign's province
 * (publicUrlOf): a Hưng Yên dossier's invitation never points to another province's portal.
 */
export const surveyUrlOf = async (ctx: AppContext, provinceCode: string, token: string): Promise<string> =>
  `${await publicUrlOf(ctx, provinceCode)}/khao-sat/${encodeURIComponent(token)}`;
