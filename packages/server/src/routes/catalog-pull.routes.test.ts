import { findCatalogPullRun, insertCatalogPullRun } from '@motcua/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealSecret } from '../auth/sealed-secret.js';
import { createDvcqgSimulator, readSimulatorCatalog } from '../integration/dvcqg/simulator.js';
import { startCatalogPullWorker } from '../jobs/workers.js';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_WITH_FORM } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { queueScheduledCatalogPulls } from '../usecases/integration/catalog-pull/catalog-pulls.js';

let t: TestApp;
let simulator: FastifyInstance;
let portal: string;
const clock = fixedClock('2026-11-22T09:00:00+07:00');
const sessions: Record<string, Record<string, string>> = {};
const CODES = ['1.000894', '1.000656', '1.001022'];
/**
 * Adopted by the province before any pull, with its own e-form and internal process (36 working hours, within the
 * national 5 working days). The form stands beside the components (it replaces none: the national ones differ).
 */
const ADOPTED = '1.004884';
const { replacesComponent: _replaced, ...ADOPTED_FORM } = TEST_PROCEDURE_WITH_FORM.applicationForm ?? {
  replacesComponent: undefined,
};
const ADOPTED_CONTENT = {
  ...TEST_PROCEDURE_WITH_FORM,
  nationalCode: ADOPTED,
  applicationForm: ADOPTED_FORM as typeof TEST_PROCEDURE_WITH_FORM.applicationForm,
};

type Change = { code: string; kind: string; fields?: string[]; inCatalog?: boolean; reason?: string };
type Run = {
  id: string;
  state: 'running' | 'completed' | 'failed';
  trigger: string;
  requestedBy: string | null;
  catalogImportId: string | null;
  failure: string | null;
  summary: {
    listed: number;
    fetched: number;
    created: number;
    updated: number;
    unchanged: number;
    abolished: number;
    failed: number;
    changes: Change[];
  };
};

/** Moves the clock (a day later, so that each import's versions take effect on a day of their own) and signs in again. */
const advanceTo = async (iso: string) => {
  clock.set(iso);
  for (const who of ['qttinh', 'hanoi', 'thanhtra']) {
    sessions[who] = (await signIn(t.app, who)).headers;
  }
};

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${portal}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

const pull = (who = 'qttinh', query = '') =>
  t.app.inject({ method: 'POST', url: `/api/v1/integration/catalog-pulls${query}`, headers: sessions[who] });

