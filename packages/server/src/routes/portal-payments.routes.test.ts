import { insertLocalCitizen, insertProcedureAgencies, listPaymentCallbacks } from '@motcua/db';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTrackingPin, getInstallationSecret } from '../auth/installation-secret.js';
import { hashPassword } from '../auth/passwords.js';
import { signResultMessage, verifyInitMessage } from '../payments/checksum.js';
import { getPaymentSecret } from '../payments/provider.js';
import { seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_CITIZEN, seedDemoCitizen } from '../usecases/portal/account/demo-citizen.js';
import { type CitizenSession, multipartFile, samplePdf, signInCitizen } from '../usecases/portal/test-support.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const PASSWORD = 'Mat-khau-cong-dan-2026';

let t: TestApp;
let world: World;
let citizen: CitizenSession;
let code: string;

const agencyId = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

const applicant = {
  kind: 'person',
  fullName: DEMO_CITIZEN.fullName,
  idNumber: DEMO_CITIZEN.idNumber,
  dateOfBirth: DEMO_CITIZEN.dateOfBirth,
  gender: 'male',
  address: { text: DEMO_CITIZEN.address, communeCode: DEMO_CITIZEN.communeCode },
  phone: DEMO_CITIZEN.phone,
};

const upload = async (session: { headers: Record<string, string> }, url: string, content: Buffer, name: string) => {
  const body = multipartFile(content, name, 'application/pdf');
  return t.app.inject({ method: 'POST', url, headers: { ...session.headers, ...body.headers }, payload: body.payload });
};

