import { insertUserRole } from '@motcua/db';
import { PAKN_DEFAULT_TIME_LIMITS } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// The province's PAKN time limits (Decree 20/2008 as amended: 5 working days to classify, 10 to answer),
// changed by the province administrator on the settings screen: version-guarded, reset to the legal
// default, and used by the deadlines of the PAKN registered afterwards. Monday 23/11/2026, 09:00.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await insertUserRole(t.database.db, {
    userId: world.users.tiepnhan?.id ?? '',
    agencyId: world.agencies.justice?.id ?? '',
    role: 'pakn_officer',
    includeSubagencies: false,
    grantedBy: null,
  });
});

afterAll(async () => {
  await t?.close();
});

const as = async (who: string) => (await signIn(t.app, who)).headers;

const put = async (who: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: '/api/v1/pakn/settings', headers: await as(who), payload: body });

describe('PAKN deadline settings', () => {
  it('shows the legal defaults until the province sets its own', async () => {
    const response = await t.app.inject({ url: '/api/v1/pakn/settings?province=33', headers: await as('qttinh') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      provinceCode: '33',
      limits: PAKN_DEFAULT_TIME_LIMITS,
      defaults: { classifyWorkingDays: 5, answerWorkingDays: { conduct: 10, own_competence: 10, not_competent: 10 } },
      limitsSource: 'default',
      version: 0,
    });
  });

  it('saves new limits at the version read, refuses a stale version and a limit out of range', async () => {
    const current = (
      await t.app.inject({ url: '/api/v1/pakn/settings?province=33', headers: await as('qttinh') })
    ).json();
    const limits = { classifyWorkingDays: 3, answerWorkingDays: { conduct: 7, own_competence: 15, not_competent: 10 } };
    const saved = await put('qttinh', {
      provinceCode: '33',
      timeLimits: limits,
      portalAgencyId: current.portalAgencyId,
      expectedVersion: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ limits, limitsSource: 'province', version: 1 });

    const stale = await put('qttinh', {
      provinceCode: '33',
      timeLimits: PAKN_DEFAULT_TIME_LIMITS,
      portalAgencyId: current.portalAgencyId,
      expectedVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const zero = await put('qttinh', {
      provinceCode: '33',
      timeLimits: { ...limits, classifyWorkingDays: 0 },
      portalAgencyId: null,
      expectedVersion: 1,
    });
    expect(zero.statusCode).toBe(400);

    // Another province's administrator cannot change this one's.
    const foreign = await put('hanoi', {
      provinceCode: '33',
      timeLimits: limits,
      portalAgencyId: null,
      expectedVersion: 1,
    });
    expect([403, 404]).toContain(foreign.statusCode);
  });

  it('computes the deadlines of a PAKN registered afterwards with the province’s limit', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pakn',
      headers: await as('tiepnhan'),
      payload: {
        kind: 'phan_anh',
        topic: 'regulation',
        regulation: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
        content: 'Thành phần hồ sơ yêu cầu bản sao chứng thực giấy tờ đã có trong cơ sở dữ liệu.',
        sender: { name: 'Trần Thị Phản Ánh', address: 'Phường Phố Hiến, tỉnh Hưng Yên', phone: '0912345678' },
        agencyId: world.agencies.justice?.id,
        channel: 'counter',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const detail = (
      await t.app.inject({ url: `/api/v1/pakn/${created.json().code}`, headers: await as('tiepnhan') })
    ).json();
    // Monday 09:00 + 3 working days → Thursday 26/11 09:00 (the legal 5 would give Monday 30/11).
    expect(detail.classifyDueAt).toBe('2026-11-26T09:00:00+07:00');
  });

  it('resets to the legal defaults', async () => {
    const reset = await put('qttinh', {
      provinceCode: '33',
      timeLimits: PAKN_DEFAULT_TIME_LIMITS,
      portalAgencyId: null,
      expectedVersion: 1,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ limits: PAKN_DEFAULT_TIME_LIMITS, version: 2 });
  });
});
