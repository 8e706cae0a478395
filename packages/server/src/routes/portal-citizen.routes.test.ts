import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertAgency, insertLocalCitizen, insertProcedureAgencies } from '@motcua/db';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_CONTENT, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_CITIZEN, seedDemoCitizen } from '../usecases/portal/account/demo-citizen.js';
import { configurePortalServices } from '../usecases/portal/services.js';
import {
  type CitizenSession,
  multipartFile,
  samplePdf,
  samplePng,
  signInCitizen,
} from '../usecases/portal/test-support.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const PASSWORD = 'Mat-khau-cong-dan-2026';
const MAX_UPLOAD = 64 * 1024;
const VIRUS_MARKER = 'MOTCUA-TEST-VIRUS';

let t: TestApp;
let world: World;
let oidcServer: Server;
let issuer: string;

// The identity provider's accounts (VNeID style claims, plus one with standard claims only).
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'vneid-001': {
    SoDinhDanh: '033190001234',
    HoVaTen: 'Nguyễn Thị Ánh Tuyết',
    NgayThangNamSinh: '20/05/1990',
    ThuongTru: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên',
    LoaiTaiKhoan: '1',
  },
  'oidc-002': { name: 'Trần Văn Bình', birthdate: '1985-02-01', email: 'binh@example.vn' },
};

const startIdentityProvider = async (): Promise<void> => {
  oidcServer = createServer();
  await new Promise<void>((resolve) => oidcServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(oidcServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'motcua',
        client_secret: 'motcua-client-secret-for-tests',
        redirect_uris: ['http://localhost:3000/api/v1/citizen/auth/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      vneid: ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'ThuongTru', 'LoaiTaiKhoan'],
      profile: ['name', 'birthdate'],
      email: ['email'],
    },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...(ACCOUNTS[id] ?? {}) }),
    }),
    cookies: { keys: ['motcua-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  oidcServer.on('request', provider.callback());
};

const agencyId = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

beforeAll(async () => {
  await startIdentityProvider();
  const base = loadConfig({ LOG_LEVEL: 'silent' });
  t = await createTestApp({
    clock,
    config: {
      portal: {
        ...base.portal,
        uploadMaxBytes: MAX_UPLOAD,
        oidc: {
          issuer,
          clientId: 'motcua',
          clientSecret: 'motcua-client-secret-for-tests',
          redirectUri: 'http://localhost:3000/api/v1/citizen/auth/callback',
          scopes: 'openid vneid profile email',
          tokenAuth: 'client_secret_basic',
        },
      },
    },
  });
  configurePortalServices(t.ctx, {
    scanner: {
      scan: async (content) =>
        content.includes(VIRUS_MARKER) ? { clean: false, reason: 'test marker' } : { clean: true },
    },
  });
  world = await seedWorld(t);
  const birth = await seedProcedure(t, { catalog: '33', code: '1.001193' });
  const copy = await seedProcedure(t, {
    catalog: '33',
    code: '1.000894',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      nationalCode: '1.000894',
      name: 'Thủ tục cấp bản sao trích lục hộ tịch',
      components: TEST_PROCEDURE_CONTENT.components.slice(0, 1),
      autoAccept: true,
    },
  });
  await insertProcedureAgencies(t.database.db, [
    { procedureId: birth.procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
    { procedureId: copy.procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
  ]);
  await seedDemoCitizen(t.database.db, PASSWORD);
  await insertLocalCitizen(t.database.db, {
    username: 'nguoikhac',
    passwordHash: await hashPassword(PASSWORD),
    accountKind: 'person',
    idNumber: '001085009999',
    fullName: 'Lê Văn Khác',
    dateOfBirth: '1985-01-01',
    address: 'Hà Nội',
    communeCode: null,
    phone: null,
    email: null,
    taxCode: null,
    organisationName: null,
  });
});

afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => oidcServer?.close(resolve));
});

// --- a tiny browser for the identity provider's pages ---------------------------------------------------

class Browser {
  private readonly jar = new Map<string, string>();

  private cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      this.jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    this.remember(response);
    return response;
  }
}

