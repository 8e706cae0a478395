import { foldStatisticsDeltas, type StatisticsGroupRow, sumStatistics } from '@motcua/db';
import type { AppContext } from '../../context.js';

/**
 * Sums the statistics aggregates for a report, exactly: the deltas that dossier writes left pending
 * (folded after commit by the workers) are folded first, on the primary — a fold writes — and the
 * cells are then read through ctx.reader. Without a replica the read sees every write committed
 * before it; with one, it is as late as the replica (seconds, shown on GET /api/v1/system/replica).
 */
export const sumReportStatistics = async (
  ctx: AppContext,
  input: Parameters<typeof sumStatistics>[1],
): Promise<StatisticsGroupRow[]> => {
  await foldStatisticsDeltas(ctx.db);
  return sumStatistics(ctx.reader, input);
};
