import type { DeliveryStatus, DocumentKind } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { ExchangePackageStatusTable, ExchangePackageTable } from './tables/document-exchange.js';
import type { DocumentDeliveryTable } from './tables/eoffice.js';

/**
 * The exchange between agencies' systems by package (migration 0029): the packages exported for recipients
 * of other systems and the status messages they sent back, the deliveries imported from packages, the
 * sender's views, the statistics of electronic and paper exchange, and who was told of a document event.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type ExchangePackageRecord = Selectable<ExchangePackageTable>;
export type ExchangePackageStatusRecord = Selectable<ExchangePackageStatusTable>;

/** An outgoing document with what a package needs of its agency and signer. */
export const findOutgoingForExchange = async (db: Db, outgoingId: string) =>
  db
    .selectFrom('outgoingDocument')
    .innerJoin('agency', 'agency.id', 'outgoingDocument.agencyId')
    .leftJoin('appUser as signer', 'signer.id', 'outgoingDocument.signerUserId')
    .select([
      'outgoingDocument.id',
      'outgoingDocument.provinceCode',
      'outgoingDocument.agencyId',
      'outgoingDocument.status',
      'outgoingDocument.documentType',
      'outgoingDocument.subject',
      'outgoingDocument.urgency',
      'outgoingDocument.confidentiality',
      'outgoingDocument.numberSymbol',
      'outgoingDocument.issuedAt',
      'outgoingDocument.signedAt',
      'outgoingDocument.signerTitle',
      'outgoingDocument.signedFileSha256',
      'agency.code as agencyCode',
      'agency.name as agencyName',
      'signer.fullName as signerName',
    ])
    .where('outgoingDocument.id', '=', outgoingId)
    .executeTakeFirst();

export const listRecipientsForExchange = async (db: Db, outgoingId: string) =>
  db.selectFrom('outgoingRecipient').selectAll().where('outgoingId', '=', outgoingId).orderBy('position').execute();

