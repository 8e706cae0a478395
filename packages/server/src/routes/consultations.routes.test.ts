import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listWorkEvents } from '@motcua/db';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficials, seedWorld, signIn, signInEach, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile } from '../usecases/portal/test-support.js';
import { remindConsultationsDue } from '../usecases/work/consultations/consultation-steps.js';
import { seedTestConsultation } from '../usecases/work/consultations/test-support.js';
import { computeWorkEventHash } from '../usecases/work/work-chain.js';

// Monday 07/12/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let world: World;
const sessions: Record<string, Record<string, string>> = {};
const userIds: Record<string, string> = {};

const PEOPLE = [
  { username: 'soanthao', fullName: 'Hoàng Thị Soạn Thảo', agency: 'justice', role: 'specialist' },
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', agency: 'justice', role: 'agency_head' },
  { username: 'dongnghiep', fullName: 'Lê Văn Đồng Nghiệp', agency: 'justice', role: 'specialist' },
  { username: 'giamdocxd', fullName: 'Vũ Văn Giám Đốc Xây Dựng', agency: 'construction', role: 'agency_head' },
  { username: 'chuyenvienxd', fullName: 'Mai Văn Chuyên Viên', agency: 'construction', role: 'specialist' },
  { username: 'canhan', fullName: 'Phan Thị Cá Nhân', agency: 'centre', role: 'specialist' },
] as const;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const officials = PEOPLE.map((person) => ({ ...person, agencyId: world.agencies[person.agency]?.id ?? '' }));
  Object.assign(userIds, await seedOfficials(t, officials, { includeSubagencies: true }));
  Object.assign(sessions, await signInEach(t.app, PEOPLE));
});

afterAll(async () => {
  await t?.close();
});

