import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { recomputeProvinceDueDates } from '../usecases/dossiers/due-recompute.js';

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

const agencyId = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

const applicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  gender: 'female',
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
  phone: '0912345678',
};

const intakeBody = (overrides: Record<string, unknown> = {}) => ({
  receivingAgencyId: agencyId('centre'),
  procedureCode: '1.001193',
  channel: 'direct',
  applicant,
  components: [
    { key: 'to-khai', originals: 1, copies: 0 },
    { key: 'giay-chung-sinh', originals: 1, copies: 0 },
  ],
  outcome: 'receive',
  ...overrides,
});

type As = string | { headers: Record<string, string> };
// Sessions idle out after 4 working hours of the fixed clock, so each call signs in afresh.
const headersOf = async (who: As) => (typeof who === 'string' ? (await signIn(t.app, who)).headers : who.headers);

const intake = async (session: { headers: Record<string, string> }, body = intakeBody(), key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { ...session.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body,
  });

const act = async (
  who: As,
  code: string,
  action: string,
  params: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => {
  const headers = await headersOf(who);
  // Read the current version as the desk would see it (the actor may not be able to read yet).
  const current = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await headersOf('motcua') });
  const version = current.statusCode === 200 ? current.json().version : 1;
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers,
    payload: { expectedVersion: version, params, ...extra },
  });
};

describe('a dossier from intake to return across two agencies', () => {
  it('is received at the centre, processed at the Department of Justice and returned, with a full history', async () => {
    const desk = await signIn(t.app, 'motcua');
    const created = await intake(desk);
    expect(created.statusCode).toBe(201);
    const { code } = created.json();
    expect(code).toBe('000.00.10.H31-261123-0001');
    // Intake answers with the created dossier, as an action does.
    expect(created.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      code,
      action: 'receive',
      label: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
      status: 'received',
      dueAt: '2026-11-30T09:00:00+07:00',
      version: expect.any(Number),
      form: 'receipt',
    });

    const received = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    expect(created.json().version).toBe(received.version);
    expect(received).toMatchObject({
      status: 'received',
      dvcqgStatus: 2,
      receivedAt: '2026-11-23T09:00:00+07:00',
      dueAt: '2026-11-30T09:00:00+07:00',
      // The window crosses 24/11/2026 (Ngày Văn hóa Việt Nam, pending law): the appointment may still move.
      dueProvisional: true,
      holder: { agencyId: agencyId('centre'), role: 'receptionist' },
    });
    expect(received.steps.map((s: { agencyCode: string }) => s.agencyCode)).toEqual([
      '000.00.10.H31',
      '000.00.01.H31',
      '000.00.01.H31',
      '000.00.10.H31',
    ]);

    const actions = (await t.app.inject({ url: `/api/v1/dossiers/${code}/actions`, headers: desk.headers })).json();
    expect(actions.actions.map((a: { action: string }) => a.action).sort()).toEqual(['forward', 'withdraw']);

    clock.set('2026-11-23T10:00:00+07:00');
    expect((await act('motcua', code, 'forward')).json()).toMatchObject({
      toStatus: 'processing',
      form: 'control_slip',
    });

    clock.set('2026-11-23T14:00:00+07:00');
    const early = await act('chuyenvien', code, 'complete_step');
    expect(early.json()).toMatchObject({ code: 'DOSSIER_RULE_VIOLATED', rule: 'HANDOFF_NOT_ACCEPTED' });
    expect((await act('chuyenvien', code, 'accept_handoff')).statusCode).toBe(200);
    clock.set('2026-11-24T15:00:00+07:00');
    expect((await act('chuyenvien', code, 'complete_step', { note: 'Đủ điều kiện' })).statusCode).toBe(200);
    // The specialist cannot approve.
    expect(
      (await act('chuyenvien', code, 'complete', { outcome: 'approved' }, { results: [{ name: 'Giấy khai sinh' }] }))
        .statusCode,
    ).toBe(403);

    clock.set('2026-11-25T09:00:00+07:00');
    const noResult = await act('lanhdao', code, 'complete', { outcome: 'approved' });
    expect(noResult.json().code).toBe('DOCUMENT_REQUIRED');
    const completed = await act(
      'lanhdao',
      code,
      'complete',
      { outcome: 'approved' },
      {
        results: [{ name: 'Giấy khai sinh', documentNo: '123/2026' }],
      },
    );
    expect(completed.json()).toMatchObject({ toStatus: 'completed' });

    clock.set('2026-11-25T14:00:00+07:00');
    expect((await act('motcua', code, 'return_result', { channel: 'counter' })).json().toStatus).toBe('returned');

    const final = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await headersOf('motcua') })).json();
    expect(final).toMatchObject({
      status: 'returned',
      dvcqgStatus: 10,
      completionClass: 'early',
      outcome: 'approved',
      returnedAt: '2026-11-25T14:00:00+07:00',
      returnChannel: 'counter',
    });
    expect(final.steps.map((s: { status: string }) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(final.steps[1]).toMatchObject({
      givenAt: '2026-11-23T10:00:00+07:00',
      receivedAt: '2026-11-23T14:00:00+07:00',
      completedAt: '2026-11-24T15:00:00+07:00',
    });

    const events = (
      await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: await headersOf('motcua') })
    ).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'forward',
      'accept_handoff',
      'complete_step',
      'complete',
      'return_result',
    ]);
    expect(events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events[4]).toMatchObject({ actorName: 'Lê Văn Lãnh Đạo', actorRole: 'approver', fromStatus: 'processing' });

    // Every change wrote an outbox job in its transaction.
    const jobs = await sql<{
      n: number;
    }>`select count(*)::int as n from pgboss.job where name = 'dossier-changed' and data->>'dossierId' = ${final.id}`.execute(
      t.database.db,
    );
    expect(jobs.rows[0]?.n).toBe(6);
  });
});

