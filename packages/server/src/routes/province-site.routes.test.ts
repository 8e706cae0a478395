import { insertProvinceSiteIfMissing, listProvinceSiteEvents } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile } from '../usecases/portal/test-support.js';
import { changeProvinceSite } from '../usecases/provinces/change-site.js';

// Hưng Yên (33) is the install's default site; Hà Nội (01) answers on hanoi.localhost. qttinh administers 33,
// chuyenvien processes dossiers there, hanoi administers 01.
let t: TestApp;
const headers: Record<string, Record<string, string>> = {};
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.alloc(8),
]);

const branding = (extra: Record<string, unknown> = {}) => ({
  name: 'Tỉnh Hưng Yên',
  portalName: 'Cổng Dịch vụ công',
  placeName: 'Hưng Yên',
  colourPrimary: '#1D4E89',
  colourAccent: '#d4a017',
  contactPhone: '0221 3868 686',
  contactAddress: 'Số 1 Nguyễn Văn Linh, phường Phố Hiến, tỉnh Hưng Yên',
  ...extra,
});
const put = (who: string, payload: object, query = '') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/province-site${query}`, headers: headers[who], payload });
const upload = (who: string, content: Buffer, fileName: string, type: string, version: number, query = '') => {
  const file = multipartFile(content, fileName, type);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/province-site/emblem?expectedVersion=${version}${query}`,
    headers: { ...headers[who], ...file.headers },
    payload: file.payload,
  });
};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T09:00:00+07:00') });
  await seedWorld(t);
  await insertProvinceSiteIfMissing(t.database.db, {
    provinceCode: '33',
    name: 'Tỉnh Hưng Yên',
    placeName: 'Hưng Yên',
    isDefault: true,
  });
  await insertProvinceSiteIfMissing(t.database.db, {
    provinceCode: '01',
    name: 'Thành phố Hà Nội',
    placeName: 'Hà Nội',
  });
  await t.database.db.transaction().execute((trx) =>
    changeProvinceSite(trx, {
      provinceCode: '01',
      expectedVersion: 1,
      at: new Date(),
      actorUserId: null,
      action: 'hosts_changed',
      addHosts: ['hanoi.localhost'],
    }),
  );
  for (const who of ['qttinh', 'chuyenvien', 'hanoi']) {
    headers[who] = (await signIn(t.app, who)).headers;
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the province site in the console', () => {
  it('every official of the province reads it; only its administrator may edit', async () => {
    const mine = await t.app.inject({ url: '/api/v1/province-site', headers: headers.chuyenvien });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ provinceCode: '33', name: 'Tỉnh Hưng Yên', version: 1, mayEdit: false });
    const admin = await t.app.inject({ url: '/api/v1/province-site?province=33', headers: headers.qttinh });
    expect(admin.json()).toMatchObject({ mayEdit: true, emblemUrl: null, colourPrimary: '#a61d24' });
    // Another province's administrator reads their own, never Hưng Yên's.
    expect((await t.app.inject({ url: '/api/v1/province-site', headers: headers.hanoi })).json()).toMatchObject({
      provinceCode: '01',
    });
    const foreign = await t.app.inject({ url: '/api/v1/province-site?province=33', headers: headers.hanoi });
    expect(foreign.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/province-site' })).statusCode).toBe(401);
  });

  it('refuses the write of an official who is not the administrator, and of another province', async () => {
    expect((await put('chuyenvien', branding({ expectedVersion: 1 }))).statusCode).toBe(403);
    expect((await put('hanoi', branding({ expectedVersion: 1 }), '?province=33')).statusCode).toBe(403);
  });

  it('refuses a primary colour white text cannot be read on (WCAG AA), in both languages', async () => {
    const refused = await put('qttinh', branding({ colourPrimary: '#f5c518', expectedVersion: 1 }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'COLOUR_CONTRAST_TOO_LOW' });
    expect(refused.json().detail).toContain('#f5c518');
    const english = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/province-site',
      headers: { ...headers.qttinh, 'accept-language': 'en' },
      payload: branding({ colourPrimary: '#fff', expectedVersion: 1 }),
    });
    expect(english.json().title).toBe('Primary colour too light');
    expect((await put('qttinh', branding({ colourPrimary: 'red', expectedVersion: 1 }))).statusCode).toBe(400);
  });

  it('writes the branding with a hash-chained event, then refuses a stale version', async () => {
    const saved = await put('qttinh', branding({ expectedVersion: 1 }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ colourPrimary: '#1d4e89', contactPhone: '0221 3868 686', version: 2 });
    const events = await listProvinceSiteEvents(t.database.db, '33');
    expect(events.map((event) => event.action)).toEqual(['branding_changed']);
    expect(Object.keys((events[0]?.payload as { changed?: object } | undefined)?.changed ?? {}).sort()).toEqual([
      'colourPrimary',
      'contactAddress',
      'contactPhone',
    ]);
    const stale = await put('qttinh', branding({ colourPrimary: '#0b5cad', expectedVersion: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    // The same values again write nothing.
    expect((await put('qttinh', branding({ expectedVersion: 2 }))).json()).toMatchObject({ version: 2 });
  });
});

describe('the emblem', () => {
  it('reads the type from the bytes: a text file named .png is refused, a PNG is stored', async () => {
    const renamed = await upload(
      'qttinh',
      Buffer.from('<svg onload="alert(1)"></svg>'),
      'quoc-huy.png',
      'image/png',
      2,
    );
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({ code: 'UPLOAD_TYPE_NOT_ALLOWED' });
    const tooLarge = await upload('qttinh', Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'lon.png', 'image/png', 2);
    expect(tooLarge.statusCode).toBe(413);
    expect((await upload('chuyenvien', PNG, 'quoc-huy.png', 'image/png', 2)).statusCode).toBe(403);

    const stored = await upload('qttinh', PNG, 'anh-bieu-trung.txt', 'text/plain', 2);
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({ version: 3, emblemMediaType: 'image/png' });
    expect(stored.json().emblemUrl).toMatch(/^\/api\/v1\/province-site\/emblem\?province=33&v=[0-9a-f]{16}$/);
    const events = await listProvinceSiteEvents(t.database.db, '33');
    expect(events.at(-1)).toMatchObject({ action: 'emblem_changed', payload: { fileName: 'anh-bieu-trung.txt' } });

    const official = await t.app.inject({ url: stored.json().emblemUrl, headers: headers.chuyenvien });
    expect(official.statusCode).toBe(200);
    expect(official.rawPayload.equals(PNG)).toBe(true);
  });

  it('serves the emblem of the request’s host publicly, with its SHA-256 as ETag and 304 on a match', async () => {
    const first = await t.app.inject({ url: '/api/v1/public/site/emblem?v=abc', headers: { host: 'localhost:3000' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.headers['cache-control']).toContain('immutable');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await t.app.inject({
      url: '/api/v1/public/site/emblem?v=other',
      headers: { host: 'localhost:3000', 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);

    // Hà Nội's host: no emblem yet (404), then its own WebP.
    const none = await t.app.inject({ url: '/api/v1/public/site/emblem', headers: { host: 'hanoi.localhost' } });
    expect(none.statusCode).toBe(404);
    expect((await upload('hanoi', WEBP, 'logo.webp', 'image/webp', 2)).statusCode).toBe(200);
    const hanoi = await t.app.inject({ url: '/api/v1/public/site/emblem', headers: { host: 'hanoi.localhost' } });
    expect(hanoi.headers['content-type']).toBe('image/webp');
    expect(hanoi.headers.etag).not.toBe(etag);
  });

  it('removes the emblem, version-guarded', async () => {
    const url = '/api/v1/province-site/emblem?expectedVersion=';
    expect((await t.app.inject({ method: 'DELETE', url: `${url}2`, headers: headers.qttinh })).statusCode).toBe(409);
    const removed = await t.app.inject({ method: 'DELETE', url: `${url}3`, headers: headers.qttinh });
    expect(removed.json()).toMatchObject({ version: 4, emblemUrl: null });
    const gone = await t.app.inject({ url: '/api/v1/public/site/emblem', headers: { host: 'localhost' } });
    expect(gone.statusCode).toBe(404);
  });
});
