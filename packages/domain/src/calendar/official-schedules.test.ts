import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getWeekday } from './local-date.js';
import { OFFICIAL_SCHEDULE_PERIODS, OFFICIAL_SCHEDULE_YEARS } from './official-schedules.js';
import { listOfficialScheduleEntries } from './schedule.js';

const referenceUrl = (name: string): URL => new URL(`../../../../reference-data/${name}`, import.meta.url);

interface JsonPeriod {
  year: number;
  name: string;
  off_from: string;
  off_to: string;
  days_off: string[];
  statutory_holidays: string[];
  compensatory_days: string[];
  swaps: { day_off: string; makeup_workday: string }[];
  status: string;
  basis: string | null;
  sources: string[];
  note?: string;
}

const json = JSON.parse(readFileSync(referenceUrl('holidays-vn-2020-2026.json'), 'utf8')) as { periods: JsonPeriod[] };
const csvRows = readFileSync(referenceUrl('holidays-vn-2020-2026.csv'), 'utf8')
  .replace(/\r/g, '')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [date, weekday, kind, period, year, status] = line.split(',');
    return { date, weekday, kind, period, year: Number(year), status };
  });

describe('official-schedules.ts (generated)', () => {
  it('is up to date with reference-data/holidays-vn-2020-2026.json', () => {
    expect(
      OFFICIAL_SCHEDULE_PERIODS.map((p) => ({
        year: p.year,
        name: p.name,
        off_from: p.offFrom,
        off_to: p.offTo,
        days_off: p.daysOff,
        statutory_holidays: p.statutoryHolidays,
        compensatory_days: p.compensatoryDays,
        swaps: p.swaps.map((s) => ({ day_off: s.dayOff, makeup_workday: s.makeupWorkday })),
        status: p.status,
        basis: p.basis,
        sources: p.sources,
        ...(p.note === undefined ? {} : { note: p.note }),
      })),
    ).toEqual(json.periods.map((p) => ({ ...p, name: p.name.normalize('NFC') })));
    expect(OFFICIAL_SCHEDULE_YEARS).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('keeps a source for every confirmed period', () => {
    for (const period of OFFICIAL_SCHEDULE_PERIODS.filter((p) => p.status === 'confirmed')) {
      expect(period.sources.length, `${period.year} ${period.name}`).toBeGreaterThan(0);
    }
  });

  it('has internally consistent periods', () => {
    for (const p of OFFICIAL_SCHEDULE_PERIODS) {
      const label = `${p.year} ${p.name}`;
      expect(p.daysOff[0], label).toBe(p.offFrom);
      expect(p.daysOff[p.daysOff.length - 1], label).toBe(p.offTo);
      for (const d of [...p.statutoryHolidays, ...p.compensatoryDays, ...p.swaps.map((s) => s.dayOff)]) {
        expect(p.daysOff, label).toContain(d);
      }
      for (const c of p.compensatoryDays) {
        expect([0, 6], `${label} ${c}`).not.toContain(getWeekday(c));
      }
      for (const s of p.swaps) {
        expect(getWeekday(s.makeupWorkday), `${label} makeup ${s.makeupWorkday}`).toBe(6);
        expect([0, 6], `${label} swap ${s.dayOff}`).not.toContain(getWeekday(s.dayOff));
      }
    }
  });

  it('produces exactly the non-weekend rows of the flat CSV as schedule entries', () => {
    const fromCsv = csvRows
      .filter((r) => r.kind !== 'weekend')
      .map((r) => `${r.date} ${r.kind} ${r.status} ${r.period}`)
      .sort();
    const entries = listOfficialScheduleEntries()
      .map((e) => `${e.date} ${e.kind} ${e.status} ${e.period}`)
      .sort();
    expect(entries).toEqual(fromCsv);
    expect(new Set(entries.map((e) => e.slice(0, 10))).size).toBe(entries.length); // one entry per date
  });
});