/** Follows the provider's redirects and dev interactions (login, consent) until it sends us back. */
const signInAtProvider = async (authorizationUrl: string, account: string): Promise<URL> => {
  const browser = new Browser();
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop += 1) {
    const response = await browser.request(url);
    if (response.status === 200) {
      const html = await response.text();
      const prompt =
        /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? (html.includes('name="login"') ? 'login' : 'consent');
      const action = /action="([^"]+)"/.exec(html)?.[1] ?? new URL(url).pathname;
      const submitted = await browser.request(new URL(action, issuer).href, {
        method: 'POST',
        form: prompt === 'login' ? { prompt, login: account, password: 'any' } : { prompt },
      });
      url = new URL(submitted.headers.get('location') ?? '', issuer).href;
      continue;
    }
    const location = response.headers.get('location');
    if (!location) {
      throw new Error(`provider answered ${response.status} without a redirect: ${await response.text()}`);
    }
    const next = new URL(location, issuer);
    if (next.origin === 'http://localhost:3000') {
      return next;
    }
    url = next.href;
  }
  throw new Error('too many redirects at the identity provider');
};

/** Signs a citizen in through the identity provider and the app's callback; answers the app's headers. */
const signInWithVneid = async (account: string): Promise<CitizenSession & { location: string }> => {
  const start = await t.app.inject({ url: '/api/v1/citizen/auth/start?returnTo=/ho-so-cua-toi' });
  expect(start.statusCode).toBe(302);
  const binding = start.cookies.find((c) => c.name === 'motcua_citizen_login');
  expect(binding?.httpOnly).toBe(true);
  const location = String(start.headers.location);
  const authorization = new URL(location);
  expect(authorization.origin).toBe(issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  const callback = await signInAtProvider(location, account);
  const finished = await t.app.inject({
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: `motcua_citizen_login=${binding?.value}` },
  });
  expect(finished.statusCode, finished.body).toBe(302);
  const session = finished.cookies.find((c) => c.name === 'motcua_citizen');
  if (!session) {
    throw new Error('no citizen session cookie');
  }
  const cookie = `motcua_citizen=${session.value}`;
  const me = await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie } });
  const csrfToken = me.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    headers: { cookie, 'x-csrf-token': csrfToken },
    location: String(finished.headers.location),
  };
};

const upload = async (session: CitizenSession, url: string, content: Buffer, name: string, type: string) => {
  const body = multipartFile(content, name, type);
  return t.app.inject({ method: 'POST', url, headers: { ...session.headers, ...body.headers }, payload: body.payload });
};

const applicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  gender: 'female',
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
  phone: '0912345678',
  email: 'tuyet@example.vn',
};

describe('citizen sign-in through OpenID Connect (VNeID style)', () => {
  it('runs the code flow with PKCE against a real provider and maps the VNeID claims into the profile', async () => {
    const session = await signInWithVneid('vneid-001');
    expect(session.location).toBe('http://localhost:3000/ho-so-cua-toi');
    const me = (await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie: session.cookie } })).json();
    expect(me).toMatchObject({
      source: 'vneid',
      fullName: 'Nguyễn Thị Ánh Tuyết',
      idNumber: '033190001234',
      dateOfBirth: '1990-05-20',
      address: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên',
    });
    // Signing in again finds the same citizen.
    const again = await signInWithVneid('vneid-001');
    const meAgain = (await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie: again.cookie } })).json();
    expect(meAgain.id).toBe(me.id);
  });

  it('accepts standard OIDC claims too', async () => {
    const session = await signInWithVneid('oidc-002');
    const me = (await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie: session.cookie } })).json();
    expect(me).toMatchObject({
      fullName: 'Trần Văn Bình',
      dateOfBirth: '1985-02-01',
      email: 'binh@example.vn',
      idNumber: null,
    });
  });

  it('refuses a callback without the browser binding, with a replayed state, or with a forged one', async () => {
    const start = await t.app.inject({ url: '/api/v1/citizen/auth/start' });
    const binding = start.cookies.find((c) => c.name === 'motcua_citizen_login')?.value;
    const callback = await signInAtProvider(String(start.headers.location), 'vneid-001');
    const url = `${callback.pathname}${callback.search}`;
    const noCookie = await t.app.inject({ url });
    expect(noCookie.statusCode).toBe(400);
    expect(noCookie.json().code).toBe('CITIZEN_LOGIN_EXPIRED');
    // The state was used by the failed attempt: even with the right cookie it is gone now.
    const replay = await t.app.inject({ url, headers: { cookie: `motcua_citizen_login=${binding}` } });
    expect(replay.json().code).toBe('CITIZEN_LOGIN_EXPIRED');
    const forged = await t.app.inject({
      url: '/api/v1/citizen/auth/callback?code=abc&state=forged',
      headers: { cookie: `motcua_citizen_login=${binding}` },
    });
    expect(forged.statusCode).toBe(400);
  });

  it('keeps the redirect target on this site', async () => {
    const start = await t.app.inject({ url: '/api/v1/citizen/auth/start?returnTo=//evil.example/x' });
    const binding = start.cookies.find((c) => c.name === 'motcua_citizen_login')?.value;
    const callback = await signInAtProvider(String(start.headers.location), 'vneid-001');
    const finished = await t.app.inject({
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `motcua_citizen_login=${binding}` },
    });
    expect(finished.headers.location).toBe('http://localhost:3000/');
  });

  it('signs the local demo citizen in and out, throttling wrong passwords', async () => {
    const session = await signInCitizen(t.app, DEMO_CITIZEN.username, PASSWORD);
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: session.headers })).json().idNumber).toBe(
      DEMO_CITIZEN.idNumber,
    );
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: session.headers })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/login',
      payload: { username: 'congdan', password: 'sai-mat-khau' },
    });
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });
});

