import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_CONTENT } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

let t: TestApp;
// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let centreId = '';

/** The test procedure with a fixed lệ phí at the counter (and none online). */
const WITH_FEE = {
  ...TEST_PROCEDURE_CONTENT,
  channels: [
    {
      channel: 'direct' as const,
      duration: { unit: 'working_days' as const, value: 5 },
      fees: [{ name: 'Lệ phí đăng ký', kind: 'le_phi' as const, amountVnd: 50_000, text: '50.000 đồng' }],
    },
  ],
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  const world = await seedWorld(t);
  centreId = world.agencies.centre?.id ?? '';
  await seedProcedure(t, { catalog: '33', code: '1.000001', content: WITH_FEE });
});

afterAll(async () => {
  await t?.close();
});

const headersOf = async (who: string) => (await signIn(t.app, who)).headers;

const intake = async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: await headersOf('motcua'),
    payload: {
      receivingAgencyId: centreId,
      procedureCode: '1.000001',
      channel: 'direct',
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Thị Ánh Tuyết',
        idNumber: '033190001234',
        dateOfBirth: '1990-05-20',
        gender: 'female',
        address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
        phone: '0912345678',
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().code as string;
};

const versionOf = async (code: string) =>
  (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await headersOf('motcua') })).json()
    .version as number;

const fees = async (code: string, who = 'motcua') =>
  t.app.inject({ url: `/api/v1/dossiers/${code}/fees`, headers: await headersOf(who) });

