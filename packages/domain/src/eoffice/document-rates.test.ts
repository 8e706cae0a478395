import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDocumentSearchText,
  computeDocumentRate,
  formatDocumentRateEn,
  formatDocumentRateVi,
  isSentElectronically,
} from './document-rates.js';

describe('e-office rates', () => {
  it('gives the published figure 4.431/4.788 = 92,54%', () => {
    const rate = computeDocumentRate(4431, 4788);
    expect(rate).toEqual({ numerator: 4431, base: 4788, percent: 92.54, hundredths: 9254 });
    expect(formatDocumentRateVi(rate)).toBe('4.431/4.788 (92,54%)');
    expect(formatDocumentRateEn(rate)).toBe('4,431/4,788 (92.54%)');
  });

  it('rounds half up and has no rate without a base', () => {
    // 1/8 = 12,5 % exactly; 1/80000 = 0,00125 % → 0,00; 1/40000 = 0,0025 % → 0,00; 1/20000 = 0,005 % → 0,01
    expect(computeDocumentRate(1, 8).hundredths).toBe(1250);
    expect(computeDocumentRate(1, 80_000).hundredths).toBe(0);
    expect(computeDocumentRate(1, 20_000).hundredths).toBe(1);
    expect(computeDocumentRate(2, 3).percent).toBe(66.67);
    expect(computeDocumentRate(5, 5).percent).toBe(100);
    expect(formatDocumentRateVi(computeDocumentRate(0, 0))).toBe('0/0 (—)');
    expect(formatDocumentRateVi(computeDocumentRate(1234, 1234))).toBe('1.234/1.234 (100,00%)');
    expect(() => computeDocumentRate(3, 2)).toThrow(RangeError);
    expect(() => computeDocumentRate(-1, 2)).toThrow(RangeError);
    expect(() => computeDocumentRate(1.5, 2)).toThrow(RangeError);
  });

  it('publishes a percentage reproducible exactly from its counts', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10_000_000 })
          .chain((base) => fc.tuple(fc.integer({ min: 0, max: base }), fc.constant(base))),
        ([numerator, base]) => {
          const rate = computeDocumentRate(numerator, base);
          const h = rate.hundredths ?? -1;
          // The nearest hundredth, halves up: (h − ½)/10000 ≤ n/b < (h + ½)/10000, exactly in integers.
          expect(2 * numerator * 10_000).toBeGreaterThanOrEqual((2 * h - 1) * base);
          expect(2 * numerator * 10_000).toBeLessThan((2 * h + 1) * base);
          // Read back from the published text, the counts give the same percentage again.
          const text = formatDocumentRateVi(rate);
          const match = /^([\d.]+)\/([\d.]+) \(([\d.]+),(\d{2})%\)$/.exec(text);
          expect(match).not.toBeNull();
          const [n, b, whole, fraction] = (match ?? []).slice(1).map((part) => Number(part?.replaceAll('.', '')));
          expect([n, b]).toEqual([numerator, base]);
          expect((whole ?? 0) * 100 + (fraction ?? 0)).toBe(h);
          expect(computeDocumentRate(n ?? 0, b ?? 0)).toEqual(rate);
        },
      ),
    );
  });

  it('counts an outgoing document as electronic only when no recipient got paper', () => {
    expect(isSentElectronically(['system', 'package'])).toBe(true);
    expect(isSentElectronically(['system', 'paper'])).toBe(false);
    expect(isSentElectronically([])).toBe(false);
  });

  it('folds number, issuer and subject for the search', () => {
    expect(
      buildDocumentSearchText({
        numberSymbol: '12/QĐ-UBND',
        issuerName: 'Ủy ban nhân dân tỉnh Hưng Yên',
        subject: 'Về việc phê duyệt Kế hoạch',
      }),
    ).toBe('12 qd ubnd uy ban nhan dan tinh hung yen ve viec phe duyet ke hoach');
  });
});
