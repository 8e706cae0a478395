import { findDossierByCode, listIssuedForms } from '@motcua/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, type World } from '../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.js';
import { storeIssuedForm } from './forms.js';

let t: TestApp;
let world: World;
// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
});

afterAll(async () => {
  await t?.close();
});

const headersOf = async (username: string) => (await signIn(t.app, username)).headers;

const intake = async (address = 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên') => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: await headersOf('motcua'),
    payload: {
      receivingAgencyId: world.agencies.centre?.id,
      procedureCode: '1.001193',
      channel: 'direct',
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Thị Ánh Tuyết',
        idNumber: '033190001234',
        dateOfBirth: '1990-05-20',
        gender: 'female',
        address: { text: address, communeCode: '11953' },
        phone: '0912345678',
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().code as string;
};

const act = async (username: string, code: string, action: string, params: Record<string, unknown> = {}) => {
  const current = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await headersOf('motcua') });
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: await headersOf(username),
    payload: { expectedVersion: current.json().version, params },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const print = async (code: string, form: string) => {
  const response = await t.app.inject({
    url: `/api/v1/dossiers/${code}/forms/${form}.pdf`,
    headers: await headersOf('motcua'),
  });
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
};

const textOf = async (pdf: Buffer): Promise<string> => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  return text.normalize('NFC').replace(/\s+/g, ' ');
};

describe('issued forms are records', () => {
  it('stores the receipt when issued and reprints the same bytes, even after an apology moves the appointment', async () => {
    clock.set('2026-11-23T09:00:00+07:00');
    const code = await intake();
    const dossier = await findDossierByCode(t.database.db, code);
    if (!dossier) {
      throw new Error(code);
    }
    // The intake wrote a form-issued job in its transaction; running it stores the receipt.
    const jobs = await sql<{ form: string; seq: number }>`
      select data->>'form' as form, (data->>'seq')::int as seq from pgboss.job
      where name = 'form-issued' and data->>'dossierId' = ${dossier.id}`.execute(t.database.db);
    expect(jobs.rows).toEqual([{ form: 'receipt', seq: 1 }]);
    const stored = await storeIssuedForm(t.ctx, { dossierId: dossier.id, seq: 1 });
    expect(stored?.form).toBe('receipt');
    expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);

    clock.set('2026-11-23T15:00:00+07:00');
    const first = await print(code, 'receipt');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(first).digest('hex')).toBe(stored?.sha256);
    expect(await textOf(first)).toContain('Thời gian hẹn trả kết quả: 09 giờ 00 phút, ngày 30/11/2026');

    // Processing, then an apology with a new appointment.
    await act('motcua', code, 'forward');
    clock.set('2026-11-24T09:00:00+07:00');
    await act('chuyenvien', code, 'accept_handoff');
    clock.set('2026-11-25T09:00:00+07:00');
    await act('lanhdao', code, 'apologize', { newDueAt: '2026-12-04T16:00:00+07:00', reason: 'Cần xác minh thêm' });

    // The reprint a week later is the receipt the applicant holds, byte for byte.
    clock.set('2026-12-01T10:00:00+07:00');
    const reprint = await print(code, 'receipt');
    expect(Buffer.compare(reprint, first)).toBe(0);
    // The new date is on the apology form, which is itself stored when first drawn and reprinted identically.
    const apology = await print(code, 'apology');
    const apologyText = await textOf(apology);
    expect(apologyText).toContain('16 giờ 00 phút, ngày 04/12/2026');
    expect(Buffer.compare(await print(code, 'apology'), apology)).toBe(0);
    const issued = await listIssuedForms(t.database.db, dossier.id);
    expect(issued.map((row) => [row.form, row.eventSeq])).toEqual([
      ['receipt', 1],
      ['apology', 4],
    ]);
    // Running the apology's job afterwards changes nothing: the first record stays.
    const again = await storeIssuedForm(t.ctx, { dossierId: dossier.id, seq: 4 });
    expect(again?.sha256).toBe(issued[1]?.fileSha256);
  });
});

describe('accountable steps', () => {
  it('names who gave, took and did each step on the dossier and the control slip, worded by the timeliness rule', async () => {
    clock.set('2026-11-23T09:00:00+07:00');
    const code = await intake();
    clock.set('2026-11-23T10:00:00+07:00');
    await act('motcua', code, 'forward');
    clock.set('2026-11-23T14:00:00+07:00');
    await act('chuyenvien', code, 'accept_handoff');
    clock.set('2026-11-24T15:00:00+07:00');
    await act('chuyenvien', code, 'complete_step');

    const view = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await headersOf('motcua') })).json();
    const desk = 'Lý Thị Một Cửa';
    expect(view.steps[0]).toMatchObject({ receivedByName: desk, completedByName: desk, givenByName: null });
    expect(view.steps[1]).toMatchObject({
      givenByName: desk,
      receivedByName: 'Trần Văn Chuyên',
      completedByName: 'Trần Văn Chuyên',
      timeliness: { timeliness: expect.stringMatching(/^(early|on_time|late)$/) },
    });
    expect(view.steps[2]).toMatchObject({ givenByName: 'Trần Văn Chuyên', completedByName: null });
    expect(view.timeliness).toEqual({ timeliness: 'in_time', vi: 'Trong hạn', en: 'Within time' });

    const slip = await textOf(await print(code, 'control_slip'));
    expect(slip).toContain('Trần Văn Chuyên');
    expect(slip).toContain(desk);
    expect(slip).toMatch(/Trước hạn|Đúng hạn|Quá hạn/);
    expect(slip).not.toContain('Hoàn thành');
  });
});

describe('the full address', () => {
  it('prints the commune and province chosen at intake after what was typed, on the receipt and in the book', async () => {
    clock.set('2026-11-26T09:00:00+07:00');
    const code = await intake('Số 7 ngõ 3 phố Bãi Sậy');
    const full = 'Số 7 ngõ 3 phố Bãi Sậy, phường Phố Hiến, tỉnh Hưng Yên';
    expect(await textOf(await print(code, 'receipt'))).toContain(`Địa chỉ: ${full}`);
    const book = await t.app.inject({
      url: `/api/v1/reports/tracking-book?agency=${world.agencies.centre?.id}&from=2026-11-26&to=2026-11-26`,
      headers: await headersOf('motcua'),
    });
    expect(book.statusCode).toBe(200);
    expect(book.json().items.find((row: { dossierCode: string }) => row.dossierCode === code)?.address).toBe(full);
  });
});
