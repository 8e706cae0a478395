import { listWorkEvents } from '@motcua/db';
import { type OfficialRole, unfoldICalendar } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficials, seedWorld, signInEach, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile, samplePdf } from '../usecases/portal/test-support.js';

// Wednesday 25/11/2026, 09:00 in Vietnam: the week of Monday 23/11.
const clock = fixedClock('2026-11-25T09:00:00+07:00');
let t: TestApp;
let world: World;
const users: Record<string, string> = {};
const headers: Record<string, Record<string, string>> = {};
const idOf = (key: string) => world.agencies[key]?.id ?? '';

const PEOPLE: { username: string; fullName: string; agency: () => string; role: OfficialRole }[] = [
  { username: 'vanphong', fullName: 'Nguyễn Thị Văn Phòng', agency: () => idOf('justice'), role: 'clerk' },
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', agency: () => idOf('justice'), role: 'agency_head' },
  { username: 'cv1', fullName: 'Phạm Văn Một', agency: () => idOf('justiceDivision'), role: 'specialist' },
  { username: 'cv2', fullName: 'Hoàng Thị Hai', agency: () => idOf('justiceDivision'), role: 'specialist' },
  { username: 'vanthuxd', fullName: 'Bùi Thị Xây', agency: () => idOf('construction'), role: 'clerk' },
];

const draft = (extra: Record<string, unknown> = {}) => ({
  agencyId: idOf('justice'),
  kind: 'agency_leaders',
  title: 'Họp giao ban lãnh đạo Sở; tuần 48, năm 2026',
  startsAt: '2026-11-26T08:00:00+07:00',
  endsAt: '2026-11-26T10:00:00+07:00',
  place: 'Phòng họp số 1',
  chairUserId: users.giamdoc,
  attendeeUserIds: [users.cv1],
  participantsText: 'Lãnh đạo các phòng',
  public: true,
  ...extra,
});

const post = (who: string, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: headers[who], payload: payload as Record<string, unknown> });
const step = async (who: string, id: string, action: string, version: number, extra = {}) =>
  post(who, `/api/v1/schedule/entries/${id}/actions`, { action, expectedVersion: version, ...extra });
const notices = async (userId: string) =>
  t.database.db.selectFrom('workNotice').selectAll().where('userId', '=', userId).orderBy('createdAt').execute();

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const officials = PEOPLE.map((person) => ({ ...person, agencyId: person.agency() }));
  Object.assign(users, await seedOfficials(t, officials));
  Object.assign(headers, await signInEach(t.app, PEOPLE));
});

afterAll(async () => {
  await t?.close();
});

