import {
  insertProvinceHosts,
  insertProvinceSiteIfMissing,
  insertUser,
  insertUserRole,
  upsertPortalCategory,
} from '@motcua/db';
import { type OfficialRole, ROLE_DEFINITIONS } from '@motcua/domain';
import { strToU8, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedWorld, signIn, TEST_PASSWORD, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile, samplePdf } from '../usecases/portal/test-support.js';
import { forgetProvinceSites } from '../usecases/provinces/province-site.js';

// Two provinces with their own host names: Hà Nội (01, hanoi.localhost, the default site and the province whose
// news the public pages show) and Hưng Yên (33, hungyen.localhost). Images and attachments answer only on their
// own province's host.
const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let world: World;
const headers: Record<string, Record<string, string>> = {};
let categoryId = '';
const HANOI = 'hanoi.localhost';
const HUNGYEN = 'hungyen.localhost';

const PEOPLE: { username: string; agency: string; province: string; role: OfficialRole }[] = [
  { username: 'tacgia', agency: 'foreignDepartment', province: '01', role: 'portal_author' },
  { username: 'tacgiakhac', agency: 'foreignDepartment', province: '01', role: 'portal_author' },
  { username: 'bientap', agency: 'foreignProvince', province: '01', role: 'portal_editor' },
  { username: 'bientaphy', agency: 'justice', province: '33', role: 'portal_editor' },
];

