import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { loadIncomingSettings } from '../usecases/eoffice/incoming/incoming-settings.js';

const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let provinceAdmin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedWorld(t);
  provinceAdmin = (await signIn(t.app, 'qttinh')).headers;
});

afterAll(async () => {
  await t?.close();
});

const URL = '/api/v1/incoming-document-settings';
const put = (headers: Record<string, string>, body: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: URL, headers, payload: { provinceCode: '33', ...body } });

describe('settings of incoming documents (app_setting eoffice.incoming.<province>)', () => {
  it('shows the documented defaults until the province sets its own', async () => {
    const response = await t.app.inject({ url: `${URL}?province=33`, headers: provinceAdmin });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      provinceCode: '33',
      settings: { defaultHandlingWorkingDays: 10, urgentWorkingMinutes: 120 },
      defaults: { defaultHandlingWorkingDays: 10, urgentWorkingMinutes: 120 },
      source: { defaultHandlingWorkingDays: 'default', urgentWorkingMinutes: 'default' },
      ranges: { defaultHandlingWorkingDays: { min: 1, max: 365 }, urgentWorkingMinutes: { min: 1, max: 1440 } },
      version: 0,
      updatedAt: null,
    });
  });

  it('refuses values out of range (400) and other people (403)', async () => {
    const tooLong = await put(provinceAdmin, {
      settings: { defaultHandlingWorkingDays: 366, urgentWorkingMinutes: 120 },
      expectedVersion: 0,
    });
    expect(tooLong.statusCode).toBe(400);
    const zero = await put(provinceAdmin, {
      settings: { defaultHandlingWorkingDays: 10, urgentWorkingMinutes: 0 },
      expectedVersion: 0,
    });
    expect(zero.statusCode).toBe(400);
    const agencyAdmin = await put((await signIn(t.app, 'qtdonvi')).headers, {
      settings: { defaultHandlingWorkingDays: 5, urgentWorkingMinutes: 60 },
      expectedVersion: 0,
    });
    expect(agencyAdmin.statusCode).toBe(403);
    const otherProvince = await t.app.inject({
      url: `${URL}?province=33`,
      headers: (await signIn(t.app, 'hanoi')).headers,
    });
    expect(otherProvince.statusCode).toBe(403);
  });

  it('saves at the version read, refuses a stale write (409), resets to the defaults', async () => {
    const saved = await put(provinceAdmin, {
      settings: { defaultHandlingWorkingDays: 7, urgentWorkingMinutes: 60 },
      expectedVersion: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      settings: { defaultHandlingWorkingDays: 7, urgentWorkingMinutes: 60 },
      source: { defaultHandlingWorkingDays: 'province', urgentWorkingMinutes: 'province' },
      version: 1,
      updatedAt: '2026-12-07T09:00:00+07:00',
    });
    expect(await loadIncomingSettings(t.ctx, '33')).toEqual({
      defaultHandlingWorkingDays: 7,
      urgentWorkingMinutes: 60,
    });
    // Another province keeps the defaults.
    expect(await loadIncomingSettings(t.ctx, '26')).toEqual({
      defaultHandlingWorkingDays: 10,
      urgentWorkingMinutes: 120,
    });

    const stale = await put(provinceAdmin, {
      settings: { defaultHandlingWorkingDays: 8, urgentWorkingMinutes: 60 },
      expectedVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const reset = await put(provinceAdmin, {
      settings: { defaultHandlingWorkingDays: 10, urgentWorkingMinutes: 120 },
      expectedVersion: 1,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().version).toBe(2);
    expect(await loadIncomingSettings(t.ctx, '33')).toEqual({
      defaultHandlingWorkingDays: 10,
      urgentWorkingMinutes: 120,
    });
  });
});
