import { findPaknRegisterByCode, insertUser } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedWorld, TEST_PASSWORD, type World } from '../testing/fixtures.js';
import { seedProvinceSites, seedPublishedArticle, TEST_HOSTS } from '../testing/province-hosts.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// Several provinces on one install (issue 22 item 4): each host name answers its own province only.
const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let world: World;
const HANOI = { host: TEST_HOSTS.haNoi };
const HUNGYEN = { host: TEST_HOSTS.hungYen };

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProvinceSites(t);
  await insertUser(t.database.db, {
    username: 'trungtam',
    fullName: 'Phan Văn Trung Tâm',
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: null,
    hostingAdmin: true,
    now: new Date(),
  });
  const publishAt = new Date('2026-12-06T08:00:00+07:00');
  await seedPublishedArticle(t, {
    provinceCode: '33',
    slug: 'hung-yen-mo-rong-mot-cua',
    title: 'Hưng Yên mở rộng bộ phận một cửa',
    authorUserId: world.users.qttinh?.id ?? '',
    publishAt,
  });
  await seedPublishedArticle(t, {
    provinceCode: '01',
    slug: 'ha-noi-so-hoa-ho-so',
    title: 'Hà Nội số hóa hồ sơ thủ tục',
    authorUserId: world.users.hanoi?.id ?? '',
    publishAt,
  });
});

