/**
 * The figures of a round computed from its scores (the domain's scoring and ranking): what the organiser sees
 * while the round runs, and what publication writes as the snapshot. The arithmetic is the domain's
 * (packages/domain/src/par/scoring.ts); this file only reads and assembles.
 */
import {
  type Database,
  listCriteriaOfSets,
  listParResultUnits,
  listParRoundAdjustments,
  listParRoundScores,
  listParRoundSets,
  type ParResultUnitRow,
} from '@motcua/db';
import {
  bandOf,
  computeApplicableLeaves,
  PAR_DEFAULT_BANDS,
  PAR_DEFAULT_RANKING_RULE,
  type ParCriterion,
  type ParUnitGroup,
  type ParUnitScore,
  rankUnits,
  scoreUnit,
} from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export type ParUnitFigures = ParUnitScore & {
  agencyId: string;
  unitName: string;
  unitGroup: ParUnitGroup;
  status: ParResultUnitRow['status'];
  rank: number;
  band: string | null;
  /** Leaves scored at the counted stage / applicable leaves (how complete the figure is). */
  scoredLeaves: number;
  applicableLeaves: number;
};

/**
 * The points a leaf counts with: the council's final points, else the last appraisal (round 2, then round 1).
 * A self-assessed score never counts by itself: the index is what the appraisal found [S: spec §A.2 — the
 * self-assessment is appraised; the council decides the final points].
 */
const countedPoints = (score: {
  finalPoints: number | null;
  appraisal2Points: number | null;
  appraisal1Points: number | null;
}): number | null => score.finalPoints ?? score.appraisal2Points ?? score.appraisal1Points;

const toCriterion = (row: Awaited<ReturnType<typeof listCriteriaOfSets>>[number]): ParCriterion => ({
  code: row.code,
  parentCode: row.parentCode,
  kind: row.kind,
  position: row.position,
  title: row.title,
  maxPoints: row.maxPoints,
  scoringRule: row.scoringRule,
  evidenceRequired: row.evidenceRequired,
  surveyScored: row.surveyScored,
  systemMeasure: row.systemMeasure,
  notApplicableTo: row.notApplicableTo,
});

/**
 * Every unit of the round with its points, index per area and in total, rank inside its group and band.
 * `onlyScored`: rank only the units with at least one appraised leaf (a round in progress: a unit not yet
 * appraised has no figure to compare, rather than a zero).
 */
export const computeRoundFigures = async (
  db: Db,
  roundId: string,
  options: { onlyScored?: boolean } = {},
): Promise<ParUnitFigures[]> => {
  const [units, sets, scores, adjustments] = await Promise.all([
    listParResultUnits(db, roundId),
    listParRoundSets(db, roundId),
    listParRoundScores(db, roundId),
    listParRoundAdjustments(db, roundId),
  ]);
  const criteria = await listCriteriaOfSets(
    db,
    sets.map((set) => set.setId),
  );
  const treeOfSet = new Map<string, ParCriterion[]>();
  for (const row of criteria) {
    treeOfSet.set(row.setId, [...(treeOfSet.get(row.setId) ?? []), toCriterion(row)]);
  }
  const setOfGroup = new Map(sets.map((set) => [set.unitGroup, set]));
  const pointsOf = new Map<string, Map<string, number | null>>();
  for (const score of scores) {
    const unit = pointsOf.get(score.agencyId) ?? new Map<string, number | null>();
    unit.set(score.criterionCode, countedPoints(score));
    pointsOf.set(score.agencyId, unit);
  }
  const adjustmentOf = (agencyId: string, kind: 'bonus' | 'penalty') => {
    const row = adjustments.find((a) => a.agencyId === agencyId && a.kind === kind);
    return row ? countedPoints(row) : null;
  };

  const scored = units.flatMap((unit) => {
    const set = setOfGroup.get(unit.unitGroup);
    if (set === undefined) {
      return [];
    }
    const tree = treeOfSet.get(set.setId) ?? [];
    const applicable = computeApplicableLeaves(tree, unit.tags, unit.excludedCodes);
    const leafPoints = pointsOf.get(unit.agencyId) ?? new Map<string, number | null>();
    const score = scoreUnit({
      tree,
      applicableLeafCodes: new Set(applicable.leaves.map((leaf) => leaf.code)),
      leafPoints,
      bonusPoints: adjustmentOf(unit.agencyId, 'bonus'),
      penaltyPoints: adjustmentOf(unit.agencyId, 'penalty'),
      caps: { bonusCap: set.bonusCap, penaltyCap: set.penaltyCap },
    });
    return [
      {
        ...score,
        id: unit.agencyId,
        agencyId: unit.agencyId,
        unitName: unit.unitName,
        unitGroup: unit.unitGroup,
        status: unit.status,
        scoredLeaves: applicable.leaves.filter((leaf) => (leafPoints.get(leaf.code) ?? null) !== null).length,
        applicableLeaves: applicable.leaves.length,
      },
    ];
  });

  const ranked = options.onlyScored ? scored.filter((unit) => unit.scoredLeaves > 0) : scored;
  const groups = [...new Set(ranked.map((unit) => unit.unitGroup))];
  return groups.flatMap((group) =>
    rankUnits(
      ranked.filter((unit) => unit.unitGroup === group).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
      PAR_DEFAULT_RANKING_RULE,
    ).map(({ id: _id, ...unit }) => ({ ...unit, band: bandOf(unit.indexBp, PAR_DEFAULT_BANDS[group]) })),
  );
};
