import {
  findAgency,
  findDelegation,
  findExistingUserIds,
  insertDelegation,
  listAgencyDelegations,
  listScopeAgencyIds,
  revokeDelegation,
} from '@motcua/db';
import { type DelegationScope, ROLE_DEFINITIONS } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { allowsAtAgency } from './outgoing-access.js';

const DELEGATION = { vi: 'ủy quyền', en: 'delegation' } as const;

/** A delegation is given by the delegating official themself, or by someone holding document.manage there. */
const requireDelegator = async (ctx: AppContext, official: OfficialActor, agencyId: string, fromUserId: string) => {
  if (official.userId === fromUserId) {
    if (!(await allowsAtAgency(ctx, official, 'document.read', agencyId)).allowed) {
      throw new AppError('FORBIDDEN');
    }
    return;
  }
  const { allowed, visible } = await allowsAtAgency(ctx, official, 'document.manage', agencyId);
  if (!allowed) {
    throw visible ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { resource: DELEGATION });
  }
};

/**
 * Records a delegation (ủy quyền, Decree 30/2020 Art. 13): from one official to another, to sign ('sign',
 * printed "TUQ."), to approve in the review chain ('approve') or to direct incoming documents ('direct'),
 * between two dates inclusive.
 */
export const createDelegation = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    agencyId: string;
    fromUserId: string;
    toUserId: string;
    scope: DelegationScope;
    validFrom: string;
    validTo: string;
    reason: string;
  },
) => {
  const official = requireOfficial(actor);
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency?.provinceCode) {
    throw new AppError('NOT_FOUND', { resource: DELEGATION });
  }
  await requireDelegator(ctx, official, agency.id, input.fromUserId);
  if (input.fromUserId === input.toUserId || input.validFrom > input.validTo) {
    throw new AppError('DELEGATION_INVALID');
  }
  const existing = await findExistingUserIds(ctx.db, [input.fromUserId, input.toUserId]);
  if (!existing.has(input.fromUserId) || !existing.has(input.toUserId)) {
    throw new AppError('OUTGOING_USER_UNKNOWN', { field: existing.has(input.fromUserId) ? 'toUserId' : 'fromUserId' });
  }
  return insertDelegation(ctx.db, {
    provinceCode: agency.provinceCode,
    agencyId: agency.id,
    fromUserId: input.fromUserId,
    toUserId: input.toUserId,
    scope: input.scope,
    validFrom: input.validFrom,
    validTo: input.validTo,
    reason: input.reason,
    createdBy: official.userId,
  });
};

/** Revokes a delegation once (409 the second time); the row stays. */
export const revokeDelegationById = async (ctx: AppContext, actor: Actor, id: string) => {
  const official = requireOfficial(actor);
  const delegation = await findDelegation(ctx.db, id);
  if (!delegation) {
    throw new AppError('NOT_FOUND', { resource: DELEGATION });
  }
  await requireDelegator(ctx, official, delegation.agencyId, delegation.fromUserId);
  const revoked = await revokeDelegation(ctx.db, id, ctx.clock.now());
  if (!revoked) {
    throw new AppError('DELEGATION_ALREADY_REVOKED');
  }
  return revoked;
};

/**
 * The delegations of the caller's agencies that end today or later, latest end first (keyset): where the caller
 * reads documents (document.read) or gives and revokes delegations (document.manage: the agency administrator).
 */
export const listDelegations = async (
  ctx: AppContext,
  actor: Actor,
  input: { cursor?: { at: string; id: string } | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  const grants = official.grants.filter((grant) =>
    (ROLE_DEFINITIONS[grant.role].actions as readonly string[]).some(
      (a) => a === 'document.read' || a === 'document.manage',
    ),
  );
  const agencyIds = await listScopeAgencyIds(ctx.db, grants);
  const rows = await listAgencyDelegations(ctx.db, {
    agencyIds,
    fromDate: todayInVietnam(ctx.clock),
    ...(input.cursor ? { cursor: input.cursor } : {}),
    limit: input.limit + 1,
  });
  return { rows: rows.slice(0, input.limit), hasMore: rows.length > input.limit };
};
