import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from './agencies.queries.js';
import { countDocumentExchange, insertImportedDelivery, listSentDeliveriesPage } from './document-exchange.queries.js';
import { createTestDatabase, type TestDatabase } from './testing.js';
import { insertUser } from './users.queries.js';

let database: TestDatabase;
let agencyId = '';
let otherId = '';
let userId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const agency = async (code: string, name: string) =>
    (
      await insertAgency(
        db,
        { code, name, kind: 'division', parentId: null, provinceCode: '33', validFrom: '2025-07-01', searchText: name },
        null,
      )
    ).id;
  agencyId = await agency('921.00.20.H31', 'Sở Thử nghiệm Liên thông');
  otherId = await agency('922.00.20.H31', 'Sở Nhận Liên thông');
  const user = await insertUser(db, {
    username: `lienthong-${randomUUID().slice(0, 8)}`,
    fullName: 'Nguyễn Văn Thư',
    title: null,
    email: null,
    phone: null,
    passwordHash: 'x',
    provinceCode: '33',
    now: new Date(),
  });
  userId = user?.id ?? '';
});

afterAll(async () => {
  await database?.close();
});

/** An issued outgoing document with recipients of these channels. */
const issue = async (issuedAt: string, channels: ('system' | 'package' | 'paper')[], number: number) => {
  const { db } = database;
  const row = await db
    .insertInto('outgoingDocument')
    .values({
      provinceCode: '33',
      agencyId,
      drafterUserId: userId,
      documentType: 'CV',
      subject: `Công văn số ${number}`,
      status: 'issued',
      year: 2026,
      numberSequence: 'main',
      number,
      numberSymbol: `${number}/STN-VP`,
      issuedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let position = 0;
  for (const channel of channels) {
    position += 1;
    await db
      .insertInto('outgoingRecipient')
      .values({
        outgoingId: row.id,
        position,
        recipientAgencyId: channel === 'system' ? otherId : null,
        externalCode: channel === 'package' ? '000.00.00.H26' : null,
        name: `Nơi nhận ${position}`,
        channel,
      })
      .execute();
  }
  return row.id;
};

const receive = async (receivedAt: string, channel: 'electronic' | 'paper', number: number) => {
  await database.db
    .insertInto('incomingDocument')
    .values({
      provinceCode: '33',
      agencyId,
      year: 2026,
      incomingNumber: number,
      receivedAt,
      channel,
      issuerName: 'UBND tỉnh',
      numberSymbol: `${number}/UBND-VP`,
      issuedOn: '2026-11-01',
      documentType: 'CV',
      subject: 'Văn bản đến',
      status: 'registered',
    })
    .execute();
};

describe('countDocumentExchange', () => {
  it('counts per agency and period the documents sent and received electronically and on paper', async () => {
    await issue('2026-11-02T09:00:00+07:00', ['system', 'package', 'paper'], 1);
    await issue('2026-11-03T09:00:00+07:00', ['system', 'system'], 2);
    await issue('2026-11-04T09:00:00+07:00', ['paper'], 3);
    // The first minutes of 1 December in Vietnam are 30 November in UTC: outside a November period.
    await issue('2026-12-01T00:30:00+07:00', ['paper'], 4);
    // 1 November 00:10 in Vietnam is still 31 October in UTC: inside November.
    await receive('2026-11-01T00:10:00+07:00', 'electronic', 1);
    await receive('2026-11-15T10:00:00+07:00', 'paper', 2);
    await receive('2026-10-31T23:50:00+07:00', 'electronic', 3);

    const counts = await countDocumentExchange(database.db, {
      agencyIds: [agencyId, otherId],
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(counts).toEqual([
      {
        agencyId,
        outgoingElectronic: 2,
        outgoingPaper: 2,
        recipientsSystem: 3,
        recipientsPackage: 1,
        recipientsPaper: 2,
        incomingElectronic: 1,
        incomingPaper: 1,
      },
      {
        agencyId: otherId,
        outgoingElectronic: 0,
        outgoingPaper: 0,
        recipientsSystem: 0,
        recipientsPackage: 0,
        recipientsPaper: 0,
        incomingElectronic: 0,
        incomingPaper: 0,
      },
    ]);
    expect(await countDocumentExchange(database.db, { agencyIds: [], from: '2026-11-01', to: '2026-11-30' })).toEqual(
      [],
    );
  });
});

describe('insertImportedDelivery and listSentDeliveriesPage', () => {
  it('writes a package once per recipient agency, with status message 1', async () => {
    const row = {
      provinceCode: '33',
      recipientAgencyId: otherId,
      senderCode: '000.00.00.H26',
      senderName: 'UBND thành phố Hà Nội',
      packageSha256: 'c'.repeat(64),
      numberSymbol: '7/UBND-VP',
      issuedOn: '2026-11-20',
      documentType: 'CV',
      subject: 'Phối hợp',
      deliveredAt: new Date('2026-11-23T02:00:00Z'),
    };
    const first = await database.db.transaction().execute((trx) => insertImportedDelivery(trx, row, userId));
    const again = await database.db.transaction().execute((trx) => insertImportedDelivery(trx, row, userId));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const messages = await database.db
      .selectFrom('documentStatusMessage')
      .selectAll()
      .where('deliveryId', '=', first.id)
      .execute();
    expect(messages.map((m) => [m.seq, m.status])).toEqual([[1, 'delivered']]);
  });

  it('pages what an agency sent, newest first, by (sent at, id)', async () => {
    const outgoingId = await issue('2026-11-05T09:00:00+07:00', ['system'], 9);
    // Two deliveries within one millisecond (microseconds apart, as now() writes them): the page edge between
    // them loses neither, because the instants are stored to the millisecond (migration 0032).
    const instants = ['2026-11-05T02:00:00Z', '2026-11-05T03:00:00.123400Z', '2026-11-05T03:00:00.123100Z'];
    for (const [i, at] of instants.entries()) {
      const target = await insertAgency(
        database.db,
        {
          code: `93${i}.00.20.H31`,
          name: `Nơi nhận ${i}`,
          kind: 'division',
          parentId: null,
          provinceCode: '33',
          validFrom: '2025-07-01',
          searchText: 'x',
        },
        null,
      );
      await database.db
        .insertInto('documentDelivery')
        .values({
          provinceCode: '33',
          recipientAgencyId: target.id,
          outgoingId,
          senderAgencyId: agencyId,
          senderName: 'Sở Thử nghiệm Liên thông',
          numberSymbol: '9/STN-VP',
          issuedOn: '2026-11-05',
          documentType: 'CV',
          subject: 'Công văn số 9',
          deliveredAt: at,
        })
        .execute();
    }
    const all = await listSentDeliveriesPage(database.db, { agencyId, after: null, limit: 10 });
    expect(all).toHaveLength(3);
    // One row a page: every page edge falls between two rows, one of them inside the shared millisecond.
    const paged: typeof all = [];
    for (let page = 0; page < 5; page += 1) {
      const last = paged.at(-1);
      const rows = await listSentDeliveriesPage(database.db, {
        agencyId,
        after: last ? { sentAt: last.sentAt, id: last.id } : null,
        limit: 1,
      });
      paged.push(...rows);
    }
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(all[0]?.sentAt.toISOString()).toBe('2026-11-05T03:00:00.123Z');
    expect(all[2]?.sentAt.toISOString()).toBe('2026-11-05T02:00:00.000Z');
    expect(all.every((r) => r.channel === 'system' && r.status === 'delivered')).toBe(true);
  });
});
