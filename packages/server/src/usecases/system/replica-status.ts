import { getReplicaStatus } from '@motcua/db';
import type { Actor } from '../../auth/actor.js';
import { holdsAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

export type ReplicaReport = {
  reachable: boolean;
  inRecovery: boolean | null;
  streaming: boolean | null;
  lagSeconds: number | null;
  /** Since start: report queries the replica answered, and those the primary answered in its place. */
  replicaQueries: number;
  primaryFallbacks: number;
};

/**
 * The reports replica (DATABASE_REPLICA_URL) for the province administrator (`system.read`): whether
 * it answers, streams from the primary, and how many seconds its data is behind. Reports read from it
 * and so show the primary's state of `lagSeconds` ago; a replica that fails is stood in for by the
 * primary (`primaryFallbacks` grows).
 */
export const getReplicaReport = async (
  ctx: AppContext,
  actor: Actor,
): Promise<{ configured: boolean; replica: ReplicaReport | null }> => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'system.read')) {
    throw new AppError('FORBIDDEN');
  }
  const { replica } = ctx;
  if (!replica) {
    return { configured: false, replica: null };
  }
  const counters = { replicaQueries: replica.stats.replicaQueries, primaryFallbacks: replica.stats.primaryFallbacks };
  try {
    const status = await getReplicaStatus(replica);
    return { configured: true, replica: { reachable: true, ...status, ...counters } };
  } catch {
    return {
      configured: true,
      replica: { reachable: false, inRecovery: null, streaming: null, lagSeconds: null, ...counters },
    };
  }
};
