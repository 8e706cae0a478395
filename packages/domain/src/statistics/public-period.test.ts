import { describe, expect, it } from 'vitest';
import { findPublicPeriod, formatRateWithBasisVi, listPublicPeriods } from './public-period.js';

describe('public result periods', () => {
  it('publishes ended months, quarters and years only', () => {
    expect(findPublicPeriod('2026-11', '2026-12-07')?.to).toBe('2026-11-30');
    expect(findPublicPeriod('2026-12', '2026-12-07')).toBeUndefined();
    expect(findPublicPeriod('2026-11', '2026-11-30')).toBeUndefined();
    expect(findPublicPeriod('2026-Q3', '2026-12-07')?.from).toBe('2026-07-01');
    expect(findPublicPeriod('2026-Q4', '2026-12-07')).toBeUndefined();
    expect(findPublicPeriod('2026', '2026-12-07')).toBeUndefined();
    expect(findPublicPeriod('2025', '2026-01-01')?.kind).toBe('year');
    expect(findPublicPeriod('2026-H1', '2026-12-07')).toBeUndefined();
    expect(findPublicPeriod('nonsense', '2026-12-07')).toBeUndefined();
  });

  it('offers the last ended months first, then quarters and years', () => {
    const options = listPublicPeriods('2026-03-15', 3);
    expect(options.map((o) => o.value)).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
      '2025',
    ]);
  });

  it('prints a rate with its basis', () => {
    expect(formatRateWithBasisVi({ numerator: 4431, base: 4788, value: 92.54 })).toBe('4.431/4.788 (92,54%)');
    expect(formatRateWithBasisVi({ numerator: 0, base: 0, value: null })).toBe('0/0 (—)');
  });
});
