import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertUserRole, listOpenSipasInvitations } from '@motcua/db';
import { computeSampleSize, DEFAULT_QUESTIONNAIRE, listQuestions } from '@motcua/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstallationSecret } from '../auth/installation-secret.js';
import { seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { configurePortalServices } from '../usecases/portal/services.js';
import { seedSyntheticDossiers } from '../usecases/reports/synthetic.js';
import { findAgencySatisfactionIndex } from '../usecases/sipas/agency-index.js';
import { sendSipasInvitations } from '../usecases/sipas/send-invitations.js';
import { deriveInvitationToken } from '../usecases/sipas/sipas-access.js';

/** The text of a PDF as poppler's pdftotext reads it (what a reader, or a search, finds in the file). */
const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sipas-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

let t: TestApp;
let world: World;
const clock = fixedClock('2026-02-10T09:00:00+07:00');

const LIKERT_KEYS = listQuestions(DEFAULT_QUESTIONNAIRE)
  .filter((q) => q.question.type === 'likert5')
  .map((q) => q.question.key);
/** Every Likert question answered `value`, one of them "not applicable". */
const answersOf = (value: 1 | 2 | 3 | 4 | 5) => ({
  ...Object.fromEntries(LIKERT_KEYS.map((key) => [key, value])),
  feedback_answer: 'no_answer',
  channel: 'counter',
  comment: 'Cán bộ nhiệt tình',
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  await seedSyntheticDossiers(t.database.db, {
    provinceCode: '33',
    dossiers: 1200,
    fromYear: 2025,
    toYear: 2025,
    now: new Date('2026-01-05T02:00:00Z'),
    untilDay: '2025-12-10',
    batchSize: 600,
  });
  const province = world.agencies.province?.id ?? '';
  // The province's Department of Home Affairs runs the survey; a surveyor enters paper forms.
  await insertUserRole(t.database.db, {
    userId: world.users.qttinh?.id ?? '',
    agencyId: province,
    role: 'sipas_organiser',
    includeSubagencies: true,
    grantedBy: null,
  });
  await insertUserRole(t.database.db, {
    userId: world.users.trakq?.id ?? '',
    agencyId: province,
    role: 'surveyor',
    includeSubagencies: false,
    grantedBy: null,
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const headersOf = async (who: string) => (await signIn(t.app, who)).headers;

const createCampaign = async (title: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sipas/campaigns',
    headers: await headersOf('qttinh'),
    payload: { provinceCode: '33', year: 2025, title, periodFrom: '2025-01-01', periodTo: '2025-12-31' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; status: string };
};

const act = async (id: string, action: string, body: object = {}, who = 'qttinh') => {
  const current = await t.app.inject({ url: `/api/v1/sipas/campaigns/${id}`, headers: await headersOf('qttinh') });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/sipas/campaigns/${id}/actions`,
    headers: await headersOf(who),
    payload: { action, expectedVersion: current.json().campaign.version, ...body },
  });
};

const tokensOf = async (campaignId: string) => {
  const secret = await getInstallationSecret(t.ctx);
  const invitations = await listOpenSipasInvitations(t.database.db, { campaignId, limit: 1000 });
  return invitations.map((i) => ({
    token: deriveInvitationToken(secret, campaignId, i.dossierId),
    dossierId: i.dossierId,
  }));
};

describe('a SIPAS campaign from design to published index', () => {
  let campaignId = '';

  it('draws a sample of n = ⌈N/(1+N·e²)⌉ stratified by agency, reproducible from its seed', async () => {
    const campaign = await createCampaign('Khảo sát sự hài lòng năm 2025');
    campaignId = campaign.id;
    expect(campaign.status).toBe('draft');
    const drawn = await act(campaign.id, 'draw_sample', { seed: 'hung-yen-2025' });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const sampled = drawn.json();
    expect(sampled).toMatchObject({ status: 'sampled', seed: 'hung-yen-2025' });
    expect(sampled.population).toBeGreaterThan(100);
    expect(sampled.sampleSize).toBe(computeSampleSize(sampled.population, 500));

    const detail = (
      await t.app.inject({ url: `/api/v1/sipas/campaigns/${campaign.id}`, headers: await headersOf('qttinh') })
    ).json();
    const strata = detail.agencies as { population: number; sampleSize: number }[];
    expect(strata.reduce((s, a) => s + a.sampleSize, 0)).toBe(sampled.sampleSize);
    expect(strata.reduce((s, a) => s + a.population, 0)).toBe(sampled.population);
    expect((await tokensOf(campaign.id)).length).toBe(sampled.sampleSize);

    // The same seed on the same population draws the same dossiers.
    const twin = await createCampaign('Bản sao để kiểm tra tái lập mẫu');
    expect((await act(twin.id, 'draw_sample', { seed: 'hung-yen-2025' })).statusCode).toBe(200);
    const dossiers = async (id: string) => (await tokensOf(id)).map((x) => x.dossierId).sort();
    expect(await dossiers(twin.id)).toEqual(await dossiers(campaign.id));
    const other = await createCampaign('Hạt giống khác');
    expect((await act(other.id, 'draw_sample', { seed: 'khac' })).statusCode).toBe(200);
    expect(await dossiers(other.id)).not.toEqual(await dossiers(campaign.id));
  });

  it('refuses a stale version and an action out of turn', async () => {
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sipas/campaigns/${campaignId}/actions`,
      headers: await headersOf('qttinh'),
      payload: { action: 'open', expectedVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const early = await act(campaignId, 'publish');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SIPAS_CAMPAIGN_STATE');
    // Only the organiser moves a campaign.
    expect((await act(campaignId, 'open', {}, 'lanhdao')).statusCode).toBe(403);
  });

  it('takes one answer per link, refuses the second, and keeps answers anonymous', async () => {
    expect((await act(campaignId, 'open')).statusCode).toBe(200);
    const [first, second] = await tokensOf(campaignId);
    if (!first || !second) {
      throw new Error('no invitations');
    }
    const view = await t.app.inject({ url: `/api/v1/public/sipas/invitations/${first.token}` });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ state: 'open', campaignTitle: 'Khảo sát sự hài lòng năm 2025' });
    expect(view.body).not.toContain(first.dossierId);

    const incomplete = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sipas/invitations/${first.token}/answers`,
      payload: { answers: { access_place_facilities: 5, channel: 'fax' } },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().code).toBe('SIPAS_ANSWERS_INVALID');
    expect(incomplete.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/answers/channel');
    const outOfScale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sipas/invitations/${first.token}/answers`,
      payload: { answers: { access_place_facilities: 9 } },
    });
    expect(outOfScale.statusCode).toBe(400);

    const answer = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/sipas/invitations/${first.token}/answers`,
        payload: { answers: answersOf(5) },
      });
    expect((await answer()).statusCode).toBe(201);
    const again = await answer();
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SIPAS_ALREADY_ANSWERED');
    expect(again.json().detail).toContain('chỉ được trả lời một lần');
    expect((await t.app.inject({ url: `/api/v1/public/sipas/invitations/${first.token}` })).json().state).toBe(
      'answered',
    );
    expect((await t.app.inject({ url: '/api/v1/public/sipas/invitations/khong-co-phieu-nay-abc' })).statusCode).toBe(
      404,
    );

    // A surveyor enters the second invitee's paper form: that link is used too.
    const detail = (
      await t.app.inject({ url: `/api/v1/sipas/campaigns/${campaignId}`, headers: await headersOf('qttinh') })
    ).json();
    const agencyOfSecond = (await listOpenSipasInvitations(t.database.db, { campaignId, limit: 1000 })).find(
      (i) => i.dossierId === second.dossierId,
    );
    const agencyId = detail.agencies.find(
      (a: { agencyName: string }) => a.agencyName === agencyOfSecond?.agencyName,
    )?.agencyId;
    const paper = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sipas/campaigns/${campaignId}/responses`,
      headers: await headersOf('trakq'),
      payload: { agencyId, mode: 'paper', answers: answersOf(2), invitationToken: second.token },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sipas/invitations/${second.token}/answers`,
      payload: { answers: answersOf(4) },
    });
    expect(late.json().code).toBe('SIPAS_ALREADY_ANSWERED');
    // A receptionist is no surveyor.
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sipas/campaigns/${campaignId}/responses`,
      headers: await headersOf('tiepnhan'),
      payload: { agencyId, mode: 'phone', answers: answersOf(4) },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('sends the invitations once, and reminders only to those who have not answered', async () => {
    const sms: string[] = [];
    configurePortalServices(t.ctx, {
      sms: {
        name: 'webhook',
        enabled: true,
        send: async (message) => {
          sms.push(message.text);
        },
      },
    });
    const unanswered = (await listOpenSipasInvitations(t.database.db, { campaignId, limit: 1000 })).length;
    const first = await sendSipasInvitations(t.ctx, { campaignId, reminder: false });
    expect(first.sent + first.skipped).toBe(unanswered);
    expect(first.failed).toBe(0);
    expect(sms.length).toBe(first.sent);
    expect(sms.every((text) => text.includes('/khao-sat/'))).toBe(true);
    // A retried job finds every invitation sent already.
    expect(await sendSipasInvitations(t.ctx, { campaignId, reminder: false })).toEqual({
      sent: 0,
      skipped: 0,
      failed: 0,
    });
    const reminder = await sendSipasInvitations(t.ctx, { campaignId, reminder: true });
    expect(reminder.sent + reminder.skipped).toBe(unanswered);
    // The remind action queues the job; only the organiser may ask for it.
    expect((await act(campaignId, 'remind')).statusCode).toBe(200);
  });

  it('computes the index exactly from the answer counts, per agency and for the province', async () => {
    const detail = (
      await t.app.inject({ url: `/api/v1/sipas/campaigns/${campaignId}`, headers: await headersOf('qttinh') })
    ).json();
    const province = detail.province;
    expect(province).toMatchObject({ responses: 2, online: 1, paper: 1, phone: 0 });
    // 12 Likert questions each; one "not applicable" per respondent → 11 valid answers each; the online
    // answer (all "Rất hài lòng") gives the 11 satisfied of 22, the paper one ("Không hài lòng") none.
    expect(LIKERT_KEYS).toHaveLength(12);
    expect(province.index.numerator).toBe(11);
    expect(province.index.base).toBe(22);
    // Mean of the factors: four factors 1/2 each (one 5 and one 2); feedback has 1/2 too (its other question
    // answered by both) → 50 %.
    expect(province.index.percent).toBe(50);
    expect(province.marginOfError).toBeGreaterThan(0);
    const body = JSON.stringify(detail);
    expect(body).not.toContain('Cán bộ nhiệt tình'); // free texts are not in the officials' figures

    const workbook = new ExcelJS.Workbook();
    const xlsx = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${campaignId}/report.xlsx`,
      headers: await headersOf('qttinh'),
    });
    expect(xlsx.statusCode).toBe(200);
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tiến độ và chỉ số');
    const values = sheet?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain('Toàn tỉnh');

    const pdf = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${campaignId}/report.pdf`,
      headers: await headersOf('qttinh'),
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Chỉ số hài lòng: 50,00 % (11/22');
    expect(text).toContain('II. Chỉ số theo yếu tố');
    for (const factor of DEFAULT_QUESTIONNAIRE.factors) {
      expect(text.replace(/\s+/g, ' ')).toContain(factor.vi);
    }
    for (const agency of detail.agencies) {
      expect(text).toContain(agency.agencyName);
    }
  });

  it('shows an agency’s readers only their agencies', async () => {
    const response = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${campaignId}`,
      headers: await headersOf('lanhdao'),
    });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    const justice = world.agencies.justice?.id;
    expect(detail.agencies.every((a: { agencyId: string }) => a.agencyId === justice)).toBe(true);
    expect(detail.province).toBeNull();
    const pdf = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${campaignId}/report.pdf`,
      headers: await headersOf('lanhdao'),
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('I. Chỉ số theo cơ quan, đơn vị');
    expect(text).not.toContain('Chỉ số hài lòng toàn tỉnh');
    const foreign = await t.app.inject({
      url: `/api/v1/sipas/campaigns/${campaignId}`,
      headers: await headersOf('hanoi'),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('closes, publishes a frozen index and gives each agency its yearly index', async () => {
    expect((await act(campaignId, 'close')).statusCode).toBe(200);
    const [, , third] = await tokensOf(campaignId);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sipas/invitations/${third?.token}/answers`,
      payload: { answers: answersOf(5) },
    });
    expect(closed.json().code).toBe('SIPAS_NOT_OPEN');
    const published = await act(campaignId, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    const detail = (
      await t.app.inject({ url: `/api/v1/sipas/campaigns/${campaignId}`, headers: await headersOf('qttinh') })
    ).json();
    expect(detail.frozen).toBe(true);
    const answered = detail.agencies.find((a: { responses: number }) => a.responses > 0);
    const index = await findAgencySatisfactionIndex(t.ctx, { agencyId: answered.agencyId, year: 2025 });
    expect(index).toMatchObject({ campaignId, year: 2025, percent: answered.index.percent });
    expect(await findAgencySatisfactionIndex(t.ctx, { agencyId: answered.agencyId, year: 2024 })).toBeUndefined();
  });
});
