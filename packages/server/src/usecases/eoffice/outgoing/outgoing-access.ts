import {
  type Database,
  findAgencyLineage,
  findOutgoing,
  findUserNames,
  listOutgoingSteps,
  listUserGrants,
  type OutgoingRecord,
} from '@motcua/db';
import { type Action, canSeeTarget, isAllowed, roleAllows } from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
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

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Whether a person may review (approve) a document of the agency: they hold document.approve at the
 * agency itself, at an agency above it (a grant there, with or without its sub-agencies), or at a unit below
 * it (a unit head of a division under the agency) — Decree 30/2020 Art. 11–12: the draft is checked by the
 * head of the drafting unit and approved by the agency's head or their deputy. [RECALL: the Decree names
 * the heads, not a role; document.approve is how motcua grants it.]
 */
export const mayReviewForAgency = async (db: Db, userId: string, agencyId: string): Promise<boolean> => {
  const lineage = await findAgencyLineage(db, agencyId);
  if (!lineage) {
    return false;
  }
  const grants = (await listUserGrants(db, userId)).filter((grant) => roleAllows(grant.role, 'document.approve'));
  if (isAllowed(grants, 'document.approve', { kind: 'agency', lineage })) {
    return true;
  }
  for (const grant of grants) {
    if (lineage.coveringIds.includes(grant.agencyId) || lineage.ancestorIds.includes(grant.agencyId)) {
      return true;
    }
    const below = await findAgencyLineage(db, grant.agencyId);
    if (below && (below.ancestorIds.includes(agencyId) || below.coveringIds.includes(agencyId))) {
      return true;
    }
  }
  return false;
};

/** 422 naming the first reviewer or substitute of the chain who may not review for the agency. */
export const requireReviewersMayApprove = async (
  db: Db,
  agencyId: string,
  chain: readonly { reviewerUserId: string; substituteUserId?: string | null | undefined }[],
): Promise<void> => {
  const people = chain.flatMap((step, index) => [
    { field: `chain[${index}].reviewerUserId`, id: step.reviewerUserId },
    ...(step.substituteUserId ? [{ field: `chain[${index}].substituteUserId`, id: step.substituteUserId }] : []),
  ]);
  const checked = new Map<string, boolean>();
  for (const person of people) {
    const allowed = checked.get(person.id) ?? (await mayReviewForAgency(db, person.id, agencyId));
    checked.set(person.id, allowed);
    if (!allowed) {
      const names = await findUserNames(db, [person.id]);
      throw new AppError('OUTGOING_REVIEWER_NOT_APPROVER', {
        name: names.get(person.id) ?? person.id,
        field: person.field,
      });
    }
  }
};
