import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertUserRole, listOpenSipasInvitations } from '@motcua/db';
import { DEFAULT_QUESTIONNAIRE, listQuestions } from '@motcua/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstallationSecret } from '../auth/installation-secret.js';
import { seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { seedSyntheticDossiers } from '../usecases/reports/synthetic.js';
import { deriveInvitationToken } from '../usecases/sipas/sipas-access.js';

// Issue 18 items 2 and 3: the survey link and QR code on the slip handed over with the result (for a
// dossier in the sample of an open campaign), answered once; and the index report beside last year's.

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sipas-slip-'));
  try {
    const file = join(dir, 'slip.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

let t: TestApp;
let world: World;
const clock = fixedClock('2026-11-23T09:00:00+07:00');

const LIKERT_KEYS = listQuestions(DEFAULT_QUESTIONNAIRE)
  .filter((q) => q.question.type === 'likert5')
  .map((q) => q.question.key);
/** Every Likert question answered `value`, one of them "not applicable" (11 valid answers of 12). */
const answersOf = (value: 1 | 2 | 3 | 4 | 5) => ({
  ...Object.fromEntries(LIKERT_KEYS.map((key) => [key, value])),
  feedback_answer: 'no_answer',
  channel: 'counter',
});

const headersOf = async (who: string) => (await signIn(t.app, who)).headers;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  await seedSyntheticDossiers(t.database.db, {
    provinceCode: '33',
    dossiers: 60,
    fromYear: 2025,
    toYear: 2025,
    now: new Date('2026-01-05T02:00:00Z'),
    untilDay: '2025-12-10',
    batchSize: 60,
  });
  await insertUserRole(t.database.db, {
    userId: world.users.qttinh?.id ?? '',
    agencyId: world.agencies.province?.id ?? '',
    role: 'sipas_organiser',
    includeSubagencies: true,
    grantedBy: null,
  });
  await insertUserRole(t.database.db, {
    userId: world.users.trakq?.id ?? '',
    agencyId: world.agencies.province?.id ?? '',
    role: 'surveyor',
    includeSubagencies: false,
    grantedBy: null,
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const act = async (who: string, code: string, action: string, at: string, params = {}, extra = {}) => {
  clock.set(at);
  const current = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await headersOf('motcua') });
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: await headersOf(who),
    payload: { expectedVersion: current.json().version, params, ...extra },
  });
  expect(response.statusCode, `${action} ${response.body}`).toBe(200);
  return response.json();
};

const campaignAct = async (id: string, action: string) => {
  const current = await t.app.inject({ url: `/api/v1/sipas/campaigns/${id}`, headers: await headersOf('qttinh') });
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/sipas/campaigns/${id}/actions`,
    headers: await headersOf('qttinh'),
    payload: { action, expectedVersion: current.json().campaign.version },
  });
  expect(response.statusCode, `${action} ${response.body}`).toBe(200);
};

const createCampaign = async (year: number) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sipas/campaigns',
    headers: await headersOf('qttinh'),
    payload: {
      provinceCode: '33',
      year,
      title: `Khảo sát sự hài lòng năm ${year}`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};

const answer = (token: string, value: 1 | 2 | 3 | 4 | 5) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public/sipas/invitations/${token}/answers`,
    payload: { answers: answersOf(value) },
  });

const slipOf = async (code: string) => {
  const response = await t.app.inject({
    url: `/api/v1/dossiers/${code}/forms/control_slip.pdf`,
    headers: await headersOf('motcua'),
  });
  expect(response.statusCode, response.body).toBe(200);
  return pdfText(response.rawPayload);
};

let lastYear = '';
let thisYear = '';
let code = '';