describe('intake rules', () => {
  it('refuses to receive an incomplete dossier and names what is missing', async () => {
    const desk = await signIn(t.app, 'motcua');
    const response = await intake(desk, intakeBody({ components: [{ key: 'to-khai', originals: 1, copies: 0 }] }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    expect(response.json().detail).toContain('Giấy chứng sinh');
  });

  it('guides to a supplement once, in writing, and then receives the completed dossier', async () => {
    const desk = await signIn(t.app, 'motcua');
    const response = await intake(
      desk,
      intakeBody({
        components: [{ key: 'to-khai', originals: 1, copies: 0 }],
        outcome: 'supplement',
        reason: 'Thiếu giấy chứng sinh bản chính',
      }),
    );
    expect(response.statusCode).toBe(201);
    const { code } = response.json();
    expect(response.json()).toMatchObject({
      action: 'request_intake_supplement',
      status: 'supplement_requested',
      dueAt: null,
      form: 'supplement_request',
    });
    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    expect(dossier).toMatchObject({ status: 'supplement_requested', supplementPhase: 'intake', dueAt: null });
    expect(response.json().version).toBe(dossier.version);
    expect((await act(desk, code, 'applicant_supplement')).json().toStatus).toBe('new');
    const again = await act(desk, code, 'request_intake_supplement', { missing: ['Tờ khai'], reason: 'Thiếu chữ ký' });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'DOSSIER_RULE_VIOLATED', rule: 'SUPPLEMENT_ALREADY_REQUESTED' });
    expect((await act(desk, code, 'receive')).json().toStatus).toBe('received');
  });

  it('refuses with a written reason', async () => {
    const desk = await signIn(t.app, 'motcua');
    const noReason = await intake(desk, intakeBody({ outcome: 'refuse' }));
    expect(noReason.json().code).toBe('REASON_REQUIRED');
    const refused = await intake(desk, intakeBody({ outcome: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết' }));
    const code = refused.json().code;
    expect(refused.json()).toMatchObject({ action: 'refuse', status: 'refused', dueAt: null, form: 'refusal' });
    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    expect(dossier).toMatchObject({ status: 'refused', dvcqgStatus: 3 });
    expect((await act(desk, code, 'receive')).json().code).toBe('DOSSIER_FINAL');
  });

  it('validates the applicant: a wrong ID number is a 400 with a Vietnamese message', async () => {
    const desk = await signIn(t.app, 'motcua');
    const response = await intake(desk, intakeBody({ applicant: { ...applicant, idNumber: '033191001234' } }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ pointer: '/applicant/idNumber', message: expect.stringContaining('năm sinh') }),
    ]);
  });

  it('refuses a CCCD that disagrees with the date of birth and sex, with stable codes, and writes nothing', async () => {
    const desk = await signIn(t.app, 'motcua');
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from dossier`.execute(t.database.db)).rows[0]?.n;
    const before = await count();
    // 033 1 90 …: a woman born in 1990 — entered as a man born in 2001.
    const wrong = { ...applicant, dateOfBirth: '2001-03-04', gender: 'male' };
    const response = await intake(desk, intakeBody({ applicant: wrong }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        pointer: '/applicant/idNumber',
        code: 'ID_CENTURY_SEX_MISMATCH',
        message: expect.stringContaining('Chữ số thứ 4 của số định danh cá nhân'),
      }),
      expect.objectContaining({
        pointer: '/applicant/idNumber',
        code: 'ID_BIRTH_YEAR_MISMATCH',
        message: expect.stringContaining('hai số cuối của năm sinh'),
      }),
    ]);
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { ...desk.headers, 'accept-language': 'en' },
      payload: intakeBody({ applicant: { ...applicant, idNumber: '099190001234' } }),
    });
    expect(english.json().errors).toEqual([
      expect.objectContaining({
        pointer: '/applicant/idNumber',
        code: 'ID_PROVINCE_UNKNOWN',
        message: expect.stringContaining('not the code of a province'),
      }),
    ]);
    expect(await count()).toBe(before);
  });

  it('answers an unknown procedure with 422 PROCEDURE_NOT_AVAILABLE', async () => {
    const desk = await signIn(t.app, 'motcua');
    const response = await intake(desk, intakeBody({ procedureCode: '1.999999' }));
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PROCEDURE_NOT_AVAILABLE');
  });
});

describe('concurrency and retries', () => {
  it('answers a stale version with 409 and writes nothing', async () => {
    const desk = await signIn(t.app, 'motcua');
    const { code } = (await intake(desk)).json();
    const before = (await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: desk.headers })).json().items;
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/forward`,
      headers: desk.headers,
      payload: { expectedVersion: 99, params: {} },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const after = (await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: desk.headers })).json().items;
    expect(after).toHaveLength(before.length);
  });

  it('returns the original answer for a retried Idempotency-Key and refuses the key for another request', async () => {
    const desk = await signIn(t.app, 'motcua');
    const first = await intake(desk, intakeBody(), 'intake-abc-1');
    const retry = await intake(desk, intakeBody(), 'intake-abc-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const other = await intake(desk, intakeBody({ summary: 'Khác' }), 'intake-abc-1');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('gives 100 concurrent intakes at one agency 100 distinct consecutive codes', async () => {
    clock.set('2026-11-26T09:00:00+07:00');
    const desk = await signIn(t.app, 'motcua');
    const responses = await Promise.all(Array.from({ length: 100 }, () => intake(desk)));
    expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const codes = responses.map((r) => r.json().code as string);
    expect(new Set(codes).size).toBe(100);
    const sequences = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(codes.every((c) => c.startsWith('000.00.10.H31-261126-'))).toBe(true);
  });
});

