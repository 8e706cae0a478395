import { insertProcedureAgencies } from '@motcua/db';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_CONTENT, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_CITIZEN, seedDemoCitizen } from '../usecases/portal/account/demo-citizen.js';
import { multipartFile, samplePdf, samplePng, signInCitizen } from '../usecases/portal/test-support.js';

const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;

const agencyId = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

const pdfText = async (pdf: Buffer): Promise<string> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
  }
  return text.replace(/\s+/g, ' ').normalize('NFC');
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const { procedureId } = await seedProcedure(t, {
    catalog: '33',
    code: '1.001193',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      components: TEST_PROCEDURE_CONTENT.components.map((c) =>
        c.key === 'to-khai' ? { ...c, templateName: 'Tờ khai đăng ký khai sinh.docx' } : c,
      ),
      channels: [
        ...TEST_PROCEDURE_CONTENT.channels.slice(0, 1),
        {
          channel: 'online',
          duration: { unit: 'working_days', value: 3 },
          fees: [{ name: 'Lệ phí đăng ký khai sinh', kind: 'le_phi', amountVnd: 8000, text: '8.000 đồng' }],
        },
      ],
    },
  });
  await insertProcedureAgencies(t.database.db, [
    { procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
  ]);
  await seedDemoCitizen(t.database.db, 'Mat-khau-cong-dan-2026');
});

afterAll(async () => {
  await t?.close();
});

describe('public procedure pages', () => {
  it('describes a procedure in plain Vietnamese: components, fees, time, where to submit, online level, legal basis', async () => {
    const response = await t.app.inject({ url: '/api/v1/public/procedures/1.001193?catalog=33' });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh',
      levels: ['Cấp tỉnh'],
      onlineLevel: { code: 'full', label: { vi: 'Dịch vụ công trực tuyến toàn trình' } },
      canSubmitOnline: true,
      whereToSubmit: [{ code: '000.00.10.H31', name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên' }],
      legalBasis: [{ number: '123/2015/NĐ-CP' }],
      results: ['Giấy khai sinh'],
    });
    expect(page.channels).toEqual([
      expect.objectContaining({
        label: 'Trực tiếp',
        time: '5 ngày làm việc',
        fees: [expect.objectContaining({ text: 'Miễn phí' })],
      }),
      expect.objectContaining({
        label: 'Trực tuyến',
        time: '3 ngày làm việc',
        fees: [expect.objectContaining({ name: 'Lệ phí đăng ký khai sinh', text: '8.000 đồng' })],
      }),
    ]);
    expect(page.components[0]).toMatchObject({
      name: 'Tờ khai đăng ký khai sinh',
      copies: '01 bản chính',
      required: true,
      templateUrl: '/api/v1/public/procedures/1.001193/templates/to-khai?catalog=33',
    });
    expect(page.components[1].templateUrl).toBeNull();
    expect(page.toPresent[0]).toMatchObject({ name: 'Giấy tờ chứng minh nơi cư trú', replaceableByData: true });
    expect((await t.app.inject({ url: '/api/v1/public/procedures/1.001193' })).statusCode).toBe(404);
  });

  it('serves the online form as JSON Schema with the components to upload', async () => {
    const form = (await t.app.inject({ url: '/api/v1/public/procedures/1.001193/form?catalog=33' })).json();
    expect(form.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(form.schema.required).toEqual(expect.arrayContaining(['applicant', 'receivingAgencyId']));
    expect(form.components).toEqual([
      expect.objectContaining({ key: 'to-khai', accept: ['application/pdf', 'image/jpeg', 'image/png'], maxFiles: 10 }),
      expect.objectContaining({ key: 'giay-chung-sinh' }),
    ]);
    expect(form.receivingAgencies).toHaveLength(1);
  });

  it('offers templates: a generated reference PDF until the province uploads the official one', async () => {
    const generated = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/templates/to-khai?catalog=33' });
    expect(generated.statusCode).toBe(200);
    expect(generated.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(generated.rawPayload);
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(text).not.toContain('.DOCX');
    expect(text).toContain('Bản tham khảo do hệ thống tạo');
    const none = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/templates/giay-chung-sinh?catalog=33' });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('TEMPLATE_NOT_AVAILABLE');

    const official = samplePdf('mau-to-khai-chinh-thuc');
    const put = async (who: { headers: Record<string, string> }, content: Buffer) => {
      const body = multipartFile(content, 'Tờ khai.pdf', 'application/pdf');
      return t.app.inject({
        method: 'PUT',
        url: '/api/v1/procedures/1.001193/templates/to-khai?catalog=33',
        headers: { ...who.headers, ...body.headers },
        payload: body.payload,
      });
    };
    expect((await put(await signIn(t.app, 'hanoi'), official)).statusCode).toBe(403);
    const citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, 'Mat-khau-cong-dan-2026');
    expect((await put(citizen, official)).statusCode).toBe(401);
    const admin = await signIn(t.app, 'qttinh');
    expect((await put(admin, samplePng())).statusCode).toBe(415);
    const uploaded = await put(admin, official);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const download = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/templates/to-khai?catalog=33' });
    expect(download.rawPayload.equals(official)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment');
  });

  it('says plainly when no identity provider is configured', async () => {
    const start = await t.app.inject({ url: '/api/v1/citizen/auth/start' });
    expect(start.statusCode).toBe(404);
    expect(start.json().code).toBe('CITIZEN_LOGIN_NOT_CONFIGURED');
  });

  it('tells the portal how citizens sign in, the upload limits it enforces and the provinces served', async () => {
    const response = await t.app.inject({ url: '/api/v1/public/settings' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      signIn: { vneid: false, startUrl: null, localAccounts: true },
      uploads: {
        maxBytes: 10 * 1024 * 1024,
        maxFilesPerComponent: 10,
        mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
      },
      payment: { provider: 'sandbox' },
      provinces: [
        { code: '01', committeeName: 'Ủy ban nhân dân thành phố Hà Nội' },
        { code: '33', committeeName: 'Ủy ban nhân dân tỉnh Hưng Yên' },
      ],
      // No site row in this world: the host names no province (province-hosts.routes.test.ts has two sites).
      site: null,
    });
  });

  it('publishes the rating criteria of the scoring tool', async () => {
    const criteria = (await t.app.inject({ url: '/api/v1/public/rating-criteria' })).json();
    expect(criteria.criteria).toHaveLength(11);
    expect(criteria.levels.very_satisfied.vi).toBe('Rất hài lòng');
    // Every answer of the form comes labelled in both languages, keyed by the rating's field.
    expect(criteria.answers).toEqual({
      contacts: {
        none: { score: 2, vi: 'Không phải liên hệ', en: 'None' },
        once: { score: 1, vi: 'Một lần', en: 'Once' },
        more: { score: 0, vi: 'Nhiều hơn một lần', en: 'More than once' },
      },
      agenciesContacted: {
        one: { score: 2, vi: 'Một cơ quan', en: 'One agency' },
        two: { score: 1, vi: 'Hai cơ quan', en: 'Two agencies' },
        more: { score: 0, vi: 'Từ ba cơ quan trở lên', en: 'Three or more' },
      },
    });
  });

  it('documents the portal in the OpenAPI description', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(spec.tags.map((tag: { name: string }) => tag.name)).toEqual(
      expect.arrayContaining(['portal', 'citizen', 'payments']),
    );
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/public/dossiers/{code}',
        '/api/v1/citizen/drafts/{id}/submit',
        '/api/v1/payments/dvcqg/callback',
      ]),
    );
  });
});

