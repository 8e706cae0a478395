import { findCriteriaTree, listCriteriaSets } from '@motcua/db';
import { checkCriteriaTree, computeApplicableLeaves } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import {
  buildNationalStructureDraft,
  DEMO_COMMUNE_CRITERIA,
  DEMO_DEPARTMENT_CRITERIA,
  NO_PROCEDURES_TAG,
  seedDemoParSets,
} from './demo-par-sets.js';

describe('the demo criteria sets', () => {
  it.each([
    ['departments', DEMO_DEPARTMENT_CRITERIA, 2500],
    ['communes', DEMO_COMMUNE_CRITERIA, 3100],
  ] as const)(
    'the %s set validates on 100 points, with survey leaves and figures from motcua',
    (_label, tree, survey) => {
      expect(checkCriteriaTree(tree, { expectedTotal: 10_000 }).issues).toEqual([]);
      expect(tree.filter((node) => node.parentCode === null)).toHaveLength(8);
      const leaves = computeApplicableLeaves(tree, [], []).leaves;
      expect(leaves.filter((leaf) => leaf.surveyScored).reduce((s, leaf) => s + leaf.maxPoints, 0)).toBe(survey);
      expect(new Set(leaves.map((leaf) => leaf.systemMeasure).filter(Boolean))).toEqual(
        new Set([
          'dossier_on_time_rate',
          'dossier_online_share',
          'index_766',
          'edocument_rate',
          'digital_signature_rate',
        ]),
      );
    },
  );

  it('shrinks a department without procedures to what applies to it', () => {
    const applicable = computeApplicableLeaves(DEMO_DEPARTMENT_CRITERIA, [NO_PROCEDURES_TAG], []);
    // 3.1, 3.2, 3.3 (10 points), 3.5 and 7.2 (6 points) do not apply: 100 − 24.
    expect(applicable.applicableMax).toBe(7600);
    expect(applicable.areas.find((area) => area.code === '3')?.applicableMax).toBe(200);
  });

  it('ships the national structure as 8 areas without maxima, which cannot be published as it is', () => {
    const draft = buildNationalStructureDraft();
    expect(draft).toHaveLength(8);
    const codes = checkCriteriaTree(draft, { expectedTotal: 10_000 }).issues.map((issue) => issue.code);
    expect(codes.filter((code) => code === 'LEAF_WITHOUT_MAX')).toHaveLength(8);
    expect(codes).toContain('TOTAL_MISMATCH');
  });
});

describe('seeding them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds last year’s and this year’s published demo sets and the national draft, once', async () => {
    expect(await seedDemoParSets(t.ctx, { provinceCode: '33', password: 'x' })).toBe(true);
    expect(await seedDemoParSets(t.ctx, { provinceCode: '33', password: 'x' })).toBe(false);
    const sets = await listCriteriaSets(t.database.db, { provinceCode: '33', limit: 100 });
    expect(sets.map((s) => [s.year, s.unitGroup, s.status, s.isDemo, s.totalMax])).toEqual([
      [2026, 'commune', 'published', true, 10_000],
      [2026, 'department', 'published', true, 10_000],
      [2026, 'province', 'draft', false, 0],
      [2025, 'commune', 'published', true, 10_000],
      [2025, 'department', 'published', true, 10_000],
    ]);
    expect(sets.every((s) => s.isDemo === s.title.startsWith('[Demo]'))).toBe(true);
    const department = sets.find((s) => s.unitGroup === 'department' && s.year === 2026);
    expect(await findCriteriaTree(t.database.db, department?.id ?? '')).toEqual(DEMO_DEPARTMENT_CRITERIA);
  });
});
