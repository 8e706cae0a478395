import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capAdjustments,
  checkCriteriaTree,
  compareCodes,
  computeApplicableLeaves,
  describeCriteriaIssue,
  formatParPoints,
  parseParPoints,
} from './criteria-set.js';
import type { ParCriterion } from './types.js';

const node = (code: string, maxPoints: number, extra: Partial<ParCriterion> = {}): ParCriterion => {
  const depth = code.split('.').length;
  return {
    code,
    parentCode: depth === 1 ? null : code.slice(0, code.lastIndexOf('.')),
    kind: depth === 1 ? 'area' : depth === 2 ? 'criterion' : 'component',
    position: 0,
    title: `Mục ${code}`,
    maxPoints,
    scoringRule: null,
    evidenceRequired: null,
    surveyScored: false,
    systemMeasure: null,
    notApplicableTo: [],
    ...extra,
  };
};

/** Area 1 (10 points): 1.1 (4 = 1.1.1 2,5 + 1.1.2 1,5), 1.2 (6, survey). Area 2 (5): 2.1 (5, no_procedures). */
const tree: ParCriterion[] = [
  node('1', 1000),
  node('1.1', 400),
  node('1.1.1', 250, { systemMeasure: 'dossier_on_time_rate' }),
  node('1.1.2', 150),
  node('1.2', 600, { surveyScored: true }),
  node('2', 500, { notApplicableTo: [] }),
  node('2.1', 500, { notApplicableTo: ['no_procedures'] }),
];

const codesOf = (issues: { code: string }[]) => issues.map((issue) => issue.code).sort();

describe('checkCriteriaTree', () => {
  it('accepts a well-formed tree and totals its areas', () => {
    const check = checkCriteriaTree(tree, { expectedTotal: 1500 });
    expect(check.issues).toEqual([]);
    expect(check.totalMax).toBe(1500);
    expect(check.leafCodes).toEqual(['1.1.1', '1.1.2', '1.2', '2.1']);
  });

  it.each([
    ['a parent whose maximum differs from its children', [node('1', 900), ...tree.slice(1)], ['SUM_MISMATCH']],
    [
      'a child above its parent',
      [...tree.slice(0, 3), node('1.1.2', 500)],
      ['CHILD_OVER_PARENT', 'SUM_MISMATCH', 'SUM_MISMATCH'],
    ],
    [
      'a leaf without a maximum',
      [...tree.slice(0, 3), node('1.1.2', 0), ...tree.slice(4)],
      ['SUM_MISMATCH', 'LEAF_WITHOUT_MAX'].sort(),
    ],
    ['an unknown parent', [...tree, node('3.1', 100)], ['PARENT_MISSING']],
    ['a duplicate code', [...tree, node('2.1', 500)], ['CODE_DUPLICATE']],
    ['a malformed code', [...tree, node('2.01', 0)], ['CODE_FORMAT']],
    ['a fourth level', [...tree, node('1.1.1.1', 250)], ['CODE_FORMAT']],
    [
      'a kind against its depth',
      [...tree.slice(0, 6), { ...node('2.1', 500), kind: 'component' as const }],
      ['KIND_DEPTH'],
    ],
    [
      'a parent code that is not the prefix',
      [...tree.slice(0, 6), { ...node('2.1', 500), parentCode: '1' }],
      ['PARENT_MISMATCH'],
    ],
    [
      'a system measure on a parent',
      [{ ...node('1', 1000), systemMeasure: 'index_766' as const }, ...tree.slice(1)],
      ['SYSTEM_MEASURE_NOT_LEAF'],
    ],
    [
      'survey on a parent',
      [tree[0] as ParCriterion, node('1.1', 400, { surveyScored: true }), ...tree.slice(2)],
      ['SURVEY_NOT_LEAF'],
    ],
    [
      'survey and a system measure on one leaf',
      [...tree.slice(0, 4), node('1.2', 600, { surveyScored: true, systemMeasure: 'index_766' }), ...tree.slice(5)],
      ['SURVEY_WITH_SYSTEM_MEASURE'],
    ],
    ['an empty set', [], ['EMPTY']],
  ])('refuses %s', (_label, nodes, expected) => {
    expect(codesOf(checkCriteriaTree(nodes).issues)).toEqual([...expected].sort());
  });

  it('refuses areas that do not add up to the scale', () => {
    const check = checkCriteriaTree(tree, { expectedTotal: 10_000 });
    expect(codesOf(check.issues)).toEqual(['TOTAL_MISMATCH']);
    expect(describeCriteriaIssue(check.issues[0] as never).vi).toBe(
      'Tổng điểm tối đa các lĩnh vực là 15, không bằng thang điểm 100.',
    );
  });
});

