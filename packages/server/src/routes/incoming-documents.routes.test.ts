import { insertDocumentDelivery, listDeliveryStatusMessages, listDocumentReads } from '@motcua/db';
import type { OfficialRole } from '@motcua/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficials, seedSecondJusticeDivision, seedWorld, signInEach, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { multipartFile, samplePdf } from '../usecases/portal/test-support.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
let secondUnitId = '';
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
  { username: 'cv2', fullName: 'Hoàng Thị Hai', agency: () => secondUnitId, role: 'specialist' },
  { username: 'cv3', fullName: 'Đỗ Văn Ba', agency: () => idOf('justiceDivision'), role: 'specialist' },
  { username: 'vanthuxd', fullName: 'Bùi Thị Xây', agency: () => idOf('construction'), role: 'clerk' },
];

const uploadScan = async (who: string, agencyId: string, marker: string) => {
  const file = multipartFile(samplePdf(marker), 'cong-van.pdf', 'application/pdf');
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/incoming-documents/scans?agencyId=${agencyId}`,
    headers: { ...headers[who], ...file.headers },
    payload: file.payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { sha256: string; fileName: string; sizeBytes: number; token: string };
};

const paper = (
  agencyId: string,
  file: { sha256: string; fileName: string; sizeBytes: number; token: string },
  extra = {},
) => ({
  agencyId,
  receivedAt: '2026-11-23T08:30:00+07:00',
  issuerName: 'Bộ Tư pháp',
  numberSymbol: '123/BTP-VP',
  issuedOn: '2026-11-20',
  documentType: 'CV',
  subject: 'Về việc triển khai Luật Ban hành văn bản quy phạm pháp luật',
  urgency: 'normal',
  confidentiality: 'normal',
  file,
  scanDpi: 300,
  ...extra,
});

const detail = async (who: string, id: string) =>
  t.app.inject({ url: `/api/v1/incoming-documents/${id}`, headers: headers[who] });

const act = async (who: string, id: string, body: Record<string, unknown>) => {
  const current = await detail(who, id);
  expect(current.statusCode, current.body).toBe(200);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/incoming-documents/${id}/actions`,
    headers: headers[who],
    payload: { expectedVersion: current.json().version, ...body },
  });
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  secondUnitId = (await seedSecondJusticeDivision(t, world)).id;
  const officials = PEOPLE.map((person) => ({ ...person, agencyId: person.agency() }));
  Object.assign(users, await seedOfficials(t, officials));
  Object.assign(headers, await signInEach(t.app, PEOPLE));
});

afterAll(async () => {
  await t?.close();
});

