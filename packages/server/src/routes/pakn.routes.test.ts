import { insertUserRole } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { findAgencyPaknOnTimeRate } from '../usecases/pakn/pakn-statistics.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
let officer: Record<string, string>;
let builder: Record<string, string>;

const idOf = (key: string) => world.agencies[key]?.id ?? '';

const FEEDBACK = {
  kind: 'phan_anh',
  topic: 'regulation',
  regulation: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  content: 'Thành phần hồ sơ yêu cầu bản sao chứng thực giấy tờ đất dù đã có trong cơ sở dữ liệu đất đai.',
  sender: { name: 'Trần Thị Phản Ánh', address: 'Phường Phố Hiến, tỉnh Hưng Yên', phone: '0912345678' },
};

const act = async (headers: Record<string, string>, code: string, body: Record<string, unknown>) => {
  const detail = await t.app.inject({ url: `/api/v1/pakn/${code}`, headers });
  expect(detail.statusCode, detail.body).toBe(200);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/pakn/${code}/actions`,
    headers,
    payload: { expectedVersion: detail.json().version, ...body },
  });
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const grant = async (username: string, agency: string, role: 'pakn_officer' | 'approver') =>
    insertUserRole(t.database.db, {
      userId: world.users[username]?.id ?? '',
      agencyId: idOf(agency),
      role,
      includeSubagencies: false,
      grantedBy: null,
    });
  await grant('tiepnhan', 'justice', 'pakn_officer');
  await grant('xaydung', 'construction', 'pakn_officer');
  await grant('xaydung', 'construction', 'approver');
  await signInAll();
});

/** Sessions end after an idle time: moving the clock by days signs everyone in again. */
const signInAll = async () => {
  officer = (await signIn(t.app, 'tiepnhan')).headers;
  builder = (await signIn(t.app, 'xaydung')).headers;
};

const setClock = async (iso: string) => {
  clock.set(iso);
  await signInAll();
};

afterAll(async () => {
  await t?.close();
});

describe('a PAKN from the counter to its published answer (Decree 20/2008)', () => {
  let code = '';

  it('is logged in the register with the classification deadline 5 working days on', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pakn',
      headers: officer,
      payload: { ...FEEDBACK, agencyId: idOf('justice'), channel: 'counter' },
    });
    expect(created.statusCode, created.body).toBe(201);
    code = created.json().code;
    expect(code).toBe('PAKN.20261123.0001');
    const detail = (await t.app.inject({ url: `/api/v1/pakn/${code}`, headers: officer })).json();
    expect(detail).toMatchObject({
      status: 'received',
      channel: 'counter',
      classifyDueAt: '2026-11-30T09:00:00+07:00',
    });
    expect(detail.actions.map((a: { action: string }) => a.action)).toEqual(['classify']);
    // Another agency's officer cannot see it; nobody can register for an agency they do not hold.
    expect((await t.app.inject({ url: `/api/v1/pakn/${code}`, headers: builder })).statusCode).toBe(404);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pakn',
      headers: builder,
      payload: { ...FEEDBACK, agencyId: idOf('justice'), channel: 'post' },
    });
    expect([403, 404]).toContain(foreign.statusCode);
  });

  it('refuses a step the table does not allow, and a stale version', async () => {
    const early = await act(officer, code, { action: 'send_answer' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('PAKN_ACTION_NOT_ALLOWED_IN_STATE');
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pakn/${code}/actions`,
      headers: officer,
      payload: { action: 'classify', category: 'own_competence', expectedVersion: 99 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('is classified as not competent and forwarded (a hand-over event with its time)', async () => {
    await setClock('2026-11-24T10:00:00+07:00');
    expect((await act(officer, code, { action: 'classify', category: 'not_competent' })).statusCode).toBe(200);
    const wrong = await act(officer, code, { action: 'start_handling' });
    expect(wrong.json().code).toBe('PAKN_CATEGORY_REQUIRED');
    const forwarded = await act(officer, code, { action: 'forward', targetAgencyId: idOf('construction') });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().status).toBe('forwarded');
    // The receiving officer keeps reading it but can no longer act; the competent agency now holds it.
    const seen = (await t.app.inject({ url: `/api/v1/pakn/${code}`, headers: officer })).json();
    expect(seen).toMatchObject({ status: 'forwarded', agencyName: 'Sở Xây dựng tỉnh Hưng Yên' });
    expect(seen.events.at(-1)).toMatchObject({ action: 'forward', payload: { forwardedOnTime: true } });
    // Ten working days from the hand-over (Tue 24/11 10:00) → Tue 8/12 10:00.
    expect(seen.answerDueAt).toBe('2026-12-08T10:00:00+07:00');
    expect((await act(officer, code, { action: 'accept' })).statusCode).toBe(403);
  });

  it('is accepted, clarified with the sender (the clock stops), answered, approved and sent', async () => {
    expect((await act(builder, code, { action: 'accept' })).statusCode).toBe(200);
    await setClock('2026-11-25T10:00:00+07:00');
    const ask = await act(builder, code, { action: 'request_clarification', note: 'Xin cho biết số hồ sơ đã nộp.' });
    expect(ask.statusCode, ask.body).toBe(200);
    const paused = (await t.app.inject({ url: `/api/v1/pakn/${code}`, headers: builder })).json();
    expect(paused).toMatchObject({ clockStopped: true, answerDueAt: null });
    await setClock('2026-11-27T10:00:00+07:00');
    expect(
      (await act(builder, code, { action: 'record_clarification', note: 'Hồ sơ số 000.00.02.H31-261120-0003' }))
        .statusCode,
    ).toBe(200);
    const resumed = (await t.app.inject({ url: `/api/v1/pakn/${code}`, headers: builder })).json();
    // Two working days of pause (Wed 25/11 10:00 → Fri 27/11 10:00): the deadline moves to Thu 10/12 10:00.
    expect(resumed.answerDueAt).toBe('2026-12-10T10:00:00+07:00');
    const empty = await act(builder, code, { action: 'draft_answer', answer: '   ' });
    expect(empty.json().code).toBe('PAKN_ANSWER_REQUIRED');
    expect(
      (
        await act(builder, code, {
          action: 'draft_answer',
          answer: 'Sở Xây dựng tiếp thu; từ 01/01/2027 không yêu cầu bản sao giấy tờ đất đã có trong cơ sở dữ liệu.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await act(builder, code, { action: 'approve_answer' })).statusCode).toBe(200);
    await setClock('2026-12-01T15:00:00+07:00');
    expect((await act(builder, code, { action: 'send_answer' })).statusCode).toBe(200);
    const pdf = await t.app.inject({ url: `/api/v1/pakn/${code}/answer.pdf`, headers: builder });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets the sender track it by code and rate it once, proving the phone', async () => {
    const anonymous = (await t.app.inject({ url: `/api/v1/public/pakn/${code}` })).json();
    expect(anonymous).toMatchObject({ status: 'answered', answerText: null, canRate: false });
    expect((await t.app.inject({ url: `/api/v1/public/pakn/${code}?phone=0000` })).statusCode).toBe(404);
    const sender = (await t.app.inject({ url: `/api/v1/public/pakn/${code}?phone=5678` })).json();
    expect(sender).toMatchObject({ canRate: true, timeliness: { timeliness: 'early' } });
    expect(sender.answerText).toContain('Sở Xây dựng tiếp thu');
    const rate = (rating: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/pakn/${code}/rating`,
        payload: { phoneLast4: '5678', rating },
      });
    expect((await rate('satisfied')).statusCode).toBe(200);
    const again = await rate('dissatisfied');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PAKN_NOT_RATEABLE');
  });

  it('is published and found in the public list without diacritics', async () => {
    expect((await act(builder, code, { action: 'publish' })).statusCode).toBe(200);
    const list = (await t.app.inject({ url: '/api/v1/public/pakn-answers?province=33&q=giay phep xay dung' })).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual([code]);
    expect(list.items[0]).not.toHaveProperty('sender');
    expect(JSON.stringify(list)).not.toContain('0912345678');
    const none = (await t.app.inject({ url: '/api/v1/public/pakn-answers?province=33&q=khai sinh' })).json();
    expect(none.items).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/public/pakn-answers/${code}` })).json().answerText).toContain(
      'tiếp thu',
    );
  });

  it('keeps a hash-chained history that audit verify checks', async () => {
    const report = await verifyAuditChains({ db: t.database.db }, { paknCode: code });
    expect(report).toMatchObject({ pakn: 1, paknEvents: 11, findings: [] });
    const all = await verifyAuditChains({ db: t.database.db });
    expect(all.findings).toEqual([]);
    expect(all.pakn).toBe(1);
  });

  it('counts into the statistics, the PAR measure and the Decision 766 indicators', async () => {
    const stats = await t.app.inject({
      url: '/api/v1/pakn/statistics?from=2026-11-01&to=2026-11-30',
      headers: builder,
    });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().total).toMatchObject({
      received: 1,
      forwarded: 1,
      answered: 1,
      answeredOnTime: 1,
      satisfied: 1,
    });
    expect(stats.json().onTimePercent).toBe(100);
    expect(await findAgencyPaknOnTimeRate(t.ctx, { agencyId: idOf('construction'), year: 2026 })).toMatchObject({
      numerator: 1,
      base: 1,
      percent: 100,
    });
    expect(await findAgencyPaknOnTimeRate(t.ctx, { agencyId: idOf('justice'), year: 2026 })).toMatchObject({
      base: 0,
      percent: null,
    });
    const index = await t.app.inject({
      url: '/api/v1/reports/service-index?level=agency&period=2026-11&scope=province&province=33',
      headers: (await signIn(t.app, 'qttinh')).headers,
    });
    expect(index.statusCode, index.body).toBe(200);
    const codes = index.json().notHeld.map((n: { code: string }) => n.code);
    expect(codes).not.toContain('PETITION_PROCESSING_ON_TIME');
    expect(codes).not.toContain('PETITION_HANDLING_SATISFACTION');
  });

  it('exports the register as Excel', async () => {
    const file = await t.app.inject({ url: '/api/v1/pakn/register.xlsx', headers: officer });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lists the inbox by state and late, keyset-paginated', async () => {
    await setClock('2026-12-02T09:00:00+07:00');
    for (let n = 0; n < 3; n += 1) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/pakn',
        headers: officer,
        payload: { ...FEEDBACK, agencyId: idOf('justice'), channel: 'hotline' },
      });
    }
    const first = (await t.app.inject({ url: '/api/v1/pakn?view=open&limit=2', headers: officer })).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await t.app.inject({ url: `/api/v1/pakn?view=open&limit=2&cursor=${first.nextCursor}`, headers: officer })
    ).json();
    expect(second.items).toHaveLength(1);
    const codes = [...first.items, ...second.items].map((i: { code: string }) => i.code);
    expect(new Set(codes).size).toBe(3);
    const published = (await t.app.inject({ url: '/api/v1/pakn?state=published', headers: officer })).json();
    expect(published.items.map((i: { code: string }) => i.code)).toEqual(['PAKN.20261123.0001']);
    expect((await t.app.inject({ url: '/api/v1/pakn?cursor=bad', headers: officer })).statusCode).toBe(400);
  });
});