describe('authorisation', () => {
  it("hides another agency's dossier from its officials (404) and from anonymous callers (401)", async () => {
    const desk = await signIn(t.app, 'motcua');
    const { code } = (await intake(desk)).json();
    const anonymous = await t.app.inject({ url: `/api/v1/dossiers/${code}` });
    expect(anonymous.statusCode).toBe(401);
    for (const username of ['hanoitn', 'xaydung', 'hanoi']) {
      const foreign = await signIn(t.app, username);
      const read = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: foreign.headers });
      expect(read.statusCode, username).toBe(404);
      const events = await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: foreign.headers });
      expect(events.statusCode, username).toBe(404);
      const action = await t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/actions/forward`,
        headers: foreign.headers,
        payload: { expectedVersion: 2, params: {} },
      });
      expect(action.statusCode, username).toBe(404);
    }
  });

  it('lets the step agency see the dossier once it is routed there, but not act out of turn', async () => {
    const desk = await signIn(t.app, 'motcua');
    const { code } = (await intake(desk)).json();
    const specialist = await signIn(t.app, 'chuyenvien');
    // The processing agency is one of the dossier's steps, so it may read it from the start.
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: specialist.headers })).statusCode).toBe(200);
    const outOfTurn = await act(specialist, code, 'forward');
    expect(outOfTurn.statusCode).toBe(403);
    const auditor = await signIn(t.app, 'thanhtra');
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auditor.headers })).statusCode).toBe(200);
    const actions = (await t.app.inject({ url: `/api/v1/dossiers/${code}/actions`, headers: auditor.headers })).json();
    expect(actions.actions).toEqual([]);
  });

  it('refuses a counter intake at an agency where the caller is not a receptionist', async () => {
    const specialist = await signIn(t.app, 'chuyenvien');
    const response = await intake(specialist, intakeBody({ receivingAgencyId: agencyId('justice') }));
    expect(response.statusCode).toBe(403);
    const foreign = await signIn(t.app, 'hanoitn');
    const other = await intake(foreign);
    expect(other.statusCode).toBe(404);
  });
});

describe('inbox', () => {
  it('lists the desk’s dossiers with remaining working time and paginates by keyset', async () => {
    const desk = await signIn(t.app, 'motcua');
    const first = await t.app.inject({ url: '/api/v1/dossiers?box=agency&limit=5', headers: desk.headers });
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.items).toHaveLength(5);
    expect(body.nextCursor).toEqual(expect.any(String));
    const second = (
      await t.app.inject({
        url: `/api/v1/dossiers?box=agency&limit=5&cursor=${body.nextCursor}`,
        headers: desk.headers,
      })
    ).json();
    const codes = [...body.items, ...second.items].map((i: { code: string }) => i.code);
    expect(new Set(codes).size).toBe(10);
    expect(body.items[0]).toMatchObject({ remainingWorkingMinutes: expect.any(Number), urgency: expect.any(String) });
  });

  it('answers whole working minutes when the clock is between two minutes', async () => {
    clock.set('2026-11-26T09:00:30.250+07:00');
    try {
      const desk = await signIn(t.app, 'motcua');
      const list = await t.app.inject({ url: '/api/v1/dossiers?box=agency&limit=5', headers: desk.headers });
      expect(list.statusCode, list.body).toBe(200);
      const items = list.json().items as { code: string; remainingWorkingMinutes: number | null }[];
      const timed = items.filter((i) => i.remainingWorkingMinutes !== null);
      expect(timed.length).toBeGreaterThan(0);
      for (const item of timed) {
        expect(Number.isInteger(item.remainingWorkingMinutes)).toBe(true);
      }
      const view = await t.app.inject({ url: `/api/v1/dossiers/${timed[0]?.code}`, headers: desk.headers });
      expect(view.statusCode, view.body).toBe(200);
      // Half a minute into the day, the dossier has one whole minute less than at 09:00 (floored).
      expect(view.json().remainingWorkingMinutes).toBe(timed[0]?.remainingWorkingMinutes);
    } finally {
      clock.set('2026-11-26T09:00:00+07:00');
    }
  });

  it("shows each official the steps waiting for them in 'mine'", async () => {
    const desk = await signIn(t.app, 'motcua');
    const mine = await t.app.inject({ url: '/api/v1/dossiers?box=mine', headers: desk.headers });
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as { currentStepRole: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => ['receptionist', 'result_returner'].includes(i.currentStepRole))).toBe(true);
    const specialist = await signIn(t.app, 'chuyenvien');
    const theirs = await t.app.inject({ url: '/api/v1/dossiers?box=mine', headers: specialist.headers });
    expect(theirs.statusCode).toBe(200);
    expect((theirs.json().items as { currentStepRole: string }[]).every((i) => i.currentStepRole === 'processor')).toBe(
      true,
    );
  });

  it('finds a dossier by applicant name without diacritics and by code', async () => {
    const desk = await signIn(t.app, 'motcua');
    const byName = (
      await t.app.inject({ url: '/api/v1/dossiers?box=all&q=anh%20tuyet', headers: desk.headers })
    ).json();
    expect(byName.items.length).toBeGreaterThan(0);
    const code = byName.items[0].code;
    const byCode = (await t.app.inject({ url: `/api/v1/dossiers?box=all&q=${code}`, headers: desk.headers })).json();
    expect(byCode.items.map((i: { code: string }) => i.code)).toEqual([code]);
  });

  it('shows nothing of ours in a foreign inbox', async () => {
    const foreign = await signIn(t.app, 'hanoitn');
    const response = (await t.app.inject({ url: '/api/v1/dossiers?box=all', headers: foreign.headers })).json();
    expect(response.items).toEqual([]);
  });
});

describe('calendar changes move open dossiers', () => {
  it('previews and then applies a new day off, recording an event on each moved dossier', async () => {
    clock.set('2026-11-27T09:00:00+07:00');
    const desk = await signIn(t.app, 'motcua');
    const { code } = (await intake(desk)).json();
    const admin = await signIn(t.app, 'qttinh');
    const entries = [
      { date: '2026-12-02', kind: 'extra_day_off', period: 'Nghỉ lễ của tỉnh', source: 'Quyết định thử nghiệm' },
    ];
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/entries/preview',
      headers: admin.headers,
      payload: { province: '33', entries },
    });
    expect(preview.statusCode).toBe(200);
    const moved = preview.json().moved.find((m: { code: string }) => m.code === code);
    expect(moved).toMatchObject({
      before: '2026-12-04T09:00:00+07:00',
      after: '2026-12-07T09:00:00+07:00',
      deltaMinutes: 480,
    });

    const applied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/entries',
      headers: admin.headers,
      payload: { province: '33', entries },
    });
    expect(applied.statusCode).toBe(201);
    const queued = await sql<{
      n: number;
    }>`select count(*)::int as n from pgboss.job where name = 'due-recompute'`.execute(t.database.db);
    expect(queued.rows[0]?.n).toBe(1);
    const result = await recomputeProvinceDueDates(t.ctx, { provinceCode: '33', actorUserId: null, reason: 'test' });
    expect(result.moved).toBeGreaterThan(0);
    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    expect(dossier.dueAt).toBe('2026-12-07T09:00:00+07:00');
    const events = (await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: desk.headers })).json().items;
    expect(events.at(-1)).toMatchObject({
      action: 'due_recomputed',
      actorKind: 'system',
      payload: { before: '2026-12-04T09:00:00+07:00', after: '2026-12-07T09:00:00+07:00' },
    });
    // Idempotent: running again moves nothing.
    expect(
      (await recomputeProvinceDueDates(t.ctx, { provinceCode: '33', actorUserId: null, reason: 'test' })).moved,
    ).toBe(0);
  });
});

describe('printed forms', () => {
  it('renders the receipt with the appointment, the PIN and correct Vietnamese, and refuses forms not yet produced', async () => {
    clock.set('2026-11-27T09:30:00+07:00');
    const desk = await signIn(t.app, 'motcua');
    const { code } = (await intake(desk)).json();
    const response = await t.app.inject({ url: `/api/v1/dossiers/${code}/forms/receipt.pdf`, headers: desk.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({
      data: new Uint8Array(response.rawPayload),
      useSystemFonts: false,
      isEvalSupported: false,
    }).promise;
    let text = '';
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    }
    const normalized = text.normalize('NFC').replace(/\s+/g, ' ');
    expect(normalized).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(normalized).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(normalized).toContain('Nguyễn Thị Ánh Tuyết');
    expect(normalized).toContain(code);
    expect(normalized).toContain('Trung tâm Phục vụ hành chính công tỉnh Hưng Yên'.toUpperCase());
    expect(normalized).toMatch(/Hưng Yên, ngày 27 tháng 11 năm 2026/);

    const apology = await t.app.inject({ url: `/api/v1/dossiers/${code}/forms/apology.pdf`, headers: desk.headers });
    expect(apology.statusCode).toBe(404);
    expect(apology.json().code).toBe('FORM_NOT_AVAILABLE');
    const bad = await t.app.inject({ url: `/api/v1/dossiers/${code}/forms/other.pdf`, headers: desk.headers });
    expect(bad.statusCode).toBe(400);
    const foreign = await signIn(t.app, 'hanoitn');
    const hidden = await t.app.inject({ url: `/api/v1/dossiers/${code}/forms/receipt.pdf`, headers: foreign.headers });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('inbox helpers', () => {
  it('counts each box and lists the officials a step can be assigned to', async () => {
    clock.set('2026-11-27T10:00:00+07:00');
    const desk = await signIn(t.app, 'motcua');
    const counts = await t.app.inject({ url: '/api/v1/dossiers/counts', headers: desk.headers });
    expect(counts.statusCode).toBe(200);
    expect(counts.json()).toEqual({
      mine: expect.any(Number),
      agency: expect.any(Number),
      due_soon: expect.any(Number),
      overdue: expect.any(Number),
    });
    expect(counts.json().agency).toBeGreaterThan(0);

    const { code } = (await intake(desk)).json();
    await act('motcua', code, 'forward');
    const head = await signIn(t.app, 'lanhdao');
    const assignees = await t.app.inject({ url: `/api/v1/dossiers/${code}/assignees`, headers: head.headers });
    expect(assignees.statusCode).toBe(200);
    expect(assignees.json().items.map((u: { fullName: string }) => u.fullName)).toEqual(
      expect.arrayContaining(['Trần Văn Chuyên', 'Lê Văn Lãnh Đạo']),
    );
    const notHolder = await t.app.inject({ url: `/api/v1/dossiers/${code}/assignees`, headers: desk.headers });
    expect(notHolder.statusCode).toBe(403);
  });
});
