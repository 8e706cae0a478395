import { appendDeliveryStatus, findDocumentDelivery, insertUserRole } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile, samplePdf } from '../usecases/portal/test-support.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
/** The clerk of the Department of Justice of Hưng Yên (the sender) and of Hà Nội's department (another system). */
let sender: Record<string, string>;
let receiver: Record<string, string>;
let outgoingId = '';
let packageRecipientId = '';
let paperRecipientId = '';

const idOf = (key: string) => world.agencies[key]?.id ?? '';

const upload = (url: string, headers: Record<string, string>, content: Buffer | string, name = 'goi-tin.edxml') => {
  const file = multipartFile(Buffer.from(content), name, 'application/xml');
  return t.app.inject({ method: 'POST', url, headers: { ...headers, ...file.headers }, payload: file.payload });
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const grant = async (username: string, agency: string) =>
    insertUserRole(t.database.db, {
      userId: world.users[username]?.id ?? '',
      agencyId: idOf(agency),
      role: 'clerk',
      includeSubagencies: false,
      grantedBy: null,
    });
  await grant('tiepnhan', 'justice');
  await grant('hanoitn', 'foreignDepartment');
  sender = (await signIn(t.app, 'tiepnhan')).headers;
  receiver = (await signIn(t.app, 'hanoitn')).headers;

  // An issued outgoing document of the Department of Justice (as the outgoing register leaves it): signed PDF,
  // one recipient of another system (by package), one of this install (delivered through the system), one on paper.
  const pdf = await t.ctx.storage.put(samplePdf('cong-van-12'));
  const db = t.database.db;
  const doc = await db
    .insertInto('outgoingDocument')
    .values({
      provinceCode: '33',
      agencyId: idOf('justice'),
      drafterUserId: world.users.chuyenvien?.id ?? '',
      documentType: 'CV',
      subject: 'Về việc phối hợp giải quyết thủ tục hành chính liên tỉnh',
      urgency: 'khan',
      status: 'issued',
      signerUserId: world.users.lanhdao?.id ?? '',
      signerTitle: 'Giám đốc',
      year: 2026,
      numberSequence: 'main',
      number: 12,
      numberSymbol: '12/STP-VP',
      signedAt: '2026-11-23T08:00:00+07:00',
      issuedAt: '2026-11-23T08:30:00+07:00',
      signedFileSha256: pdf.sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  outgoingId = doc.id;
  const recipients = await db
    .insertInto('outgoingRecipient')
    .values([
      {
        outgoingId,
        position: 1,
        recipientAgencyId: null,
        externalCode: '000.00.01.H26',
        name: 'Sở Tư pháp Hà Nội',
        channel: 'package',
      },
      {
        outgoingId,
        position: 2,
        recipientAgencyId: idOf('construction'),
        externalCode: null,
        name: 'Sở Xây dựng',
        channel: 'system',
      },
      { outgoingId, position: 3, recipientAgencyId: null, externalCode: null, name: 'Lưu: VT', channel: 'paper' },
    ])
    .returning(['id', 'position'])
    .execute();
  packageRecipientId = recipients.find((r) => r.position === 1)?.id ?? '';
  paperRecipientId = recipients.find((r) => r.position === 3)?.id ?? '';
  await db
    .insertInto('documentDelivery')
    .values({
      provinceCode: '33',
      recipientAgencyId: idOf('construction'),
      outgoingId,
      senderAgencyId: idOf('justice'),
      senderName: 'Sở Tư pháp',
      numberSymbol: '12/STP-VP',
      issuedOn: '2026-11-23',
      documentType: 'CV',
      subject: 'Về việc phối hợp giải quyết thủ tục hành chính liên tỉnh',
      deliveredAt: '2026-11-23T08:30:00+07:00',
      statusAt: '2026-11-23T08:30:00+07:00',
    })
    .execute();
});

afterAll(async () => {
  await t?.close();
});

describe('exchange between agencies by package (QĐ 28/2018; QCVN 102:2016 edXML)', () => {
  let packageXml = '';
  let packageId = '';
  let deliveryId = '';

  it('exports the package of the issued document for the recipient of another system, the same bytes again', async () => {
    const url = `/api/v1/document-exchange/outgoing/${outgoingId}/recipients/${packageRecipientId}/package`;
    const first = await t.app.inject({ method: 'POST', url, headers: sender });
    expect(first.statusCode, first.body).toBe(201);
    const exported = first.json();
    packageId = exported.packageId;
    expect(exported).toMatchObject({
      created: true,
      fileName: '12-STP-VP-000.00.01.H26.edxml',
      fileUrl: `/api/v1/document-exchange/packages/${packageId}/file`,
    });
    const file = await t.app.inject({ url: exported.fileUrl, headers: sender });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('application/xml');
    expect(file.headers['content-disposition']).toBe('attachment; filename="12-STP-VP-000.00.01.H26.edxml"');
    packageXml = file.body;
    expect(packageXml).toContain('<OrganId>000.00.01.H31</OrganId>');
    expect(packageXml).toContain('<CodeNumber>12</CodeNumber>');
    expect(packageXml).toContain('<CodeNotation>STP-VP</CodeNotation>');
    expect(packageXml).toContain('<FullName>Lê Văn Lãnh Đạo</FullName>');
    expect(packageXml).toContain(`<DocumentId>${packageId}</DocumentId>`);
    expect(packageXml).toContain('<Priority>1</Priority>');
    const again = await t.app.inject({ method: 'POST', url, headers: sender });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ packageId, sha256: exported.sha256, created: false });
    expect((await t.app.inject({ url: exported.fileUrl, headers: sender })).body).toBe(packageXml);
    expect((await t.app.inject({ url: exported.fileUrl, headers: receiver })).statusCode).toBe(404);
    // A paper recipient takes no package; the receiving clerk of another agency may not export.
    const paper = await t.app.inject({
      method: 'POST',
      url: `/api/v1/document-exchange/outgoing/${outgoingId}/recipients/${paperRecipientId}/package`,
      headers: sender,
    });
    expect(paper.statusCode).toBe(422);
    expect(paper.json().code).toBe('EXCHANGE_RECIPIENT_NOT_PACKAGE');
    expect((await t.app.inject({ method: 'POST', url, headers: receiver })).statusCode).toBe(404);
  });

  it('imports it into the receiving agency as a delivery waiting for registration, once', async () => {
    const first = await upload('/api/v1/document-exchange/packages/import', receiver, packageXml);
    expect(first.statusCode, first.body).toBe(201);
    const imported = first.json();
    expect(imported).toMatchObject({
      created: true,
      documentId: packageId,
      recipientAgencyId: idOf('foreignDepartment'),
      numberSymbol: '12/STP-VP',
      senderCode: '000.00.01.H31',
      senderName: 'Sở Tư pháp tỉnh Hưng Yên',
    });
    deliveryId = imported.deliveryId;
    const delivery = await findDocumentDelivery(t.database.db, deliveryId);
    expect(delivery).toMatchObject({
      status: 'delivered',
      provinceCode: '01',
      outgoingId: null,
      senderCode: '000.00.01.H31',
      urgency: 'khan',
      signerName: 'Lê Văn Lãnh Đạo',
      issuedOn: '2026-11-23',
    });
    expect(await t.ctx.storage.has(delivery?.fileSha256 ?? '')).toBe(true);
    expect(await t.ctx.storage.has(delivery?.packageSha256 ?? '')).toBe(true);

    const second = await upload('/api/v1/document-exchange/packages/import', receiver, packageXml);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ deliveryId, created: false });
    const count = await t.database.db
      .selectFrom('documentDelivery')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('packageSha256', '=', imported.packageSha256)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses a malformed package with 422 naming the field, storing nothing', async () => {
    const badCode = packageXml.replace('<OrganId>000.00.01.H31</OrganId>', '<OrganId>SO-TU-PHAP</OrganId>');
    const response = await upload('/api/v1/document-exchange/packages/import', receiver, badCode);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('EXCHANGE_PACKAGE_INVALID');
    expect(problem.errors).toEqual([
      {
        in: 'package',
        pointer: '/header/from/code',
        code: 'INVALID',
        message: 'phải là mã định danh dạng 000.00.00.H56 (Quyết định 20/2020/QĐ-TTg)',
      },
    ]);
    const english = await upload(
      '/api/v1/document-exchange/packages/import',
      { ...receiver, 'accept-language': 'en' },
      badCode,
    );
    expect(english.json().errors[0].message).toBe('must be an identifier code such as 000.00.00.H56');
    const tampered = packageXml.replace(/<Digest>[0-9a-f]{64}<\/Digest>/, `<Digest>${'0'.repeat(64)}</Digest>`);
    const digest = await upload('/api/v1/document-exchange/packages/import', receiver, tampered);
    expect(digest.statusCode).toBe(422);
    expect(digest.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/attachments/0/sha256']);
    const notXml = await upload('/api/v1/document-exchange/packages/import', receiver, '<edXMLEnvelope><oops>');
    expect(notXml.statusCode).toBe(422);
    expect(notXml.json().errors[0].pointer).toBe('/');
    const entity = await upload(
      '/api/v1/document-exchange/packages/import',
      receiver,
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><edXMLEnvelope>&a;</edXMLEnvelope>',
    );
    expect(entity.statusCode).toBe(422);
    const secret = await upload(
      '/api/v1/document-exchange/packages/import',
      receiver,
      packageXml.replace('<Confidentiality>0</Confidentiality>', '<Confidentiality>1</Confidentiality>'),
    );
    expect(secret.json().code).toBe('EXCHANGE_CONFIDENTIAL');
    // The sender's clerk is no clerk of any receiver of the package.
    const wrong = await upload('/api/v1/document-exchange/packages/import', sender, packageXml);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('EXCHANGE_RECIPIENT_UNKNOWN');
  });

  const exportStatuses = async () => {
    const response = await t.app.inject({
      url: `/api/v1/document-exchange/deliveries/${deliveryId}/status-messages/file`,
      headers: receiver,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.body;
  };

  const senderView = async () => {
    const response = await t.app.inject({ url: `/api/v1/document-exchange/outgoing/${outgoingId}`, headers: sender });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('carries the status messages back: the sender sees delivered, then received once the recipient registers it', async () => {
    const before = await senderView();
    expect(before.recipients.map((r: { status: string }) => r.status)).toEqual(['sent', 'delivered', 'paper']);

    const delivered = await exportStatuses();
    expect(delivered).toContain('<StatusCode>01</StatusCode>');
    const first = await upload('/api/v1/document-exchange/status-messages/import', sender, delivered);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().packages).toEqual([{ packageId, outgoingId, recorded: 1, skipped: 0, status: 'delivered' }]);

    // The recipient's clerk registers it (the incoming register reports 'received' through appendDeliveryStatus).
    await t.database.db.transaction().execute(async (trx) => {
      const ok = await appendDeliveryStatus(trx, {
        deliveryId,
        expectedVersion: 1,
        status: 'received',
        at: new Date('2026-11-23T03:00:00Z'),
        actorUserId: world.users.hanoitn?.id ?? null,
        note: 'Số đến 45',
      });
      expect(ok).toBe(true);
    });
    const received = await exportStatuses();
    const second = await upload('/api/v1/document-exchange/status-messages/import', sender, received);
    expect(second.json().packages).toEqual([{ packageId, outgoingId, recorded: 1, skipped: 1, status: 'received' }]);
    const again = await upload('/api/v1/document-exchange/status-messages/import', sender, received);
    expect(again.json().packages[0]).toMatchObject({ recorded: 0, skipped: 2, status: 'received' });

    const view = await senderView();
    const byPackage = view.recipients[0];
    expect(byPackage).toMatchObject({ channel: 'package', status: 'received', packageId, canExport: true });
    expect(byPackage.statusLabel.vi).toBe('Đã tiếp nhận');
    expect(
      byPackage.messages.map((m: { seq: number; status: string; note: string | null }) => [m.seq, m.status, m.note]),
    ).toEqual([
      [1, 'delivered', null],
      [2, 'received', 'Số đến 45'],
    ]);
    expect(byPackage.messages[1].at).toBe('2026-11-23T10:00:00+07:00');
  });

  it('refuses status messages out of order, about an unknown package, or from another organ', async () => {
    const received = await exportStatuses();
    const skipped = received
      .replace('<Seq>2</Seq>', '<Seq>4</Seq>')
      .replace('<StatusCode>03</StatusCode>', '<StatusCode>06</StatusCode>');
    const gap = await upload('/api/v1/document-exchange/status-messages/import', sender, skipped);
    expect(gap.statusCode, gap.body).toBe(422);
    expect(gap.json().code).toBe('EXCHANGE_STATUS_OUT_OF_ORDER');
    const unknown = received.replaceAll(packageId, '00000000-0000-4000-8000-000000000000');
    const other = await upload('/api/v1/document-exchange/status-messages/import', sender, unknown);
    expect(other.json().code).toBe('EXCHANGE_STATUS_UNKNOWN_PACKAGE');
    const forged = received.replaceAll('<OrganId>000.00.01.H26</OrganId>', '<OrganId>000.00.05.H26</OrganId>');
    const from = await upload('/api/v1/document-exchange/status-messages/import', sender, forged);
    expect(from.statusCode).toBe(422);
    expect(from.json().errors[0].pointer).toBe('/messages/0/from/code');
    // The sender's own delivery through the system has no package status to export.
    const system = await t.database.db
      .selectFrom('documentDelivery')
      .select('id')
      .where('outgoingId', '=', outgoingId)
      .executeTakeFirstOrThrow();
    const notByPackage = await t.app.inject({
      url: `/api/v1/document-exchange/deliveries/${system.id}/status-messages/file`,
      headers: receiver,
    });
    expect(notByPackage.statusCode).toBe(404);
  });

  it('lists what the agency sent, newest first, with each last status, a page at a time', async () => {
    const agencyId = idOf('justice');
    const first = await t.app.inject({
      url: `/api/v1/document-exchange/sent?agencyId=${agencyId}&limit=1`,
      headers: sender,
    });
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ channel: 'package', status: 'received', recipientCode: '000.00.01.H26' });
    const rest = await t.app.inject({
      url: `/api/v1/document-exchange/sent?agencyId=${agencyId}&limit=1&cursor=${page.nextCursor}`,
      headers: sender,
    });
    expect(rest.json().items).toEqual([
      expect.objectContaining({ channel: 'system', status: 'delivered', recipientName: 'Sở Xây dựng tỉnh Hưng Yên' }),
    ]);
    expect(rest.json().nextCursor).toBeNull();
    const issued = await t.app.inject({
      url: `/api/v1/document-exchange/outgoing?agencyId=${agencyId}`,
      headers: sender,
    });
    expect(issued.json().items).toEqual([
      expect.objectContaining({ id: outgoingId, numberSymbol: '12/STP-VP', recipients: 3, packageRecipients: 1 }),
    ]);
    const received = await t.app.inject({
      url: `/api/v1/document-exchange/received?agencyId=${idOf('foreignDepartment')}`,
      headers: receiver,
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().items).toEqual([
      expect.objectContaining({ id: deliveryId, status: 'received', senderCode: '000.00.01.H31', registered: false }),
    ]);
    const bad = await t.app.inject({
      url: `/api/v1/document-exchange/sent?agencyId=${agencyId}&cursor=nonsense`,
      headers: sender,
    });
    expect(bad.statusCode).toBe(400);
    const foreign = await t.app.inject({
      url: `/api/v1/document-exchange/sent?agencyId=${agencyId}`,
      headers: receiver,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