afterAll(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('the public settings', () => {
  it('answer the site of the host, the default site elsewhere', async () => {
    const hanoi = await get('/api/v1/public/settings', HANOI);
    expect(hanoi.statusCode).toBe(200);
    expect(hanoi.json().site).toEqual({
      provinceCode: '01',
      name: 'Thành phố Hà Nội',
      portalName: 'Cổng Dịch vụ công Thủ đô',
      placeName: 'Hà Nội',
      colourPrimary: '#0b4f8a',
      colourAccent: '#f2b705',
      emblemUrl: null,
      contactPhone: '024 3825 3536',
      contactAddress: '12 Lê Lai, phường Hoàn Kiếm, Hà Nội',
    });
    expect((await get('/api/v1/public/settings', HUNGYEN)).json().site).toMatchObject({
      provinceCode: '33',
      name: 'Tỉnh Hưng Yên',
    });
    // The install's own address belongs to no province: the default site.
    expect((await get('/api/v1/public/settings')).json().site).toMatchObject({ provinceCode: '33' });
  });
});

describe('the public reads', () => {
  it('answer the host’s province when the query names none', async () => {
    const periods = await get('/api/v1/public/results/periods', HANOI);
    expect(periods.statusCode).toBe(200);
    expect(periods.json().province.code).toBe('01');
    expect(periods.headers.vary).toBe('Host');
    expect((await get('/api/v1/public/results/periods', HUNGYEN)).json().province.code).toBe('33');
    expect((await get('/api/v1/public/schedule', HANOI)).json().provinceCode).toBe('01');
    expect((await get('/api/v1/public/schedule', HUNGYEN)).json().provinceCode).toBe('33');
    for (const url of ['/api/v1/public/procedure-decisions', '/api/v1/public/pakn-answers']) {
      const answer = await get(url, HANOI);
      expect(answer.statusCode, url).toBe(200);
    }
    // The same code as the host's is allowed, of course.
    expect((await get('/api/v1/public/results/periods?province=01', HANOI)).statusCode).toBe(200);
  });

  it('refuse another province on a province’s host (404 PROVINCE_NOT_SERVED_HERE), allow it on the install’s address', async () => {
    for (const url of [
      '/api/v1/public/results/periods?province=33',
      '/api/v1/public/results/statistics?province=33&period=2026-11',
      '/api/v1/public/results/sipas?province=33',
      '/api/v1/public/procedure-decisions?province=33',
      '/api/v1/public/pakn-answers?province=33',
      '/api/v1/public/par/rounds?province=33',
      '/api/v1/public/par/results?province=33&year=2025',
      '/api/v1/public/par/national?province=33&year=2025',
      '/api/v1/public/schedule?provinceCode=33',
      '/api/v1/public/procedures/1.000001?catalog=33',
      '/api/v1/public/procedures/1.000001/decisions?catalog=33',
    ]) {
      const refused = await get(url, HANOI);
      expect(refused.statusCode, url).toBe(404);
      expect(refused.json().code, url).toBe('PROVINCE_NOT_SERVED_HERE');
    }
    expect((await get('/api/v1/public/results/periods?province=01')).json().province.code).toBe('01');
    expect((await get('/api/v1/public/schedule?provinceCode=01')).json().provinceCode).toBe('01');
    // The national catalog is every portal's.
    const national = await get('/api/v1/public/procedures/1.000001?catalog=national', HANOI);
    expect(national.json().code).not.toBe('PROVINCE_NOT_SERVED_HERE');
  });

  it('take a feedback (PAKN) for the host’s province only: another province named there is refused, nothing logged', async () => {
    const feedback = {
      kind: 'kien_nghi',
      topic: 'regulation',
      regulation: 'Thủ tục đăng ký khai sinh (1.001193)',
      content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ cư trú vì đã có Cơ sở dữ liệu quốc gia về dân cư.',
      sender: { name: 'Phạm Văn Góp', address: 'Phố Huế, phường Hai Bà Trưng, Hà Nội', phone: '0987654321' },
    };
    const post = (payload: object, headers: Record<string, string>, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/public/pakn', payload, headers, remoteAddress });

    const refused = await post({ ...feedback, provinceCode: '33' }, HANOI, '10.0.7.1');
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('PROVINCE_NOT_SERVED_HERE');

    const atHome = await post(feedback, HANOI, '10.0.7.2');
    expect(atHome.statusCode, atHome.body).toBe(201);
    const named = await post({ ...feedback, provinceCode: '01' }, HANOI, '10.0.7.3');
    expect(named.statusCode, named.body).toBe(201);
    // On the install's own address any province may be named, as for the reads.
    const onInstall = await post({ ...feedback, provinceCode: '01' }, {}, '10.0.7.4');
    expect(onInstall.statusCode, onInstall.body).toBe(201);
    // The refused one was not logged: the day's numbers run on from it without a gap, and none is Hưng Yên's.
    const codes = [atHome, named, onInstall].map((r) => r.json().code as string);
    const numbers = codes.map((code) => Number(code.slice(-4)));
    expect(numbers).toEqual([numbers[0], (numbers[0] ?? 0) + 1, (numbers[0] ?? 0) + 2]);
    const before = `${codes[0]?.slice(0, -4)}${String((numbers[0] ?? 1) - 1).padStart(4, '0')}`;
    expect(await findPaknRegisterByCode(t.database.db, before)).toBeUndefined();
    for (const code of codes) {
      expect((await findPaknRegisterByCode(t.database.db, code))?.provinceCode, code).toBe('01');
    }
  });
});

describe('the portal pages', () => {
  it('show each host its own province, articles, colours and contact', async () => {
    const hanoi = await get('/tin-tuc', HANOI);
    expect(hanoi.statusCode).toBe(200);
    expect(hanoi.headers.vary).toBe('Host');
    expect(hanoi.body).toContain('Cổng Dịch vụ công Thủ đô thành phố Hà Nội');
    expect(hanoi.body).toContain('Hà Nội số hóa hồ sơ thủ tục');
    expect(hanoi.body).not.toContain('Hưng Yên mở rộng');
    expect(hanoi.body).toContain('--red:#0b4f8a');
    expect(hanoi.body).toContain('12 Lê Lai, phường Hoàn Kiếm, Hà Nội');
    expect(hanoi.body).toContain('<link rel="canonical" href="http://hanoi.localhost/tin-tuc">');

    const hungYen = await get('/tin-tuc', HUNGYEN);
    expect(hungYen.body).toContain('Tỉnh Hưng Yên');
    expect(hungYen.body).toContain('Hưng Yên mở rộng bộ phận một cửa');
    expect(hungYen.body).not.toContain('Hà Nội số hóa');
    expect(hungYen.body).toContain('--red:#8e1515');

    expect((await get('/tin-tuc/ha-noi-so-hoa-ho-so', HANOI)).statusCode).toBe(200);
    expect((await get('/tin-tuc/ha-noi-so-hoa-ho-so', HUNGYEN)).statusCode).toBe(404);
    expect((await get('/tin-tuc/hung-yen-mo-rong-mot-cua', HANOI)).statusCode).toBe(404);
    expect((await get('/tim-kiem?q=so hoa', HANOI)).body).toContain('Hà Nội số hóa hồ sơ thủ tục');
    expect((await get('/tim-kiem?q=so hoa', HUNGYEN)).body).not.toContain('Hà Nội số hóa');
  });

  it('write absolute addresses for the host in the feed and the sitemap', async () => {
    const rss = await get('/rss.xml', HANOI);
    expect(rss.body).toContain('<link>http://hanoi.localhost/tin-tuc/ha-noi-so-hoa-ho-so</link>');
    expect(rss.body).not.toContain('hung-yen-mo-rong');
    expect(rss.headers.vary).toBe('Host');
    const sitemap = await get('/sitemap.xml', HUNGYEN);
    expect(sitemap.body).toContain('<loc>http://hungyen.localhost/tin-tuc/hung-yen-mo-rong-mot-cua</loc>');
    expect(sitemap.body).not.toContain('ha-noi-so-hoa');
    // A host no province owns never shapes a link: the install's own address.
    expect((await get('/rss.xml', { host: 'evil.example' })).body).toContain('<link>http://localhost:3000/tin-tuc');
  });
});

describe('official sign-in', () => {
  const signIn = (username: string, headers: Record<string, string>, password = TEST_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username, password } });

  it('refuses an official of another province on a province’s host', async () => {
    const refused = await signIn('hanoi', HUNGYEN);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OFFICIAL_OTHER_PROVINCE');
    expect(refused.json().detail).toBe('Tài khoản thuộc tỉnh, thành phố khác; hãy đăng nhập tại cổng của tỉnh mình.');
    expect(refused.cookies.find((c) => c.name === 'motcua_session')).toBeUndefined();
    expect((await signIn('qttinh', HANOI)).json().code).toBe('OFFICIAL_OTHER_PROVINCE');
    // A wrong password is a wrong password, whichever host: the throttle counts it as before.
    expect((await signIn('qttinh', HANOI, 'sai-mat-khau')).json().code).toBe('INVALID_CREDENTIALS');
  });

  it('signs in each official at home, anyone on the install’s address, the hosting admin everywhere', async () => {
    expect((await signIn('hanoi', HANOI)).statusCode).toBe(200);
    expect((await signIn('qttinh', HUNGYEN)).statusCode).toBe(200);
    expect((await signIn('hanoi', {})).statusCode).toBe(200);
    expect((await signIn('trungtam', HANOI)).statusCode).toBe(200);
    expect((await signIn('trungtam', HUNGYEN)).statusCode).toBe(200);
  });
});
