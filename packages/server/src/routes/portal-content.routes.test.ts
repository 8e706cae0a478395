import { insertUser, insertUserRole, upsertPortalCategory } from '@motcua/db';
import { type OfficialRole, ROLE_DEFINITIONS } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedWorld, signIn, TEST_PASSWORD, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// The portal serves the first province of the install: Hà Nội (01) in the test world; Thừa Thiên Huế (33) is
// the other province, whose editor must see nothing of it.
const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let world: World;
const users: Record<string, string> = {};
const headers: Record<string, Record<string, string>> = {};
let categoryId = '';
const IMAGE = `/api/v1/public/portal-images/${'b'.repeat(64)}`;

const PEOPLE: { username: string; fullName: string; agency: string; province: string; role: OfficialRole }[] = [
  {
    username: 'tacgia1',
    fullName: 'Lê Thị Tác Giả',
    agency: 'foreignDepartment',
    province: '01',
    role: 'portal_author',
  },
  { username: 'tacgia2', fullName: 'Đỗ Văn Viết', agency: 'foreignDepartment', province: '01', role: 'portal_author' },
  {
    username: 'bientap',
    fullName: 'Vũ Thị Biên Tập',
    agency: 'foreignProvince',
    province: '01',
    role: 'portal_editor',
  },
  { username: 'bientaphue', fullName: 'Ngô Văn Huế', agency: 'justice', province: '33', role: 'portal_editor' },
];

const post = (who: string, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: headers[who], payload: payload as Record<string, unknown> });
const get = (who: string | undefined, url: string) =>
  t.app.inject({ method: 'GET', url, headers: who ? headers[who] : { accept: 'text/html' } });
const step = (who: string, id: string, action: string, version: number, extra = {}) =>
  post(who, `/api/v1/portal-content/items/${id}/actions`, { action, expectedVersion: version, ...extra });

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const hash = await hashPassword(TEST_PASSWORD);
  for (const person of PEOPLE) {
    const inserted = await insertUser(t.database.db, {
      username: person.username,
      fullName: person.fullName,
      title: null,
      email: null,
      phone: null,
      passwordHash: hash,
      provinceCode: person.province,
      now: new Date(),
    });
    users[person.username] = inserted?.id ?? '';
    await insertUserRole(t.database.db, {
      userId: inserted?.id ?? '',
      agencyId: world.agencies[person.agency]?.id ?? '',
      role: person.role,
      includeSubagencies: ROLE_DEFINITIONS[person.role].defaultIncludeSubagencies,
      grantedBy: null,
    });
    headers[person.username] = (await signIn(t.app, person.username)).headers;
  }
  categoryId = (await upsertPortalCategory(t.database.db, { provinceCode: '01', slug: 'tin-cchc', name: 'Tin CCHC' }))
    .id;
  await upsertPortalCategory(t.database.db, { provinceCode: '33', slug: 'tin-cchc', name: 'Tin CCHC Huế' });
});

afterAll(async () => {
  await t?.close();
});