const pay = async (code: string, who: string, body: Record<string, unknown>, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/fees/payments`,
    headers: { ...(await headersOf(who)), ...(key ? { 'idempotency-key': key } : {}) },
    payload: { expectedVersion: await versionOf(code), ...body },
  });

const act = async (who: string, code: string, action: string, params: object = {}, extra: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: await headersOf(who),
    payload: { expectedVersion: await versionOf(code), params, ...extra },
  });

/** Forward → accept → (optional hook) → complete_step → complete: the result waits at the desk. */
const processToResult = async (code: string, beforeCompletion?: () => Promise<void>) => {
  expect((await act('motcua', code, 'forward')).statusCode).toBe(200);
  expect((await act('chuyenvien', code, 'accept_handoff')).statusCode).toBe(200);
  await beforeCompletion?.();
  expect((await act('chuyenvien', code, 'complete_step')).statusCode).toBe(200);
  const completed = await act(
    'lanhdao',
    code,
    'complete',
    { outcome: 'approved' },
    { results: [{ name: 'Giấy phép', documentNo: '12/2026' }] },
  );
  expect(completed.statusCode, completed.body).toBe(200);
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

describe('fees paid at the counter', () => {
  it('shows what is due, refuses a wrong amount, collects idempotently and blocks the return while owed', async () => {
    const code = await intake();
    const before = (await fees(code)).json();
    expect(before).toMatchObject({ dueVnd: 50_000, paidVnd: 0, owedVnd: 50_000, canRecord: true, payments: [] });
    expect(before.charges).toEqual([
      expect.objectContaining({ key: 'published:0', name: 'Lệ phí đăng ký', kind: 'le_phi', owedVnd: 50_000 }),
    ]);

    const tooMuch = await pay(code, 'motcua', { amountVnd: 60_000, method: 'cash' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'FEE_AMOUNT_EXCEEDS_OWED', owedVnd: 50_000 });
    const cardWithoutRef = await pay(code, 'motcua', { amountVnd: 20_000, method: 'card' });
    expect(cardWithoutRef.statusCode).toBe(400);
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/fees/payments`,
      headers: await headersOf('motcua'),
      payload: { expectedVersion: 99, amountVnd: 20_000, method: 'cash' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    clock.set('2026-11-23T09:10:00+07:00');
    const first = await pay(code, 'motcua', { amountVnd: 20_000, method: 'cash' }, 'fee-key-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      receiptNo: '2026-0000001',
      amountVnd: 20_000,
      method: 'cash',
      appliedToDossier: false,
      owedVnd: 30_000,
      status: 'received',
    });
    // A retry with the same key answers the first receipt and collects nothing more.
    const replay = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/fees/payments`,
      headers: { ...(await headersOf('motcua')), 'idempotency-key': 'fee-key-1' },
      payload: { expectedVersion: first.json().version - 1, amountVnd: 20_000, method: 'cash' },
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect((await fees(code)).json()).toMatchObject({ paidVnd: 20_000, paidCounterVnd: 20_000, owedVnd: 30_000 });

    await processToResult(code);
    const blocked = await act('motcua', code, 'return_result', { channel: 'counter' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'FEE_OWED', owedVnd: 30_000 });
    expect(blocked.json().detail).toContain('30.000');

    clock.set('2026-11-25T10:00:00+07:00');
    const second = await pay(code, 'motcua', { amountVnd: 30_000, method: 'transfer', transactionRef: 'FT26329001' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ receiptNo: '2026-0000002', owedVnd: 0 });
    const settled = (await fees(code)).json();
    expect(settled).toMatchObject({ dueVnd: 50_000, paidVnd: 50_000, owedVnd: 0, canRecord: false });
    expect(settled.payments.map((p: { method: string; collectedBy: string }) => [p.method, p.collectedBy])).toEqual([
      ['cash', 'Lý Thị Một Cửa'],
      ['transfer', 'Lý Thị Một Cửa'],
    ]);
    expect((await pay(code, 'motcua', { amountVnd: 1000, method: 'cash' })).json().code).toBe('FEE_NOTHING_OWED');

    expect((await act('motcua', code, 'return_result', { channel: 'counter' })).statusCode).toBe(200);
    const events = (
      await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: await headersOf('motcua') })
    ).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'collect_fee',
      'forward',
      'accept_handoff',
      'complete_step',
      'complete',
      'collect_fee',
      'return_result',
    ]);

    // The receipt: a stored PDF, the same bytes on every download, in Vietnamese with every diacritic.
    const url = settled.payments[0].receiptUrl as string;
    const receipt = await t.app.inject({ url, headers: await headersOf('motcua') });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const again = await t.app.inject({ url, headers: await headersOf('chuyenvien') });
    expect(again.rawPayload.equals(receipt.rawPayload)).toBe(true);
    const text = await pdfText(receipt.rawPayload);
    for (const expected of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      'Số biên lai: 2026-0000001',
      'Ký hiệu: 000.00.10.H31',
      'Nguyễn Thị Ánh Tuyết',
      'Lệ phí đăng ký',
      '20.000',
      'Hai mươi nghìn đồng',
      'Tiền mặt, nộp tại Bộ phận Một cửa',
      'Người thu tiền: Lý Thị Một Cửa',
      code,
    ]) {
      expect(text).toContain(expected);
    }
    const transfer = await pdfText(
      (await t.app.inject({ url: settled.payments[1].receiptUrl, headers: await headersOf('motcua') })).rawPayload,
    );
    expect(transfer).toContain('Chuyển khoản');
    expect(transfer).toContain('FT26329001');
  });

  it('settles a payment request at the counter and resumes processing', async () => {
    const code = await intake();
    expect((await pay(code, 'motcua', { amountVnd: 50_000, method: 'cash' })).statusCode).toBe(201);
    await processToResult(code, async () => {
      const asked = await act('chuyenvien', code, 'request_payment', {
        reason: 'Phí thẩm định hồ sơ',
        amountVnd: 200_000,
      });
      expect(asked.json()).toMatchObject({ toStatus: 'financial_obligation' });
      expect((await fees(code)).json()).toMatchObject({ dueVnd: 250_000, owedVnd: 200_000 });
      const paid = await pay(code, 'motcua', { amountVnd: 200_000, method: 'card', transactionRef: 'POS-778812' });
      expect(paid.json()).toMatchObject({ appliedToDossier: true, status: 'processing', owedVnd: 0 });
    });
    const events = (
      await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: await headersOf('motcua') })
    ).json().items;
    expect(events.map((e: { action: string }) => e.action)).toContain('record_payment');
    expect((await act('motcua', code, 'return_result', { channel: 'counter' })).statusCode).toBe(200);
  });

  it('lets only the receiving agency’s desk collect; others get 403, outsiders 404', async () => {
    const code = await intake();
    for (const [who, status] of [
      ['chuyenvien', 403],
      ['lanhdao', 403],
      ['thanhtra', 403],
      ['hanoitn', 404],
      ['xaydung', 404],
    ] as const) {
      const attempt = await t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/fees/payments`,
        headers: await headersOf(who),
        payload: { expectedVersion: await versionOf(code), amountVnd: 1000, method: 'cash' },
      });
      expect(attempt.statusCode, who).toBe(status);
    }
    expect((await fees(code, 'hanoitn')).statusCode).toBe(404);
    const visible = (await fees(code, 'chuyenvien')).json();
    expect(visible.canRecord).toBe(false);
  });

  it('counts fee-bearing dossiers and those paid at the counter in the Decision 766 payment group', async () => {
    // The three dossiers above: all fee-bearing, two paid at the counter, none online.
    const report = (
      await t.app.inject({
        url: '/api/v1/reports/service-index?period=2026-11&level=agency',
        headers: await headersOf('qttinh'),
      })
    ).json();
    const unit = report.units.find((u: { name: string }) => u.name === 'Sở Tư pháp tỉnh Hưng Yên');
    expect(unit.payments).toEqual({ feeBearing: 3, paidOnline: 0, paidAtCounter: 2 });
    const payment = unit.result.groups.find((g: { key: string }) => g.key === 'payment').indicators[0];
    expect(payment).toMatchObject({ code: 'ONLINE_PAYMENT', status: 'scored', score: 0 });
    expect(payment.ratio).toMatchObject({ numerator: 0, base: 3 });
    expect(report.notHeld.map((i: { code: string }) => i.code)).not.toContain('ONLINE_PAYMENT');
    const province = (
      await t.app.inject({
        url: '/api/v1/reports/service-index?period=2026-11&level=province',
        headers: await headersOf('qttinh'),
      })
    ).json();
    expect(province.units[0].payments).toEqual({ feeBearing: 3, paidOnline: 0, paidAtCounter: 2 });
  });
});
