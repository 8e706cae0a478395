import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLastDocumentNumber } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { seedDemoEofficeYear } from './demo-eoffice-year.js';

const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the e-office demo year', () => {
  it('writes a year of documents once, numbered from the counters', async () => {
    // The test world has no Sở Nội vụ: the Sở Tư pháp stands in for it.
    const first = await seedDemoEofficeYear(t.ctx, { agencyCode: '000.00.01.H31' });
    expect(first).toEqual({ seeded: true, incoming: 250, outgoing: 120 });
    const again = await seedDemoEofficeYear(t.ctx, { agencyCode: '000.00.01.H31' });
    expect(again).toEqual({ seeded: false, incoming: 250, outgoing: 120 });
    const agencyId = world.agencies.justice?.id ?? '';
    const db = t.database.db;
    expect(await findLastDocumentNumber(db, { agencyId, year: 2026, sequence: 'incoming' })).toBe(250);
    expect(await findLastDocumentNumber(db, { agencyId, year: 2026, sequence: 'outgoing' })).toBe(120);
  });

  it('gives rates like a real agency: most documents electronic, most outgoing signed', async () => {
    const headers = (await signIn(t.app, 'lanhdao')).headers;
    const agency = world.agencies.justice?.id ?? '';
    const stats = (
      await t.app.inject({ url: `/api/v1/document-registers/statistics?agency=${agency}&period=2026`, headers })
    ).json();
    expect(stats.totals.counts.incoming).toBe(250);
    expect(stats.totals.counts.outgoing).toBe(120);
    expect(stats.totals.incomingElectronic.percent).toBeGreaterThan(80);
    expect(stats.totals.outgoingSigned.percent).toBeGreaterThan(85);
    expect(stats.totals.outgoingSigned.percent).toBeLessThan(100);
    const pdf = await t.app.inject({
      url: `/api/v1/document-registers/register.pdf?kind=incoming&agency=${agency}&period=2026`,
      headers,
    });
    expect(pdf.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'motcua-demo-register-'));
    try {
      const file = join(dir, 'so-den.pdf');
      writeFileSync(file, pdf.rawPayload);
      if (process.env.KEEP_REGISTER_PDF) {
        writeFileSync(process.env.KEEP_REGISTER_PDF, pdf.rawPayload);
      }
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
      expect(text).toContain('Ngày đến');
      expect(text).toContain('Bộ Nội vụ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
