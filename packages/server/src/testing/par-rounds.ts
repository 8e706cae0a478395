/**
 * A small PAR Index round for tests: a two-area criteria set (area 1: leaves 1.1 and 1.2 of 20 points; area 3:
 * leaves 3.1 and 3.2 of 30 points; 100 in all) and a round at the council stage whose units have the final
 * points given per leaf, written through the db layer's bulk writers.
 */
import {
  insertParAdjustments,
  insertParCriteriaSetWithTree,
  insertParRoundWithUnits,
  insertParScores,
} from '@motcua/db';
import type { ParRoundStage, ParUnitGroup } from '@motcua/domain';
import type { TestApp } from './test-app.js';

export const TEST_PAR_TREE = [
  {
    code: '1',
    parentCode: null,
    kind: 'area',
    position: 0,
    title: 'Công tác chỉ đạo, điều hành CCHC',
    maxPoints: 4000,
  },
  { code: '1.1', parentCode: '1', kind: 'criterion', position: 0, title: 'Kế hoạch CCHC', maxPoints: 2000 },
  { code: '1.2', parentCode: '1', kind: 'criterion', position: 1, title: 'Báo cáo CCHC', maxPoints: 2000 },
  { code: '3', parentCode: null, kind: 'area', position: 1, title: 'Cải cách thủ tục hành chính', maxPoints: 6000 },
  { code: '3.1', parentCode: '3', kind: 'criterion', position: 0, title: 'Công khai TTHC', maxPoints: 3000 },
  { code: '3.2', parentCode: '3', kind: 'criterion', position: 1, title: 'Giải quyết TTHC đúng hạn', maxPoints: 3000 },
] as const;

export type TestParUnit = {
  agencyId: string;
  unitGroup?: ParUnitGroup;
  excludedCodes?: string[];
  /** Final (and appraised) points per leaf code, hundredths. */
  points: Record<string, number>;
  bonus?: number;
};

/** A criteria set and a round of the province with its units scored; returns the round's id. */
export const seedTestParRound = async (
  t: Pick<TestApp, 'database'>,
  input: { provinceCode: string; year: number; stage?: ParRoundStage; units: TestParUnit[] },
): Promise<string> => {
  const db = t.database.db;
  const groups = [...new Set(input.units.map((unit) => unit.unitGroup ?? 'department'))];
  const sets = [];
  for (const unitGroup of groups) {
    const setId = await insertParCriteriaSetWithTree(db, {
      set: {
        provinceCode: input.provinceCode,
        year: input.year,
        unitGroup,
        version: 1,
        status: 'frozen',
        title: `Bộ tiêu chí thử ${input.year}`,
        decisionNumber: '1/QĐ-UBND',
        decisionDate: `${input.year}-01-10`,
        bonusCap: 300,
        penaltyCap: 300,
        totalMax: 10_000,
      },
      criteria: TEST_PAR_TREE.map((node) => ({ ...node, notApplicableTo: [] })),
    });
    sets.push({ unitGroup, setId });
  }
  const roundId = await insertParRoundWithUnits(db, {
    round: {
      provinceCode: input.provinceCode,
      year: input.year,
      title: `Chỉ số CCHC năm ${input.year}`,
      stage: input.stage ?? 'council',
      selfAssessmentDue: `${input.year}-11-15`,
    },
    sets,
    units: input.units.map((unit) => ({
      agencyId: unit.agencyId,
      provinceCode: input.provinceCode,
      unitGroup: unit.unitGroup ?? 'department',
      excludedCodes: unit.excludedCodes ?? [],
      status: input.stage === undefined || input.stage === 'council' ? 'finalised' : 'self_draft',
    })),
  });
  await insertParScores(
    db,
    input.units.flatMap((unit) =>
      Object.entries(unit.points).map(([criterionCode, points]) => ({
        roundId,
        agencyId: unit.agencyId,
        criterionCode,
        provinceCode: input.provinceCode,
        selfPoints: points,
        appraisal1Points: points,
        appraisal2Points: points,
        finalPoints: input.stage === 'council' || input.stage === undefined ? points : null,
      })),
    ),
  );
  await insertParAdjustments(
    db,
    input.units
      .filter((unit) => unit.bonus !== undefined)
      .map((unit) => ({
        roundId,
        agencyId: unit.agencyId,
        kind: 'bonus' as const,
        provinceCode: input.provinceCode,
        selfPoints: unit.bonus ?? null,
        selfNote: null,
        appraisal1Points: unit.bonus ?? null,
        appraisal1Note: null,
        explanationNote: null,
        appraisal2Points: unit.bonus ?? null,
        appraisal2Note: null,
        finalPoints: unit.bonus ?? null,
        finalNote: null,
      })),
  );
  return roundId;
};