describe('a paper document from registration to done (Decree 30/2020 Art. 22–24)', () => {
  let id = '';

  it('is registered by the clerk with the next number of the year and its scan', async () => {
    const file = await uploadScan('vanthu', idOf('justice'), 'giay-1');
    const low = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incoming-documents',
      headers: headers.vanthu,
      payload: paper(idOf('justice'), file, { scanDpi: 150 }),
    });
    expect(low.statusCode).toBe(422);
    expect(low.json().code).toBe('INCOMING_SCAN_DPI_TOO_LOW');
    // A scan is registered only by the agency it was uploaded for.
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incoming-documents',
      headers: headers.vanthu,
      payload: paper(idOf('justice'), { ...file, token: 'x'.repeat(43) }),
    });
    expect(foreign.json().code).toBe('INCOMING_FILE_MISSING');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incoming-documents',
      headers: headers.vanthu,
      payload: paper(idOf('justice'), file),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'registered', year: 2026, incomingNumber: 1 });
    id = created.json().id;
    const seen = (await detail('vanthu', id)).json();
    expect(seen).toMatchObject({
      status: 'registered',
      hasFile: true,
      registeredLate: false,
      registrationDueAt: '2026-11-24T17:00:00+07:00',
    });
    expect(seen.actions.map((a: { action: string }) => a.action)).toEqual(['present', 'return']);
    const pdf = await t.app.inject({ url: `/api/v1/incoming-documents/${id}/file`, headers: headers.vanthu });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    // The clerk's inboxes; a specialist of no assigned unit does not see it; search ignores diacritics.
    const today = (
      await t.app.inject({ url: '/api/v1/incoming-documents?view=registered_today', headers: headers.vanthu })
    ).json();
    expect(today.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const found = (
      await t.app.inject({ url: '/api/v1/incoming-documents?view=to_present&q=luat ban hanh', headers: headers.vanthu })
    ).json();
    expect(found.items).toHaveLength(1);
    expect((await detail('cv1', id)).statusCode).toBe(404);
  });

  it('is presented to the head, who directs it to two units with a deadline', async () => {
    const wrongPerson = await act('vanthu', id, { action: 'present', presentTo: users.cv1 });
    expect(wrongPerson.statusCode).toBe(422);
    const presented = await act('vanthu', id, { action: 'present', presentTo: users.giamdoc });
    expect(presented.statusCode, presented.body).toBe(200);
    expect(presented.json().status).toBe('presented');
    const toDirect = (
      await t.app.inject({ url: '/api/v1/incoming-documents?view=to_direct', headers: headers.giamdoc })
    ).json();
    expect(toDirect.items.map((item: { id: string }) => item.id)).toEqual([id]);
    // The clerk may not direct (403); two lead units are refused (422).
    const byClerk = await act('vanthu', id, {
      action: 'direct',
      note: 'x',
      units: [{ unitId: idOf('justiceDivision'), role: 'lead' }],
    });
    expect(byClerk.statusCode).toBe(403);
    const twoLeads = await act('giamdoc', id, {
      action: 'direct',
      note: 'x',
      units: [
        { unitId: idOf('justiceDivision'), role: 'lead' },
        { unitId: secondUnitId, role: 'lead' },
      ],
    });
    expect(twoLeads.json().code).toBe('INCOMING_UNITS_INVALID');
    const foreignUnit = await act('giamdoc', id, {
      action: 'direct',
      note: 'x',
      units: [{ unitId: idOf('construction'), role: 'lead' }],
    });
    expect(foreignUnit.json().code).toBe('INCOMING_UNITS_INVALID');
    const directed = await act('giamdoc', id, {
      action: 'direct',
      note: 'Giao Phòng Hành chính tư pháp chủ trì, Phòng Phổ biến phối hợp tham mưu triển khai.',
      units: [
        { unitId: idOf('justiceDivision'), role: 'lead' },
        { unitId: secondUnitId, role: 'cooperate' },
      ],
      dueOn: '2026-12-04',
    });
    expect(directed.statusCode, directed.body).toBe(200);
    const seen = (await detail('truongphong', id)).json();
    expect(seen).toMatchObject({ status: 'directed', dueOn: '2026-12-04', directedByName: 'Trần Văn Giám Đốc' });
    expect(seen.units.map((u: { role: string; status: string }) => [u.role, u.status])).toEqual([
      ['lead', 'assigned'],
      ['cooperate', 'assigned'],
    ]);
    const mine = (await t.app.inject({ url: '/api/v1/incoming-documents?view=my_units', headers: headers.cv2 })).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([id]);

    // The head of the lead unit names its official; another unit's specialist cannot be named.
    const seenByUnitHead = (await detail('truongphong', id)).json();
    expect(seenByUnitHead.actions.map((a: { action: string }) => a.action)).toContain('assign');
    expect(seenByUnitHead.assignableOfficials.map((o: { userId: string }) => o.userId)).toContain(users.cv1);
    expect((await act('truongphong', id, { action: 'assign', assigneeUserId: users.cv2 })).json().code).toBe(
      'INCOMING_ASSIGNEE_REQUIRED',
    );
    const assigned = await act('truongphong', id, { action: 'assign', assigneeUserId: users.cv1 });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().status).toBe('directed');
    const units = (await detail('cv1', id)).json().units;
    expect(units[0]).toMatchObject({ role: 'lead', assigneeName: 'Phạm Văn Một' });
  });

  it('is handled: in progress, the co-operating part done, then done by the lead unit', async () => {
    const started = await act('cv1', id, { action: 'start' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('in_progress');
    const part = await act('cv2', id, { action: 'finish' });
    expect(part.json().status).toBe('in_progress');
    const done = await act('cv1', id, { action: 'finish' });
    expect(done.json().status).toBe('done');
    const again = await act('cv1', id, { action: 'finish' });
    expect(again.statusCode).toBe(409);
    const seen = (await detail('giamdoc', id)).json();
    expect(seen.events.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'present',
      'direct',
      'assign',
      'start',
      'finish',
      'finish',
    ]);
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incoming-documents/${id}/actions`,
      headers: headers.vanthu,
      payload: { action: 'return', note: 'x', expectedVersion: 1 },
    });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('is flagged when registered after the next working day', async () => {
    const file = await uploadScan('vanthu', idOf('justice'), 'giay-cham');
    // Received Wednesday 18/11: due by the close of Thursday 19/11; registered Monday 23/11.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incoming-documents',
      headers: headers.vanthu,
      payload: paper(idOf('justice'), file, { receivedAt: '2026-11-18T08:00:00+07:00', numberSymbol: '9/STC-VP' }),
    });
    const late = (await detail('vanthu', created.json().id)).json();
    expect(late).toMatchObject({ registeredLate: true, registrationDueAt: '2026-11-19T17:00:00+07:00' });
    const list = (
      await t.app.inject({ url: '/api/v1/incoming-documents?view=to_present&q=9/STC', headers: headers.vanthu })
    ).json();
    expect(list.items.map((item: { registeredLate: boolean }) => item.registeredLate)).toEqual([true]);
  });

  it('a wrong document is returned with its reason', async () => {
    const file = await uploadScan('vanthu', idOf('justice'), 'giay-nham');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incoming-documents',
      headers: headers.vanthu,
      payload: paper(idOf('justice'), file, { numberSymbol: '45/UBND-KT', issuerName: 'UBND xã Tân Hưng' }),
    });
    const other = created.json().id;
    expect((await act('vanthu', other, { action: 'return' })).json().code).toBe('INCOMING_NOTE_REQUIRED');
    const returned = await act('vanthu', other, {
      action: 'return',
      note: 'Gửi nhầm cơ quan, đề nghị gửi Sở Xây dựng',
    });
    expect(returned.json().status).toBe('returned');
  });
});

describe('a document delivered electronically', () => {
  const deliver = async (subject: string) => {
    const stored = await t.ctx.storage.put(samplePdf(subject));
    return insertDocumentDelivery(t.database.db, {
      provinceCode: '33',
      recipientAgencyId: idOf('justice'),
      senderAgencyId: idOf('construction'),
      senderName: 'Sở Xây dựng tỉnh Hưng Yên',
      senderCode: '000.00.04.H31',
      packageSha256: stored.sha256,
      numberSymbol: '88/SXD-QLN',
      issuedOn: '2026-11-22',
      documentType: 'CV',
      subject,
      urgency: 'khan',
      confidentiality: 'normal',
      signerName: 'Giám đốc Sở Xây dựng',
      fileSha256: stored.sha256,
      deliveredAt: new Date('2026-11-23T08:00:00+07:00'),
    });
  };

  it('is registered from the pending list (fields copied, file kept) and reports its statuses to the sender', async () => {
    const delivery = await deliver('Về việc cấp phép xây dựng nhà ở riêng lẻ');
    const pending = (
      await t.app.inject({ url: '/api/v1/incoming-documents/deliveries', headers: headers.vanthu })
    ).json();
    expect(pending.items.map((item: { id: string }) => item.id)).toContain(delivery.id);
    const registered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incoming-documents/deliveries/${delivery.id}/register`,
      headers: headers.vanthu,
      payload: { expectedVersion: delivery.version },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const id = registered.json().id;
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incoming-documents/deliveries/${delivery.id}/register`,
      headers: headers.vanthu,
      payload: { expectedVersion: delivery.version + 1 },
    });
    expect(twice.json().code).toBe('INCOMING_DELIVERY_NOT_PENDING');
    const seen = (await detail('vanthu', id)).json();
    expect(seen).toMatchObject({
      channel: 'electronic',
      numberSymbol: '88/SXD-QLN',
      issuerName: 'Sở Xây dựng tỉnh Hưng Yên',
      urgency: 'khan',
      hasFile: true,
      // Khẩn: at once — received at 08:00, registered at 09:00 within the two working hours.
      registeredLate: false,
    });
    expect((await act('vanthu', id, { action: 'present', presentTo: users.giamdoc })).statusCode).toBe(200);
    expect(
      (
        await act('giamdoc', id, {
          action: 'direct',
          note: 'Phòng Hành chính tư pháp xử lý',
          units: [{ unitId: idOf('justiceDivision'), role: 'lead', assigneeUserId: users.cv1 }],
        })
      ).statusCode,
    ).toBe(200);
    // No deadline given: the province's default of 10 working days from Monday 23/11.
    expect((await detail('cv1', id)).json().dueOn).toBe('2026-12-07');
    expect((await act('cv1', id, { action: 'start' })).statusCode).toBe(200);
    expect((await act('cv1', id, { action: 'finish' })).statusCode).toBe(200);
    const messages = await listDeliveryStatusMessages(t.database.db, delivery.id);
    expect(messages.map((m) => m.status)).toEqual(['received', 'assigned', 'in_progress', 'done']);
  });

  it('is returned to the sender without registration (refused, with the reason)', async () => {
    const delivery = await deliver('Văn bản gửi nhầm');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incoming-documents/deliveries/${delivery.id}/refuse`,
      headers: headers.vanthu,
      payload: { expectedVersion: delivery.version, reason: 'Không thuộc thẩm quyền của Sở Tư pháp' },
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const messages = await listDeliveryStatusMessages(t.database.db, delivery.id);
    expect(messages.map((m) => [m.status, m.note])).toEqual([['refused', 'Không thuộc thẩm quyền của Sở Tư pháp']]);
    const outsider = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incoming-documents/deliveries/${delivery.id}/refuse`,
      headers: headers.vanthuxd,
      payload: { expectedVersion: 2, reason: 'x' },
    });
    expect([403, 404]).toContain(outsider.statusCode);
  });
});

describe('confidential documents', () => {
  it('are invisible to an unassigned specialist and every read is logged', async () => {
    const file = await uploadScan('vanthu', idOf('justice'), 'mat-1');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incoming-documents',
      headers: headers.vanthu,
      payload: paper(idOf('justice'), file, { confidentiality: 'mat', subject: 'Tài liệu mật về công tác cán bộ' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    // Secret documents have their own sequence.
    expect(created.json().incomingNumber).toBe(1);
    const id = created.json().id;
    await act('vanthu', id, { action: 'present', presentTo: users.giamdoc });
    await act('giamdoc', id, {
      action: 'direct',
      note: 'Đồng chí Một xử lý',
      units: [{ unitId: idOf('justiceDivision'), role: 'lead', assigneeUserId: users.cv1 }],
    });
    expect((await detail('cv1', id)).statusCode).toBe(200);
    expect((await detail('truongphong', id)).statusCode).toBe(200);
    // Another specialist of the same unit: 404 for the record, the file, and absent from the lists.
    expect((await detail('cv3', id)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/v1/incoming-documents/${id}/file`, headers: headers.cv3 })).statusCode,
    ).toBe(404);
    const list = (await t.app.inject({ url: '/api/v1/incoming-documents?view=all', headers: headers.cv3 })).json();
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(id);
    await t.app.inject({ url: `/api/v1/incoming-documents/${id}/file`, headers: headers.cv1 });
    const reads = await listDocumentReads(t.database.db, 'incoming', id);
    expect(reads.map((read) => read.what)).toContain('file');
    expect(new Set(reads.map((read) => read.userId))).toEqual(
      new Set([users.vanthu, users.giamdoc, users.cv1, users.truongphong]),
    );
  });
});

