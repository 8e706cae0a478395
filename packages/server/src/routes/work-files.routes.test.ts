import { listWorkEvents } from '@motcua/db';
import type { OfficialRole } from '@motcua/domain';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficials, seedWorld, signInEach, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile, samplePdf } from '../usecases/portal/test-support.js';
import { computeWorkEventHash } from '../usecases/work/work-chain.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
const users: Record<string, string> = {};
const headers: Record<string, Record<string, string>> = {};
const idOf = (key: string) => world.agencies[key]?.id ?? '';

const PEOPLE: { username: string; fullName: string; agency: () => string; role: OfficialRole }[] = [
  { username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', agency: () => idOf('justice'), role: 'clerk' },
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', agency: () => idOf('justice'), role: 'agency_head' },
  {
    username: 'truongphong',
    fullName: 'Lê Thị Trưởng Phòng',
    agency: () => idOf('justiceDivision'),
    role: 'unit_head',
  },
  { username: 'cv1', fullName: 'Phạm Văn Một', agency: () => idOf('justiceDivision'), role: 'specialist' },
  { username: 'cv3', fullName: 'Đỗ Văn Ba', agency: () => idOf('justiceDivision'), role: 'specialist' },
  { username: 'vanthuxd', fullName: 'Bùi Thị Xây', agency: () => idOf('construction'), role: 'clerk' },
];

const csv = (text: string) => multipartFile(Buffer.from(text, 'utf8'), 'danh-muc.csv', 'text/csv');

const importList = async (who: string, text: string) => {
  const file = csv(text);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/file-lists/${idOf('justice')}/2026/import`,
    headers: { ...headers[who], ...file.headers },
    payload: file.payload,
  });
};

const get = (who: string, url: string) => t.app.inject({ url, headers: headers[who] });
const detail = async (who: string, id: string) => (await get(who, `/api/v1/work-files/${id}`)).json();
const act = async (who: string, id: string, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/work-files/${id}/actions`,
    headers: headers[who],
    payload: { expectedVersion: (await detail(who, id)).version, ...body },
  });
const addItem = async (who: string, id: string, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/work-files/${id}/items`,
    headers: headers[who],
    payload: { expectedVersion: (await detail(who, id)).version, ...body },
  });

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

const GOOD_LIST = [
  'Số và ký hiệu hồ sơ,Tên đề mục và tiêu đề hồ sơ,Thời hạn bảo quản,Đơn vị/người lập hồ sơ',
  '01.VP,"Hồ sơ tổng kết công tác năm 2026",Vĩnh viễn,',
  '02.PBGDPL,Hồ sơ hướng dẫn phổ biến giáo dục pháp luật,10 năm,',
  '03.PBGDPL,Hồ sơ trả lời kiến nghị của công dân,5,',
].join('\n');

describe('the file list (danh mục hồ sơ) of a year', () => {
  it('is imported all or nothing: every row error comes back with its row number', async () => {
    const bad = await importList('vanthu', `${GOOD_LIST}\n01.VP,Trùng ký hiệu,5,\n04.X,,mười năm,Phòng không có`);
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json().ok).toBe(false);
    expect(bad.json().errors.map((e: { rowNo: number; field: string }) => `${e.rowNo}:${e.field}`)).toEqual([
      '5:code',
      '6:title',
      '6:retention',
      '6:unit',
    ]);
    const none = await get('vanthu', `/api/v1/file-lists/${idOf('justice')}/2026`);
    expect(none.json().items).toEqual([]);
    const good = await importList('vanthu', GOOD_LIST);
    expect(good.json()).toMatchObject({ ok: true, inserted: 3, updated: 0 });
    const list = (await get('cv1', `/api/v1/file-lists/${idOf('justice')}/2026`)).json();
    expect(list.items.map((e: { code: string; retentionLabel: string }) => `${e.code} ${e.retentionLabel}`)).toEqual([
      '01.VP Vĩnh viễn',
      '02.PBGDPL 10 năm',
      '03.PBGDPL 5 năm',
    ]);
  });

  it('is edited by who keeps the agency’s files, not by a unit’s specialist or another agency', async () => {
    // A unit's specialist reads the department's list but does not edit it (their grant is at the unit).
    const spec = await importList('cv1', GOOD_LIST);
    expect(spec.statusCode).toBe(404);
    const foreign = await importList('vanthuxd', GOOD_LIST);
    expect(foreign.statusCode).toBe(404);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/file-lists/${idOf('justice')}/2026/entries`,
      headers: headers.vanthu,
      payload: { code: '04.VP', title: 'Hồ sơ hội nghị cán bộ', retentionYears: null },
    });
    expect(added.statusCode, added.body).toBe(201);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/file-lists/${idOf('justice')}/2026/entries`,
      headers: headers.vanthu,
      payload: { code: '04.VP', title: 'Lần nữa', retentionYears: 5 },
    });
    expect(twice.json().code).toBe('WORKFILE_LIST_CODE_TAKEN');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/file-list-entries/${added.json().id}`,
      headers: headers.vanthu,
    });
    expect(removed.statusCode).toBe(204);
  });
});