const as = (username: string) => sessions[username] ?? {};
const get = async (username: string, id: string) =>
  await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${id}`, headers: as(username) });
const post = (username: string, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: as(username), payload: payload as object });

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'consult-'));
  try {
    const path = join(dir, 'summary.pdf');
    writeFileSync(path, pdf);
    return spawnSync('/usr/bin/pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('consultation on a draft', () => {
  let id = '';

  it('creates a consultation from an uploaded draft, sends it and notifies the recipients', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const form = multipartFile(Buffer.from(await doc.save()), 'du-thao-quy-che.pdf', 'application/pdf');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultation-files',
      headers: { ...as('soanthao'), ...form.headers },
      payload: form.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const created = await post('soanthao', '/api/v1/consultations', {
      agencyId: world.agencies.justice?.id,
      title: 'Dự thảo Quy chế làm việc của Sở Tư pháp',
      deadlineAt: '2026-12-14T17:00:00+07:00',
      draftFile: uploaded.json(),
      recipients: [
        { agencyId: world.agencies.construction?.id },
        { agencyId: world.agencies.justiceDivision?.id },
        { userId: userIds.canhan },
      ],
    });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    // Not sent yet: a recipient does not see it.
    expect((await get('giamdocxd', id)).statusCode).toBe(404);
    const opened = await post('soanthao', `/api/v1/consultations/${id}/open`, {
      expectedVersion: created.json().version,
    });
    expect(opened.json().status).toBe('open');
    const notices = await t.database.db.selectFrom('workNotice').selectAll().where('recordId', '=', id).execute();
    const noticed = new Set(notices.map((n) => n.userId));
    expect(noticed.has(userIds.giamdocxd ?? '')).toBe(true);
    expect(noticed.has(userIds.canhan ?? '')).toBe(true);
    expect(noticed.has(userIds.dongnghiep ?? '')).toBe(false);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consultations?view=to_answer',
      headers: as('chuyenvienxd'),
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('takes answers per article and general, once per recipient; a colleague who is not a head cannot manage', async () => {
    const answer = await post('chuyenvienxd', `/api/v1/consultations/${id}/answers`, {
      agree: false,
      comments: [
        { articleRef: 'khoản 2 Điều 3', body: 'Đề nghị làm rõ thời hạn trình ký.' },
        { body: 'Đề nghị rà soát lỗi chính tả.' },
        { articleRef: 'Điều 1', body: 'Bổ sung phạm vi điều chỉnh.' },
      ],
    });
    expect(answer.statusCode).toBe(200);
    const again = await post('giamdocxd', `/api/v1/consultations/${id}/answers`, { agree: true });
    expect(again.statusCode).toBe(409);
    expect((await post('canhan', `/api/v1/consultations/${id}/answers`, { agree: true })).statusCode).toBe(200);
    // A colleague answering for the division sees it; an official with no consultation role does not.
    expect((await get('dongnghiep', id)).json().canManage).toBe(false);
    const receptionist = (await signIn(t.app, 'tiepnhan')).headers;
    const hidden = await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${id}`, headers: receptionist });
    expect(hidden.statusCode).toBe(404);
    const byRecipient = (await get('canhan', id)).json();
    expect(byRecipient.canManage).toBe(false);
    expect(byRecipient.comments).toHaveLength(0);
  });

  it('needs a response for every comment, then produces the summary as PDF and Excel', async () => {
    let detail = (await get('soanthao', id)).json();
    expect(detail.comments.map((c: { articleRef: string | null }) => c.articleRef)).toEqual([
      'Điều 1',
      'khoản 2 Điều 3',
      null,
    ]);
    const closed = await post('soanthao', `/api/v1/consultations/${id}/close`, { expectedVersion: detail.version });
    expect(closed.json().status).toBe('closed');
    const early = await post('soanthao', `/api/v1/consultations/${id}/summarise`, {
      expectedVersion: closed.json().version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CONSULTATION_SUMMARY_INCOMPLETE');
    const missingText = await post(
      'soanthao',
      `/api/v1/consultations/${id}/comments/${detail.comments[1].id}/response`,
      {
        expectedVersion: closed.json().version,
        response: 'explained',
      },
    );
    expect(missingText.statusCode).toBe(422);
    let version = closed.json().version;
    const responses = [
      { response: 'accepted', responseText: 'Đã bổ sung khoản 3 Điều 1.' },
      { response: 'explained', responseText: 'Thời hạn đã quy định tại Quy chế văn thư.' },
      { response: 'partly_accepted', responseText: 'Đã rà soát một phần.' },
    ];
    for (const [index, comment] of detail.comments.entries()) {
      const stale = index > 0 ? version - 1 : undefined;
      if (stale) {
        const conflict = await post('soanthao', `/api/v1/consultations/${id}/comments/${comment.id}/response`, {
          expectedVersion: stale,
          ...responses[index],
        });
        expect(conflict.statusCode).toBe(409);
      }
      const res = await post('giamdoc', `/api/v1/consultations/${id}/comments/${comment.id}/response`, {
        expectedVersion: version,
        ...responses[index],
      });
      expect(res.statusCode).toBe(200);
      version = res.json().version;
    }
    const done = await post('soanthao', `/api/v1/consultations/${id}/summarise`, { expectedVersion: version });
    expect(done.json().status).toBe('summarised');
    detail = (await get('soanthao', id)).json();
    expect(detail.summary).toMatchObject({
      isComplete: true,
      counts: { recipients: 3, answered: 2, agreed: 1, comments: 3 },
    });

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/${id}/summary.pdf`,
      headers: as('soanthao'),
    });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý');
    expect(text).toContain('Giải trình: Thời hạn');
    expect(text).toContain('STT');
    expect(text).toContain('Không có ý kiến');
    expect(text).toContain('Chưa có ý kiến');
    expect(text.indexOf('Bổ sung phạm vi điều chỉnh')).toBeLessThan(text.indexOf('Đề nghị làm rõ thời hạn'));

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/${id}/summary.xlsx`,
      headers: as('soanthao'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('E8').value).toBe('Tiếp thu: Đã bổ sung khoản 3 Điều 1.');
    expect(sheet?.getCell('D10').value).toBe('Đề nghị rà soát lỗi chính tả.');

    // Once summarised, a recipient may read the table too, but nobody may change it.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/summary.pdf`, headers: as('canhan') }))
        .statusCode,
    ).toBe(200);
    const late = await post('soanthao', `/api/v1/consultations/${id}/comments/${detail.comments[0].id}/response`, {
      expectedVersion: detail.version,
      response: 'accepted',
    });
    expect(late.statusCode).toBe(409);
  });

  it('keeps one hash-chained history of every step', async () => {
    const events = await listWorkEvents(t.database.db, 'consultation', id);
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'open',
      'answer',
      'answer',
      'close',
      'respond',
      'respond',
      'respond',
      'summarise',
    ]);
    let prev: string | null = null;
    for (const event of events) {
      expect(event.prevHash).toBe(prev);
      expect(
        computeWorkEventHash(prev, {
          recordKind: event.recordKind,
          recordId: event.recordId,
          seq: event.seq,
          at: event.at,
          actorUserId: event.actorUserId,
          action: event.action,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          note: event.note,
          payload: event.payload as Record<string, unknown>,
        }),
      ).toBe(event.hash);
      prev = event.hash;
    }
  });

  it('refuses answers after the deadline and a deadline in the past', async () => {
    const past = await post('soanthao', '/api/v1/consultations', {
      agencyId: world.agencies.justice?.id,
      title: 'Dự thảo quá hạn',
      deadlineAt: '2026-12-01T17:00:00+07:00',
      draftFile: { sha256: 'a'.repeat(64), name: 'x.pdf', size: 1, contentType: 'application/pdf' },
      recipients: [{ agencyId: world.agencies.construction?.id }],
    });
    expect(past.statusCode).toBe(422);
    const outsider = await post('giamdocxd', '/api/v1/consultations', {
      agencyId: world.agencies.justice?.id,
      title: 'Không được phép',
      deadlineAt: '2026-12-20T17:00:00+07:00',
      draftFile: { sha256: 'a'.repeat(64), name: 'x.pdf', size: 1, contentType: 'application/pdf' },
      recipients: [{ agencyId: world.agencies.construction?.id }],
    });
    expect(outsider.statusCode).toBe(403);
  });

  it('reminds, once, the recipients who have not answered when the deadline is near', async () => {
    const now = t.ctx.clock.now().getTime();
    const due = await seedTestConsultation(t, {
      drafter: 'soanthao',
      agencyId: world.agencies.justice?.id ?? '',
      recipients: [{ agencyId: world.agencies.construction?.id ?? '' }, { userId: userIds.canhan ?? '' }],
      stage: 'open',
      deadlineAt: new Date(now + 12 * 3_600_000),
    });
    expect((await post('canhan', `/api/v1/consultations/${due.id}/answers`, { agree: true })).statusCode).toBe(200);
    const first = await remindConsultationsDue(t.ctx, { withinHours: 24 });
    const again = await remindConsultationsDue(t.ctx, { withinHours: 24 });
    const reminders = await t.database.db
      .selectFrom('workNotice')
      .select('userId')
      .where('recordId', '=', due.id)
      .where('kind', '=', 'consultation_due_soon')
      .execute();
    const reminded = new Set(reminders.map((r) => r.userId));
    expect(first.consultations).toBeGreaterThanOrEqual(1);
    expect(reminded.has(userIds.giamdocxd ?? '')).toBe(true);
    expect(reminded.has(userIds.canhan ?? '')).toBe(false);
    expect(reminders).toHaveLength(reminded.size);
    expect(again.consultations).toBe(first.consultations);
  });
});