describe('the agency leaders’ weekly calendar', () => {
  let id = '';

  it('is drafted by the office, approved and published by the leader, and attendees are told', async () => {
    const created = await post('vanphong', '/api/v1/schedule/entries', draft());
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', version: 1, clashes: [] });

    // A specialist cannot approve; the office cannot approve.
    expect((await step('vanphong', id, 'approve', 1)).statusCode).toBe(403);
    // Not published yet: an attendee does not see it.
    const hidden = await t.app.inject({ url: `/api/v1/schedule/entries/${id}`, headers: headers.cv1 });
    expect(hidden.statusCode).toBe(404);

    expect((await step('vanphong', id, 'submit', 1)).json()).toMatchObject({ status: 'submitted', version: 2 });
    expect((await step('giamdoc', id, 'submit', 2)).json().code).toBe('SCHEDULE_NOT_ALLOWED_IN_STATE');
    expect((await step('giamdoc', id, 'approve', 1)).statusCode).toBe(409);
    expect((await step('giamdoc', id, 'approve', 2)).json()).toMatchObject({ status: 'approved', version: 3 });
    expect((await notices(users.cv1 ?? '')).length).toBe(0);
    expect((await step('giamdoc', id, 'publish', 3)).json()).toMatchObject({ status: 'published', version: 4 });
    const told = await notices(users.cv1 ?? '');
    expect(told.map((notice) => notice.kind)).toEqual(['schedule_published']);
    expect(told[0]?.title).toContain('Họp giao ban');
    const events = await listWorkEvents(t.database.db, 'schedule_entry', id);
    expect(events.map((event) => event.action)).toEqual(['create', 'submit', 'approve', 'publish']);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
  });

  it('shows in the week with its chair, attendees and the steps possible', async () => {
    const week = await t.app.inject({
      url: `/api/v1/schedule/agency-week?agencyId=${idOf('justice')}&week=2026-11-27`,
      headers: headers.giamdoc,
    });
    expect(week.statusCode, week.body).toBe(200);
    expect(week.json()).toMatchObject({ weekStart: '2026-11-23', mayApprove: true });
    const [entry] = week.json().items;
    expect(entry).toMatchObject({ id, chairName: 'Trần Văn Giám Đốc', status: 'published' });
    expect(entry.attendees.map((a: { fullName: string }) => a.fullName)).toContain('Phạm Văn Một');
    expect(entry.actions.map((a: { action: string }) => a.action)).toEqual(['update', 'cancel']);
    // Another agency's clerk does not see the agency's calendar.
    const foreign = await t.app.inject({
      url: `/api/v1/schedule/agency-week?agencyId=${idOf('justice')}`,
      headers: headers.vanthuxd,
    });
    expect(foreign.statusCode).toBe(404);
    // My calendar: the attendee sees it.
    const mine = await t.app.inject({ url: '/api/v1/schedule/my-week', headers: headers.cv1 });
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('warns of a clash, re-publishes an edited entry and tells attendees of the change and the cancellation', async () => {
    const clash = await post(
      'vanphong',
      '/api/v1/schedule/entries',
      draft({ title: 'Tiếp công dân', attendeeUserIds: [], startsAt: '2026-11-26T09:00:00+07:00', public: false }),
    );
    expect(clash.json().clashes).toEqual([expect.objectContaining({ entryId: id, userIds: [users.giamdoc] })]);
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/schedule/entries/${id}`,
      headers: headers.giamdoc,
      payload: { ...draft({ place: 'Hội trường tầng 3' }), agencyId: undefined, kind: undefined, expectedVersion: 4 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'published', version: 5 });
    // The office may not change a published entry behind the leader.
    const byOffice = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/schedule/entries/${id}`,
      headers: headers.vanphong,
      payload: { ...draft(), agencyId: undefined, kind: undefined, expectedVersion: 5 },
    });
    expect(byOffice.statusCode).toBe(403);
    expect((await notices(users.cv1 ?? '')).map((n) => n.kind)).toEqual(['schedule_published', 'schedule_changed']);
  });

  it('is on the portal while published and public, with names and titles only', async () => {
    const portal = await t.app.inject({ url: '/api/v1/public/schedule?provinceCode=33&week=2026-11-23' });
    expect(portal.statusCode, portal.body).toBe(200);
    expect(portal.json().items).toHaveLength(1);
    const [item] = portal.json().items;
    expect(item).toMatchObject({ id, place: 'Hội trường tầng 3', chair: 'Trần Văn Giám Đốc' });
    expect(Object.keys(item)).not.toContain('attendees');
  });

  it('serves the iCal feed by secret token, without a session', async () => {
    const link = await post('cv1', '/api/v1/schedule/feed', {});
    expect(link.statusCode, link.body).toBe(201);
    const feed = await t.app.inject({ url: link.json().path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const text = unfoldICalendar(feed.body);
    expect(text).toContain(`UID:${id}@`);
    expect(text).toContain('DTSTART:20261126T010000Z');
    expect(text).toContain('LOCATION:Hội trường tầng 3');
    const stored = await t.database.db.selectFrom('scheduleFeedToken').selectAll().execute();
    expect(stored.map((row) => row.tokenHash)).not.toContain(link.json().token);
    // Rotating replaces it: the old link stops working.
    await post('cv1', '/api/v1/schedule/feed', {});
    expect((await t.app.inject({ url: link.json().path })).statusCode).toBe(404);
  });

  it('is cancelled by the leader, attendees told, and leaves the portal', async () => {
    const cancelled = await step('giamdoc', id, 'cancel', 5, { reason: 'Lãnh đạo đi công tác' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await notices(users.cv1 ?? '')).map((n) => n.kind)).toEqual([
      'schedule_published',
      'schedule_changed',
      'schedule_cancelled',
    ]);
    const portal = await t.app.inject({ url: '/api/v1/public/schedule?provinceCode=33&week=2026-11-23' });
    expect(portal.json().items).toHaveLength(0);
    expect((await step('giamdoc', id, 'publish', 6)).statusCode).toBe(409);
  });
});

describe('a person’s own calendar', () => {
  it('is theirs alone', async () => {
    const created = await post('cv2', '/api/v1/schedule/entries', {
      agencyId: idOf('justiceDivision'),
      kind: 'person',
      title: 'Viết báo cáo',
      startsAt: '2026-11-27T14:00:00+07:00',
      endsAt: '2026-11-27T16:00:00+07:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await t.app.inject({ url: `/api/v1/schedule/entries/${id}`, headers: headers.cv1 })).statusCode).toBe(404);
    expect((await step('cv1', id, 'publish', 1)).statusCode).toBe(404);
    expect((await step('cv2', id, 'publish', 1)).json()).toMatchObject({ status: 'published' });
    const mine = await t.app.inject({ url: '/api/v1/schedule/my-week?week=2026-11-23', headers: headers.cv2 });
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([id]);
  });
});

describe('the files of an entry', () => {
  const week = { startsAt: '2026-12-03T14:00:00+07:00', endsAt: '2026-12-03T16:00:00+07:00' };
  const upload = (who: string, id: string, version: number, content: Buffer, name = 'giay-moi.pdf') => {
    const file = multipartFile(content, name, 'application/pdf');
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/schedule/entries/${id}/files?expectedVersion=${version}`,
      headers: { ...headers[who], ...file.headers },
      payload: file.payload,
    });
  };
  const portalFile = (id: string, sha256: string) =>
    t.app.inject({ url: `/api/v1/public/schedule/${id}/files/${sha256}` });

  it('are attached by the drafter, shown on the entry, downloadable, and on the portal only once public', async () => {
    const created = await post('vanphong', '/api/v1/schedule/entries', draft({ ...week, title: 'Hội nghị sơ kết' }));
    const id = created.json().id;
    const attached = await upload('vanphong', id, 1, samplePdf('giay-moi'));
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json()).toMatchObject({ id, version: 2, status: 'draft' });
    // A stale version is refused; a text file is refused by its content.
    expect((await upload('vanphong', id, 1, samplePdf('khac'))).statusCode).toBe(409);
    const text = await upload('vanphong', id, 2, Buffer.from('<html>not a pdf</html>'), 'x.pdf');
    expect(text.statusCode).toBe(415);
    const entry = (await t.app.inject({ url: `/api/v1/schedule/entries/${id}`, headers: headers.giamdoc })).json();
    expect(entry.files).toEqual([
      expect.objectContaining({ fileName: 'giay-moi.pdf', mediaType: 'application/pdf', sha256: expect.any(String) }),
    ]);
    const sha256 = entry.files[0].sha256;
    const download = await t.app.inject({
      url: `/api/v1/schedule/entries/${id}/files/${sha256}`,
      headers: headers.giamdoc,
    });
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('giay-moi');
    // Not published: not on the portal; another agency's clerk does not see it either.
    expect((await portalFile(id, sha256)).statusCode).toBe(404);
    const foreign = await t.app.inject({
      url: `/api/v1/schedule/entries/${id}/files/${sha256}`,
      headers: headers.vanthuxd,
    });
    expect(foreign.statusCode).toBe(404);
    const events = await listWorkEvents(t.database.db, 'schedule_entry', id);
    expect(events.map((event) => event.action)).toEqual(['create', 'attach_file']);

    expect((await step('giamdoc', id, 'approve', 2)).statusCode).toBe(200);
    expect((await step('giamdoc', id, 'publish', 3)).statusCode).toBe(200);
    const published = await portalFile(id, sha256);
    expect(published.statusCode).toBe(200);
    expect(published.headers['content-type']).toContain('application/pdf');
    const portal = await t.app.inject({ url: '/api/v1/public/schedule?provinceCode=33&week=2026-12-03' });
    const item = portal.json().items.find((i: { id: string }) => i.id === id);
    expect(item.files).toEqual([expect.objectContaining({ sha256, fileName: 'giay-moi.pdf' })]);
    // A published entry is the leader's to change: the office and an attendee may not attach to it.
    const byOffice = await upload('vanphong', id, 4, samplePdf('tai-lieu'));
    expect(byOffice.statusCode).toBe(403);
    expect(byOffice.json().code).toBe('SCHEDULE_NOT_PERMITTED');
    expect((await upload('cv1', id, 4, samplePdf('tai-lieu'))).statusCode).toBe(403);
    // The attendee reads the file.
    const byAttendee = await t.app.inject({
      url: `/api/v1/schedule/entries/${id}/files/${sha256}`,
      headers: headers.cv1,
    });
    expect(byAttendee.statusCode).toBe(200);

    // The leader removes it: gone from the entry and the portal; the attendees are told of the change.
    const removeUrl = `/api/v1/schedule/entries/${id}/files/${sha256}?expectedVersion=4`;
    const byClerk = await t.app.inject({ method: 'DELETE', url: removeUrl, headers: headers.vanphong });
    expect(byClerk.statusCode).toBe(403);
    const removed = await t.app.inject({ method: 'DELETE', url: removeUrl, headers: headers.giamdoc });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ status: 'published', version: 5 });
    expect((await portalFile(id, sha256)).statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/schedule/entries/${id}/files/${sha256}?expectedVersion=5`,
      headers: headers.giamdoc,
    });
    expect(again.statusCode).toBe(404);
    const told = await t.database.db
      .selectFrom('workNotice')
      .select('kind')
      .where('recordId', '=', id)
      .where('userId', '=', users.cv1 ?? '')
      .execute();
    expect(told.map((notice) => notice.kind).sort()).toEqual(['schedule_changed', 'schedule_published']);
  });

  it('are at most 20 on an entry', async () => {
    const created = await post('vanphong', '/api/v1/schedule/entries', draft({ ...week, title: 'Hội thảo' }));
    const id = created.json().id;
    const full = Array.from({ length: 20 }, (_, index) => ({
      sha256: index.toString(16).padStart(64, '0'),
      name: `tai-lieu-${index}.pdf`,
      size: 10,
      contentType: 'application/pdf',
    }));
    await t.database.db
      .updateTable('scheduleEntry')
      .set({ attachments: JSON.stringify(full) })
      .where('id', '=', id)
      .execute();
    const refused = await upload('vanphong', id, 1, samplePdf('thua'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('SCHEDULE_FILES_TOO_MANY');
  });

  it('of a published entry not marked public are not on the portal', async () => {
    const created = await post('vanphong', '/api/v1/schedule/entries', draft({ ...week, public: false }));
    const id = created.json().id;
    const attached = await upload('vanphong', id, 1, samplePdf('noi-bo'));
    expect(attached.statusCode, attached.body).toBe(201);
    await step('giamdoc', id, 'approve', 2);
    expect((await step('giamdoc', id, 'publish', 3)).json().status).toBe('published');
    const entry = (await t.app.inject({ url: `/api/v1/schedule/entries/${id}`, headers: headers.giamdoc })).json();
    expect((await portalFile(id, entry.files[0].sha256)).statusCode).toBe(404);
  });
});

describe('the form’s choices', () => {
  it('offer the agency and its units, and each official under their unit; another agency is not offered', async () => {
    const options = await t.app.inject({
      url: `/api/v1/schedule/options?agencyId=${idOf('justice')}`,
      headers: headers.vanphong,
    });
    expect(options.statusCode, options.body).toBe(200);
    const body = options.json();
    expect(body.units.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([idOf('justice'), idOf('justiceDivision')]),
    );
    expect(body.officials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: users.cv1, unitId: idOf('justiceDivision') }),
        expect.objectContaining({ userId: users.giamdoc, unitId: idOf('justice') }),
      ]),
    );
    const foreign = await t.app.inject({
      url: `/api/v1/schedule/options?agencyId=${idOf('justice')}`,
      headers: headers.vanthuxd,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('keep the units taking part, named on the entry, on the portal and in the feed; an unknown unit is refused', async () => {
    const when = { startsAt: '2026-12-10T08:00:00+07:00', endsAt: '2026-12-10T09:00:00+07:00' };
    const unknown = await post(
      'vanphong',
      '/api/v1/schedule/entries',
      draft({ ...when, participantUnitIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('SCHEDULE_ATTENDEES_INVALID');
    const created = await post(
      'vanphong',
      '/api/v1/schedule/entries',
      draft({
        ...when,
        title: 'Họp chuyên đề',
        participantUnitIds: [idOf('justiceDivision')],
        attendeeUserIds: [users.cv2],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const entry = (await t.app.inject({ url: `/api/v1/schedule/entries/${id}`, headers: headers.vanphong })).json();
    const divisionName = world.agencies.justiceDivision?.name;
    expect(entry.participantUnits).toEqual([{ id: idOf('justiceDivision'), name: divisionName }]);
    await step('vanphong', id, 'submit', 1);
    await step('giamdoc', id, 'approve', 2);
    expect((await step('giamdoc', id, 'publish', 3)).json().status).toBe('published');
    const portal = await t.app.inject({ url: '/api/v1/public/schedule?provinceCode=33&week=2026-12-10' });
    const item = portal.json().items.find((i: { id: string }) => i.id === id);
    expect(item.participantUnits).toEqual([divisionName]);
    const link = await post('cv2', '/api/v1/schedule/feed', {});
    const feed = unfoldICalendar((await t.app.inject({ url: link.json().path })).body);
    // RFC 5545 escapes the semicolon of a text value.
    expect(feed).toContain(`Thành phần: ${divisionName}\\; Lãnh đạo các phòng`);
  });
});