describe('a work file from opening to the archive (Decree 30/2020 Art. 28–29)', () => {
  let fileId = '';

  it('is opened by a specialist from the list of the unit’s agency, coded by year and list code', async () => {
    const options = (await get('cv1', '/api/v1/work-files/options')).json();
    const unit = options.units.find((u: { id: string }) => u.id === idOf('justiceDivision'));
    const entry = unit.entries.find((e: { code: string }) => e.code === '02.PBGDPL');
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-files',
      headers: headers.cv1,
      payload: { agencyId: idOf('justiceDivision'), fileListEntryId: entry.id },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ code: '2026.02.PBGDPL', status: 'open' });
    fileId = opened.json().id;
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-files',
      headers: headers.cv1,
      payload: { agencyId: idOf('justiceDivision'), fileListEntryId: entry.id, title: 'Hồ sơ đợt hai' },
    });
    expect(second.json().code).toBe('2026.02.PBGDPL.2');
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-files',
      headers: headers.cv1,
      payload: { agencyId: idOf('justiceDivision') },
    });
    expect(outside.json().code).toBe('WORKFILE_TITLE_REQUIRED');
    const file = await detail('cv1', fileId);
    expect(file).toMatchObject({ title: 'Hồ sơ hướng dẫn phổ biến giáo dục pháp luật', retentionYears: 10 });
    expect(file.actions.map((a: { action: string }) => a.action)).toEqual(['close']);
  });

  it('keeps notes and uploaded files in order; a colleague reads it but does not change it', async () => {
    expect((await addItem('cv1', fileId, { kind: 'note', note: 'Đã xin ý kiến Phòng.' })).statusCode).toBe(200);
    const upload = multipartFile(samplePdf('bien-ban'), 'bien-ban-hop.pdf', 'application/pdf');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/work-files/${fileId}/uploads?expectedVersion=${(await detail('cv1', fileId)).version}`,
      headers: { ...headers.cv1, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const file = await detail('cv3', fileId);
    expect(file.items.map((i: { kind: string }) => i.kind)).toEqual(['note', 'file']);
    expect(file.canEditItems).toBe(false);
    const foreign = await addItem('cv3', fileId, { kind: 'note', note: 'Không phải của tôi' });
    expect(foreign.json().code).toBe('WORKFILE_NOT_PERMITTED');
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/work-files/${fileId}/items`,
      headers: headers.cv1,
      payload: { expectedVersion: 1, kind: 'note', note: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/work-files/${fileId}/items/${file.items[1].id}/move`,
      headers: headers.cv1,
      payload: { expectedVersion: file.version, position: 1 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await detail('cv1', fileId)).items.map((i: { kind: string }) => i.kind)).toEqual(['file', 'note']);
    const download = await get('cv1', `/api/v1/work-files/${fileId}/items/${file.items[1].id}/file`);
    expect(download.statusCode).toBe(200);
  });

  it('is closed with the archiving due day, reopened only with a reason, then handed to the archive', async () => {
    const closed = await act('cv1', fileId, { action: 'close' });
    expect(closed.statusCode, closed.body).toBe(200);
    const file = await detail('cv1', fileId);
    // One year after the matter ended (the default setting).
    expect(file).toMatchObject({ status: 'closed', archiveDueOn: '2027-11-23', archiveOverdue: false });
    expect((await addItem('cv1', fileId, { kind: 'note', note: 'muộn' })).json().code).toBe('WORKFILE_NOT_OPEN');
    expect((await act('cv1', fileId, { action: 'reopen' })).json().code).toBe('WORKFILE_REASON_REQUIRED');
    expect((await act('cv3', fileId, { action: 'reopen', reason: 'x' })).json().code).toBe('WORKFILE_NOT_PERMITTED');
    const reopened = await act('truongphong', fileId, { action: 'reopen', reason: 'Còn văn bản trả lời' });
    expect(reopened.json().status).toBe('open');
    expect((await detail('cv1', fileId)).archiveDueOn).toBeNull();
    expect((await act('cv1', fileId, { action: 'archive' })).json().code).toBe('WORKFILE_ACTION_NOT_ALLOWED_IN_STATE');
    await act('cv1', fileId, { action: 'close' });
    const archived = await act('cv1', fileId, { action: 'archive' });
    expect(archived.json().status).toBe('archived');
    expect((await detail('cv1', fileId)).actions).toEqual([]);
  });

  it('has one unbroken hash-chained history in work_event', async () => {
    const events = await listWorkEvents(t.database.db, 'work_file', fileId);
    expect(events.map((e) => e.action)).toEqual([
      'open',
      'item_add',
      'item_add',
      'item_move',
      'close',
      'reopen',
      'close',
      'archive',
    ]);
    let prev: string | null = null;
    for (const event of events) {
      expect(event.prevHash).toBe(prev);
      const { recordKind, recordId, seq, at, actorUserId, action, fromStatus, toStatus, note, payload } = event;
      expect(
        computeWorkEventHash(prev, {
          recordKind,
          recordId,
          seq,
          at,
          actorUserId,
          action,
          fromStatus,
          toStatus,
          note,
          payload: payload as Record<string, unknown>,
        }),
      ).toBe(event.hash);
      prev = event.hash;
    }
  });
});

describe('documents in a file, confidential files and the archive package', () => {
  let docId = '';
  let fileId = '';

  it('adds only documents the caller may read', async () => {
    const upload = multipartFile(samplePdf('cong-van'), 'cong-van.pdf', 'application/pdf');
    const scan = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incoming-documents/scans?agencyId=${idOf('justice')}`,
      headers: { ...headers.vanthu, ...upload.headers },
      payload: upload.payload,
    });
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incoming-documents',
      headers: headers.vanthu,
      payload: {
        agencyId: idOf('justice'),
        receivedAt: '2026-11-23T08:30:00+07:00',
        issuerName: 'Bộ Tư pháp',
        numberSymbol: '45/BTP-PBGDPL',
        issuedOn: '2026-11-20',
        documentType: 'CV',
        subject: 'Về việc hướng dẫn Ngày Pháp luật năm 2026',
        file: scan.json(),
        scanDpi: 300,
        pageCount: 3,
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    docId = registered.json().id;
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-files',
      headers: headers.giamdoc,
      payload: { agencyId: idOf('justice'), title: 'Hồ sơ Ngày Pháp luật 2026', retentionYears: 5, confidential: true },
    });
    fileId = opened.json().id;
    expect(opened.json().code).toBe('2026.NDM');
    // The specialist of the unit may not read the document registered at the department.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-files',
      headers: headers.cv1,
      payload: { agencyId: idOf('justiceDivision'), title: 'Hồ sơ riêng' },
    });
    const refused = await addItem('cv1', own.json().id, { kind: 'incoming_document', itemId: docId });
    expect(refused.json().code).toBe('WORKFILE_ITEM_NOT_READABLE');
    const added = await addItem('giamdoc', fileId, { kind: 'incoming_document', itemId: docId });
    expect(added.statusCode, added.body).toBe(200);
    const again = await addItem('giamdoc', fileId, { kind: 'incoming_document', itemId: docId });
    expect(again.json().code).toBe('WORKFILE_ITEM_ALREADY_IN');
    await addItem('giamdoc', fileId, { kind: 'note', note: 'Giao Phòng PBGDPL chủ trì.' });
  });

  it('a confidential file is read by its owner and the heads only', async () => {
    expect((await get('vanthu', `/api/v1/work-files/${fileId}`)).statusCode).toBe(404);
    expect((await get('giamdoc', `/api/v1/work-files/${fileId}`)).statusCode).toBe(200);
    const unitList = (await get('vanthu', '/api/v1/work-files?view=unit&status=open')).json();
    expect(unitList.items.map((f: { id: string }) => f.id)).not.toContain(fileId);
    const headList = (await get('giamdoc', '/api/v1/work-files?view=unit&status=open')).json();
    expect(headList.items.map((f: { id: string }) => f.id)).toContain(fileId);
  });

  it('lists are searched without diacritics and paged by keyset', async () => {
    const found = (await get('giamdoc', '/api/v1/work-files?view=mine&status=open&q=ngay%20phap%20luat')).json();
    expect(found.items.map((f: { id: string }) => f.id)).toEqual([fileId]);
    const first = (await get('cv1', '/api/v1/work-files?view=mine&status=open&limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const next = (
      await get('cv1', `/api/v1/work-files?view=mine&status=open&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(first.items[0].id);
  });

  it('exports the archive package: the documents’ PDFs, the table of contents as PDF and CSV, the cover', async () => {
    expect((await get('truongphong', `/api/v1/work-files/${fileId}/export.zip`)).statusCode).toBe(404);
    const response = await get('giamdoc', `/api/v1/work-files/${fileId}/export.zip`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/zip');
    const entries = unzipSync(new Uint8Array(response.rawPayload));
    const names = Object.keys(entries).sort();
    expect(names).toEqual([
      'bia-ho-so.json',
      'muc-luc-van-ban.csv',
      'muc-luc-van-ban.pdf',
      'van-ban/001-45-BTP-PBGDPL.pdf',
    ]);
    expect(Buffer.from(entries['van-ban/001-45-BTP-PBGDPL.pdf'] ?? []).toString('utf8')).toContain('cong-van');
    expect(
      Buffer.from(entries['muc-luc-van-ban.pdf'] ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const table = Buffer.from(entries['muc-luc-van-ban.csv'] ?? []).toString('utf8');
    expect(table).toContain('STT,"Số, ký hiệu văn bản"');
    expect(table).toContain('1,45/BTP-PBGDPL,20/11/2026,Về việc hướng dẫn Ngày Pháp luật năm 2026,Bộ Tư pháp,3,');
    const cover = JSON.parse(Buffer.from(entries['bia-ho-so.json'] ?? []).toString('utf8'));
    expect(cover).toMatchObject({
      code: '2026.NDM',
      title: 'Hồ sơ Ngày Pháp luật 2026',
      retention: '5 năm',
      documentCount: 1,
      pageCount: 3,
      from: '2026-11-23',
      to: null,
    });
    expect(cover.archivalCode.endsWith('.2026.NDM')).toBe(true);
  });
});
