import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { seedSyntheticDossiers } from '../usecases/reports/synthetic.js';

let t: TestApp;
const clock = fixedClock('2026-12-07T09:00:00+07:00');
const headersOf = async (who: string) => (await signIn(t.app, who)).headers;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  await seedSyntheticDossiers(t.database.db, {
    provinceCode: '33',
    dossiers: 400,
    fromYear: 2026,
    toYear: 2026,
    now: new Date('2026-12-07T02:00:00Z'),
    untilDay: '2026-11-20',
    seed: 22,
  });
});

afterAll(async () => {
  await t.close();
});

type Rate = { numerator: number; base: number; value: number | null; basis: string };

describe('public results', () => {
  it('offers ended periods only and refuses an open one', async () => {
    const periods = await t.app.inject({ url: '/api/v1/public/results/periods?province=33' });
    expect(periods.statusCode).toBe(200);
    const values = periods.json().periods.map((p: { value: string }) => p.value);
    expect(values[0]).toBe('2026-11');
    expect(values).not.toContain('2026-12');
    expect(values).not.toContain('2026');
    for (const open of ['2026-12', '2026-Q4', '2026']) {
      const response = await t.app.inject({ url: `/api/v1/public/results/statistics?province=33&period=${open}` });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('RESULT_PERIOD_NOT_PUBLIC');
    }
    const index = await t.app.inject({ url: '/api/v1/public/results/service-index?province=33&period=2026-12' });
    expect(index.statusCode).toBe(404);
    const unknown = await t.app.inject({ url: '/api/v1/public/results/statistics?province=99&period=2026-10' });
    expect(unknown.statusCode).toBe(404);
    // No SIPAS survey published in the province: nothing to show.
    const sipas = await t.app.inject({ url: '/api/v1/public/results/sipas?province=33' });
    expect(sipas.statusCode).toBe(404);
  });

  it('publishes the on-time rates the officials’ report shows for the same period and agency', async () => {
    const official = await t.app.inject({
      url: '/api/v1/reports/statistics?scope=province&province=33&period=2026-10&groupBy=agency',
      headers: await headersOf('qttinh'),
    });
    expect(official.statusCode, official.body).toBe(200);
    const report = official.json();
    const response = await t.app.inject({ url: '/api/v1/public/results/statistics?province=33&period=2026-10' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    const published = response.json();
    const rateOf = (p: Rate) => ({ numerator: p.numerator, base: p.base, value: p.value });
    expect(rateOf(published.totals.onTimeRate)).toEqual(rateOf(report.totals.percentages.earlyOrOnTime));
    expect(published.totals.resolved).toBe(report.totals.resolved);
    expect(published.totals.resolved).toBeGreaterThan(0);
    expect(published.agencies.length).toBe(report.groups.length);
    for (const group of report.groups) {
      const agency = published.agencies.find((a: { agencyId: string | null }) => a.agencyId === group.keys.agency);
      expect(agency, group.label).toBeDefined();
      expect(rateOf(agency.onTimeRate)).toEqual(rateOf(group.figures.percentages.earlyOrOnTime));
      expect(agency.totalToProcess).toBe(group.figures.totalToProcess);
    }
    expect(published.totals.onTimeRate.basis).toMatch(/^[\d.]+\/[\d.]+ \([\d,]+%\)$/);
  });

  it('publishes the Decision 766 ranking the officials’ report shows', async () => {
    const official = await t.app.inject({
      url: '/api/v1/reports/service-index?level=agency&scope=province&province=33&period=2026-10',
      headers: await headersOf('qttinh'),
    });
    expect(official.statusCode, official.body).toBe(200);
    const response = await t.app.inject({ url: '/api/v1/public/results/service-index?province=33&period=2026-10' });
    expect(response.statusCode, response.body).toBe(200);
    const units = response.json().units;
    expect(units.length).toBeGreaterThan(0);
    expect(units.map((u: { rank: number | null; name: string; score: number }) => [u.rank, u.name, u.score])).toEqual(
      official
        .json()
        .units.map((u: { rank: number | null; name: string; result: { score: number } }) => [
          u.rank,
          u.name,
          u.result.score,
        ]),
    );
  });

  it('downloads the figures as Excel and CSV', async () => {
    const xlsx = await t.app.inject({ url: '/api/v1/public/results/statistics.xlsx?province=33&period=2026-10' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('ket-qua-giai-quyet-2026-10.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    const csv = await t.app.inject({ url: '/api/v1/public/results/statistics.csv?province=33&period=2026-10' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toContain('Tỷ lệ trước hạn, đúng hạn');
    const index = await t.app.inject({ url: '/api/v1/public/results/service-index.xlsx?province=33&period=2026-10' });
    expect(index.statusCode).toBe(200);
  });
});