describe('online submission', () => {
  let tuyet: CitizenSession;
  let draftId: string;
  let version: number;

  const saveData = async (data: Record<string, unknown>) => {
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/citizen/drafts/${draftId}`,
      headers: tuyet.headers,
      payload: { expectedVersion: version, data },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    version = saved.json().version;
    return saved.json();
  };

  beforeAll(async () => {
    tuyet = await signInWithVneid('vneid-001');
  });

  it('starts a draft prefilled from the profile, with the form (JSON Schema and components)', async () => {
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/drafts',
      headers: { cookie: tuyet.cookie },
      payload: { catalog: '33', procedureCode: '1.001193' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/drafts',
      headers: tuyet.headers,
      payload: { catalog: '33', procedureCode: '1.001193' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    draftId = draft.id;
    version = draft.version;
    expect(draft.data.applicant).toMatchObject({ fullName: 'Nguyễn Thị Ánh Tuyết', idNumber: '033190001234' });
    expect(draft.form.components.map((c: { key: string }) => c.key)).toEqual(['to-khai', 'giay-chung-sinh']);
    expect(draft.form.schema.properties.receivingAgencyId).toBeDefined();
    // The prefill lacks the receiving agency: the draft says so before the citizen submits.
    expect(draft.problems.map((p: { pointer: string }) => p.pointer)).toContain('/data/receivingAgencyId');
  });

  it('refuses uploads whose content is not PDF/JPEG/PNG, that are too large, or that the scanner rejects', async () => {
    const url = `/api/v1/citizen/drafts/${draftId}/uploads?component=to-khai`;
    const forged = await upload(
      tuyet,
      url,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'to-khai.pdf',
      'application/pdf',
    );
    expect(forged.statusCode).toBe(415);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.json()).toMatchObject({
      code: 'UPLOAD_TYPE_NOT_ALLOWED',
      title: 'Định dạng tệp không được chấp nhận',
    });
    expect(forged.json().detail).toContain('PDF, JPEG, PNG');

    const big = await upload(
      tuyet,
      url,
      Buffer.concat([samplePdf(), Buffer.alloc(MAX_UPLOAD + 1, 0x20)]),
      'to.pdf',
      'application/pdf',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'UPLOAD_TOO_LARGE', title: 'Tệp quá lớn' });

    const infected = await upload(tuyet, url, samplePdf(VIRUS_MARKER), 'to.pdf', 'application/pdf');
    expect(infected.statusCode).toBe(422);
    expect(infected.json().code).toBe('UPLOAD_REJECTED');

    const unknown = await upload(
      tuyet,
      `/api/v1/citizen/drafts/${draftId}/uploads?component=khong-co`,
      samplePdf(),
      'a.pdf',
      'application/pdf',
    );
    expect(unknown.json().code).toBe('UNKNOWN_COMPONENT');

    const notMultipart = await t.app.inject({ method: 'POST', url, headers: tuyet.headers, payload: { file: 'x' } });
    expect(notMultipart.json().code).toBe('UPLOAD_MISSING');
  });

  it('validates the application and its files on submission, then creates a dossier waiting for the desk', async () => {
    await saveData({ applicant, receivingAgencyId: agencyId('centre'), resultDelivery: 'online' });
    // A PNG declared as a PDF is a PNG: the type comes from the content.
    const stored = await upload(
      tuyet,
      `/api/v1/citizen/drafts/${draftId}/uploads?component=to-khai`,
      samplePng(),
      'to-khai.pdf',
      'application/pdf',
    );
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json().mediaType).toBe('image/png');
    // …and it is downloaded as one: the citizen's base name, the extension of the detected type.
    const download = await t.app.inject({ url: `/api/v1/citizen/uploads/${stored.json().id}`, headers: tuyet.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="to-khai.png"; filename*=UTF-8''to-khai.png`,
    );

    const incomplete = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: version },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    expect(incomplete.json().detail).toContain('Giấy chứng sinh');

    await upload(
      tuyet,
      `/api/v1/citizen/drafts/${draftId}/uploads?component=giay-chung-sinh`,
      samplePdf('chung-sinh'),
      'giấy chứng sinh.pdf',
      'application/pdf',
    );

    const invalid = await saveData({
      applicant: { ...applicant, idNumber: '123' },
      receivingAgencyId: agencyId('centre'),
    });
    expect(invalid.problems.map((p: { pointer: string }) => p.pointer)).toContain('/data/applicant/idNumber');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: version },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('APPLICATION_INVALID');
    expect(refused.json().errors[0].message).toContain('12 chữ số');

    // A well-formed CCCD that disagrees with the date of birth entered: refused with a stable code
    // pointing at the field, and nothing written (the dossier submitted below is still number 0001).
    const mismatch = await saveData({
      applicant: { ...applicant, dateOfBirth: '1991-05-20' },
      receivingAgencyId: agencyId('centre'),
    });
    expect(mismatch.problems).toEqual([
      expect.objectContaining({ pointer: '/data/applicant/idNumber', code: 'ID_BIRTH_YEAR_MISMATCH' }),
    ]);
    const refusedMismatch = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: version },
    });
    expect(refusedMismatch.statusCode).toBe(422);
    expect(refusedMismatch.json()).toMatchObject({ code: 'APPLICATION_INVALID' });
    expect(refusedMismatch.json().errors).toEqual([
      expect.objectContaining({
        pointer: '/data/applicant/idNumber',
        code: 'ID_BIRTH_YEAR_MISMATCH',
        message: expect.stringContaining('năm sinh'),
      }),
    ]);

    const wrongDesk = await saveData({ applicant, receivingAgencyId: agencyId('foreignDepartment') });
    expect(wrongDesk.problems).toEqual([]);
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: version },
    });
    expect(outside.statusCode).toBe(422);

    await saveData({ applicant, receivingAgencyId: agencyId('centre'), resultDelivery: 'online' });
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: version - 1 },
    });
    expect(stale.statusCode).toBe(409);

    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: { ...tuyet.headers, 'idempotency-key': 'nop-ho-so-1' },
      payload: { expectedVersion: version },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const body = submitted.json();
    expect(body).toMatchObject({ code: '000.00.10.H31-261123-0001', status: 'new', receivedAt: null });
    expect(body.trackingPin).toMatch(/^\d{6}$/);
    // A retry with the same key gets the same answer, and no second dossier.
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: { ...tuyet.headers, 'idempotency-key': 'nop-ho-so-1' },
      payload: { expectedVersion: version },
    });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().code).toBe(body.code);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draftId}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: version },
    });
    expect(again.json().code).toBe('DRAFT_NOT_OPEN');

    // The desk sees it as an online dossier, in status new, with the applicant's first event.
    const desk = await signIn(t.app, 'motcua');
    const view = (await t.app.inject({ url: `/api/v1/dossiers/${body.code}`, headers: desk.headers })).json();
    expect(view).toMatchObject({ status: 'new', dvcqgStatus: 1, channel: 'online', receivedAt: null });
    expect(view.documents.map((d: { componentKey: string }) => d.componentKey).sort()).toEqual([
      'giay-chung-sinh',
      'to-khai',
    ]);
    const events = (await t.app.inject({ url: `/api/v1/dossiers/${body.code}/events`, headers: desk.headers })).json();
    expect(events.items[0]).toMatchObject({ seq: 1, action: 'submit', actorKind: 'applicant', toStatus: 'new' });

    // The citizen's own view names the procedure's catalog, the receiving agency, and for each component
    // the procedure asks to submit whether it is required and what was handed in (one electronic copy).
    const mine = await t.app.inject({ url: `/api/v1/citizen/dossiers/${body.code}`, headers: tuyet.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().procedure).toEqual({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', catalog: '33' });
    expect(mine.json().receivingAgency).toEqual({
      code: '000.00.10.H31',
      name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
    });
    expect(mine.json().components).toEqual([
      {
        key: 'to-khai',
        name: 'Tờ khai đăng ký khai sinh',
        required: true,
        handedIn: { originals: 0, copies: 1, fromData: false, files: 1 },
      },
      {
        key: 'giay-chung-sinh',
        name: 'Giấy chứng sinh',
        required: true,
        handedIn: { originals: 0, copies: 1, fromData: false, files: 1 },
      },
    ]);
  });

  it('lets the desk ask for a supplement and the citizen answer it online', async () => {
    const code = '000.00.10.H31-261123-0001';
    const desk = await signIn(t.app, 'motcua');
    const before = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/request_intake_supplement`,
      headers: desk.headers,
      payload: {
        expectedVersion: before.version,
        params: { missing: ['Giấy chứng sinh (bản rõ nét)'], reason: 'Ảnh chụp bị mờ' },
      },
    });
    expect(asked.statusCode, asked.body).toBe(200);

    const mine = (await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: tuyet.headers })).json();
    expect(mine.nextStep).toMatchObject({
      step: 'supplement',
      missing: ['Giấy chứng sinh (bản rõ nét)'],
      reason: 'Ảnh chụp bị mờ',
    });
    expect(mine.actions.map((a: { action: string }) => a.action).sort()).toEqual(['applicant_supplement', 'withdraw']);

    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/supplement`,
      headers: tuyet.headers,
      payload: { expectedVersion: mine.version },
    });
    expect(empty.json().code).toBe('SUPPLEMENT_FILES_REQUIRED');

    const file = await upload(
      tuyet,
      `/api/v1/citizen/dossiers/${code}/uploads?component=giay-chung-sinh`,
      samplePdf('ro-net'),
      'chung-sinh-ro.pdf',
      'application/pdf',
    );
    expect(file.statusCode, file.body).toBe(201);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/supplement`,
      headers: tuyet.headers,
      payload: { expectedVersion: mine.version, note: 'Đã chụp lại' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      action: 'applicant_supplement',
      fromStatus: 'supplement_requested',
      toStatus: 'new',
    });

    const view = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    expect(view.documents).toHaveLength(3);
    // The supplementary file counts as handed in for the component it was sent for.
    const supplemented = (
      await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: tuyet.headers })
    ).json();
    expect(
      supplemented.components.map((c: { key: string; handedIn: { files: number } | null }) => [
        c.key,
        c.handedIn?.files,
      ]),
    ).toEqual([
      ['to-khai', 1],
      ['giay-chung-sinh', 2],
    ]);
    const received = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/receive`,
      headers: desk.headers,
      payload: { expectedVersion: view.version, params: {} },
    });
    expect(received.json().toStatus).toBe('received');
    const after = (await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: tuyet.headers })).json();
    expect(after).toMatchObject({ status: 'received', nextStep: { step: 'wait' } });
    expect(after.dueAt).toMatch(/\+07:00$/);
    expect(after.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'request_intake_supplement',
      'applicant_supplement',
      'receive',
    ]);
  });

  it('receives at once, by the system, a procedure the province accepts automatically', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/citizen/drafts',
        headers: tuyet.headers,
        payload: {
          catalog: '33',
          procedureCode: '1.000894',
          data: { applicant, receivingAgencyId: agencyId('centre') },
        },
      })
    ).json();
    await upload(
      tuyet,
      `/api/v1/citizen/drafts/${created.id}/uploads?component=to-khai`,
      samplePdf('trich-luc'),
      'to-khai.pdf',
      'application/pdf',
    );
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${created.id}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: created.version },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({ status: 'received', receivedAt: '2026-11-23T09:00:00+07:00' });
    const desk = await signIn(t.app, 'motcua');
    const events = (
      await t.app.inject({ url: `/api/v1/dossiers/${submitted.json().code}/events`, headers: desk.headers })
    ).json().items;
    expect(events.map((e: { action: string; actorKind: string }) => [e.action, e.actorKind])).toEqual([
      ['submit', 'applicant'],
      ['receive', 'system'],
    ]);
  });

  it('asks for the representation when applying for somebody else', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/citizen/drafts',
        headers: tuyet.headers,
        payload: {
          catalog: '33',
          procedureCode: '1.000894',
          data: {
            applicant: {
              ...applicant,
              fullName: 'Nguyễn Văn An',
              idNumber: '033085001234',
              dateOfBirth: '1985-04-12',
              gender: 'male',
            },
            receivingAgencyId: agencyId('centre'),
          },
        },
      })
    ).json();
    await upload(
      tuyet,
      `/api/v1/citizen/drafts/${created.id}/uploads?component=to-khai`,
      samplePdf('uy-quyen'),
      'tk.pdf',
      'application/pdf',
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${created.id}/submit`,
      headers: tuyet.headers,
      payload: { expectedVersion: created.version },
    });
    expect(refused.json().code).toBe('REPRESENTATION_REQUIRED');
  });

  it('keeps every citizen to their own drafts, uploads and dossiers, and officials to their endpoints', async () => {
    const other = await signInCitizen(t.app, 'nguoikhac', PASSWORD);
    const code = '000.00.10.H31-261123-0001';
    const mine = (await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: tuyet.headers })).json();
    const documentId = mine.documents[0].id as string;
    const uploadId = (await t.app.inject({ url: `/api/v1/citizen/drafts/${draftId}`, headers: tuyet.headers })).json()
      .uploads[0].id as string;

    for (const url of [
      `/api/v1/citizen/drafts/${draftId}`,
      `/api/v1/citizen/dossiers/${code}`,
      `/api/v1/citizen/dossiers/${code}/documents/${documentId}`,
      `/api/v1/citizen/uploads/${uploadId}`,
      `/api/v1/citizen/dossiers/${code}/payments`,
    ]) {
      const response = await t.app.inject({ url, headers: other.headers });
      expect(response.statusCode, url).toBe(404);
    }
    const foreignSupplement = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/withdraw`,
      headers: other.headers,
      payload: { expectedVersion: mine.version, reason: 'Không phải của tôi' },
    });
    expect(foreignSupplement.statusCode).toBe(404);
    const deleteForeign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/citizen/uploads/${uploadId}`,
      headers: other.headers,
    });
    expect(deleteForeign.statusCode).toBe(404);
    const writes: { method: 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object; file?: boolean }[] = [
      { method: 'PUT', url: `/api/v1/citizen/drafts/${draftId}`, payload: { expectedVersion: 1, data: {} } },
      { method: 'DELETE', url: `/api/v1/citizen/drafts/${draftId}` },
      { method: 'POST', url: `/api/v1/citizen/drafts/${draftId}/submit`, payload: { expectedVersion: 1 } },
      { method: 'POST', url: `/api/v1/citizen/drafts/${draftId}/uploads?component=to-khai`, file: true },
      { method: 'POST', url: `/api/v1/citizen/dossiers/${code}/uploads?component=to-khai`, file: true },
      { method: 'POST', url: `/api/v1/citizen/dossiers/${code}/supplement`, payload: { expectedVersion: 1 } },
      { method: 'POST', url: `/api/v1/citizen/dossiers/${code}/payments` },
      {
        method: 'POST',
        url: `/api/v1/citizen/dossiers/${code}/rating`,
        payload: { overall: 'satisfied', easeOfUse: 'satisfied' },
      },
    ];
    for (const write of writes) {
      const body = write.file ? multipartFile(samplePdf('x'), 'x.pdf', 'application/pdf') : undefined;
      const response = await t.app.inject({
        method: write.method,
        url: write.url,
        headers: { ...other.headers, ...(body?.headers ?? {}) },
        ...(body ? { payload: body.payload } : write.payload ? { payload: write.payload } : {}),
      });
      expect(response.statusCode, `${write.method} ${write.url}: ${response.body}`).toBe(404);
    }
    expect((await t.app.inject({ url: '/api/v1/citizen/dossiers', headers: other.headers })).json().items).toEqual([]);

    // The owner downloads their own file (a document of the dossier now).
    const own = await t.app.inject({
      url: `/api/v1/citizen/dossiers/${code}/documents/${documentId}`,
      headers: tuyet.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.headers['x-content-type-options']).toBe('nosniff');

    // Officials' endpoints refuse a citizen session; citizens' endpoints refuse an official's.
    for (const url of [`/api/v1/dossiers/${code}`, '/api/v1/dossiers', '/api/v1/me']) {
      expect((await t.app.inject({ url, headers: tuyet.headers })).statusCode, url).toBe(401);
    }
    const desk = await signIn(t.app, 'motcua');
    expect((await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: desk.headers })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: desk.headers })).statusCode).toBe(401);
    // Without any session.
    expect((await t.app.inject({ url: '/api/v1/citizen/dossiers' })).statusCode).toBe(401);
  });

  it('lists the citizen’s dossiers newest first, each with the applicant’s next step and whether it was rated', async () => {
    const list = (await t.app.inject({ url: '/api/v1/citizen/dossiers?limit=1', headers: tuyet.headers })).json();
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).toBeTruthy();
    const next = (
      await t.app.inject({ url: `/api/v1/citizen/dossiers?limit=5&cursor=${list.nextCursor}`, headers: tuyet.headers })
    ).json();
    expect(next.items.map((d: { code: string }) => d.code)).not.toContain(list.items[0].code);

    const all = (await t.app.inject({ url: '/api/v1/citizen/dossiers?limit=100', headers: tuyet.headers })).json();
    expect(all.nextCursor).toBeNull();
    const byCode = new Map(all.items.map((d: { code: string }) => [d.code, d]));
    // Received after the supplement: nothing to do; the automatic procedure is received at once.
    expect(byCode.get('000.00.10.H31-261123-0001')).toMatchObject({
      status: 'received',
      receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
      nextStep: {
        step: 'wait',
        label: { vi: 'Hồ sơ đang được giải quyết; chưa cần làm gì thêm', en: 'Being processed; nothing to do yet' },
      },
      rated: false,
    });
    expect(byCode.get('000.00.10.H31-261123-0002')).toMatchObject({
      status: 'received',
      nextStep: { step: 'wait' },
      rated: false,
    });
  });

  it('lets the citizen withdraw a dossier', async () => {
    const code = '000.00.10.H31-261123-0002';
    const mine = (await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: tuyet.headers })).json();
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/withdraw`,
      headers: tuyet.headers,
      payload: { expectedVersion: mine.version, reason: 'Tôi nộp nhầm thủ tục' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().toStatus).toBe('withdrawn');
  });
});

