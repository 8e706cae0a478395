import { closeAgency, countPendingStatisticsDeltas, findDossierByCode, foldStatisticsDeltas } from '@motcua/db';
import { setDossierCodeCounter } from '@motcua/db/testing';
import { formatDossierCode } from '@motcua/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, type World } from '../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.js';

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

/** Every SQL statement `run` sends to the database, shortened to its first words. */
const captureStatements = async (run: () => Promise<unknown>): Promise<string[]> => {
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (text) {
      statements.push(text.trim().replace(/\s+/g, ' ').toLowerCase().split(' ').slice(0, 4).join(' '));
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

const intake = async (headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers,
    payload: {
      receivingAgencyId: world.agencies.centre?.id,
      procedureCode: '1.001193',
      channel: 'direct',
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Thị Ánh Tuyết',
        idNumber: '033190001234',
        dateOfBirth: '1990-05-20',
        address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến', communeCode: '11953' },
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    },
  });

const SESSION = 'select "user_session"."user_id", "user_session"."csrf_token", "user_session"."last_seen_at",';

describe('counter intake: statements on the request path', () => {
  it('takes two statements once the reference data is cached: the session, then the one write, outside a transaction', async () => {
    const desk = await signIn(t.app, 'motcua');
    expect((await intake(desk.headers)).statusCode).toBe(201);
    let response: Awaited<ReturnType<typeof intake>> | undefined;
    const statements = await captureStatements(async () => {
      response = await intake(desk.headers);
    });
    expect(response?.statusCode, response?.body).toBe(201);
    expect(statements).toEqual([
      // the session and its official, their grants revision and the reference revision: the grants, agency,
      // lineage, calendar, procedure version and step agencies come from the caches
      SESSION,
      // counter, code, dossier, event, steps, statistics delta and outbox jobs in one statement, atomic by
      // itself: the agency's code counter row is locked only while it runs (no BEGIN, no COMMIT round trip)
      'with "seq" as (insert',
    ]);
  });

  it('adds only the key claim and the stored answer for an Idempotency-Key', async () => {
    const desk = await signIn(t.app, 'motcua');
    const headers = { ...desk.headers, 'idempotency-key': 'intake-statements-1' };
    const statements = await captureStatements(() => intake(headers));
    expect(statements).toEqual([
      SESSION,
      'begin',
      'insert into "idempotency_key" ("scope",',
      'with "seq" as (insert',
      'update "idempotency_key" set "status_code"',
      'commit',
    ]);
    const replay = await captureStatements(() => intake(headers));
    expect(replay.filter((s) => s.startsWith('with "seq"'))).toEqual([]);
  });
});

describe('counter intake: the code', () => {
  it('numbers concurrent intakes at one desk without a gap or a repeat', async () => {
    const desk = await signIn(t.app, 'motcua');
    const answers = await Promise.all(Array.from({ length: 8 }, () => intake(desk.headers)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    const numbers = answers.map((a) => Number(String(a.json().code).split('-')[2])).sort((a, b) => a - b);
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => first + i));
  });

  it('widens the number of the 10,000th dossier of a day exactly as formatDossierCode does', async () => {
    const desk = await signIn(t.app, 'motcua');
    const centre = world.agencies.centre;
    await setDossierCodeCounter(t.database.db, { agencyId: centre?.id ?? '', day: '2026-11-23', lastSeq: 9998 });
    const codes = [(await intake(desk.headers)).json().code, (await intake(desk.headers)).json().code];
    expect(codes).toEqual([
      formatDossierCode(centre?.code ?? '', '2026-11-23', 9999),
      formatDossierCode(centre?.code ?? '', '2026-11-23', 10000),
    ]);
  });
});

describe('counter intake: statistics deltas', () => {
  it('appends a delta instead of touching the aggregates, folded exactly once', async () => {
    await foldStatisticsDeltas(t.database.db);
    const desk = await signIn(t.app, 'motcua');
    const response = await intake(desk.headers);
    expect(response.statusCode).toBe(201);
    expect(await countPendingStatisticsDeltas(t.database.db)).toBe(1);
    const [first, second] = await Promise.all([
      foldStatisticsDeltas(t.database.db),
      foldStatisticsDeltas(t.database.db),
    ]);
    expect((first ?? 0) + (second ?? 0)).toBe(1);
    expect(await countPendingStatisticsDeltas(t.database.db)).toBe(0);
    expect(await findDossierByCode(t.database.db, response.json().code)).toMatchObject({ status: 'received' });
  });
});

describe('counter intake: cached reference data', () => {
  it('sees a change committed after the cache was filled (the revision moved)', async () => {
    const desk = await signIn(t.app, 'motcua');
    expect((await intake(desk.headers)).statusCode).toBe(201);
    const centre = world.agencies.centre;
    const closed = await closeAgency(t.database.db, {
      id: centre?.id ?? '',
      expectedVersion: centre?.version ?? 1,
      lastDay: '2026-11-22',
    });
    expect(closed?.validTo).toBe('2026-11-22');
    const refused = await intake(desk.headers);
    expect(refused.json().code).toBe('AGENCY_CLOSED');
  });
});
