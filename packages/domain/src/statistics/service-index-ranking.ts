/**
 * Ranking units (agencies or provinces) by their Decision 766 index. Decision 766/QĐ-TTg gives the
 * formulas of the indicators but no rule for units with few dossiers: a commune with two dossiers,
 * both on time, would otherwise top a department that handled two thousand. So a unit is ranked
 * only with at least a minimum number of dossiers in the period — a setting of the installation
 * (MOTCUA_766_MIN_DOSSIERS, default DEFAULT_RANKING_MIN_DOSSIERS), not a figure of the decision —
 * and is otherwise listed after the ranked units without a rank. A unit with no dossier in the
 * period has nothing to be scored on and is left out.
 */

/** The default minimum of dossiers in the period for a unit to be ranked (an installation setting). */
export const DEFAULT_RANKING_MIN_DOSSIERS = 10;

/** Where a unit stands: ranked, or listed without a rank for having too few dossiers in the period. */
export type ServiceIndexStanding = 'ranked' | 'too_few_dossiers';

export type RankableUnit = {
  name: string;
  /** Dossiers to process in the period (carried over and newly received). */
  dossiers: number;
  result: { percentOfAvailable: number | null; score: number };
};

export type RankedUnit<U extends RankableUnit> = U & { rank: number | null; standing: ServiceIndexStanding };

const byScore = (a: RankableUnit, b: RankableUnit): number =>
  (b.result.percentOfAvailable ?? -1) - (a.result.percentOfAvailable ?? -1) ||
  b.result.score - a.result.score ||
  a.name.localeCompare(b.name, 'vi');

/**
 * Ranks by the share of the adjusted maximum, then the score (equal pairs share a rank, the next
 * rank skips: 1, 1, 3); units below `minDossiers` follow without a rank; units without dossiers
 * are left out.
 */
export const rankServiceIndexUnits = <U extends RankableUnit>(
  units: readonly U[],
  minDossiers: number,
): RankedUnit<U>[] => {
  const withData = units.filter((unit) => unit.dossiers > 0);
  const enough = withData.filter((unit) => unit.dossiers >= minDossiers).sort(byScore);
  const tooFew = withData.filter((unit) => unit.dossiers < minDossiers).sort(byScore);
  let previous: RankableUnit['result'] | undefined;
  let current = 0;
  const ranked = enough.map((unit, index): RankedUnit<U> => {
    if (
      !previous ||
      previous.percentOfAvailable !== unit.result.percentOfAvailable ||
      previous.score !== unit.result.score
    ) {
      current = index + 1;
    }
    previous = unit.result;
    return { ...unit, rank: current, standing: 'ranked' };
  });
  return [...ranked, ...tooFew.map((unit): RankedUnit<U> => ({ ...unit, rank: null, standing: 'too_few_dossiers' }))];
};