const upload = (who: string, url: string, content: Buffer, fileName: string, type: string) => {
  const body = multipartFile(content, fileName, type);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers[who], ...body.headers },
    payload: body.payload,
  });
};
const publicGet = (url: string, host: string, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { host, ...extra } });
const step = (who: string, id: string, action: string, version: number, extra = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/portal-content/items/${id}/actions`,
    headers: headers[who],
    payload: { action, expectedVersion: version, ...extra },
  });

const photo = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: '#8e1515' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Máy ảnh' } })
    .toBuffer();

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const hash = await hashPassword(TEST_PASSWORD);
  for (const person of PEOPLE) {
    const inserted = await insertUser(t.database.db, {
      username: person.username,
      fullName: person.username,
      title: null,
      email: null,
      phone: null,
      passwordHash: hash,
      provinceCode: person.province,
      now: new Date(),
    });
    await insertUserRole(t.database.db, {
      userId: inserted?.id ?? '',
      agencyId: world.agencies[person.agency]?.id ?? '',
      role: person.role,
      includeSubagencies: ROLE_DEFINITIONS[person.role].defaultIncludeSubagencies,
      grantedBy: null,
    });
    headers[person.username] = (await signIn(t.app, person.username)).headers;
  }
  await insertProvinceSiteIfMissing(t.database.db, {
    provinceCode: '01',
    name: 'Hà Nội',
    placeName: 'Hà Nội',
    isDefault: true,
  });
  await insertProvinceSiteIfMissing(t.database.db, { provinceCode: '33', name: 'Hưng Yên', placeName: 'Hưng Yên' });
  await t.database.db.transaction().execute(async (trx) => {
    await insertProvinceHosts(trx, '01', [HANOI]);
    await insertProvinceHosts(trx, '33', [HUNGYEN]);
  });
  forgetProvinceSites();
  categoryId = (await upsertPortalCategory(t.database.db, { provinceCode: '01', slug: 'tin-cchc', name: 'Tin CCHC' }))
    .id;
});

afterAll(async () => {
  forgetProvinceSites();
  await t?.close();
});

describe('images of the portal news', () => {
  let sha256 = '';

  it('are uploaded as WebP variants, never wider than the original, with src and srcset', async () => {
    const response = await upload('tacgia', '/api/v1/portal-content/images', await photo(), 'anh.jpg', 'image/jpeg');
    expect(response.statusCode, response.body).toBe(201);
    const image = response.json();
    sha256 = image.sha256;
    expect(image).toMatchObject({ width: 1200, height: 800, src: `/api/v1/public/portal-images/${sha256}` });
    expect(image.variants.map((v: { width: number; height: number }) => [v.width, v.height])).toEqual([
      [480, 320],
      [960, 640],
      [1200, 800],
    ]);
    expect(image.srcset).toBe(
      [480, 960, 1200].map((w) => `/api/v1/public/portal-images/${sha256}/${w} ${w}w`).join(', '),
    );
  });

  it('refuses a file renamed as an image, and a caller without portal.write', async () => {
    const renamed = await upload('tacgia', '/api/v1/portal-content/images', samplePdf(), 'anh.jpg', 'image/jpeg');
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const official = (await signIn(t.app, 'chuyenvien')).headers;
    const body = multipartFile(await photo(), 'anh.jpg', 'image/jpeg');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal-content/images',
      headers: { ...official, ...body.headers },
      payload: body.payload,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('are served with their type, a long cache and an ETag (304 when it matches), without metadata', async () => {
    const response = await publicGet(`/api/v1/public/portal-images/${sha256}/480`, HANOI);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/webp');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(response.rawPayload).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(['webp', 480, undefined]);
    const etag = String(response.headers.etag);
    const again = await publicGet(`/api/v1/public/portal-images/${sha256}/480`, HANOI, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const largest = await publicGet(`/api/v1/public/portal-images/${sha256}`, HANOI);
    expect((await sharp(largest.rawPayload).metadata()).width).toBe(1200);
    expect((await publicGet(`/api/v1/public/portal-images/${sha256}/1600`, HANOI)).statusCode).toBe(404);
  });

  it('answer 404 on another province’s host', async () => {
    expect((await publicGet(`/api/v1/public/portal-images/${sha256}/480`, HUNGYEN)).statusCode).toBe(404);
    const other = await upload('bientaphy', '/api/v1/portal-content/images', await photo(), 'a.jpg', 'image/jpeg');
    expect(other.statusCode).toBe(201);
    // The same bytes uploaded in Hưng Yên are Hưng Yên's image too; a new image only there is not Hà Nội's.
    const onlyThere = await upload(
      'bientaphy',
      '/api/v1/portal-content/images',
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } })
        .png()
        .toBuffer(),
      'b.png',
      'image/png',
    );
    const thereSha = onlyThere.json().sha256;
    expect((await publicGet(`/api/v1/public/portal-images/${thereSha}/300`, HUNGYEN)).statusCode).toBe(200);
    expect((await publicGet(`/api/v1/public/portal-images/${thereSha}/300`, HANOI)).statusCode).toBe(404);
    expect((await publicGet(`/api/v1/public/portal-images/${thereSha}`, HANOI)).statusCode).toBe(404);
  });
});

describe('attachments of an article', () => {
  let id = '';
  let version = 0;
  const slug = 'lich-tiep-cong-dan-thang-12';
  const attachmentsUrl = () => `/api/v1/portal-content/items/${id}/attachments`;
  const docx = Buffer.from(
    zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
  );

  it('are attached by the author while the draft is hers, the same bytes answering the same attachment', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal-content/items',
      headers: headers.tacgia,
      payload: { kind: 'article', categoryId, title: 'Lịch tiếp công dân tháng 12', bodyHtml: '<p>Lịch kèm theo.</p>' },
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    version = created.json().version;
    const pdf = await upload(
      'tacgia',
      `${attachmentsUrl()}?title=Lịch tiếp công dân`,
      samplePdf('lich'),
      'lich.pdf',
      'application/pdf',
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({
      position: 1,
      title: 'Lịch tiếp công dân',
      fileName: 'lich.pdf',
      mediaType: 'application/pdf',
      typeLabel: 'PDF',
      publicPath: `/api/v1/public/portal-attachments/${id}/1`,
    });
    const again = await upload('tacgia', attachmentsUrl(), samplePdf('lich'), 'lich.pdf', 'application/pdf');
    expect(again.json().position).toBe(1);
    const word = await upload('tacgia', attachmentsUrl(), docx, 'mau-don', 'application/octet-stream');
    expect(word.json()).toMatchObject({ position: 2, fileName: 'mau-don.docx', typeLabel: 'Word (DOCX)' });
    const renamed = await upload(
      'tacgia',
      attachmentsUrl(),
      Buffer.from(zipSync({ 'a.txt': strToU8('x') })),
      'bang.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(renamed.statusCode).toBe(415);
    const item = (await t.app.inject({ url: `/api/v1/portal-content/items/${id}`, headers: headers.tacgia })).json();
    expect(item.attachments.map((a: { position: number }) => a.position)).toEqual([1, 2]);
  });

  it('are not another author’s to change, nor another province’s', async () => {
    expect((await upload('tacgiakhac', attachmentsUrl(), samplePdf('x'), 'x.pdf', 'application/pdf')).statusCode).toBe(
      404,
    );
    expect((await upload('bientaphy', attachmentsUrl(), samplePdf('x'), 'x.pdf', 'application/pdf')).statusCode).toBe(
      404,
    );
  });

  it('of a draft are read by its editors only through the console', async () => {
    const official = await t.app.inject({ url: `${attachmentsUrl()}/1`, headers: headers.bientap });
    expect(official.statusCode).toBe(200);
    expect(official.headers['content-type']).toBe('application/pdf');
    expect(official.headers['cache-control']).toBe('private, no-store');
    expect((await publicGet(`/api/v1/public/portal-attachments/${id}/1`, HANOI)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `${attachmentsUrl()}/1`, headers: headers.tacgiakhac })).statusCode).toBe(404);
  });

  it('are public once the article is published and its time has come, listed on its page', async () => {
    const submitted = await step('tacgia', id, 'submit', version);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const scheduled = await step('bientap', id, 'publish', submitted.json().version, {
      publishAt: '2026-12-08T08:00:00+07:00',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    version = scheduled.json().version;
    expect((await publicGet(`/api/v1/public/portal-attachments/${id}/1`, HANOI)).statusCode).toBe(404);
    // The author cannot change a published article's files; the editor can.
    expect((await upload('tacgia', attachmentsUrl(), samplePdf('y'), 'y.pdf', 'application/pdf')).statusCode).toBe(403);
    const unpublished = await step('bientap', id, 'unpublish', version);
    const now = await step('bientap', id, 'publish', unpublished.json().version);
    expect(now.statusCode, now.body).toBe(200);
    const file = await publicGet(`/api/v1/public/portal-attachments/${id}/1`, HANOI);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toContain('lich.pdf');
    expect(file.rawPayload.equals(samplePdf('lich'))).toBe(true);
    expect((await publicGet(`/api/v1/public/portal-attachments/${id}/1`, HUNGYEN)).statusCode).toBe(404);
    const page = await publicGet(`/tin-tuc/${slug}`, HANOI, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tệp đính kèm');
    expect(page.body).toContain(`href="/api/v1/public/portal-attachments/${id}/1" download>Lịch tiếp công dân</a>`);
    expect(page.body).toContain('(PDF, 1 KB)');
    expect(page.body).toContain('mau-don.docx</a> <span class="meta">(Word (DOCX), 1 KB)');
  });

  it('are removed idempotently; the position is not reused', async () => {
    const removed = await t.app.inject({ method: 'DELETE', url: `${attachmentsUrl()}/1`, headers: headers.bientap });
    expect(removed.statusCode).toBe(204);
    const twice = await t.app.inject({ method: 'DELETE', url: `${attachmentsUrl()}/1`, headers: headers.bientap });
    expect(twice.statusCode).toBe(204);
    expect((await publicGet(`/api/v1/public/portal-attachments/${id}/1`, HANOI)).statusCode).toBe(404);
    const back = await upload('bientap', attachmentsUrl(), samplePdf('lich'), 'lich.pdf', 'application/pdf');
    expect(back.json().position).toBe(3);
    const page = await publicGet(`/tin-tuc/${slug}`, HANOI, { accept: 'text/html' });
    expect(page.body).toContain(`/api/v1/public/portal-attachments/${id}/3`);
    expect(page.body).not.toContain(`/api/v1/public/portal-attachments/${id}/1"`);
  });
});