describe('where an online dossier may be submitted (Decree 118/2025/NĐ-CP)', () => {
  let tuyet: CitizenSession;
  let phoHien: string;
  const PHO_HIEN = '11953';

  const commune = (name: string, boundaryFree: boolean) => ({
    ...TEST_PROCEDURE_CONTENT,
    name,
    levels: ['commune' as const],
    boundaryFree,
    components: TEST_PROCEDURE_CONTENT.components.slice(0, 1),
  });

  /** A draft of the procedure for an applicant living in Phố Hiến, with its one paper, sent to `agency`. */
  const submitTo = async (procedureCode: string, agency: string, language = 'vi') => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/citizen/drafts',
        headers: tuyet.headers,
        payload: { catalog: '33', procedureCode, data: { applicant, receivingAgencyId: agency } },
      })
    ).json();
    await upload(
      tuyet,
      `/api/v1/citizen/drafts/${created.id}/uploads?component=to-khai`,
      samplePdf('noi-nop'),
      'to-khai.pdf',
      'application/pdf',
    );
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${created.id}/submit`,
      headers: { ...tuyet.headers, 'accept-language': language },
      payload: { expectedVersion: created.version },
    });
  };

  const officesOf = async (code: string) => {
    const form = await t.app.inject({ url: `/api/v1/public/procedures/${code}/form?catalog=33` });
    expect(form.statusCode, form.body).toBe(200);
    return form.json() as {
      levels: string[];
      boundaryFree: boolean;
      receivingAgencies: { agencyId: string; kind: string; communeCode: string | null; listed: boolean }[];
    };
  };

  beforeAll(async () => {
    tuyet = await signInWithVneid('vneid-001');
    const province = world.agencies.province;
    phoHien = (
      await insertAgency(
        t.database.db,
        {
          code: '001.00.40.H31',
          name: 'Ủy ban nhân dân phường Phố Hiến',
          kind: 'commune_committee',
          parentId: province?.id ?? null,
          provinceCode: '33',
          adminUnitCode: PHO_HIEN,
          adminUnitLevel: 'commune',
          validFrom: '2025-07-01',
          searchText: 'uy ban nhan dan phuong pho hien',
        },
        province?.path ?? null,
      )
    ).id;
    const bound = await seedProcedure(t, { catalog: '33', code: '1.001022', content: commune('Thủ tục A', false) });
    const free = await seedProcedure(t, { catalog: '33', code: '2.000815', content: commune('Chứng thực', true) });
    await insertProcedureAgencies(t.database.db, [
      { procedureId: bound.procedureId, agencyId: agencyId('commune'), role: 'receiving', catalog: '33' },
      { procedureId: bound.procedureId, agencyId: phoHien, role: 'receiving', catalog: '33' },
      // Listed by mistake: the province centre is not the competent level of a commune procedure.
      { procedureId: bound.procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
      { procedureId: free.procedureId, agencyId: agencyId('commune'), role: 'receiving', catalog: '33' },
    ]);
  });

  it('offers the commune offices of the competent level, every commune desk when boundary-free', async () => {
    const bound = await officesOf('1.001022');
    expect(bound).toMatchObject({ levels: ['commune'], boundaryFree: false });
    expect(bound.receivingAgencies).toEqual(
      [
        {
          agencyId: phoHien,
          code: '001.00.40.H31',
          name: 'Ủy ban nhân dân phường Phố Hiến',
          kind: 'commune_committee',
          communeCode: PHO_HIEN,
          listed: true,
        },
        {
          agencyId: agencyId('commune'),
          code: '000.01.40.H31',
          name: 'Ủy ban nhân dân xã Văn Giang',
          kind: 'commune_committee',
          communeCode: '12064',
          listed: true,
        },
      ].sort((a, b) => a.code.localeCompare(b.code)),
    );
    const free = await officesOf('2.000815');
    expect(free.receivingAgencies.map((a) => [a.agencyId, a.listed])).toEqual([
      [agencyId('commune'), true],
      [phoHien, false],
    ]);
  });

  it('refuses another commune than the applicant’s, and an office of another level, pointing at the field', async () => {
    const outside = await submitTo('1.001022', agencyId('commune'));
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({
      code: 'OUTSIDE_ADMINISTRATIVE_BOUNDARY',
      errors: [{ in: 'body', pointer: '/data/receivingAgencyId', code: 'OUTSIDE_ADMINISTRATIVE_BOUNDARY' }],
    });
    expect(outside.json().errors[0].message).toContain('nơi người yêu cầu cư trú');
    const level = await submitTo('1.001022', agencyId('centre'), 'en');
    expect(level.statusCode).toBe(422);
    expect(level.json()).toMatchObject({
      code: 'RECEIVING_AGENCY_NOT_ALLOWED',
      errors: [
        {
          pointer: '/data/receivingAgencyId',
          message:
            'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên does not receive this procedure; choose one of the published receiving agencies.',
        },
      ],
    });
    const foreign = await submitTo('1.001022', agencyId('foreignProvince'));
    expect(foreign.json()).toMatchObject({
      code: 'RECEIVING_AGENCY_NOT_ALLOWED',
      errors: [{ pointer: '/data/receivingAgencyId' }],
    });
  });

  it('accepts the applicant’s own commune, and any commune of the province for a boundary-free procedure', async () => {
    const own = await submitTo('1.001022', phoHien);
    expect(own.statusCode, own.body).toBe(201);
    const elsewhere = await submitTo('2.000815', agencyId('commune'));
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const unlisted = await submitTo('2.000815', phoHien);
    expect(unlisted.statusCode, unlisted.body).toBe(201);
  });
});
