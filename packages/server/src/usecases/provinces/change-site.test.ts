import {
  findProvinceSiteForHost,
  insertProvinceSiteIfMissing,
  listProvinceHostNames,
  listProvinceSiteEvents,
} from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import { changeProvinceSite, computeProvinceSiteEventHash } from './change-site.js';

describe('changeProvinceSite', () => {
  let database: TestDatabase;
  const at = new Date('2026-12-07T02:00:00.000Z');
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertProvinceSiteIfMissing(database.db, {
      provinceCode: '33',
      name: 'Tỉnh Hưng Yên',
      placeName: 'Hưng Yên',
      isDefault: true,
    });
    await insertProvinceSiteIfMissing(database.db, { provinceCode: '46', name: 'Thành phố Huế', placeName: 'Huế' });
  });
  afterAll(async () => {
    await database?.close();
  });

  const change = (input: Parameters<typeof changeProvinceSite>[1]) =>
    database.db.transaction().execute((trx) => changeProvinceSite(trx, input));

  it('writes host names and branding, chains every event and resolves hosts to their province', async () => {
    await change({
      provinceCode: '46',
      expectedVersion: 1,
      at,
      actorUserId: null,
      action: 'created',
      addHosts: ['dichvucong.hue.gov.vn', 'hue.localhost'],
    });
    const site = await change({
      provinceCode: '46',
      expectedVersion: 2,
      at,
      actorUserId: null,
      action: 'branding_changed',
      patch: { colourPrimary: '#1d4e89', portalName: 'Cổng Dịch vụ công Huế' },
    });
    expect(site).toMatchObject({ version: 3, colourPrimary: '#1d4e89', portalName: 'Cổng Dịch vụ công Huế' });
    expect(await listProvinceHostNames(database.db, '46')).toEqual(['dichvucong.hue.gov.vn', 'hue.localhost']);

    expect(await findProvinceSiteForHost(database.db, 'hue.localhost')).toMatchObject({
      provinceCode: '46',
      matchedHost: true,
    });
    // A host nobody owns is the default site's.
    expect(await findProvinceSiteForHost(database.db, 'localhost')).toMatchObject({
      provinceCode: '33',
      matchedHost: false,
    });

    const events = await listProvinceSiteEvents(database.db, '46');
    expect(events.map((event) => [event.seq, event.action])).toEqual([
      [1, 'created'],
      [2, 'branding_changed'],
    ]);
    let previous: string | null = null;
    for (const event of events) {
      expect(event.prevHash).toBe(previous);
      const { prevHash: _p, hash, ...content } = event;
      expect(hash).toBe(computeProvinceSiteEventHash(previous, { ...content, action: content.action as 'created' }));
      previous = hash;
    }
  });

  it('refuses a stale version and a host name another province holds, writing nothing', async () => {
    await expect(
      change({ provinceCode: '46', expectedVersion: 1, at, actorUserId: null, action: 'branding_changed' }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const taken = await change({
      provinceCode: '33',
      expectedVersion: 1,
      at,
      actorUserId: null,
      action: 'hosts_changed',
      addHosts: ['dichvucong.hungyen.gov.vn', 'hue.localhost'],
    }).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(AppError);
    expect(taken).toMatchObject({ code: 'HOST_NAME_TAKEN' });
    expect(await listProvinceHostNames(database.db, '33')).toEqual([]);
    expect(await listProvinceSiteEvents(database.db, '33')).toEqual([]);
  });

  it('moves the default flag to one site only', async () => {
    await change({
      provinceCode: '46',
      expectedVersion: 3,
      at,
      actorUserId: null,
      action: 'default_changed',
      patch: { isDefault: true },
    });
    expect(await findProvinceSiteForHost(database.db, 'localhost')).toMatchObject({ provinceCode: '46' });
    const defaults = await database.db
      .selectFrom('provinceSite')
      .select('provinceCode')
      .where('isDefault', '=', true)
      .execute();
    expect(defaults).toEqual([{ provinceCode: '46' }]);
  });
});
