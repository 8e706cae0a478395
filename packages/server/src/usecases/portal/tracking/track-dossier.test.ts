import { findDossierByCode } from '@motcua/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTrackingPin, getInstallationSecret } from '../../../auth/installation-secret.js';
import type { AppContext } from '../../../context.js';
import { seedProcedure, seedWorld, signIn, type World } from '../../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../../testing/test-app.js';
import { findRequestSite } from '../../provinces/province-site.js';
import { describeNextStep, describeProgress } from '../citizen-dossier.js';
import { trackDossier } from './track-dossier.js';

let t: TestApp;
let world: World;
// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  // The installation secret is read once per process, not per lookup.
  await getInstallationSecret(t.ctx);
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

/** Every SQL statement sent while `run` runs (on PGlite and PostgreSQL alike: both go through pg.Client). */
const captureStatements = async (run: () => Promise<unknown>): Promise<string[]> => {
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (text) {
      statements.push(text.trim());
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

const WRITE = /^(insert|update|delete|begin|commit)\b/i;

/** A dossier received at the counter with a supplement request (steps, history and a next step with details). */
const receiveWithSupplement = async (): Promise<string> => {
  const desk = await signIn(t.app, 'motcua');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk.headers,
    payload: {
      receivingAgencyId: world.agencies.centre?.id,
      procedureCode: '1.001193',
      channel: 'direct',
      applicant,
      components: [{ key: 'to-khai', originals: 1, copies: 0 }],
      outcome: 'supplement',
      missing: ['Giấy chứng sinh'],
      reason: 'Thiếu bản chính giấy chứng sinh',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().code;
};

describe('public tracking', () => {
  it('answers a lookup with ONE statement and writes nothing', async () => {
    const code = await receiveWithSupplement();
    // The request's province comes from its host name, read once and kept in the process (province-site.ts):
    // read here first, as any earlier request of the process would have.
    await findRequestSite(t.ctx, 'localhost:80');
    let answer: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    const statements = await captureStatements(async () => {
      answer = await t.app.inject({ url: `/api/v1/public/dossiers/${code}?factor=1234` });
    });
    expect(answer?.statusCode, answer?.body).toBe(200);
    expect(statements).toHaveLength(1);
    expect(statements.filter((s) => WRITE.test(s))).toEqual([]);

    // The one statement answers what the per-part reads answered.
    const dossier = await findDossierByCode(t.ctx.db, code);
    if (!dossier) {
      throw new Error(code);
    }
    const record = { ...dossier, citizenId: null };
    expect(answer?.json()).toEqual({
      ...(await describeProgress(t.ctx, record)),
      receivingAgency: { code: '000.00.10.H31', name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên' },
      nextStep: await describeNextStep(t.ctx, record),
    });
    expect(answer?.json().nextStep).toMatchObject({ step: 'supplement', missing: ['Giấy chứng sinh'] });
    expect(answer?.json().history.length).toBeGreaterThan(0);

    // The PIN of the receipt: the same single statement.
    const pin = deriveTrackingPin(await getInstallationSecret(t.ctx), code);
    const byPin = await captureStatements(() => t.app.inject({ url: `/api/v1/public/dossiers/${code}?factor=${pin}` }));
    expect(byPin).toHaveLength(1);
  });

  it('counts a failure in one more statement; a locked key costs no statement in this process', async () => {
    const guessed = '000.00.10.H31-261123-0555';
    const address = '198.51.100.9';
    for (let i = 0; i < 10; i += 1) {
      const statements = await captureStatements(async () => {
        const miss = await t.app.inject({
          url: `/api/v1/public/dossiers/${guessed}?factor=${String(2000 + i)}`,
          remoteAddress: address,
        });
        expect(miss.statusCode).toBe(404);
        expect(miss.json().code).toBe('TRACKING_NOT_FOUND');
      });
      expect(statements).toHaveLength(2);
      expect(statements.filter((s) => WRITE.test(s)).map((s) => s.slice(0, 31))).toEqual([
        'insert into "login_throttle" ("',
      ]);
    }
    let locked: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    const statements = await captureStatements(async () => {
      locked = await t.app.inject({ url: `/api/v1/public/dossiers/${guessed}?factor=1234`, remoteAddress: address });
    });
    expect(locked?.statusCode).toBe(429);
    expect(locked?.json().code).toBe('RATE_LIMITED');
    expect(Number(locked?.headers['retry-after'])).toBe(15 * 60);
    expect(statements).toEqual([]);
  });

  it('holds the limits across API processes: another process is refused by the shared counters', async () => {
    const guessed = '000.00.10.H31-261123-0556';
    for (let i = 0; i < 10; i += 1) {
      await expect(
        trackDossier(t.ctx, { code: guessed, factor: String(3000 + i), clientAddress: '192.0.2.1' }),
      ).rejects.toMatchObject({ code: 'TRACKING_NOT_FOUND' });
    }
    // A second process: the same database, its own memory (the lock cache is per database handle).
    const other: AppContext = { ...t.ctx, database: { ...t.ctx.database } };
    await getInstallationSecret(other);
    clock.set('2026-11-23T09:05:00+07:00');
    try {
      let refusal: unknown;
      const statements = await captureStatements(async () => {
        refusal = await trackDossier(other, { code: guessed, factor: '1234', clientAddress: '192.0.2.2' }).catch(
          (error: unknown) => error,
        );
      });
      expect(refusal).toMatchObject({ code: 'RATE_LIMITED' });
      expect(statements).toHaveLength(1);
      expect(statements.filter((s) => WRITE.test(s))).toEqual([]);
      // Now it remembers the lock too.
      const again = await captureStatements(() =>
        trackDossier(other, { code: guessed, factor: '1234', clientAddress: '192.0.2.3' }).catch(() => undefined),
      );
      expect(again).toEqual([]);
    } finally {
      clock.set('2026-11-23T09:00:00+07:00');
    }
  });
});
