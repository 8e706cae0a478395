import type { Confidentiality, DocumentKind, IncomingChannel, Urgency } from '@motcua/domain';
import { type Insertable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { likeContains } from './search.js';
import type { Db } from './statistics-sql.js';
import type {
  DocumentEventTable,
  DocumentSignatureTable,
  IncomingDocumentTable,
  OutgoingDocumentTable,
  OutgoingRecipientTable,
} from './tables/eoffice.js';

/**
 * The registers of official documents (sổ đăng ký văn bản đến / đi, Decree 30/2020/NĐ-CP Art. 16, 22 and
 * Phụ lục IV), the search over both kinds and the e-office counts (migrations 0025, 0030). Registers and the
 * search read a page at a time on an index (keyset), never a whole table.
 */

/** A Vietnam day [from, to] as instants: from 00:00 (UTC+7) of `from` to 00:00 of the day after `to`. */
export type InstantRange = { from: Date; to: Date };

export type IncomingRegisterEntry = {
  id: string;
  year: number;
  incomingNumber: number;
  receivedAt: Date;
  channel: IncomingChannel;
  issuerName: string;
  numberSymbol: string;
  issuedOn: string;
  documentType: string;
  subject: string;
  urgency: Urgency;
  status: string;
  pageCount: number | null;
  leadUnitName: string | null;
  assigneeName: string | null;
  /** The leader it was presented to (trình), when no unit or official was assigned yet. */
  presentedToName: string | null;
};

/**
 * One page of the incoming register: the agency's ordinary (not secret: their register is kept apart)
 * incoming documents received in the range, in the order of their incoming number (Art. 22(2)), after the
 * keyset position (year, number). One range of incoming_document_register_idx.
 */
export const listIncomingRegisterPage = async (
  db: Db,
  input: InstantRange & {
    agencyId: string;
    years: { from: number; to: number };
    after?: { year: number; number: number } | null | undefined;
    limit: number;
  },
): Promise<IncomingRegisterEntry[]> => {
  let query = db
    .selectFrom('incomingDocument as d')
    .leftJoin('agency as lead', 'lead.id', 'd.leadUnitId')
    .leftJoin('appUser as presented', 'presented.id', 'd.presentedTo')
    .select([
      'presented.fullName as presentedToName',
      'd.id',
      'd.year',
      'd.incomingNumber',
      'd.receivedAt',
      'd.channel',
      'd.issuerName',
      'd.numberSymbol',
      'd.issuedOn',
      'd.documentType',
      'd.subject',
      'd.urgency',
      'd.status',
      'd.pageCount',
      'lead.name as leadUnitName',
    ])
    .select((eb) =>
      eb
        .selectFrom('incomingAssignment as a')
        .innerJoin('appUser as u', 'u.id', 'a.assigneeUserId')
        .select('u.fullName')
        .whereRef('a.incomingId', '=', 'd.id')
        .where('a.role', '=', 'lead')
        .limit(1)
        .as('assigneeName'),
    )
    .where('d.agencyId', '=', input.agencyId)
    .where('d.year', '>=', input.years.from)
    .where('d.year', '<=', input.years.to)
    .where('d.confidentiality', '=', 'normal')
    .where('d.receivedAt', '>=', input.from)
    .where('d.receivedAt', '<', input.to);
  const after = input.after;
  if (after) {
    query = query.where(sql<boolean>`(d.year, d.incoming_number) > (${after.year}, ${after.number})`);
  }
  const rows = await query.orderBy('d.year').orderBy('d.incomingNumber').limit(input.limit).execute();
  return rows as IncomingRegisterEntry[];
};

export type OutgoingRegisterEntry = {
  id: string;
  year: number;
  numberSequence: string;
  number: number;
  numberSymbol: string | null;
  signedAt: Date | null;
  issuedAt: Date | null;
  documentType: string;
  subject: string;
  urgency: Urgency;
  signerName: string | null;
  signerTitle: string | null;
  signMode: string;
  draftingUnitName: string | null;
  drafterName: string | null;
  pageCount: number | null;
  /** Names of the recipients in order (nơi nhận), "; "-separated. */
  recipients: string | null;
  recipientCount: number;
  paperRecipients: number;
  signed: boolean;
};

/**
 * One page of the outgoing register: the agency's numbered (signed or issued), not secret documents signed
 * in the range, in the order of their sequence and number (Art. 15), after the keyset position
 * (year, sequence, number). One range of outgoing_document_register_idx.
 */
export const listOutgoingRegisterPage = async (
  db: Db,
  input: InstantRange & {
    agencyId: string;
    years: { from: number; to: number };
    after?: { year: number; sequence: string; number: number } | null | undefined;
    limit: number;
  },
): Promise<OutgoingRegisterEntry[]> => {
  let query = db
    .selectFrom('outgoingDocument as o')
    .leftJoin('agency as unit', 'unit.id', 'o.draftingUnitId')
    .leftJoin('appUser as signer', 'signer.id', 'o.signerUserId')
    .leftJoin('appUser as drafter', 'drafter.id', 'o.drafterUserId')
    .select([
      'o.id',
      'o.year',
      'o.numberSequence',
      'o.number',
      'o.numberSymbol',
      'o.signedAt',
      'o.issuedAt',
      'o.documentType',
      'o.subject',
      'o.urgency',
      'o.signerTitle',
      'o.signMode',
      'o.pageCount',
      'signer.fullName as signerName',
      'unit.name as draftingUnitName',
      'drafter.fullName as drafterName',
    ])
    .select([
      sql<
        string | null
      >`(select string_agg(r.name, '; ' order by r.position) from outgoing_recipient r where r.outgoing_id = o.id)`.as(
        'recipients',
      ),
      sql<number>`(select count(*)::int from outgoing_recipient r where r.outgoing_id = o.id)`.as('recipientCount'),
      sql<number>`(select count(*)::int from outgoing_recipient r where r.outgoing_id = o.id and r.channel = 'paper')`.as(
        'paperRecipients',
      ),
      sql<boolean>`(o.signed_file_sha256 is not null or exists (select 1 from document_signature s where s.outgoing_id = o.id))`.as(
        'signed',
      ),
    ])
    .where('o.agencyId', '=', input.agencyId)
    .where('o.number', 'is not', null)
    .where('o.year', '>=', input.years.from)
    .where('o.year', '<=', input.years.to)
    .where('o.confidentiality', '=', 'normal')
    .where('o.numberSequence', '<>', 'outgoing_secret')
    .where('o.signedAt', '>=', input.from)
    .where('o.signedAt', '<', input.to);
  const after = input.after;
  if (after) {
    query = query.where(
      sql<boolean>`(o.year, o.number_sequence, o.number) > (${after.year}, ${after.sequence}, ${after.number})`,
    );
  }
  const rows = await query
    .orderBy('o.year')
    .orderBy('o.numberSequence')
    .orderBy('o.number')
    .limit(input.limit)
    .execute();
  return rows as OutgoingRegisterEntry[];
};

export type DocumentSearchHit = {
  kind: DocumentKind;
  id: string;
  /** Received (incoming) or signed — for a draft, started — (outgoing). */
  at: Date;
  numberSymbol: string | null;
  documentType: string;
  subject: string;
  /** The issuer of an incoming document; the drafting unit of an outgoing one. */
  sender: string | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  status: string;
  channel: string | null;
};

export type DocumentSearchInput = {
  agencyId: string;
  /** The caller: confidential documents are listed only to those they are assigned to. */
  userId: string;
  kind?: DocumentKind | undefined;
  /** foldVietnamese of the words searched (number, symbol, issuer, subject); each word must occur. */
  text?: string | undefined;
  /** foldVietnamese of the sender searched (issuer of incoming, drafting unit of outgoing). */
  sender?: string | undefined;
  documentType?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  after?: { at: Date; id: string } | undefined;
  limit: number;
};

// The folding of foldVietnamese for the Vietnamese letters, in SQL (as migration 0008 backfilled names).
const foldSql = (column: string) =>
  sql`lower(translate(${sql.ref(column)}, 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD'))`;

/**
 * Incoming and outgoing documents of an agency, newest first, keyset-paginated on (date, id): each kind
 * is one range of its date index (0030) cut at `limit`, then merged. Every word searched must occur in the
 * folded search_text (trigram index). Confidential documents (mật and above) appear only to an official
 * the document is assigned to: the registrar, the one it was presented to, the director or an assignee of
 * an incoming one; the drafter, the signer or a reviewer of an outgoing one. Drafts appear only to their
 * drafter; cancelled documents not at all.
 */
export const searchDocuments = async (db: Db, input: DocumentSearchInput): Promise<DocumentSearchHit[]> => {
  // Every word of the query, in any order ("quyet dinh phe duyet" finds "quyết định về việc phê duyệt").
  const words = (input.text ?? '').split(' ').filter(Boolean).slice(0, 12).map(likeContains);
  const wordsOf = (column: string) =>
    words.length === 0
      ? sql``
      : sql`and ${sql.join(
          words.map((word) => sql`${sql.ref(column)} like ${word}`),
          sql` and `,
        )}`;
  const sender = input.sender ? likeContains(input.sender) : null;
  const after = input.after;
  const incoming =
    input.kind === 'outgoing'
      ? null
      : sql<DocumentSearchHit>`(select 'incoming' as kind, d.id::text as id, d.received_at as at, d.number_symbol,
          d.document_type, d.subject, d.issuer_name as sender, d.urgency, d.confidentiality, d.status, d.channel
        from incoming_document d
        where d.agency_id = ${input.agencyId}
          ${wordsOf('d.search_text')}
          ${sender ? sql`and ${foldSql('d.issuer_name')} like ${sender}` : sql``}
          ${input.documentType ? sql`and d.document_type = ${input.documentType}` : sql``}
          ${input.from ? sql`and d.received_at >= ${input.from}` : sql``}
          ${input.to ? sql`and d.received_at < ${input.to}` : sql``}
          ${after ? sql`and (d.received_at, d.id) < (${after.at}, ${after.id}::uuid)` : sql``}
          and (d.confidentiality = 'normal' or d.registered_by = ${input.userId} or d.presented_to = ${input.userId}
            or d.directed_by = ${input.userId}
            or exists (select 1 from incoming_assignment a where a.incoming_id = d.id and a.assignee_user_id = ${input.userId}))
        order by d.received_at desc, d.id desc
        limit ${input.limit})`;
  const outgoingAt = sql`coalesce(o.signed_at, o.created_at)`;
  const outgoing =
    input.kind === 'incoming'
      ? null
      : sql<DocumentSearchHit>`(select 'outgoing' as kind, o.id::text as id, ${outgoingAt} as at, o.number_symbol,
          o.document_type, o.subject, unit.name as sender, o.urgency, o.confidentiality, o.status, null as channel
        from outgoing_document o
        left join agency unit on unit.id = o.drafting_unit_id
        where o.agency_id = ${input.agencyId}
          and o.status <> 'cancelled'
          and (o.number is not null or o.drafter_user_id = ${input.userId})
          ${wordsOf('o.search_text')}
          ${sender ? sql`and ${foldSql('unit.name')} like ${sender}` : sql``}
          ${input.documentType ? sql`and o.document_type = ${input.documentType}` : sql``}
          ${input.from ? sql`and ${outgoingAt} >= ${input.from}` : sql``}
          ${input.to ? sql`and ${outgoingAt} < ${input.to}` : sql``}
          ${after ? sql`and (${outgoingAt}, o.id) < (${after.at}, ${after.id}::uuid)` : sql``}
          and (o.confidentiality = 'normal' or o.drafter_user_id = ${input.userId} or o.signer_user_id = ${input.userId}
            or exists (select 1 from outgoing_review_step s where s.outgoing_id = o.id
              and (s.reviewer_user_id = ${input.userId} or s.substitute_user_id = ${input.userId})))
        order by ${outgoingAt} desc, o.id desc
        limit ${input.limit})`;
  const parts = [incoming, outgoing].filter((part) => part !== null);
  const rows: DocumentSearchHit[] = [];
  for (const part of parts) {
    rows.push(...(await part.execute(db)).rows);
  }
  const time = (hit: DocumentSearchHit) => new Date(hit.at).getTime();
  return rows.sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, input.limit);
};