describe('an article from draft to scheduled publication', () => {
  let id = '';
  let version = 0;
  const slug = 'tiep-nhan-ho-so-truc-tuyen-toan-trinh';

  it('is drafted by an author with its body sanitised and kept as version 1', async () => {
    const created = await post('tacgia1', '/api/v1/portal-content/items', {
      kind: 'article',
      categoryId,
      title: 'Tiếp nhận hồ sơ trực tuyến toàn trình',
      summary: 'Bộ phận Một cửa hướng dẫn nộp hồ sơ qua Cổng dịch vụ công.',
      bodyHtml: `<p onclick="alert(1)">Người dân <strong>nộp hồ sơ</strong> tại nhà.</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="${IMAGE}/960" srcset="${IMAGE}/480 480w, ${IMAGE}/960 960w" alt="Quầy một cửa">`,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', version: 1, slug });
    id = created.json().id;
    const item = (await get('tacgia1', `/api/v1/portal-content/items/${id}`)).json();
    expect(item.bodyHtml).toBe(
      `<p>Người dân <strong>nộp hồ sơ</strong> tại nhà.</p><a rel="noopener noreferrer">x</a><img src="${IMAGE}/960" alt="Quầy một cửa" srcset="${IMAGE}/480 480w, ${IMAGE}/960 960w" sizes="(max-width: 720px) 100vw, 720px" loading="lazy" />`,
    );
    expect(item.actions.map((a: { action: string }) => a.action)).toEqual(['edit', 'submit', 'restore']);
    expect(item.versions).toHaveLength(1);
    version = item.version;
  });

  it('refuses images without alt text', async () => {
    const response = await step('tacgia1', id, 'edit', version, {
      fields: { title: 'Ảnh thiếu mô tả', bodyHtml: `<img src="${IMAGE}">`, categoryId },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PORTAL_IMAGE_ALT_REQUIRED');
  });

  it('is hidden from another author, another province’s editor and the public while a draft', async () => {
    expect((await get('tacgia2', `/api/v1/portal-content/items/${id}`)).statusCode).toBe(404);
    expect(
      (await step('tacgia2', id, 'edit', version, { fields: { title: 'X', bodyHtml: '', categoryId } })).statusCode,
    ).toBe(404);
    expect((await get('bientaphue', `/api/v1/portal-content/items/${id}`)).statusCode).toBe(404);
    expect((await get('bientaphue', '/api/v1/portal-content/items')).json().items).toEqual([]);
    expect((await get('tacgia2', '/api/v1/portal-content/items')).json().items).toEqual([]);
    expect((await get(undefined, `/tin-tuc/${slug}`)).statusCode).toBe(404);
    expect((await get(undefined, '/tin-tuc')).body).not.toContain('Tiếp nhận hồ sơ');
    expect((await get(undefined, '/rss.xml')).body).not.toContain(slug);
  });

  it('is submitted by its author, who may then neither publish nor edit it', async () => {
    const submitted = await step('tacgia1', id, 'submit', version);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    version = submitted.json().version;
    const publish = await step('tacgia1', id, 'publish', version);
    expect(publish.statusCode).toBe(403);
    expect(publish.json().code).toBe('PORTAL_CONTENT_NOT_PERMITTED');
    expect(
      (await step('tacgia1', id, 'edit', version, { fields: { title: 'Sửa', bodyHtml: '<p>x</p>', categoryId } }))
        .statusCode,
    ).toBe(403);
    expect((await step('bientaphue', id, 'publish', version)).statusCode).toBe(404);
  });

  it('is scheduled by the editor and appears only from its time, everywhere at once', async () => {
    const scheduled = await step('bientap', id, 'publish', version, { publishAt: '2026-12-07T10:00:00+07:00' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'published', publishAt: '2026-12-07T03:00:00.000Z' });
    version = scheduled.json().version;
    expect((await get(undefined, `/tin-tuc/${slug}`)).statusCode).toBe(404);
    expect((await get(undefined, '/tim-kiem?q=truc tuyen')).body).not.toContain(slug);
    expect((await get(undefined, '/sitemap.xml')).body).not.toContain(slug);

    clock.set('2026-12-07T10:00:00+07:00');
    const page = await get(undefined, `/tin-tuc/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<h1>Tiếp nhận hồ sơ trực tuyến toàn trình</h1>');
    expect(page.body).toContain('alt="Quầy một cửa"');
    expect(page.body).toContain(`<link rel="canonical" href="http://localhost:3000/tin-tuc/${slug}">`);
    expect(page.body).toContain(`<meta property="og:image" content="http://localhost:3000${IMAGE}/960">`);
    const etag = String(page.headers.etag);
    const again = await t.app.inject({ method: 'GET', url: `/tin-tuc/${slug}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);

    expect((await get(undefined, '/tin-tuc')).body).toContain(`href="/tin-tuc/${slug}"`);
    expect((await get(undefined, '/tin-tuc?chuyen-muc=tin-cchc')).body).toContain(`href="/tin-tuc/${slug}"`);
    expect((await get(undefined, '/tim-kiem?q=tiep nhan ho so')).body).toContain(`href="/tin-tuc/${slug}"`);
    const rss = await get(undefined, '/rss.xml?chuyen-muc=tin-cchc');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain(`<link>http://localhost:3000/tin-tuc/${slug}</link>`);
    expect(rss.body).toContain('<pubDate>Mon, 07 Dec 2026 03:00:00 GMT</pubDate>');
    const sitemap = await get(undefined, '/sitemap.xml');
    expect(sitemap.body).toContain(`<loc>http://localhost:3000/tin-tuc/${slug}</loc>`);
    expect(sitemap.body).toContain('<loc>http://localhost:3000/tin-tuc</loc>');
  });

  it('keeps every save as a version, shows an older one and restores it', async () => {
    const edited = await step('bientap', id, 'edit', version, {
      fields: { title: 'Tiếp nhận hồ sơ trực tuyến (đã sửa)', bodyHtml: '<p>Nội dung mới.</p>', categoryId, slug },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    version = edited.json().version;
    const item = (await get('bientap', `/api/v1/portal-content/items/${id}`)).json();
    expect(item.versions.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
    const first = (await get('bientap', `/api/v1/portal-content/items/${id}/versions/1`)).json();
    expect(first.title).toBe('Tiếp nhận hồ sơ trực tuyến toàn trình');
    const restored = await step('bientap', id, 'restore', version, { restoreVersion: 1 });
    expect(restored.statusCode, restored.body).toBe(200);
    const after = (await get('bientap', `/api/v1/portal-content/items/${id}`)).json();
    expect(after).toMatchObject({ version: 5, title: 'Tiếp nhận hồ sơ trực tuyến toàn trình', status: 'published' });
    expect(after.versions[0]).toMatchObject({ version: 5, note: 'Khôi phục phiên bản 1' });
    expect(
      (await step('bientap', id, 'edit', 4, { fields: { title: 'X', bodyHtml: '', categoryId } })).statusCode,
    ).toBe(409);
    const versionRows = await t.database.db
      .selectFrom('portalArticleVersion')
      .select('version')
      .where('articleId', '=', id)
      .execute();
    expect(versionRows).toHaveLength(5);
    await expect(
      t.database.db.deleteFrom('portalArticleVersion').where('articleId', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('is returned with a note and unpublished by editors only', async () => {
    const unpublished = await step('bientap', id, 'unpublish', 5);
    expect(unpublished.json().status).toBe('unpublished');
    expect((await get(undefined, `/tin-tuc/${slug}`)).statusCode).toBe(404);
    const other = await post('tacgia2', '/api/v1/portal-content/items', {
      kind: 'article',
      categoryId,
      title: 'Thông báo lịch tiếp công dân',
      bodyHtml: '<p>Lịch tiếp.</p>',
    });
    const otherId = other.json().id;
    await step('tacgia2', otherId, 'submit', 1);
    expect((await step('bientap', otherId, 'return', 2)).json().code).toBe('PORTAL_RETURN_NOTE_REQUIRED');
    const returned = await step('bientap', otherId, 'return', 2, { note: 'Bổ sung giờ tiếp.' });
    expect(returned.json().status).toBe('returned');
    expect((await get('tacgia2', `/api/v1/portal-content/items/${otherId}`)).json()).toMatchObject({
      reviewNote: 'Bổ sung giờ tiếp.',
      actions: [{ action: 'edit' }, { action: 'submit' }, { action: 'restore' }],
    });
  });
});

describe('static pages and the menu', () => {
  it('are the editors’: an author may neither create a page nor change the menu', async () => {
    const byAuthor = await post('tacgia1', '/api/v1/portal-content/items', {
      kind: 'page',
      title: 'Giới thiệu',
      bodyHtml: '<p>x</p>',
    });
    expect(byAuthor.statusCode).toBe(403);
    const menu = [{ label: 'Giới thiệu', targetKind: 'page', target: 'gioi-thieu' }];
    const put = (who: string, items: unknown, version = 0) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/portal-content/menu',
        headers: headers[who],
        payload: { version, items },
      });
    expect((await put('tacgia1', menu)).statusCode).toBe(403);
    expect((await put('bientap', [{ label: 'X', targetKind: 'url', target: 'javascript:alert(1)' }])).statusCode).toBe(
      400,
    );
    expect((await get('bientap', '/api/v1/portal-content/menu')).json()).toEqual({ version: 0, items: [] });
    expect((await put('bientap', menu)).json()).toEqual({ version: 1, items: menu });

    const page = await post('bientap', '/api/v1/portal-content/items', {
      kind: 'page',
      title: 'Giới thiệu',
      bodyHtml: '<h1>Giới thiệu</h1><p>Cổng thông tin của tỉnh.</p>',
    });
    expect(page.json()).toMatchObject({ slug: 'gioi-thieu', status: 'draft' });
    await step('bientap', page.json().id, 'publish', 1);
    const html = await get(undefined, '/trang/gioi-thieu');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<h2>Giới thiệu</h2><p>Cổng thông tin của tỉnh.</p>');
    expect(html.body).toContain('<a href="/trang/gioi-thieu" aria-current="page">Giới thiệu</a>');
    expect((await get('bientaphue', '/api/v1/portal-content/menu')).json().items).toEqual([]);
  });

  it('saves the menu at the version read: a stale save is refused with 409 VERSION_CONFLICT', async () => {
    const put = (version: unknown, items: unknown[]) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/portal-content/menu',
        headers: headers.bientap,
        payload: { version, items },
      });
    const read = (await get('bientap', '/api/v1/portal-content/menu')).json();
    const first = [...read.items, { label: 'Tin tức', targetKind: 'category', target: 'tin-tuc' }];
    const saved = await put(read.version, first);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ version: read.version + 1, items: first });

    // A second editor who read the menu before that save does not overwrite it.
    const stale = await put(read.version, [{ label: 'Khác', targetKind: 'url', target: 'https://example.vn' }]);
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', status: 409 });
    expect((await get('bientap', '/api/v1/portal-content/menu')).json()).toEqual({
      version: read.version + 1,
      items: first,
    });
    expect((await put(undefined, first)).statusCode).toBe(400);
    // The other province's menu keeps its own version.
    expect((await get('bientaphue', '/api/v1/portal-content/menu')).json()).toEqual({ version: 0, items: [] });
  });

  it('escapes what the visitor types into the search page', async () => {
    const response = await get(undefined, `/tim-kiem?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>alert(1)');
    expect(response.body).toContain('&quot;&gt;&lt;script&gt;');
  });
});
