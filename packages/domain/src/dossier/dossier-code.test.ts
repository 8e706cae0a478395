import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode } from './dossier-code.js';

describe('dossier code (Circular 01/2018 Art. 19)', () => {
  it('formats <agency>-YYMMDD-NNNN', () => {
    expect(formatDossierCode('000.00.10.H31', '2026-11-22', 1)).toBe('000.00.10.H31-261122-0001');
    expect(formatDossierCode('000.00.10.H31', '2026-11-22', 12345)).toBe('000.00.10.H31-261122-12345');
  });

  it('parses what it formats', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 99_999 }),
        (date, sequence) => {
          const day = date.toISOString().slice(0, 10);
          const code = formatDossierCode('000.01.40.H31', day, sequence);
          expect(parseDossierCode(code)).toEqual({ agencyCode: '000.01.40.H31', date: day, sequence });
        },
      ),
    );
  });

  it.each(['000.00.10.H31-261322-0001', '000.00.10.H31-261122-001', 'H31-261122-0001', ''])('rejects %s', (code) => {
    expect(parseDossierCode(code)).toBeUndefined();
  });

  it('refuses to format with a bad agency code, date or sequence', () => {
    expect(() => formatDossierCode('H31', '2026-11-22', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.10.H31', '22/11/2026', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.10.H31', '2026-11-22', 0)).toThrow(RangeError);
  });
});