describe('computeApplicableLeaves', () => {
  it('applies every leaf to a unit without tags or exclusions', () => {
    const applicable = computeApplicableLeaves(tree, [], []);
    expect(applicable.leaves.map((leaf) => leaf.code)).toEqual(['1.1.1', '1.1.2', '1.2', '2.1']);
    expect(applicable.applicableMax).toBe(1500);
    expect(applicable.totalMax).toBe(1500);
  });

  it('shrinks the maximum by the leaves a tag makes inapplicable and by excluded subtrees', () => {
    const applicable = computeApplicableLeaves(tree, ['no_procedures'], ['1.1']);
    expect(applicable.leaves.map((leaf) => leaf.code)).toEqual(['1.2']);
    expect(applicable.excludedLeafCodes).toEqual(['1.1.1', '1.1.2', '2.1']);
    expect(applicable.areas).toEqual([
      { code: '1', title: 'Mục 1', maxPoints: 1000, applicableMax: 600 },
      { code: '2', title: 'Mục 2', maxPoints: 500, applicableMax: 0 },
    ]);
    expect(applicable.applicableMax).toBe(600);
  });

  it('inherits a tag from an ancestor, and an excluded code does not reach a sibling that shares its prefix', () => {
    const wide = [node('1', 1100), node('1.1', 100), node('1.10', 1000, { notApplicableTo: [] })];
    expect(computeApplicableLeaves(wide, [], ['1.1']).leaves.map((leaf) => leaf.code)).toEqual(['1.10']);
    const tagged = [node('1', 100, { notApplicableTo: ['x'] }), node('1.1', 100)];
    expect(computeApplicableLeaves(tagged, ['x'], []).applicableMax).toBe(0);
  });
});

describe('points', () => {
  it.each([
    ['1,5', 150],
    ['1.5', 150],
    [' 2,25 ', 225],
    ['10', 1000],
    [1.5, 150],
    [0.25, 25],
    [32, 3200],
  ] as const)('reads %j as %i hundredths', (text, hundredths) => {
    expect(parseParPoints(text)).toBe(hundredths);
  });

  it.each([['1,555'], ['-1'], ['1.000,5'], ['abc'], [''], [1.005], [-2], [null]])('refuses %j', (value) => {
    expect(parseParPoints(value)).toBeUndefined();
  });

  it('writes points with the Vietnamese decimal comma and reads them back', () => {
    expect(formatParPoints(8878)).toBe('88,78');
    expect(formatParPoints(150)).toBe('1,5');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        (points) => parseParPoints(formatParPoints(points)) === points,
      ),
    );
  });
});

describe('capAdjustments', () => {
  it('holds bonus and penalty to the caps and says when it did', () => {
    expect(capAdjustments({ bonus: 500, penalty: 100 }, { bonusCap: 300, penaltyCap: 200 })).toEqual({
      bonus: 300,
      penalty: 100,
      bonusCapped: true,
      penaltyCapped: false,
    });
    expect(capAdjustments({ bonus: -5, penalty: 0 }, { bonusCap: 0, penaltyCap: 0 }).bonus).toBe(0);
  });
});

/** A random well-formed tree: areas with criteria with optional components, maxima summed upwards. */
const arbitraryTree = fc
  .array(fc.array(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 4 }), { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((areas) =>
    fc.constant(
      areas.flatMap((criteria, a) => {
        const nodes: ParCriterion[] = [];
        let areaMax = 0;
        criteria.forEach((components, c) => {
          const code = `${a + 1}.${c + 1}`;
          const max = components.length === 0 ? 100 : components.reduce((s, x) => s + x, 0);
          areaMax += max;
          nodes.push(node(code, max));
          components.forEach((points, k) => {
            nodes.push(node(`${code}.${k + 1}`, points));
          });
        });
        return [node(String(a + 1), areaMax), ...nodes];
      }),
    ),
  );

describe('tree rules, for any tree', () => {
  it('a tree built bottom-up validates, and its total is the sum of its leaves', () => {
    fc.assert(
      fc.property(arbitraryTree, (nodes) => {
        const check = checkCriteriaTree(nodes);
        const leaves = computeApplicableLeaves(nodes, [], []);
        return (
          check.issues.length === 0 &&
          check.totalMax === leaves.leaves.reduce((s, leaf) => s + leaf.maxPoints, 0) &&
          leaves.applicableMax === check.totalMax
        );
      }),
    );
  });

  it('changing one maximum breaks the sums, and excluding codes never raises the applicable maximum', () => {
    fc.assert(
      fc.property(arbitraryTree, fc.nat(), fc.integer({ min: 1, max: 50 }), (nodes, pick, delta) => {
        const at = pick % nodes.length;
        const changed = nodes.map((n, i) => (i === at ? { ...n, maxPoints: n.maxPoints + delta } : n));
        const broken = checkCriteriaTree(changed).issues.some((issue) => issue.code === 'SUM_MISMATCH');
        const target = nodes[at] as ParCriterion;
        const full = computeApplicableLeaves(nodes, [], []);
        const less = computeApplicableLeaves(nodes, [], [target.code]);
        const isArea = target.parentCode === null;
        return (isArea || broken) && less.applicableMax <= full.applicableMax && less.applicableMax >= 0;
      }),
    );
  });

  it('orders codes numerically, parents first', () => {
    expect(['3.10', '3.2', '3', '10', '3.2.1'].sort(compareCodes)).toEqual(['3', '3.2', '3.2.1', '3.10', '10']);
  });
});
