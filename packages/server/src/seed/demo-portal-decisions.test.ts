import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, TEST_PROCEDURE_CONTENT } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_DECISION_NUMBER, seedDemoProcedureDecision } from './demo-portal-decisions.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T09:00:00+07:00') });
  await seedWorld(t);
  for (const [catalog, code] of [
    ['33', '1.001193'],
    ['33', '1.000656'],
    ['33', '1.000894'],
    ['national', '1.000593'],
  ] as const) {
    await seedProcedure(t, { catalog, code, content: { ...TEST_PROCEDURE_CONTENT, nationalCode: code } });
  }
});

afterAll(async () => {
  await t.close();
});

describe('demo procedure decision', () => {
  it('publishes one decision, marked demo, listing real procedures of the demo catalog, once', async () => {
    await seedDemoProcedureDecision(t.ctx, '33');
    await seedDemoProcedureDecision(t.ctx, '33');
    const list = await t.app.inject({ url: '/api/v1/public/procedure-decisions?province=33' });
    expect(list.json().items).toHaveLength(1);
    const [summary] = list.json().items;
    expect(summary).toMatchObject({ number: DEMO_DECISION_NUMBER, signedOn: '2026-11-07' });
    expect(summary.title).toContain('minh họa');
    const notice = await t.app.inject({ url: `/api/v1/public/procedure-decisions/${summary.id}` });
    expect(
      notice
        .json()
        .items.map((i: { procedureCode: string; changeKind: string; pageUrl: string }) => [
          i.procedureCode,
          i.changeKind,
          i.pageUrl,
        ]),
    ).toEqual([
      ['1.001193', 'new', '/thu-tuc/1.001193?catalog=33'],
      ['1.000656', 'amended', '/thu-tuc/1.000656?catalog=33'],
      ['1.000894', 'amended', '/thu-tuc/1.000894?catalog=33'],
      ['1.000593', 'abolished', '/thu-tuc/1.000593?catalog=national'],
    ]);
  });
});
