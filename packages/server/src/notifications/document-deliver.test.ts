import { insertUserRole } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { configurePortalServices } from '../usecases/portal/services.js';
import type { EmailMessage } from './channels.js';
import { DeliveryError } from './channels.js';
import { deliverDocumentNotifications } from './document-deliver.js';

const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
const sent: EmailMessage[] = [];
let failNext = false;

const idOf = (key: string) => world.agencies[key]?.id ?? '';
const userOf = (name: string) => world.users[name]?.id ?? '';

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  configurePortalServices(t.ctx, {
    mailer: {
      enabled: true,
      send: async (message) => {
        if (failNext) {
          failNext = false;
          throw new DeliveryError('ECONNECTION');
        }
        sent.push(message);
      },
    },
  });
  const db = t.database.db;
  for (const [user, agency, role, email] of [
    ['xaydung', 'construction', 'clerk', 'vanthu.xd@example.vn'],
    ['lanhdao', 'justiceDivision', 'unit_head', 'truongphong@example.vn'],
  ] as const) {
    await insertUserRole(db, {
      userId: userOf(user),
      agencyId: idOf(agency),
      role,
      includeSubagencies: false,
      grantedBy: null,
    });
    await db.updateTable('appUser').set({ email }).where('id', '=', userOf(user)).execute();
  }
});

afterAll(async () => {
  await t?.close();
});

const event = (kind: 'incoming' | 'outgoing', documentId: string, seq: number, toStatus: string) =>
  t.database.db
    .insertInto('documentEvent')
    .values({
      documentKind: kind,
      documentId,
      seq,
      at: '2026-11-23T09:00:00+07:00',
      actorKind: 'official',
      actorUserId: null,
      actorRole: null,
      agencyId: null,
      action: toStatus,
      fromStatus: null,
      toStatus,
      note: null,
      payload: '{}',
      prevHash: null,
      hash: `${kind}-${seq}-${documentId}`,
    })
    .execute();

describe('the document-changed job: email whoever acts next', () => {
  it('tells the receiving agency’s clerks an issued document arrived, once per event even when retried', async () => {
    const db = t.database.db;
    const doc = await db
      .insertInto('outgoingDocument')
      .values({
        provinceCode: '33',
        agencyId: idOf('justice'),
        drafterUserId: userOf('chuyenvien'),
        documentType: 'CV',
        subject: 'Về việc rà soát thủ tục hành chính',
        status: 'issued',
        year: 2026,
        numberSequence: 'main',
        number: 7,
        numberSymbol: '7/STP-VP',
        issuedAt: '2026-11-23T08:30:00+07:00',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('documentDelivery')
      .values({
        provinceCode: '33',
        recipientAgencyId: idOf('construction'),
        outgoingId: doc.id,
        senderAgencyId: idOf('justice'),
        senderName: 'Sở Tư pháp',
        numberSymbol: '7/STP-VP',
        issuedOn: '2026-11-23',
        documentType: 'CV',
        subject: 'Về việc rà soát thủ tục hành chính',
      })
      .execute();
    await event('outgoing', doc.id, 3, 'issued');
    const job = { documentKind: 'outgoing' as const, documentId: doc.id, seq: 3, action: 'issue' };

    failNext = true;
    await expect(deliverDocumentNotifications(t.ctx, job, { finalAttempt: false })).rejects.toThrow(/will retry/);
    expect(sent).toHaveLength(0);
    expect(await deliverDocumentNotifications(t.ctx, job, { finalAttempt: false })).toEqual({
      sent: 1,
      failed: 0,
      skipped: 0,
    });
    expect(await deliverDocumentNotifications(t.ctx, job, { finalAttempt: false })).toEqual({
      sent: 0,
      failed: 0,
      skipped: 0,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('vanthu.xd@example.vn');
    expect(sent[0]?.subject).toBe('Văn bản đến qua hệ thống 7/STP-VP');
    expect(sent[0]?.text).toContain('Cơ quan, đơn vị gửi: Sở Tư pháp tỉnh Hưng Yên');
    const rows = await db.selectFrom('documentNotification').selectAll().where('documentId', '=', doc.id).execute();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['sent', 2]]);
  });

  it('tells the lead unit’s heads a document was directed to them, and nobody of other events', async () => {
    const db = t.database.db;
    const doc = await db
      .insertInto('incomingDocument')
      .values({
        provinceCode: '33',
        agencyId: idOf('justice'),
        year: 2026,
        incomingNumber: 45,
        receivedAt: '2026-11-23T08:00:00+07:00',
        channel: 'electronic',
        issuerName: 'UBND thành phố Hà Nội',
        numberSymbol: '12/UBND-VP',
        issuedOn: '2026-11-20',
        documentType: 'CV',
        subject: 'Phối hợp liên tỉnh',
        status: 'directed',
        leadUnitId: idOf('justiceDivision'),
        dueOn: '2026-12-04',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await event('incoming', doc.id, 1, 'registered');
    await event('incoming', doc.id, 2, 'directed');
    sent.length = 0;
    const base = { documentKind: 'incoming' as const, documentId: doc.id, action: 'x' };
    expect((await deliverDocumentNotifications(t.ctx, { ...base, seq: 1 }, { finalAttempt: false })).sent).toBe(0);
    expect((await deliverDocumentNotifications(t.ctx, { ...base, seq: 2 }, { finalAttempt: false })).sent).toBe(1);
    expect(sent[0]?.to).toBe('truongphong@example.vn');
    expect(sent[0]?.text).toContain('Hạn xử lý: 04/12/2026');
  });
});