describe('feedback on regulations (PAKN)', () => {
  const feedback = {
    provinceCode: '33',
    kind: 'kien_nghi',
    topic: 'regulation',
    regulation: 'Thủ tục đăng ký khai sinh (1.001193)',
    procedureCode: '1.001193',
    content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ cư trú vì đã có Cơ sở dữ liệu quốc gia về dân cư.',
    sender: { name: 'Phạm Văn Góp', address: 'Thôn Đông, xã Văn Giang, tỉnh Hưng Yên', phone: '0987654321' },
  };

  it('logs a feedback with its code PAKN.yyyymmdd.nnnn and tracks it without the sender’s data', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/public/pakn', payload: feedback });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ code: 'PAKN.20261123.0001', status: 'received' });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/public/pakn', payload: feedback });
    expect(second.json().code).toBe('PAKN.20261123.0002');

    const tracked = await t.app.inject({ url: '/api/v1/public/pakn/PAKN.20261123.0001' });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({
      code: 'PAKN.20261123.0001',
      kindLabel: { vi: 'Kiến nghị' },
      status: 'received',
      receivedAt: '2026-11-23T09:00:00+07:00',
    });
    for (const secret of ['Phạm Văn Góp', '0987654321', 'Văn Giang', 'Đề nghị bỏ']) {
      expect(tracked.body).not.toContain(secret);
    }
    expect((await t.app.inject({ url: '/api/v1/public/pakn/PAKN.20261123.0099' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/public/pakn/PAKN-1' })).statusCode).toBe(400);
  });

  it('requires the sender’s name, address and phone (Decree 20/2008), with Vietnamese messages', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/pakn',
      payload: { ...feedback, sender: { name: 'A B' } },
    });
    expect(missing.statusCode).toBe(400);
    const pointers = missing.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/sender/address', '/sender/phone']));
    expect(missing.json().errors[0].message).toBe('Trường này là bắt buộc.');
  });

  it('limits submissions per client address', async () => {
    for (let i = 0; i < 10; i += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/pakn',
        payload: feedback,
        remoteAddress: '198.51.100.4',
      });
      expect(response.statusCode).toBe(201);
    }
    const limited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/pakn',
      payload: feedback,
      remoteAddress: '198.51.100.4',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('a browser signed in as an official and as a citizen at once', () => {
  it('lets the portal act as the citizen: the official’s session is ignored on the portal’s endpoints', async () => {
    const official = await signIn(t.app, 'tiepnhan');
    const citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, 'Mat-khau-cong-dan-2026');
    const both = { cookie: `${official.cookie}; ${citizen.cookie}`, 'x-csrf-token': citizen.csrfToken };

    // Feedback sent from the portal carries the citizen's CSRF token and is the citizen's.
    const feedback = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/pakn',
      remoteAddress: '10.0.0.41',
      headers: both,
      payload: {
        provinceCode: '33',
        kind: 'phan_anh',
        topic: 'conduct',
        regulation: 'Thủ tục đăng ký khai sinh',
        content: 'Cán bộ hẹn trả kết quả nhưng đến ngày hẹn chưa có kết quả, cũng không có thư xin lỗi.',
        sender: { name: DEMO_CITIZEN.fullName, address: 'Phường Phố Hiến, tỉnh Hưng Yên', phone: '0912345678' },
      },
    });
    expect(feedback.statusCode, feedback.body).toBe(201);

    // Signing out of the portal ends the citizen's session, not the official's.
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/logout', headers: both });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: citizen.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: official.headers })).statusCode).toBe(200);
  });
});
