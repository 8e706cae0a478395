import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/local-date.js';
import { bandFigures, dashboardFigure, weekOf } from './dashboard.js';

describe('weekOf', () => {
  it('runs from Monday 00:00 to the next Monday 00:00 in Vietnam', () => {
    // Sunday 6 December 2026, 23:30 in Hà Nội: still the week of Monday 30 November.
    const week = weekOf(parseInstant('2026-12-06T23:30:00+07:00'));
    expect(new Date(week.start).toISOString()).toBe('2026-11-29T17:00:00.000Z');
    expect(new Date(week.end).toISOString()).toBe('2026-12-06T17:00:00.000Z');
    // Ten minutes later, Monday 7 December 00:10 (Sunday 17:10 UTC): the next week.
    const next = weekOf(parseInstant('2026-12-07T00:10:00+07:00'));
    expect(new Date(next.start).toISOString()).toBe('2026-12-06T17:00:00.000Z');
  });

  it('holds the instant, spans seven days and starts on a Monday', () => {
    const from = parseInstant('2020-01-01T00:00:00+07:00');
    const to = parseInstant('2035-12-31T00:00:00+07:00');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (now) => {
        const week = weekOf(now);
        expect(week.start).toBeLessThanOrEqual(now);
        expect(now).toBeLessThan(week.end);
        expect(week.end - week.start).toBe(7 * 86_400_000);
        // Monday in UTC+7: the local day of start is a Monday.
        expect(new Date(week.start + 7 * 3_600_000).getUTCDay()).toBe(1);
      }),
    );
  });
});

describe('dashboard figures', () => {
  it('gives each figure over its base, half up to 0,01 %', () => {
    expect(dashboardFigure(1, 3)).toEqual({ numerator: 1, base: 3, percent: 33.33, hundredths: 3333 });
    expect(dashboardFigure(2, 3).hundredths).toBe(6667);
    expect(dashboardFigure(0, 0)).toEqual({ numerator: 0, base: 0, percent: null, hundredths: null });
  });

  it('gives every band over all decided sheets, xuất sắc first', () => {
    const bands = bandFigures({ excellent: 1, good: 6, complete: 2 });
    expect(bands.map((b) => b.band)).toEqual(['excellent', 'good', 'complete', 'incomplete']);
    expect(bands.map((b) => `${b.figure.numerator}/${b.figure.base}`)).toEqual(['1/9', '6/9', '2/9', '0/9']);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 4, maxLength: 4 }), ([a = 0, b = 0, c = 0, d = 0]) => {
        const figures = bandFigures({ excellent: a, good: b, complete: c, incomplete: d });
        const total = a + b + c + d;
        expect(figures.reduce((sum, f) => sum + f.figure.numerator, 0)).toBe(total);
        expect(figures.every((f) => f.figure.base === total)).toBe(true);
      }),
    );
  });
});