/** The latest uploaded draft of an outgoing document (the file sent when no signed PDF exists yet). */
export const findLatestDraftForExchange = async (db: Db, outgoingId: string) =>
  db
    .selectFrom('outgoingDraftVersion')
    .selectAll()
    .where('outgoingId', '=', outgoingId)
    .orderBy('versionNo', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findExchangePackageByRecipient = async (db: Db, recipientId: string) =>
  db.selectFrom('exchangePackage').selectAll().where('recipientId', '=', recipientId).executeTakeFirst();

export const findExchangePackageBySha256 = async (db: Db, packageSha256: string) =>
  db.selectFrom('exchangePackage').selectAll().where('packageSha256', '=', packageSha256).executeTakeFirst();

export const listExchangePackagesOfOutgoing = async (db: Db, outgoingId: string) =>
  db.selectFrom('exchangePackage').selectAll().where('outgoingId', '=', outgoingId).execute();

/**
 * Records an exported package; a package already exported for the recipient stays (the same bytes are
 * handed out again). Returns the row that is there after the statement.
 */
export const insertExchangePackage = async (
  db: Db,
  row: Insertable<ExchangePackageTable>,
): Promise<ExchangePackageRecord> => {
  await db
    .insertInto('exchangePackage')
    .values(row)
    .onConflict((oc) => oc.column('recipientId').doNothing())
    .execute();
  return db
    .selectFrom('exchangePackage')
    .selectAll()
    .where('recipientId', '=', row.recipientId)
    .executeTakeFirstOrThrow();
};

/** Locks a package's row for recording status messages (the caller's transaction). */
export const lockExchangePackage = async (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('exchangePackage').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const listExchangePackageStatuses = async (db: Db, packageId: string) =>
  db.selectFrom('exchangePackageStatus').selectAll().where('packageId', '=', packageId).orderBy('seq').execute();

export const listExchangePackageStatusesOf = async (db: Db, packageIds: readonly string[]) =>
  packageIds.length === 0
    ? []
    : db
        .selectFrom('exchangePackageStatus')
        .selectAll()
        .where('packageId', 'in', [...packageIds])
        .orderBy('packageId')
        .orderBy('seq')
        .execute();

/**
 * Records the status messages of a package in the caller's transaction (the row locked) and moves the
 * package's status to the last one, guarded by the version read under the lock.
 */
export const recordExchangePackageStatuses = async (
  trx: Transaction<Database>,
  input: {
    packageId: string;
    expectedVersion: number;
    messages: readonly Insertable<ExchangePackageStatusTable>[];
    last: { status: DeliveryStatus; at: Date };
  },
): Promise<boolean> => {
  const updated = await trx
    .updateTable('exchangePackage')
    .set({ status: input.last.status, statusAt: input.last.at, version: sql<number>`version + 1` })
    .where('id', '=', input.packageId)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    return false;
  }
  if (input.messages.length > 0) {
    await trx
      .insertInto('exchangePackageStatus')
      .values([...input.messages])
      .execute();
  }
  return true;
};

/**
 * Writes the delivery of an imported package to one recipient agency with its first status message
 * (seq 1, 'delivered'), in the caller's transaction. A package already imported for that agency is not
 * written again: the answer is then the existing delivery and created = false.
 */
export const insertImportedDelivery = async (
  trx: Transaction<Database>,
  row: Insertable<DocumentDeliveryTable> & { packageSha256: string; deliveredAt: Date },
  actorUserId: string | null,
): Promise<{ id: string; created: boolean }> => {
  const inserted = await trx
    .insertInto('documentDelivery')
    .values({ ...row, status: 'delivered', statusAt: row.deliveredAt })
    .onConflict((oc) =>
      oc.columns(['packageSha256', 'recipientAgencyId']).where('packageSha256', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await findDeliveryOfPackage(trx, {
      packageSha256: row.packageSha256,
      recipientAgencyId: row.recipientAgencyId,
    });
    if (!existing) {
      throw new Error('imported delivery vanished');
    }
    return { id: existing.id, created: false };
  }
  await trx
    .insertInto('documentStatusMessage')
    .values({
      deliveryId: inserted.id,
      seq: 1,
      status: 'delivered',
      at: row.deliveredAt,
      actorUserId,
      note: null,
    })
    .execute();
  return { id: inserted.id, created: true };
};

export const findDeliveryOfPackage = async (db: Db, input: { packageSha256: string; recipientAgencyId: string }) =>
  db
    .selectFrom('documentDelivery')
    .selectAll()
    .where('packageSha256', '=', input.packageSha256)
    .where('recipientAgencyId', '=', input.recipientAgencyId)
    .executeTakeFirst();

/** The deliveries of an outgoing document to agencies of this install. */
export const listExchangeDeliveriesOfOutgoing = async (db: Db, outgoingId: string) =>
  db.selectFrom('documentDelivery').selectAll().where('outgoingId', '=', outgoingId).execute();

/** Status messages of several deliveries, each delivery's in order. */
export const listStatusMessagesOfDeliveries = async (db: Db, deliveryIds: readonly string[]) =>
  deliveryIds.length === 0
    ? []
    : db
        .selectFrom('documentStatusMessage')
        .selectAll()
        .where('deliveryId', 'in', [...deliveryIds])
        .orderBy('deliveryId')
        .orderBy('seq')
        .execute();

export type SentDeliveryRow = {
  id: string;
  channel: 'system' | 'package';
  outgoingId: string;
  numberSymbol: string | null;
  subject: string;
  recipientName: string;
  recipientCode: string | null;
  status: string;
  statusAt: Date;
  sentAt: Date;
};

/**
 * What an agency sent, newest first: the deliveries through the system (document_delivery of its outgoing
 * documents, index document_delivery_sent_idx) and the packages it exported (exchange_package_sent_idx),
 * each with its last status; keyset on (sent at, id). Each kind reads at most one page along its own index
 * and the two pages are merged here.
 */
export const listSentDeliveriesPage = async (
  db: Db,
  input: { agencyId: string; after: { sentAt: Date; id: string } | null; limit: number },
): Promise<SentDeliveryRow[]> => {
  const after = input.after;
  const system = await db
    .selectFrom('documentDelivery')
    .innerJoin('agency', 'agency.id', 'documentDelivery.recipientAgencyId')
    .innerJoin('outgoingDocument', 'outgoingDocument.id', 'documentDelivery.outgoingId')
    .select([
      'documentDelivery.id',
      'outgoingDocument.id as outgoingId',
      'documentDelivery.numberSymbol',
      'documentDelivery.subject',
      'agency.name as recipientName',
      'agency.code as recipientCode',
      'documentDelivery.status',
      'documentDelivery.statusAt',
      'documentDelivery.deliveredAt as sentAt',
    ])
    .where('documentDelivery.senderAgencyId', '=', input.agencyId)
    .$if(after !== null, (qb) =>
      qb.where(({ eb, or, and }) =>
        or([
          eb('documentDelivery.deliveredAt', '<', after?.sentAt ?? new Date(0)),
          and([
            eb('documentDelivery.deliveredAt', '=', after?.sentAt ?? new Date(0)),
            eb('documentDelivery.id', '<', after?.id ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('documentDelivery.deliveredAt', 'desc')
    .orderBy('documentDelivery.id', 'desc')
    .limit(input.limit)
    .execute();
  const packages = await db
    .selectFrom('exchangePackage')
    .innerJoin('outgoingDocument', 'outgoingDocument.id', 'exchangePackage.outgoingId')
    .select([
      'exchangePackage.id',
      'outgoingDocument.id as outgoingId',
      'outgoingDocument.numberSymbol',
      'outgoingDocument.subject',
      'exchangePackage.recipientName',
      'exchangePackage.recipientCode',
      'exchangePackage.status',
      'exchangePackage.statusAt',
      'exchangePackage.exportedAt as sentAt',
    ])
    .where('exchangePackage.agencyId', '=', input.agencyId)
    .$if(after !== null, (qb) =>
      qb.where(({ eb, or, and }) =>
        or([
          eb('exchangePackage.exportedAt', '<', after?.sentAt ?? new Date(0)),
          and([
            eb('exchangePackage.exportedAt', '=', after?.sentAt ?? new Date(0)),
            eb('exchangePackage.id', '<', after?.id ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('exchangePackage.exportedAt', 'desc')
    .orderBy('exchangePackage.id', 'desc')
    .limit(input.limit)
    .execute();
  const rows: SentDeliveryRow[] = [
    ...system.map((row) => ({ ...row, channel: 'system' as const })),
    ...packages.map((row) => ({ ...row, channel: 'package' as const })),
  ];
  // Newest first, then the id descending — the order of both indexes (ids compare as Postgres compares uuids).
  rows.sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return rows.slice(0, input.limit);
};

/** Officials holding one of these roles at one of these agencies (active accounts), with their email. */
export const listNoticeRoleHolders = async (
  db: Db,
  input: { agencyIds: readonly string[]; roles: readonly string[] },
): Promise<{ userId: string; agencyId: string; email: string | null; fullName: string }[]> =>
  input.agencyIds.length === 0 || input.roles.length === 0
    ? []
    : db
        .selectFrom('userRole')
        .innerJoin('appUser', 'appUser.id', 'userRole.userId')
        .select(['userRole.userId', 'userRole.agencyId', 'appUser.email', 'appUser.fullName'])
        .where('userRole.agencyId', 'in', [...input.agencyIds])
        .where('userRole.role', 'in', [...(input.roles as never[])])
        .where('appUser.status', '=', 'active')
        .orderBy('userRole.userId')
        .limit(1000)
        .execute();

/** What the document-changed notifications read of an incoming document. */
export const findIncomingForNotice = async (db: Db, id: string) =>
  db
    .selectFrom('incomingDocument')
    .select([
      'id',
      'provinceCode',
      'agencyId',
      'numberSymbol',
      'subject',
      'issuerName',
      'leadUnitId',
      'presentedTo',
      'dueOn',
      'status',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

/** What the document-changed notifications read of an outgoing document. */
export const findOutgoingForNotice = async (db: Db, id: string) =>
  db
    .selectFrom('outgoingDocument')
    .innerJoin('agency', 'agency.id', 'outgoingDocument.agencyId')
    .select([
      'outgoingDocument.id',
      'outgoingDocument.provinceCode',
      'outgoingDocument.agencyId',
      'outgoingDocument.numberSymbol',
      'outgoingDocument.subject',
      'outgoingDocument.status',
      'agency.name as agencyName',
    ])
    .where('outgoingDocument.id', '=', id)
    .executeTakeFirst();

export const findDocumentEventForNotice = async (
  db: Db,
  input: { kind: DocumentKind; documentId: string; seq: number },
) =>
  db
    .selectFrom('documentEvent')
    .selectAll()
    .where('documentKind', '=', input.kind)
    .where('documentId', '=', input.documentId)
    .where('seq', '=', input.seq)
    .executeTakeFirst();

/** Claims the notice of one document event to one official (idempotent on document, event and official). */
export const claimDocumentNotification = async (
  db: Db,
  row: {
    provinceCode: string;
    documentKind: DocumentKind;
    documentId: string;
    eventSeq: number;
    userId: string;
    kind: string;
    status: 'pending' | 'skipped';
    skipReason: string | null;
  },
) => {
  await db
    .insertInto('documentNotification')
    .values({ ...row, lastError: null, sentAt: null })
    .onConflict((oc) => oc.columns(['documentKind', 'documentId', 'eventSeq', 'userId']).doNothing())
    .execute();
  return db
    .selectFrom('documentNotification')
    .selectAll()
    .where('documentKind', '=', row.documentKind)
    .where('documentId', '=', row.documentId)
    .where('eventSeq', '=', row.eventSeq)
    .where('userId', '=', row.userId)
    .executeTakeFirstOrThrow();
};

export const recordDocumentNotificationAttempt = async (
  db: Db,
  input: { id: string; at: Date; outcome: 'sent' | 'failed'; error: string | null; finalFailure: boolean },
) => {
  await db
    .updateTable('documentNotification')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: input.outcome === 'sent' ? 'sent' : input.finalFailure ? 'failed' : 'retrying',
      lastError: input.error,
      sentAt: input.outcome === 'sent' ? input.at : null,
    }))
    .where('id', '=', input.id)
    .execute();
};

export const listDocumentNotifications = async (db: Db, input: { kind: DocumentKind; documentId: string }) =>
  db
    .selectFrom('documentNotification')
    .selectAll()
    .where('documentKind', '=', input.kind)
    .where('documentId', '=', input.documentId)
    .orderBy('eventSeq')
    .orderBy('userId')
    .execute();

export type DocumentExchangeCount = {
  agencyId: string;
  /** Outgoing documents issued in the period with at least one recipient reached electronically (system or package). */
  outgoingElectronic: number;
  /** Outgoing documents issued in the period with at least one paper recipient. */
  outgoingPaper: number;
  /** Recipients reached: through the system, by package, on paper. */
  recipientsSystem: number;
  recipientsPackage: number;
  recipientsPaper: number;
  /** Incoming documents received in the period, electronically and on paper. */
  incomingElectronic: number;
  incomingPaper: number;
};

/**
 * Per agency and period (days in Vietnam, inclusive), how documents travelled (QĐ 28/2018/QĐ-TTg: the share
 * sent and received electronically): outgoing documents issued in the period by their recipients' channels,
 * and incoming documents received in the period by channel. Agencies with nothing are answered with zeros.
 */
export const countDocumentExchange = async (
  db: Db,
  input: { agencyIds: readonly string[]; from: string; to: string },
): Promise<DocumentExchangeCount[]> => {
  if (input.agencyIds.length === 0) {
    return [];
  }
  const ids = [...input.agencyIds];
  const start = sql<Date>`(${input.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`;
  const end = sql<Date>`((${input.to}::date + 1))::timestamp at time zone 'Asia/Ho_Chi_Minh'`;
  const outgoing = await db
    .selectFrom('outgoingDocument')
    .innerJoin('outgoingRecipient', 'outgoingRecipient.outgoingId', 'outgoingDocument.id')
    .select((eb) => [
      'outgoingDocument.agencyId',
      sql<string>`count(distinct ${eb.ref('outgoingDocument.id')}) filter (where ${eb.ref('outgoingRecipient.channel')} in ('system', 'package'))`.as(
        'outgoingElectronic',
      ),
      sql<string>`count(distinct ${eb.ref('outgoingDocument.id')}) filter (where ${eb.ref('outgoingRecipient.channel')} = 'paper')`.as(
        'outgoingPaper',
      ),
      sql<string>`count(*) filter (where ${eb.ref('outgoingRecipient.channel')} = 'system')`.as('recipientsSystem'),
      sql<string>`count(*) filter (where ${eb.ref('outgoingRecipient.channel')} = 'package')`.as('recipientsPackage'),
      sql<string>`count(*) filter (where ${eb.ref('outgoingRecipient.channel')} = 'paper')`.as('recipientsPaper'),
    ])
    .where('outgoingDocument.agencyId', 'in', ids)
    .where('outgoingDocument.status', '=', 'issued')
    .where('outgoingDocument.issuedAt', '>=', start)
    .where('outgoingDocument.issuedAt', '<', end)
    .groupBy('outgoingDocument.agencyId')
    .execute();
  const incoming = await db
    .selectFrom('incomingDocument')
    .select([
      'agencyId',
      sql<string>`count(*) filter (where channel = 'electronic')`.as('incomingElectronic'),
      sql<string>`count(*) filter (where channel = 'paper')`.as('incomingPaper'),
    ])
    .where('agencyId', 'in', ids)
    .where('receivedAt', '>=', start)
    .where('receivedAt', '<', end)
    .groupBy('agencyId')
    .execute();
  return ids.map((agencyId) => {
    const out = outgoing.find((row) => row.agencyId === agencyId);
    const inc = incoming.find((row) => row.agencyId === agencyId);
    return {
      agencyId,
      outgoingElectronic: Number(out?.outgoingElectronic ?? 0),
      outgoingPaper: Number(out?.outgoingPaper ?? 0),
      recipientsSystem: Number(out?.recipientsSystem ?? 0),
      recipientsPackage: Number(out?.recipientsPackage ?? 0),
      recipientsPaper: Number(out?.recipientsPaper ?? 0),
      incomingElectronic: Number(inc?.incomingElectronic ?? 0),
      incomingPaper: Number(inc?.incomingPaper ?? 0),
    };
  });
};

/**
 * The issued outgoing documents of an agency, the last changed first (index outgoing_document_list_idx):
 * where the clerk exports packages and follows each recipient's status.
 */
export const listIssuedOutgoingPage = async (
  db: Db,
  input: { agencyId: string; after: { updatedAt: Date; id: string } | null; limit: number },
) => {
  const after = input.after;
  return db
    .selectFrom('outgoingDocument')
    .select([
      'id',
      'numberSymbol',
      'documentType',
      'subject',
      'urgency',
      'confidentiality',
      'issuedAt',
      'updatedAt',
      (eb) =>
        eb
          .selectFrom('outgoingRecipient')
          .select(sql<string>`count(*)`.as('n'))
          .whereRef('outgoingRecipient.outgoingId', '=', 'outgoingDocument.id')
          .where('outgoingRecipient.channel', '=', 'package')
          .as('packageRecipients'),
      (eb) =>
        eb
          .selectFrom('outgoingRecipient')
          .select(sql<string>`count(*)`.as('n'))
          .whereRef('outgoingRecipient.outgoingId', '=', 'outgoingDocument.id')
          .as('recipients'),
    ])
    .where('agencyId', '=', input.agencyId)
    .where('status', '=', 'issued')
    .$if(after !== null, (qb) =>
      qb.where(({ eb, or, and }) =>
        or([
          eb('updatedAt', '<', after?.updatedAt ?? new Date(0)),
          and([eb('updatedAt', '=', after?.updatedAt ?? new Date(0)), eb('id', '<', after?.id ?? '')]),
        ]),
      ),
    )
    .orderBy('updatedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();
};

/** The active officials with these ids and their email (a document presented to one person). */
export const listNoticeContacts = async (
  db: Db,
  userIds: readonly string[],
): Promise<{ userId: string; email: string | null; fullName: string }[]> =>
  userIds.length === 0
    ? []
    : db
        .selectFrom('appUser')
        .select(['appUser.id as userId', 'appUser.email', 'appUser.fullName'])
        .where('appUser.id', 'in', [...userIds])
        .where('appUser.status', '=', 'active')
        .orderBy('appUser.id')
        .execute();

/** The deliveries an agency received by package, newest first (index document_delivery_package_received_idx). */
export const listPackageDeliveriesPage = async (
  db: Db,
  input: { agencyId: string; after: { deliveredAt: Date; id: string } | null; limit: number },
) => {
  const after = input.after;
  return db
    .selectFrom('documentDelivery')
    .select([
      'id',
      'senderCode',
      'senderName',
      'numberSymbol',
      'issuedOn',
      'documentType',
      'subject',
      'urgency',
      'status',
      'statusAt',
      'deliveredAt',
      'incomingId',
      'packageSha256',
    ])
    .where('recipientAgencyId', '=', input.agencyId)
    .where('packageSha256', 'is not', null)
    .$if(after !== null, (qb) =>
      qb.where(({ eb, or, and }) =>
        or([
          eb('deliveredAt', '<', after?.deliveredAt ?? new Date(0)),
          and([eb('deliveredAt', '=', after?.deliveredAt ?? new Date(0)), eb('id', '<', after?.id ?? '')]),
        ]),
      ),
    )
    .orderBy('deliveredAt', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();
};

export const findExchangePackage = async (db: Db, id: string) =>
  db.selectFrom('exchangePackage').selectAll().where('id', '=', id).executeTakeFirst();