describe('numbering', () => {
  it('gives 20 parallel registrations the numbers 1..20, without gaps or duplicates', async () => {
    const file = await uploadScan('vanthuxd', idOf('construction'), 'song-song');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/incoming-documents',
          headers: headers.vanthuxd,
          payload: paper(idOf('construction'), file, { numberSymbol: `${n + 1}/UBND-KT` }),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 20 }, () => 201));
    const numbers = answers.map((a) => a.json().incomingNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
  });
});

describe('the audit', () => {
  it('verifies every document chain, and names an edited event', async () => {
    const clean = await verifyAuditChains(t.ctx);
    expect(clean.findings).toEqual([]);
    expect(clean.documents).toBeGreaterThanOrEqual(24);
    const row = await sql<{ id: string; documentId: string }>`
      select id, document_id from document_event where action = 'direct' order by id limit 1`.execute(t.database.db);
    const target = row.rows[0];
    await sql`update document_event set note = 'sửa trộm' where id = ${target?.id}`.execute(t.database.db);
    const tampered = await verifyAuditChains(t.ctx);
    expect(tampered.findings, JSON.stringify(tampered.findings)).toEqual([
      expect.objectContaining({
        dossierCode: `incoming:${target?.documentId}`,
        kind: 'edited',
        eventId: Number(target?.id),
      }),
    ]);
  });
});