/** An official's action on the dossier at its current version (signing in afresh: sessions idle out). */
const act = async (who: string, dossierCode: string, action: string, params: object = {}, extra: object = {}) => {
  const session = await signIn(t.app, who);
  const desk = await signIn(t.app, 'motcua');
  const current = await t.app.inject({ url: `/api/v1/dossiers/${dossierCode}`, headers: desk.headers });
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierCode}/actions/${action}`,
    headers: session.headers,
    payload: { expectedVersion: current.json().version, params, ...extra },
  });
  expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  return response.json();
};

const mine = async () =>
  (await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: citizen.headers })).json();

const startPayment = async () =>
  t.app.inject({ method: 'POST', url: `/api/v1/citizen/dossiers/${code}/payments`, headers: citizen.headers });

const sandbox = async (reference: string, outcome: string) => {
  const page = await t.app.inject({ url: `/api/v1/payments/sandbox/${reference}` });
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/payments/sandbox/${reference}`,
    payload: { outcome, token },
  });
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
  const birth = await seedProcedure(t, { catalog: '33', code: '1.001193' });
  await insertProcedureAgencies(t.database.db, [
    { procedureId: birth.procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
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
  citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, PASSWORD);
  const draft = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/drafts',
      headers: citizen.headers,
      payload: { catalog: '33', procedureCode: '1.001193', data: { applicant, receivingAgencyId: agencyId('centre') } },
    })
  ).json();
  await upload(citizen, `/api/v1/citizen/drafts/${draft.id}/uploads?component=to-khai`, samplePdf('tk'), 'tk.pdf');
  await upload(
    citizen,
    `/api/v1/citizen/drafts/${draft.id}/uploads?component=giay-chung-sinh`,
    samplePdf('cs'),
    'cs.pdf',
  );
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${draft.id}/submit`,
    headers: citizen.headers,
    payload: { expectedVersion: draft.version },
  });
  code = submitted.json().code;
  await act('motcua', code, 'receive');
  await act('motcua', code, 'forward');
  await act('chuyenvien', code, 'accept_handoff');
});

afterAll(async () => {
  await t?.close();
});

describe('paying fees online through the payment platform (sandbox)', () => {
  it('refuses to start a payment when nothing is due', async () => {
    const response = await startPayment();
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('PAYMENT_NOT_DUE');
  });

  it('pays, survives a duplicated callback, and resumes processing with an e-receipt', async () => {
    await act('chuyenvien', code, 'request_payment', { reason: 'Lệ phí cấp bản sao trích lục', amountVnd: 50_000 });
    const before = await mine();
    expect(before.nextStep).toMatchObject({ step: 'pay', amountVnd: 50_000 });

    const started = await startPayment();
    expect(started.statusCode, started.body).toBe(201);
    const payment = started.json();
    expect(payment).toMatchObject({ status: 'pending', amountVnd: 50_000, provider: 'sandbox' });
    expect(payment.paymentUrl).toBe(`http://localhost:3000/api/v1/payments/sandbox/${payment.reference}`);
    // The INIT message carries a MaXacThuc that verifies with the shared secret.
    const row = await t.database.db
      .selectFrom('payment')
      .selectAll()
      .where('reference', '=', payment.reference)
      .executeTakeFirstOrThrow();
    const init = row.initMessage as Parameters<typeof verifyInitMessage>[0];
    expect(init).toMatchObject({
      LoaiBanTin: 'INIT',
      PhienBan: '1.0.6',
      SoTien: '50000',
      MaTienTe: 'VND',
      NgonNgu: 'vi-VN',
    });
    expect(verifyInitMessage(init, await getPaymentSecret(t.ctx))).toBe(true);
    expect(verifyInitMessage({ ...init, SoTien: '5000' }, await getPaymentSecret(t.ctx))).toBe(false);
    // Starting again while it is open answers the same payment.
    expect((await startPayment()).json().reference).toBe(payment.reference);

    const page = await t.app.inject({ url: `/api/v1/payments/sandbox/${payment.reference}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Cổng thanh toán thử nghiệm');
    expect(page.body).toContain('50.000 đồng');
    const forged = await t.app.inject({
      method: 'POST',
      url: `/api/v1/payments/sandbox/${payment.reference}`,
      payload: { outcome: 'success', token: 'not-the-token-of-this-page' },
    });
    expect(forged.statusCode).toBe(403);

    const paid = await sandbox(payment.reference, 'success');
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().callback).toMatchObject({ MaLoi: '00', MaThamChieu: payment.reference });
    // The payer comes back to the dossier's page in their own area.
    expect(paid.json().returnUrl).toBe(`http://localhost:3000/ca-nhan/ho-so/${code}`);
    expect(page.body).toContain(`href="http://localhost:3000/ca-nhan/ho-so/${code}"`);
    const after = await mine();
    expect(after.status).toBe('processing');
    expect(after.history.at(-1)).toMatchObject({ action: 'record_payment', byApplicant: false });
    expect(after.payments[0]).toMatchObject({ status: 'succeeded' });

    // The platform calls again with the same result: recorded, nothing changes.
    const secret = await getPaymentSecret(t.ctx);
    const duplicate = signResultMessage(
      {
        LoaiBanTin: 'PAY',
        MaLoi: '00',
        MaDoiTac: 'MOTCUA',
        MaThamChieu: payment.reference,
        SoTien: '50000',
        MaTienTe: 'VND',
        MaGiaoDich: 'SBX-DUP',
        MaNganHang: 'SANDBOX',
        ThoiGianGD: '20261123090000',
        ThongTinGiaoDich: `THANH TOAN HO SO ${code}`,
      },
      secret,
    );
    for (let i = 0; i < 2; i += 1) {
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/payments/dvcqg/callback', payload: duplicate });
      expect(again.json()).toMatchObject({ MaLoi: '00', MoTaLoi: 'Giao dịch đã được ghi nhận trước đó' });
    }
    const unchanged = await mine();
    expect(unchanged.version).toBe(after.version);
    expect(unchanged.history).toHaveLength(after.history.length);
    const callbacks = await listPaymentCallbacks(t.database.db, row.id);
    expect(callbacks.map((c) => c.outcome)).toEqual(['applied', 'duplicate', 'duplicate']);

    // A forged result (wrong checksum) and an unknown reference are refused and recorded.
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/dvcqg/callback',
      payload: { ...duplicate, SoTien: '1' },
    });
    expect(bad.json().MaLoi).toBe('01');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/dvcqg/callback',
      payload: signResultMessage({ ...duplicate, MaThamChieu: 'KHONGCOGIAODICH' }, secret),
    });
    expect(unknown.json().MaLoi).toBe('02');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/dvcqg/callback',
      payload: { MaLoi: '00' },
    });
    expect(malformed.statusCode).toBe(400);

    const receipt = await t.app.inject({ url: after.payments[0].receiptUrl, headers: citizen.headers });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(receipt.rawPayload);
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Lệ phí cấp bản sao trích lục');
    expect(text).toContain('Năm mươi nghìn đồng');
    expect(text).toContain(payment.reference);
    // Another citizen cannot have it.
    const other = await signInCitizen(t.app, 'nguoikhac', PASSWORD);
    expect((await t.app.inject({ url: after.payments[0].receiptUrl, headers: other.headers })).statusCode).toBe(404);
    expect((await startPayment()).json().code).toBe('PAYMENT_NOT_DUE');
  });

  it('records a failed payment and a timeout without changing the dossier, then pays', async () => {
    await act('chuyenvien', code, 'request_payment', { reason: 'Phí thẩm định bổ sung', amountVnd: 20_000 });
    const first = (await startPayment()).json();
    const failed = await sandbox(first.reference, 'failure');
    expect(failed.json().callback).toMatchObject({ MaLoi: '00', MoTaLoi: 'Đã ghi nhận giao dịch không thành công' });
    const afterFailure = await mine();
    expect(afterFailure.status).toBe('financial_obligation');
    expect(afterFailure.payments.find((p: { reference: string }) => p.reference === first.reference)).toMatchObject({
      status: 'failed',
    });

    const second = (await startPayment()).json();
    expect(second.reference).not.toBe(first.reference);
    const timeout = await sandbox(second.reference, 'timeout');
    expect(timeout.json()).toMatchObject({ outcome: 'timeout', callback: null });
    expect((await mine()).status).toBe('financial_obligation');
    expect((await startPayment()).json().reference).toBe(second.reference);

    // Once the open payment has expired, a new one starts.
    clock.set('2026-11-23T09:20:00+07:00');
    citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, PASSWORD);
    const third = (await startPayment()).json();
    expect(third.reference).not.toBe(second.reference);
    expect((await sandbox(third.reference, 'success')).json().callback.MaLoi).toBe('00');
    expect((await mine()).status).toBe('processing');
    // The late success of the timed-out payment is recorded but pays nothing twice.
    const late = await sandbox(second.reference, 'success');
    expect(late.json().callback.MaLoi).toBe('00');
    const payments = (
      await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}/payments`, headers: citizen.headers })
    ).json().items;
    expect(payments.filter((p: { status: string }) => p.status === 'succeeded')).toHaveLength(3);
    // The late one is kept (real money) but did not count for the dossier: a refund case for the desk.
    expect(payments.find((p: { reference: string }) => p.reference === second.reference)).toMatchObject({
      status: 'succeeded',
      appliedToDossier: false,
    });
    expect((await mine()).status).toBe('processing');
  });
});

describe('results online, public verification, tracking and rating', () => {
  let resultSha: string;
  let resultId: string;

  it('lets the approver attach the result, which is verifiable publicly only once issued', async () => {
    await act('chuyenvien', code, 'complete_step');
    const approver = await signIn(t.app, 'lanhdao');
    const file = multipartFile(samplePdf('giay-khai-sinh-ket-qua'), 'giay-khai-sinh.pdf', 'application/pdf');
    const attached = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/documents?kind=result&name=${encodeURIComponent('Giấy khai sinh')}&documentNo=${encodeURIComponent('215/2026')}`,
      headers: { ...approver.headers, ...file.headers },
      payload: file.payload,
    });
    expect(attached.statusCode, attached.body).toBe(201);
    resultSha = attached.json().sha256;
    resultId = attached.json().id;
    expect(attached.json().verifyUrl).toBe(`http://localhost:3000/v/${resultSha}`);
    // A citizen cannot attach anything on the officials' endpoint.
    const byCitizen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/documents?kind=result&name=X`,
      headers: { ...citizen.headers, ...file.headers },
      payload: file.payload,
    });
    expect(byCitizen.statusCode).toBe(401);

    expect((await t.app.inject({ url: `/api/v1/public/documents/${resultSha}` })).statusCode).toBe(404);
    expect((await mine()).documents.some((d: { kind: string }) => d.kind === 'result')).toBe(false);
    const early = await t.app.inject({
      url: `/api/v1/citizen/dossiers/${code}/documents/${resultId}`,
      headers: citizen.headers,
    });
    expect(early.statusCode).toBe(404);

    await act(
      'lanhdao',
      code,
      'complete',
      { outcome: 'approved' },
      {
        results: [{ name: 'Giấy khai sinh', documentNo: '215/2026', documentId: resultId }],
      },
    );
    const verified = await t.app.inject({ url: `/api/v1/public/documents/${resultSha}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      valid: true,
      sha256: resultSha,
      name: 'Giấy khai sinh',
      documentNo: '215/2026',
      issuer: { name: 'Sở Tư pháp tỉnh Hưng Yên' },
    });
    expect(verified.json().issuedAt).toMatch(/\+07:00$/);
    for (const secret of [DEMO_CITIZEN.fullName, DEMO_CITIZEN.idNumber, DEMO_CITIZEN.phone, 'Phố Hiến', code]) {
      expect(verified.body).not.toContain(secret);
    }
    const page = await t.app.inject({ url: `/v/${resultSha.toUpperCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sở Tư pháp tỉnh Hưng Yên');
    expect(page.body).toContain('215/2026');
    expect((await t.app.inject({ url: `/v/${'0'.repeat(64)}` })).statusCode).toBe(404);
  });

  it('lets the owner download the result, and nobody else', async () => {
    const view = await mine();
    expect(view.nextStep.step).toBe('collect');
    const result = view.documents.find((d: { kind: string }) => d.kind === 'result');
    expect(result).toMatchObject({ name: 'Giấy khai sinh', sha256: resultSha });
    const download = await t.app.inject({ url: result.downloadUrl, headers: citizen.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(samplePdf('giay-khai-sinh-ket-qua'))).toBe(true);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh");
    const other = await signInCitizen(t.app, 'nguoikhac', PASSWORD);
    expect((await t.app.inject({ url: result.downloadUrl, headers: other.headers })).statusCode).toBe(404);
  });

  it('tracks the dossier without signing in, by the last 4 digits or the PIN, answering nothing private', async () => {
    const pin = deriveTrackingPin(await getInstallationSecret(t.ctx), code);
    for (const factor of [DEMO_CITIZEN.idNumber.slice(-4), pin]) {
      const tracked = await t.app.inject({ url: `/api/v1/public/dossiers/${code}?factor=${factor}` });
      expect(tracked.statusCode, tracked.body).toBe(200);
      expect(tracked.json()).toMatchObject({
        code,
        status: 'completed',
        statusLabel: { vi: 'Đã có kết quả' },
        receivingAgency: { name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên' },
        nextStep: { step: 'collect' },
      });
      expect(tracked.json().dueAt).toMatch(/\+07:00$/);
      expect(typeof tracked.json().dueProvisional).toBe('boolean');
      expect(tracked.json().steps[1]).toMatchObject({ agencyName: 'Sở Tư pháp tỉnh Hưng Yên', status: 'done' });
      for (const secret of [
        DEMO_CITIZEN.fullName,
        DEMO_CITIZEN.idNumber,
        DEMO_CITIZEN.phone,
        'Nguyễn Văn Linh',
        'Trần Văn Chuyên',
      ]) {
        expect(tracked.body).not.toContain(secret);
      }
    }
    const wrong = await t.app.inject({ url: `/api/v1/public/dossiers/${code}?factor=0000` });
    const missing = await t.app.inject({ url: `/api/v1/public/dossiers/000.00.10.H31-261123-9999?factor=4321` });
    expect(wrong.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(missing.json()));
    expect(wrong.json().code).toBe('TRACKING_NOT_FOUND');
    const noFactor = await t.app.inject({ url: `/api/v1/public/dossiers/${code}` });
    expect(noFactor.statusCode).toBe(400);
  });

  it('limits guessing per code and per client address', async () => {
    const guessed = '000.00.10.H31-261123-0777';
    for (let i = 0; i < 10; i += 1) {
      expect(
        (await t.app.inject({ url: `/api/v1/public/dossiers/${guessed}?factor=${String(1000 + i)}` })).statusCode,
      ).toBe(404);
    }
    const locked = await t.app.inject({ url: `/api/v1/public/dossiers/${guessed}?factor=1234` });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    // Failures from one address over many codes (no code reaches its own limit) lock the address.
    const address = '203.0.113.7';
    for (let i = 0; i < 60; i += 1) {
      const other = `000.00.10.H31-261123-${String(1000 + i)}`;
      const miss = await t.app.inject({ url: `/api/v1/public/dossiers/${other}?factor=0000`, remoteAddress: address });
      expect(miss.statusCode).toBe(404);
    }
    const busy = await t.app.inject({ url: `/api/v1/public/dossiers/${code}?factor=4321`, remoteAddress: address });
    expect(busy.statusCode).toBe(429);
    expect(busy.json().code).toBe('RATE_LIMITED');
    // Another address is not concerned.
    const elsewhere = await t.app.inject({
      url: `/api/v1/public/dossiers/${code}?factor=0000`,
      remoteAddress: '203.0.113.8',
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('lets the applicant rate the returned dossier once; the desk cannot rate it again', async () => {
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/rating`,
      headers: citizen.headers,
      payload: { overall: 'very_satisfied', easeOfUse: 'satisfied' },
    });
    expect(early.json().code).toBe('RATING_NOT_AVAILABLE');
    await act('motcua', code, 'return_result', { channel: 'online' });
    expect((await mine()).nextStep.step).toBe('rate');

    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/rating`,
      headers: citizen.headers,
      payload: {
        overall: 'very_satisfied',
        easeOfUse: 'satisfied',
        staffAttitude: 'very_satisfied',
        contacts: 'once',
        comment: 'Nhanh gọn',
      },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ overall: 'very_satisfied', scores: { '3': 1, '7': 2, '10': 1, '11': 2 } });
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/rating`,
      headers: citizen.headers,
      payload: { overall: 'dissatisfied', easeOfUse: 'dissatisfied' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('RATING_ALREADY_GIVEN');
    const desk = await signIn(t.app, 'motcua');
    const byDesk = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/rating`,
      headers: desk.headers,
      payload: { overall: 'satisfied', easeOfUse: 'satisfied' },
    });
    expect(byDesk.json().code).toBe('RATING_ALREADY_GIVEN');
    const after = await mine();
    expect(after.nextStep.step).toBe('none');
    expect(after.rating).toMatchObject({
      overall: 'very_satisfied',
      overallLabel: { vi: 'Rất hài lòng', en: 'Very satisfied' },
      channel: 'online',
    });
    // The list says so too: rated, nothing left to do.
    const list = (await t.app.inject({ url: '/api/v1/citizen/dossiers', headers: citizen.headers })).json();
    expect(list.items.find((d: { code: string }) => d.code === code)).toMatchObject({
      status: 'returned',
      nextStep: { step: 'none', label: { vi: 'Hồ sơ đã kết thúc', en: 'The dossier is closed' } },
      rated: true,
    });
    const invalid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/rating`,
      headers: citizen.headers,
      payload: { overall: 'great' },
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('lets counter officers of the receiving agency record a rating taken at the desk, and nobody else', async () => {
    const desk = await signIn(t.app, 'motcua');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: desk.headers,
      payload: {
        receivingAgencyId: agencyId('centre'),
        procedureCode: '1.001193',
        applicant,
        components: [
          { key: 'to-khai', originals: 1, copies: 0 },
          { key: 'giay-chung-sinh', originals: 1, copies: 0 },
        ],
        outcome: 'receive',
      },
    });
    const counter = created.json().code as string;
    await act('motcua', counter, 'forward');
    await act('chuyenvien', counter, 'accept_handoff');
    await act('chuyenvien', counter, 'complete_step');
    await act('lanhdao', counter, 'complete', { outcome: 'approved' }, { results: [{ name: 'Giấy khai sinh' }] });
    await act('motcua', counter, 'return_result', { channel: 'counter' });
    const rating = { overall: 'satisfied', easeOfUse: 'very_satisfied', staffAttitude: 'satisfied' };
    for (const who of ['hanoitn', 'chuyenvien']) {
      const session = await signIn(t.app, who);
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${counter}/rating`,
        headers: session.headers,
        payload: rating,
      });
      expect(refused.statusCode, who).toBe(404);
    }
    const byCitizen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${counter}/rating`,
      headers: citizen.headers,
      payload: rating,
    });
    expect(byCitizen.statusCode).toBe(401);
    const recorded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${counter}/rating`,
      headers: (await signIn(t.app, 'motcua')).headers,
      payload: rating,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ channel: 'counter', scores: { '7': 1, '10': 2, '11': 1 } });
    // The counter dossier is not the citizen's: invisible to them.
    expect(
      (await t.app.inject({ url: `/api/v1/citizen/dossiers/${counter}`, headers: citizen.headers })).statusCode,
    ).toBe(404);
  });
});
