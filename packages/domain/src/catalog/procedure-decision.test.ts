import { describe, expect, it } from 'vitest';
import { changeKindOfImportOutcome, DECISION_NUMBER_PATTERN, findDecisionProblems } from './procedure-decision.js';

describe('procedure decisions', () => {
  it('reads decision numbers as printed', () => {
    expect(DECISION_NUMBER_PATTERN.test('1234/QĐ-UBND')).toBe(true);
    expect(DECISION_NUMBER_PATTERN.test('9001/QĐ-UBND-DEMO')).toBe(true);
    expect(DECISION_NUMBER_PATTERN.test('QĐ-UBND')).toBe(false);
    expect(DECISION_NUMBER_PATTERN.test('12/qd')).toBe(false);
  });

  it('drafts import rows as new or amended', () => {
    expect(changeKindOfImportOutcome('created')).toBe('new');
    expect(changeKindOfImportOutcome('updated')).toBe('amended');
  });

  it('refuses an empty decision, a backdated effect and an unknown new procedure, not an abolished one', () => {
    expect(findDecisionProblems({ signedOn: '2026-05-02', effectiveOn: null, items: [] })).toEqual([
      { code: 'DECISION_EMPTY' },
    ]);
    expect(
      findDecisionProblems({
        signedOn: '2026-05-02',
        effectiveOn: '2026-05-01',
        items: [
          { procedureCode: '1.000001', changeKind: 'new', inCatalog: false },
          { procedureCode: '1.000002', changeKind: 'abolished', inCatalog: false },
        ],
      }),
    ).toEqual([
      { code: 'DECISION_EFFECTIVE_BEFORE_SIGNED' },
      { code: 'DECISION_PROCEDURE_UNKNOWN', procedureCode: '1.000001' },
    ]);
  });
});