describe('the survey on the result slip, and the index beside last year’s', () => {
  it('publishes last year’s index from known answers (22 satisfied of 33 valid)', async () => {
    lastYear = await createCampaign(2025);
    await campaignAct(lastYear, 'draw_sample');
    await campaignAct(lastYear, 'open');
    const secret = await getInstallationSecret(t.ctx);
    const invitations = await listOpenSipasInvitations(t.database.db, { campaignId: lastYear, limit: 3 });
    const [a, b, c] = invitations.map((i) => deriveInvitationToken(secret, lastYear, i.dossierId));
    if (!a || !b || !c) {
      throw new Error('no invitations');
    }
    expect((await answer(a, 5)).statusCode).toBe(201);
    // The second respondent agrees to be identified and contacted; a contact without a phone or email is refused.
    const withContact = (contact: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/sipas/invitations/${b}/answers`,
        payload: { answers: { ...answersOf(4), comment: 'Nên có thêm ghế chờ' }, contact },
      });
    const incomplete = await withContact({ name: 'Lê Văn Góp' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors[0].pointer).toBe('/contact');
    expect((await withContact({ name: 'Lê Văn Góp', phone: '0987654321' })).statusCode).toBe(201);
    expect((await answer(c, 2)).statusCode).toBe(201);
    await campaignAct(lastYear, 'close');
    await campaignAct(lastYear, 'publish');
    const detail = (
      await t.app.inject({ url: `/api/v1/sipas/campaigns/${lastYear}`, headers: await headersOf('qttinh') })
    ).json();
    expect(detail.province.index).toMatchObject({ numerator: 22, base: 33, percent: 66.67 });
    expect(detail.yearOnYear).toBeNull();
    // Anonymous answers stay counts; the one given with consent is readable, with its contact and answers in words.
    expect(JSON.stringify(detail)).not.toContain('Lê Văn Góp');
    const consented = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${lastYear}/consented-responses`,
      headers: await headersOf('qttinh'),
    });
    expect(consented.statusCode, consented.body).toBe(200);
    expect(consented.json().items).toHaveLength(1);
    const [item] = consented.json().items;
    expect(item.contact).toEqual({ name: 'Lê Văn Góp', phone: '0987654321' });
    expect(item.mode).toBe('online');
    expect(item.answeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(item.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: LIKERT_KEYS[0], answer: 'Hài lòng' }),
        expect.objectContaining({ key: 'comment', answer: 'Nên có thêm ghế chờ' }),
        expect.objectContaining({ key: 'feedback_answer', answer: 'Không trả lời / Không áp dụng' }),
      ]),
    );
  });

  it('returns a dossier with its control slip, which carries no survey before the dossier is sampled', async () => {
    clock.set('2026-11-23T09:00:00+07:00');
    const received = await t.app.inject({
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
    expect(received.statusCode, received.body).toBe(201);
    code = received.json().code;
    await act('motcua', code, 'forward', '2026-11-23T10:00:00+07:00');
    await act('chuyenvien', code, 'accept_handoff', '2026-11-23T11:00:00+07:00');
    await act('chuyenvien', code, 'complete_step', '2026-11-23T14:00:00+07:00');
    await act(
      'lanhdao',
      code,
      'complete',
      '2026-11-24T09:00:00+07:00',
      { outcome: 'approved' },
      { results: [{ name: 'Giấy khai sinh', documentNo: '12/2026' }] },
    );
    const returned = await act('motcua', code, 'return_result', '2026-11-24T10:00:00+07:00', { channel: 'counter' });
    // The desk is offered the control slip to print, its return block filled.
    expect(returned.form).toBe('control_slip');
    const slip = await slipOf(code);
    expect(slip).toContain('Trả: 10 giờ 00 phút');
    expect(slip).not.toContain('Quét mã để đánh giá mức độ hài lòng');
  });

  it('prints the one-time survey link and its QR code on the slip once the dossier is in an open sample', async () => {
    thisYear = await createCampaign(2026);
    await campaignAct(thisYear, 'draw_sample');
    // Sampled, not yet open: the link would not take an answer, so it is not printed yet.
    expect(await slipOf(code)).not.toContain('Quét mã để đánh giá mức độ hài lòng');
    await campaignAct(thisYear, 'open');
    const slip = await slipOf(code);
    expect(slip).toContain('Quét mã để đánh giá mức độ hài lòng');
    const link = slip.replace(/\s+/g, '').match(/\/khao-sat\/([A-Za-z0-9_-]{16,64})/);
    expect(link).not.toBeNull();
    const token = link?.[1] ?? '';
    // Every print carries the same link (the token is derived, never stored).
    expect((await slipOf(code)).replace(/\s+/g, '')).toContain(`/khao-sat/${token}`);

    const view = await t.app.inject({ url: `/api/v1/public/sipas/invitations/${token}` });
    expect(view.json()).toMatchObject({ state: 'open', campaignTitle: 'Khảo sát sự hài lòng năm 2026' });
    expect((await answer(token, 5)).statusCode).toBe(201);
    const again = await answer(token, 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SIPAS_ALREADY_ANSWERED');
    // Answered: later prints no longer invite.
    expect(await slipOf(code)).not.toContain('Quét mã để đánh giá mức độ hài lòng');
  });

  it('shows last year beside this year per factor and overall, with counts and the difference in points', async () => {
    const detail = (
      await t.app.inject({ url: `/api/v1/sipas/campaigns/${thisYear}`, headers: await headersOf('qttinh') })
    ).json();
    expect(detail.province.index).toMatchObject({ numerator: 11, base: 11, percent: 100 });
    const yoy = detail.yearOnYear;
    expect(yoy.previousCampaign).toMatchObject({ id: lastYear, year: 2025 });
    expect(yoy.province.overall).toEqual({
      key: 'overall',
      current: { numerator: 11, base: 11, percent: 100 },
      previous: { numerator: 22, base: 33, percent: 66.67 },
      difference: 33.33,
    });
    expect(yoy.province.factors.map((f: { key: string }) => f.key)).toEqual(
      DEFAULT_QUESTIONNAIRE.factors.map((f) => f.key),
    );
    for (const factor of yoy.province.factors) {
      expect(factor.previous.percent).toBe(66.67);
      expect(factor.current.percent).toBe(100);
      expect(factor.difference).toBe(33.33);
    }

    const pdf = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${thisYear}/report.pdf`,
      headers: await headersOf('qttinh'),
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('III. So sánh với năm 2025');
    expect(text).toContain('22/33');
    expect(text).toContain('66,67 %');
    expect(text).toContain('+33,33');
    expect(text).toContain('IV. Chỉ số theo cơ quan, đơn vị');

    const xlsx = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${thisYear}/report.xlsx`,
      headers: await headersOf('qttinh'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('So sánh cùng kỳ');
    const overall = sheet
      ?.getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === 'Chỉ số hài lòng chung (toàn tỉnh)') as unknown[] | undefined;
    expect(overall?.slice(2)).toEqual([22, 33, 66.67, 11, 11, 100, 33.33]);
  });

  it('gives a surveyor the entry form without figures, and marks the answer entered by phone', async () => {
    const surveyor = await headersOf('trakq');
    const open = await t.app.inject({ url: '/api/v1/sipas/survey/campaigns?provinceCode=33', headers: surveyor });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().items.map((c: { id: string }) => c.id)).toEqual([thisYear]);
    const form = await t.app.inject({ url: `/api/v1/sipas/survey/campaigns/${thisYear}`, headers: surveyor });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ acceptsAnswers: true, agencies: [{ agencyId: world.agencies.centre?.id }] });
    expect(form.body).not.toContain('numerator');
    // The surveyor does not read the index.
    expect((await t.app.inject({ url: `/api/v1/sipas/campaigns/${thisYear}`, headers: surveyor })).statusCode).toBe(
      404,
    );
    const entered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sipas/campaigns/${thisYear}/responses`,
      headers: surveyor,
      payload: { agencyId: world.agencies.centre?.id, mode: 'phone', answers: answersOf(2) },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const detail = (
      await t.app.inject({ url: `/api/v1/sipas/campaigns/${thisYear}`, headers: await headersOf('qttinh') })
    ).json();
    expect(detail.province).toMatchObject({ responses: 2, online: 1, phone: 1 });
    expect(detail.province.index).toMatchObject({ numerator: 11, base: 22 });
  });
});