/** Reads the pull until it has finished, as the console page does. */
const waitForPull = async (id: string): Promise<Run> => {
  for (let attempt = 0; attempt < 400; attempt++) {
    const response = await t.app.inject({ url: `/api/v1/integration/catalog-pulls/${id}`, headers: sessions.qttinh });
    expect(response.statusCode, response.body).toBe(200);
    const run = response.json() as Run;
    if (run.state !== 'running') {
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pull ${id} still running`);
};

beforeAll(async () => {
  simulator = createDvcqgSimulator({
    username: 'h33',
    password: 'mật khẩu',
    catalog: readSimulatorCatalog([...CODES, ADOPTED]),
  });
  portal = await simulator.listen({ port: 0, host: '127.0.0.1' });
  t = await createTestApp({ clock });
  await seedWorld(t);
  await seedProcedure(t, {
    catalog: '33',
    code: ADOPTED,
    content: ADOPTED_CONTENT,
    effectiveFrom: '2026-07-01',
  });
  for (const who of ['qttinh', 'hanoi', 'thanhtra']) {
    sessions[who] = (await signIn(t.app, who)).headers;
  }
});

afterAll(async () => {
  await t?.close();
  await simulator?.close();
});

const configurePortal = async () => {
  await t.ctx.db
    .insertInto('dvcqgSetting')
    .values({
      provinceCode: '33',
      enabled: true,
      endpointUrl: `${portal}/service`,
      authUrl: `${portal}/auth`,
      username: 'h33',
      secretCiphertext: await sealSecret(t.ctx, 'dvcqg-password', '33', 'mật khẩu'),
      dstCode: 'H33',
      unitCode: '000.00.00.H33',
    })
    .execute();
};

describe('catalog pulls from the national portal (the simulator)', () => {
  it('refuses a pull before the province has a connection, and the callers who may not pull', async () => {
    const unconfigured = await pull();
    expect(unconfigured.statusCode).toBe(422);
    expect(unconfigured.json().code).toBe('CATALOG_PULL_NOT_CONFIGURED');
    expect((await pull('thanhtra', '?province=33')).statusCode).toBe(403);
    expect((await pull('hanoi', '?province=33')).statusCode).toBe(403);
  });

  it('creates the procedures on a first pull, then reports exactly what changed and what was abolished', async () => {
    await configurePortal();
    const started = await pull();
    expect(started.statusCode, started.body).toBe(202);
    const first = started.json() as Run;
    expect(started.headers.location).toBe(`/api/v1/integration/catalog-pulls/${first.id}`);
    expect(first).toMatchObject({ state: 'running', trigger: 'manual', requestedBy: 'Vũ Thị Quản Trị Tỉnh' });
    // One pull per province at a time.
    const second = await pull();
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().code).toBe('CATALOG_PULL_RUNNING');

    await startCatalogPullWorker(t.ctx);
    const done = await waitForPull(first.id);
    expect(done.failure).toBeNull();
    expect(done).toMatchObject({ state: 'completed' });
    expect(done.summary).toMatchObject({
      listed: 4,
      fetched: 4,
      created: 3,
      updated: 1,
      unchanged: 0,
      abolished: 0,
      failed: 0,
    });
    expect(
      done.summary.changes
        .filter((c) => c.kind === 'created')
        .map((c) => c.code)
        .sort(),
    ).toEqual([...CODES].sort());
    expect(done.catalogImportId).not.toBeNull();
    // The procedure the province had adopted takes the national content and keeps the province's own settings:
    // its internal process and its e-form.
    const adopted = await t.ctx.db
      .selectFrom('procedure')
      .innerJoin('procedureVersion', 'procedureVersion.id', 'procedure.currentVersionId')
      .select(['procedureVersion.content', 'procedureVersion.versionNo'])
      .where('procedure.catalog', '=', '33')
      .where('procedure.code', '=', ADOPTED)
      .executeTakeFirstOrThrow();
    const content = adopted.content as typeof TEST_PROCEDURE_WITH_FORM;
    expect(adopted.versionNo).toBe(2);
    expect(content.applicationForm).toEqual(ADOPTED_FORM);
    expect(content.processSteps).toEqual(TEST_PROCEDURE_WITH_FORM.processSteps);
    expect(content.name).not.toBe(TEST_PROCEDURE_WITH_FORM.name);
    // The procedures are in the province catalog, through the existing import.
    const created = await t.ctx.db
      .selectFrom('procedure')
      .select(['code', 'name'])
      .where('catalog', '=', '33')
      .where('code', 'in', CODES)
      .execute();
    expect(created.map((p) => p.code).sort()).toEqual([...CODES].sort());

    // The portal changes one name and one time limit, and abolishes a procedure.
    expect((await control('PATCH', '/_sim/catalog/1.000894', { TENTTHC: 'Thủ tục đã đổi tên' })).status).toBe(200);
    const record = (await (await control('GET', '/_sim/catalog')).json()) as {
      MATTHC: string;
      CACHTHUCTHUCHIEN: { KENH: number; THOIGIAN: { THOIGIANGIAIQUYET: number }[] }[];
    }[];
    const timed = record.find((r) => r.MATTHC === '1.001022');
    const ways = structuredClone(timed?.CACHTHUCTHUCHIEN ?? []);
    const firstTime = ways[0]?.THOIGIAN[0];
    expect(firstTime).toBeDefined();
    if (firstTime) {
      firstTime.THOIGIANGIAIQUYET += 5;
    }
    expect((await control('PATCH', '/_sim/catalog/1.001022', { CACHTHUCTHUCHIEN: ways })).status).toBe(200);
    expect((await control('POST', '/_sim/catalog/1.000656/abolish')).status).toBe(200);

    await advanceTo('2026-11-23T09:00:00+07:00');
    const again = await pull();
    expect(again.statusCode, again.body).toBe(202);
    const report = await waitForPull((again.json() as Run).id);
    expect(report.state).toBe('completed');
    expect(report.summary).toMatchObject({
      listed: 4,
      fetched: 4,
      created: 0,
      updated: 2,
      unchanged: 1,
      abolished: 1,
      failed: 0,
    });
    const byCode = Object.fromEntries(report.summary.changes.map((c) => [c.code, c]));
    expect(byCode['1.000894']).toEqual({
      code: '1.000894',
      name: 'Thủ tục đã đổi tên',
      kind: 'updated',
      fields: ['name'],
    });
    expect(byCode['1.001022']).toMatchObject({ kind: 'updated', fields: ['channels'] });
    expect(byCode['1.000656']).toMatchObject({ kind: 'abolished', inCatalog: true });

    // A third pull with nothing changed reports everything unchanged (the abolished one still abolished).
    await advanceTo('2026-11-24T09:00:00+07:00');
    const third = await waitForPull(((await pull()).json() as Run).id);
    expect(third.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3, abolished: 1 });

    // The list, newest first, keyset-paginated.
    const page1 = await t.app.inject({ url: '/api/v1/integration/catalog-pulls?limit=2', headers: sessions.qttinh });
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((r: Run) => r.id)).toEqual([third.id, report.id]);
    const page2 = await t.app.inject({
      url: `/api/v1/integration/catalog-pulls?limit=2&cursor=${page1.json().nextCursor}`,
      headers: sessions.qttinh,
    });
    expect(page2.json()).toMatchObject({ items: [{ id: first.id }], nextCursor: null });
    // Another province's official neither reads the run nor finds it in their list.
    expect(
      (await t.app.inject({ url: `/api/v1/integration/catalog-pulls/${first.id}`, headers: sessions.hanoi }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: '/api/v1/integration/catalog-pulls?cursor=abc', headers: sessions.qttinh })).json()
        .code,
    ).toBe('CATALOG_PULL_CURSOR_INVALID');
  });

  it('fails a pull whose portal is down, with the reason', async () => {
    await control('POST', '/_sim/mode', { mode: 'down' });
    try {
      await advanceTo('2026-11-25T09:00:00+07:00');
      const run = await waitForPull(((await pull()).json() as Run).id);
      expect(run.state).toBe('failed');
      expect(run.failure).toContain('LayDanhSachTTHC: unavailable');
    } finally {
      await control('POST', '/_sim/mode', { mode: 'ok' });
    }
  });

  it('schedules a pull every catalog_pull_hours, once however many processes tick', async () => {
    await t.ctx.db.updateTable('dvcqgSetting').set({ catalogPullHours: 24 }).where('provinceCode', '=', '33').execute();
    // The last pull started less than 24 hours ago: nothing is due.
    expect(await queueScheduledCatalogPulls(t.ctx)).toEqual([]);
    await advanceTo('2026-11-26T09:30:00+07:00');
    const [first, ...others] = await Promise.all([
      queueScheduledCatalogPulls(t.ctx),
      queueScheduledCatalogPulls(t.ctx),
    ]);
    const queued = [...(first ?? []), ...others.flat()];
    expect(queued).toHaveLength(1);
    const run = await waitForPull(queued[0] as string);
    expect(run).toMatchObject({ state: 'completed', trigger: 'schedule', requestedBy: null });
    expect(await queueScheduledCatalogPulls(t.ctx)).toEqual([]);
  });

  it('shows a pull whose process died as failed without writing on the read; the tick records it', async () => {
    const now = clock.now();
    const stale = await insertCatalogPullRun(t.database.db, {
      provinceCode: '01',
      trigger: 'manual',
      requestedBy: null,
      now: new Date(now.getTime() - 2 * 60 * 60_000),
    });
    const id = stale?.id ?? '';
    const read = await t.app.inject({ url: `/api/v1/integration/catalog-pulls/${id}`, headers: sessions.hanoi });
    expect(read.json()).toMatchObject({ state: 'failed', failure: expect.stringContaining('interrupted') });
    const listed = await t.app.inject({
      url: '/api/v1/integration/catalog-pulls?province=01',
      headers: sessions.hanoi,
    });
    expect(listed.json().items[0]).toMatchObject({ id, state: 'failed' });
    expect((await findCatalogPullRun(t.database.db, id))?.state).toBe('running');
    await queueScheduledCatalogPulls(t.ctx);
    expect(await findCatalogPullRun(t.database.db, id)).toMatchObject({
      state: 'failed',
      failure: expect.stringContaining('interrupted'),
    });
  });
});
