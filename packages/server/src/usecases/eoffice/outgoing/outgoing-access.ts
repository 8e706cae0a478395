import { findAgencyLineage, findOutgoing, listOutgoingSteps, type OutgoingRecord } from '@motcua/db';
import { type Action, canSeeTarget, isAllowed } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

export const OUTGOING = { vi: 'văn bản đi', en: 'outgoing document' } as const;

/** Whether the official holds `action` at the agency (its lineage: parents, predecessors). */
export const allowsAtAgency = async (
  ctx: AppContext,
  official: OfficialActor,
  action: Action,
  agencyId: string | null,
): Promise<{ allowed: boolean; visible: boolean }> => {
  if (!agencyId) {
    return { allowed: false, visible: false };
  }
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  if (!lineage) {
    return { allowed: false, visible: false };
  }
  const target = { kind: 'agency' as const, lineage };
  return { allowed: isAllowed(official.grants, action, target), visible: canSeeTarget(official.grants, target) };
};

/** Throws FORBIDDEN (visible) or NOT_FOUND unless the official holds `action` at the agency. */
export const requireAtAgency = async (
  ctx: AppContext,
  official: OfficialActor,
  action: Action,
  agencyId: string,
): Promise<void> => {
  const { allowed, visible } = await allowsAtAgency(ctx, official, action, agencyId);
  if (!allowed) {
    throw visible ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { resource: OUTGOING });
  }
};

/**
 * An outgoing document the official may read: document.read at the issuing agency or the drafting unit,
 * or a part in it (drafter, signer, reviewer or substitute of any round). 404 otherwise (no existence leak).
 */
export const getReadableOutgoing = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ official: OfficialActor; record: OutgoingRecord }> => {
  const official = requireOfficial(actor);
  const record = await findOutgoing(ctx.db, id);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: OUTGOING });
  }
  if (record.drafterUserId === official.userId || record.signerUserId === official.userId) {
    return { official, record };
  }
  for (const agencyId of [record.agencyId, record.draftingUnitId]) {
    if ((await allowsAtAgency(ctx, official, 'document.read', agencyId)).allowed) {
      return { official, record };
    }
  }
  const steps = await listOutgoingSteps(ctx.db, record.id);
  if (steps.some((step) => step.reviewerUserId === official.userId || step.substituteUserId === official.userId)) {
    return { official, record };
  }
  throw new AppError('NOT_FOUND', { resource: OUTGOING });
};

/** The role the official acts in at the document's agency (recorded on its events). */
export const roleAt = (official: OfficialActor, agencyId: string): string | null =>
  official.grants.find((grant) => grant.agencyId === agencyId)?.role ?? official.grants[0]?.role ?? null;