export type DocumentRateCountRow = {
  /** Vietnam month "2026-03". */
  month: string;
  incoming: number;
  incomingElectronic: number;
  outgoing: number;
  /** Outgoing with recipients, none of them on paper (isSentElectronically in @motcua/domain). */
  outgoingElectronic: number;
  /** Outgoing with the signed PDF or a digital signature applied by motcua. */
  outgoingSigned: number;
};

/** The Vietnam calendar year of an instant (numbered documents carry it: the register index's range). */
const vietnamYear = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();

const vietnamMonth = (column: string) =>
  sql<string>`to_char((${sql.ref(column)} at time zone 'UTC') + interval '7 hours', 'YYYY-MM')`;

/**
 * The e-office counts of agencies over a range, per Vietnam month: incoming documents received (electronic
 * or paper), outgoing documents signed (numbered) — sent electronically, digitally signed. Every document
 * counts, secret ones too (only counts leave the database).
 */
export const countDocumentRates = async (
  db: Db,
  input: InstantRange & { agencyIds: readonly string[] },
): Promise<DocumentRateCountRow[]> => {
  if (input.agencyIds.length === 0) {
    return [];
  }
  const ids = [...input.agencyIds];
  const incoming = await db
    .selectFrom('incomingDocument')
    .select([
      vietnamMonth('received_at').as('month'),
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where channel = 'electronic'))::int`.as('electronic'),
    ])
    .where('agencyId', 'in', ids)
    .where('receivedAt', '>=', input.from)
    .where('receivedAt', '<', input.to)
    .groupBy(sql`1`)
    .execute();
  const outgoing = await sql<{ month: string; total: number; electronic: number; signed: number }>`
    select month, count(*)::int as total, (count(*) filter (where electronic))::int as electronic,
      (count(*) filter (where signed))::int as signed
    from (
      select to_char((o.signed_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') as month,
        (exists (select 1 from outgoing_recipient r where r.outgoing_id = o.id)
          and not exists (select 1 from outgoing_recipient r where r.outgoing_id = o.id and r.channel = 'paper')) as electronic,
        (o.signed_file_sha256 is not null or exists (select 1 from document_signature s where s.outgoing_id = o.id)) as signed
      from outgoing_document o
      where o.agency_id in (${sql.join(ids)}) and o.number is not null
        and o.year between ${vietnamYear(input.from)} and ${vietnamYear(new Date(input.to.getTime() - 1))}
        and o.signed_at >= ${input.from} and o.signed_at < ${input.to}
    ) t
    group by month`.execute(db);
  const months = new Map<string, DocumentRateCountRow>();
  const row = (month: string) => {
    let found = months.get(month);
    if (!found) {
      found = { month, incoming: 0, incomingElectronic: 0, outgoing: 0, outgoingElectronic: 0, outgoingSigned: 0 };
      months.set(month, found);
    }
    return found;
  };
  for (const r of incoming) {
    const m = row(r.month);
    m.incoming = Number(r.total);
    m.incomingElectronic = Number(r.electronic);
  }
  for (const r of outgoing.rows) {
    const m = row(r.month);
    m.outgoing = Number(r.total);
    m.outgoingElectronic = Number(r.electronic);
    m.outgoingSigned = Number(r.signed);
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
};

// ---- Bulk writers for the demo year and tests (seed/demo-eoffice-year.ts): rows computed in Node, chunked.

const CHUNK = 500;

const chunks = <T>(rows: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push(rows.slice(i, i + CHUNK));
  }
  return out;
};

export const insertIncomingDocumentsInBulk = async (
  trx: Transaction<Database>,
  rows: readonly (Insertable<IncomingDocumentTable> & { id: string })[],
) => {
  for (const part of chunks(rows)) {
    await trx.insertInto('incomingDocument').values(part).execute();
  }
};

export const insertOutgoingDocumentsInBulk = async (
  trx: Transaction<Database>,
  rows: readonly (Insertable<OutgoingDocumentTable> & { id: string })[],
) => {
  for (const part of chunks(rows)) {
    await trx.insertInto('outgoingDocument').values(part).execute();
  }
};

export const insertOutgoingRecipientsInBulk = async (
  trx: Transaction<Database>,
  rows: readonly Insertable<OutgoingRecipientTable>[],
) => {
  for (const part of chunks(rows)) {
    await trx.insertInto('outgoingRecipient').values(part).execute();
  }
};

export const insertDocumentSignaturesInBulk = async (
  trx: Transaction<Database>,
  rows: readonly Insertable<DocumentSignatureTable>[],
) => {
  for (const part of chunks(rows)) {
    await trx.insertInto('documentSignature').values(part).execute();
  }
};

export const insertDocumentEventsInBulk = async (
  trx: Transaction<Database>,
  rows: readonly Insertable<DocumentEventTable>[],
) => {
  for (const part of chunks(rows)) {
    await trx.insertInto('documentEvent').values(part).execute();
  }
};

/**
 * Moves a number sequence forward to at least `lastNumber` (bulk-written documents took their numbers in
 * order): later documents continue after them.
 */
export const raiseDocumentNumberCounter = async (
  trx: Transaction<Database>,
  input: { agencyId: string; provinceCode: string; year: number; sequence: string; lastNumber: number },
) => {
  await trx
    .insertInto('documentNumberCounter')
    .values(input)
    .onConflict((conflict) =>
      conflict
        .columns(['agencyId', 'year', 'sequence'])
        .doUpdateSet({ lastNumber: sql<number>`greatest(document_number_counter.last_number, excluded.last_number)` }),
    )
    .execute();
};

/** How many demo documents of each kind an agency has (the demo year is written once). */
export const countDemoDocuments = async (db: Db, agencyId: string): Promise<{ incoming: number; outgoing: number }> => {
  const incoming = await db
    .selectFrom('incomingDocument')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('agencyId', '=', agencyId)
    .where('isDemo', '=', true)
    .executeTakeFirstOrThrow();
  const outgoing = await db
    .selectFrom('outgoingDocument')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('agencyId', '=', agencyId)
    .where('isDemo', '=', true)
    .executeTakeFirstOrThrow();
  return { incoming: Number(incoming.n), outgoing: Number(outgoing.n) };
};
