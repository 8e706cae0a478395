import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCriteriaEdit, type ParCriterionFields } from './criteria-edit.js';
import { checkCriteriaTree } from './criteria-set.js';
import type { ParCriterion } from './types.js';

const fields = (title: string, maxPoints: number, extra: Partial<ParCriterionFields> = {}): ParCriterionFields => ({
  title,
  maxPoints,
  scoringRule: null,
  evidenceRequired: null,
  surveyScored: false,
  systemMeasure: null,
  notApplicableTo: [],
  ...extra,
});

const build = (): ParCriterion[] => {
  let tree: ParCriterion[] = [];
  const add = (parentCode: string | null, title: string, max: number) => {
    const result = applyCriteriaEdit(tree, { kind: 'add', parentCode, fields: fields(title, max) });
    if (!result.ok) {
      throw new Error(result.refusal);
    }
    tree = result.tree;
    return result.code;
  };
  add(null, 'Lĩnh vực A', 0);
  add('1', 'Tiêu chí A1', 300);
  add('1', 'Tiêu chí A2', 0);
  add('1.2', 'Thành phần A2a', 100);
  add('1.2', 'Thành phần A2b', 150);
  add(null, 'Lĩnh vực B', 0);
  add('2', 'Tiêu chí B1', 500);
  return tree;
};

const summary = (tree: ParCriterion[]) => tree.map((n) => `${n.code} ${n.kind} ${n.title} ${n.maxPoints}`);

describe('applyCriteriaEdit', () => {
  it('numbers new nodes under their parent and sums the parents', () => {
    expect(summary(build())).toEqual([
      '1 area Lĩnh vực A 550',
      '1.1 criterion Tiêu chí A1 300',
      '1.2 criterion Tiêu chí A2 250',
      '1.2.1 component Thành phần A2a 100',
      '1.2.2 component Thành phần A2b 150',
      '2 area Lĩnh vực B 500',
      '2.1 criterion Tiêu chí B1 500',
    ]);
    expect(checkCriteriaTree(build(), { expectedTotal: 1050 }).issues).toEqual([]);
  });

  it('moves a subtree and renumbers both places', () => {
    const moved = applyCriteriaEdit(build(), { kind: 'move', code: '1.2', parentCode: '2', index: 0 });
    expect(moved.ok && moved.code).toBe('2.1');
    expect(moved.ok && summary(moved.tree)).toEqual([
      '1 area Lĩnh vực A 300',
      '1.1 criterion Tiêu chí A1 300',
      '2 area Lĩnh vực B 750',
      '2.1 criterion Tiêu chí A2 250',
      '2.1.1 component Thành phần A2a 100',
      '2.1.2 component Thành phần A2b 150',
      '2.2 criterion Tiêu chí B1 500',
    ]);
  });

  it('deletes a subtree and closes the gap', () => {
    const result = applyCriteriaEdit(build(), { kind: 'delete', code: '1.1' });
    expect(result.ok && summary(result.tree).slice(0, 3)).toEqual([
      '1 area Lĩnh vực A 250',
      '1.1 criterion Tiêu chí A2 250',
      '1.1.1 component Thành phần A2a 100',
    ]);
  });

  it('keeps a parent’s maximum as the sum of its children whatever the edit says', () => {
    const result = applyCriteriaEdit(build(), {
      kind: 'update',
      code: '1.2',
      fields: { maxPoints: 9999, title: ' Mới ' },
    });
    expect(result.ok && summary(result.tree)[2]).toBe('1.2 criterion Mới 250');
  });

  it.each([
    [{ kind: 'add', parentCode: '1.2.1', fields: fields('x', 1) }, 'TOO_DEEP'],
    [{ kind: 'add', parentCode: '9', fields: fields('x', 1) }, 'PARENT_NOT_FOUND'],
    [{ kind: 'move', code: '1', parentCode: '1.2', index: 0 }, 'INTO_ITSELF'],
    [{ kind: 'move', code: '1.2', parentCode: '2.1', index: 0 }, 'TOO_DEEP'],
    [{ kind: 'update', code: '7', fields: {} }, 'NODE_NOT_FOUND'],
    [{ kind: 'update', code: '1.1', fields: { maxPoints: -1 } }, 'BAD_FIELD'],
    [{ kind: 'update', code: '1.1', fields: { notApplicableTo: ['Có dấu'] } }, 'BAD_FIELD'],
  ] as const)('refuses %j', (edit, refusal) => {
    const result = applyCriteriaEdit(build(), edit as never);
    expect(result.ok ? 'ok' : result.refusal).toBe(refusal);
  });

  it('any sequence of edits leaves a tree whose codes, kinds and sums are consistent', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat(), index: fc.nat({ max: 5 }) }),
      fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), max: fc.integer({ min: 1, max: 900 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let tree = build();
        for (const step of edits) {
          const codes = tree.map((n) => n.code);
          const pick = codes.length === 0 ? undefined : codes[step.pick % codes.length];
          const result =
            step.kind === 'add'
              ? applyCriteriaEdit(tree, { kind: 'add', parentCode: pick ?? null, fields: fields('n', step.max) })
              : pick === undefined
                ? undefined
                : step.kind === 'delete'
                  ? applyCriteriaEdit(tree, { kind: 'delete', code: pick })
                  : applyCriteriaEdit(tree, {
                      kind: 'move',
                      code: pick,
                      parentCode: codes[step.to % codes.length] ?? null,
                      index: step.index,
                    });
          if (result?.ok) {
            tree = result.tree;
          }
        }
        const issues = checkCriteriaTree(tree).issues.filter((i) => i.code !== 'EMPTY');
        return issues.length === 0;
      }),
    );
  });
});
