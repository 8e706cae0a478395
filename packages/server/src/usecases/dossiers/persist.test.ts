import { findDossierByCode, listDossierEvents, listDossierSteps } from '@motcua/db';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, type World } from '../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.js';
import { verifyAuditChains } from './audit.js';
import { decideOrThrow } from './change-dossier.js';
import { createDossier, loadIntakeBasis, planInitialState } from './intake.js';

let t: TestApp;
let world: World;
// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
});

afterAll(async () => {
  await t?.close();
});

const applicant = {
  kind: 'person' as const,
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  gender: 'female' as const,
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
};
const components = [
  { key: 'to-khai', originals: 1, copies: 0 },
  { key: 'giay-chung-sinh', originals: 1, copies: 0 },
];

/** The SQL statements `run` sends that write the dossier table itself. */
const captureDossierWrites = async (run: () => Promise<unknown>): Promise<string[]> => {
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    // A new dossier is written inside one statement with CTEs (insertNewDossier): look anywhere in it.
    for (const match of text?.matchAll(/(insert into|update) "dossier"\s/gi) ?? []) {
      statements.push(`${match[1]} "dossier"${match[1]?.toLowerCase() === 'update' ? ' set' : ''}`);
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = query;
  }
  return statements;
};

const countJobs = async (dossierId: string) => {
  const { rows } = await sql<{ seq: number }>`
    select (data->>'seq')::int as seq from pgboss.job
    where name = 'dossier-changed' and data->>'dossierId' = ${dossierId} order by 1`.execute(t.database.db);
  return rows.map((row) => row.seq);
};

describe('writing a new dossier', () => {
  it('inserts a counter intake in its final state: one write of the dossier row, none after', async () => {
    const desk = await signIn(t.app, 'motcua');
    let response: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    const writes = await captureDossierWrites(async () => {
      response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: desk.headers,
        payload: {
          receivingAgencyId: world.agencies.centre?.id,
          procedureCode: '1.001193',
          channel: 'direct',
          applicant,
          components,
          outcome: 'receive',
        },
      });
    });
    expect(response?.statusCode, response?.body).toBe(201);
    expect(writes).toEqual(['insert into "dossier"']);
    const dossier = await findDossierByCode(t.ctx.db, response?.json().code);
    // As before the single insert: version 1 + one per event, the first event's hash as anchor.
    expect(dossier).toMatchObject({ status: 'received', version: 2, eventCount: 1 });
    expect(dossier?.receivedAt?.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(await countJobs(dossier?.id ?? '')).toEqual([1]);

    // A later change is one guarded update.
    const forwarded = await captureDossierWrites(() =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${dossier?.code}/actions/forward`,
        headers: desk.headers,
        payload: { expectedVersion: 2, params: {} },
      }),
    );
    expect(forwarded).toEqual(['update "dossier" set']);
  });

  it('writes several first events (an online submission received by the system) in one insert, chained', async () => {
    const basis = await loadIntakeBasis(t.ctx, {
      receivingAgencyId: world.agencies.centre?.id ?? '',
      procedureCode: '1.001193',
      components,
    });
    const initial = await planInitialState(basis, 'online', applicant);
    const received = decideOrThrow({
      state: initial,
      action: 'receive',
      actor: { kind: 'system' },
      params: {},
      now: basis.now.getTime(),
      calendar: basis.calendar,
    });
    const event = {
      at: basis.now,
      actorUserId: null,
      agencyId: basis.agency.id,
      note: null,
      payload: {},
    };
    let code = '';
    const writes = await captureDossierWrites(async () => {
      const dossier = await t.ctx.db.transaction().execute((trx) =>
        createDossier(trx, {
          basis,
          channel: 'online',
          applicant,
          summary: 'Đăng ký khai sinh',
          components,
          history: [
            {
              state: initial,
              event: {
                ...event,
                actorKind: 'applicant',
                actorRole: 'applicant',
                action: 'submit',
                fromStatus: null,
                toStatus: 'new',
              },
            },
            {
              state: received.state,
              event: {
                ...event,
                actorKind: 'system',
                actorRole: 'system',
                action: 'receive',
                fromStatus: 'new',
                toStatus: 'received',
              },
            },
          ],
        }),
      );
      code = dossier.code;
    });
    expect(writes).toEqual(['insert into "dossier"']);
    const dossier = await findDossierByCode(t.ctx.db, code);
    expect(dossier).toMatchObject({ status: 'received', version: 3, eventCount: 2, channel: 'online' });
    const events = await listDossierEvents(t.ctx.db, dossier?.id ?? '');
    expect(events.map((e) => [e.seq, e.action, e.fromStatus, e.toStatus])).toEqual([
      [1, 'submit', null, 'new'],
      [2, 'receive', 'new', 'received'],
    ]);
    expect(dossier?.lastEventHash).toBe(events[1]?.hash);
    expect(await verifyAuditChains(t.ctx, { dossierCode: code })).toMatchObject({ events: 2, findings: [] });
    // One outbox job per event (each may notify the applicant), and the steps as the last state has them.
    expect(await countJobs(dossier?.id ?? '')).toEqual([1, 2]);
    const steps = await listDossierSteps(t.ctx.db, dossier?.id ?? '');
    expect(steps.map((s) => s.status)).toEqual(received.state.steps.map((s) => s.status));
  });
});
