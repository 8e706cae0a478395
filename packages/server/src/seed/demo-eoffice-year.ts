import { randomUUID } from 'node:crypto';
import {
  countDemoDocuments,
  findAgencyByCode,
  findLastDocumentNumber,
  insertDocumentEventsInBulk,
  insertIncomingDocumentsInBulk,
  insertOutgoingDocumentsInBulk,
  insertOutgoingRecipientsInBulk,
  raiseDocumentNumberCounter,
  searchUsersInAgencies,
} from '@motcua/db';
import {
  addDays,
  buildDocumentSearchText,
  buildNumberSymbol,
  type Confidentiality,
  type DocumentTypeCode,
  type IncomingChannel,
  parseInstant,
  type RecipientChannel,
  toLocalDate,
  type Urgency,
} from '@motcua/domain';
import type { AppContext } from '../context.js';
import { computeDocumentEventHash, type HashedDocumentEvent } from '../usecases/eoffice/document-chain.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

/**
 * Official documents written in bulk (the demo year, tests with known counts): each row computed in Node —
 * its number from the agency's counter (locked, then moved past the last number used, so documents written
 * later through the change paths continue the sequence), its folded search text, and a genuine one-event
 * history (document_event seq 1, hash from computeDocumentEventHash, the row's anchor columns) — then sent
 * in chunks through the bulk writers of @motcua/db. Not an HTTP path: no outbox jobs, no notifications.
 */

export type BulkIncoming = {
  receivedAt: Date;
  channel: IncomingChannel;
  issuerName: string;
  numberSymbol: string;
  issuedOn: string;
  documentType: string;
  subject: string;
  urgency?: Urgency;
  /**
   * A secret document takes its number from the same incoming counter: migration 0025 keeps one incoming
   * number per agency and year (unique), whatever chooseIncomingSequence says.
   */
  confidentiality?: Confidentiality;
  status?: 'registered' | 'presented' | 'directed' | 'in_progress' | 'done';
  leadUnitId?: string | null;
  registeredBy?: string | null;
  /** The leader it was presented to (status beyond 'registered'). */
  presentedTo?: string | null;
  pageCount?: number;
  signerName?: string | null;
};

export type BulkOutgoing = {
  signedAt: Date;
  documentType: DocumentTypeCode;
  subject: string;
  urgency?: Urgency;
  drafterUserId: string;
  signerUserId?: string | null;
  signerTitle?: string | null;
  draftingUnitId?: string | null;
  /** Digitally signed: the issued PDF (signed_file_sha256) is recorded. */
  signed: boolean;
  recipients: { name: string; channel: RecipientChannel; agencyId?: string | null; externalCode?: string | null }[];
  pageCount?: number;
};

const hex64 = (seed: string) => {
  // A stable stand-in for a file hash (the demo has no files): 64 hex digits from the id.
  const base = seed.replaceAll('-', '');
  return (base + base).slice(0, 64);
};

const DAY_MS = 86_400_000;

/** Writes incoming and outgoing documents of one agency in one transaction; answers the numbers used. */
export const writeDocumentsInBulk = async (
  ctx: Pick<AppContext, 'db'>,
  input: {
    agency: { id: string; provinceCode: string; abbreviation: string };
    incoming: readonly BulkIncoming[];
    outgoing: readonly BulkOutgoing[];
    isDemo: boolean;
  },
): Promise<{ incoming: number; outgoing: number }> => {
  const { agency } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const incoming = [...input.incoming].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    const outgoing = [...input.outgoing].sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime());
    const yearOf = (at: Date) => Number(toLocalDate(at.getTime()).slice(0, 4));
    // Lock each counter the documents use (an upsert that changes nothing), then read where it stands.
    const next = new Map<string, number>();
    const take = async (year: number, sequence: string): Promise<number> => {
      const key = `${year}/${sequence}`;
      let last = next.get(key);
      if (last === undefined) {
        await raiseDocumentNumberCounter(trx, {
          agencyId: agency.id,
          provinceCode: agency.provinceCode,
          year,
          sequence,
          lastNumber: 0,
        });
        last = await findLastDocumentNumber(trx, { agencyId: agency.id, year, sequence });
      }
      next.set(key, last + 1);
      return last + 1;
    };
    const events: Parameters<typeof insertDocumentEventsInBulk>[1][number][] = [];
    const eventOf = (content: HashedDocumentEvent) => {
      const hash = computeDocumentEventHash(null, content);
      events.push({ ...content, payload: JSON.stringify(content.payload), prevHash: null, hash });
      return hash;
    };
    const incomingRows = [];
    for (const doc of incoming) {
      const id = randomUUID();
      const year = yearOf(doc.receivedAt);
      const number = await take(year, 'incoming');
      const status = doc.status ?? 'registered';
      const hash = eventOf({
        documentKind: 'incoming',
        documentId: id,
        seq: 1,
        at: doc.receivedAt,
        actorKind: doc.registeredBy ? 'official' : 'system',
        actorUserId: doc.registeredBy ?? null,
        actorRole: doc.registeredBy ? 'clerk' : null,
        agencyId: agency.id,
        action: 'register',
        fromStatus: null,
        toStatus: status,
        note: null,
        payload: { incomingNumber: number, channel: doc.channel, bulk: true },
      });
      incomingRows.push({
        id,
        provinceCode: agency.provinceCode,
        agencyId: agency.id,
        year,
        incomingNumber: number,
        receivedAt: doc.receivedAt,
        registeredAt: doc.receivedAt,
        registeredBy: doc.registeredBy ?? null,
        channel: doc.channel,
        issuerName: doc.issuerName,
        numberSymbol: doc.numberSymbol,
        issuedOn: doc.issuedOn,
        documentType: doc.documentType,
        subject: doc.subject,
        urgency: doc.urgency ?? 'normal',
        confidentiality: doc.confidentiality ?? 'normal',
        pageCount: doc.pageCount ?? null,
        signerName: doc.signerName ?? null,
        status,
        leadUnitId: doc.leadUnitId ?? null,
        presentedTo: doc.presentedTo ?? null,
        presentedAt: doc.presentedTo ? doc.receivedAt : null,
        searchText: buildDocumentSearchText({
          numberSymbol: doc.numberSymbol,
          issuerName: doc.issuerName,
          subject: doc.subject,
        }),
        eventCount: 1,
        lastEventHash: hash,
        isDemo: input.isDemo,
        createdAt: doc.receivedAt,
        updatedAt: doc.receivedAt,
      });
    }
    const outgoingRows = [];
    const recipientRows: Parameters<typeof insertOutgoingRecipientsInBulk>[1][number][] = [];
    for (const doc of outgoing) {
      const id = randomUUID();
      const year = yearOf(doc.signedAt);
      const number = await take(year, 'outgoing');
      const numberSymbol = buildNumberSymbol({
        number,
        documentType: doc.documentType,
        agencyAbbreviation: agency.abbreviation,
      });
      const hash = eventOf({
        documentKind: 'outgoing',
        documentId: id,
        seq: 1,
        at: doc.signedAt,
        actorKind: 'official',
        actorUserId: doc.signerUserId ?? doc.drafterUserId,
        actorRole: 'clerk',
        agencyId: agency.id,
        action: 'issue',
        fromStatus: null,
        toStatus: 'issued',
        note: null,
        payload: { number, numberSymbol, signed: doc.signed, bulk: true },
      });
      outgoingRows.push({
        id,
        provinceCode: agency.provinceCode,
        agencyId: agency.id,
        draftingUnitId: doc.draftingUnitId ?? null,
        drafterUserId: doc.drafterUserId,
        documentType: doc.documentType,
        subject: doc.subject,
        urgency: doc.urgency ?? 'normal',
        status: 'issued' as const,
        signerUserId: doc.signerUserId ?? null,
        signerTitle: doc.signerTitle ?? null,
        currentVersion: 1,
        year,
        numberSequence: 'outgoing',
        number,
        numberSymbol,
        signedAt: doc.signedAt,
        organisationSignedAt: doc.signed ? doc.signedAt : null,
        issuedAt: doc.signedAt,
        pageCount: doc.pageCount ?? null,
        signedFileSha256: doc.signed ? hex64(id) : null,
        searchText: buildDocumentSearchText({ numberSymbol, subject: doc.subject }),
        eventCount: 1,
        lastEventHash: hash,
        isDemo: input.isDemo,
        createdAt: new Date(doc.signedAt.getTime() - DAY_MS),
        updatedAt: doc.signedAt,
      });
      doc.recipients.forEach((recipient, index) => {
        recipientRows.push({
          outgoingId: id,
          position: index + 1,
          recipientAgencyId: recipient.agencyId ?? null,
          externalCode: recipient.externalCode ?? null,
          name: recipient.name,
          channel: recipient.channel,
        });
      });
    }
    await insertIncomingDocumentsInBulk(trx, incomingRows);
    await insertOutgoingDocumentsInBulk(trx, outgoingRows);
    await insertOutgoingRecipientsInBulk(trx, recipientRows);
    await insertDocumentEventsInBulk(trx, events);
    for (const [key, last] of next) {
      const [year, sequence] = key.split('/');
      await raiseDocumentNumberCounter(trx, {
        agencyId: agency.id,
        provinceCode: agency.provinceCode,
        year: Number(year),
        sequence: sequence ?? '',
        lastNumber: last,
      });
    }
    return { incoming: incomingRows.length, outgoing: outgoingRows.length };
  });
};

/** A small deterministic generator (mulberry32), so the demo year is the same on every install. */
const random = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const INCOMING_SOURCES: { issuer: string; symbol: (n: number, type: string) => string }[] = [
  { issuer: 'Bộ Nội vụ', symbol: (n, t) => (t === 'CV' ? `${n}/BNV-CCHC` : `${n}/${t}-BNV`) },
  { issuer: 'Ủy ban nhân dân tỉnh Hưng Yên', symbol: (n, t) => (t === 'CV' ? `${n}/UBND-NC` : `${n}/${t}-UBND`) },
  { issuer: 'Văn phòng Ủy ban nhân dân tỉnh Hưng Yên', symbol: (n, t) => (t === 'CV' ? `${n}/VP-NC` : `${n}/${t}-VP`) },
  { issuer: 'Sở Tài chính tỉnh Hưng Yên', symbol: (n, t) => (t === 'CV' ? `${n}/STC-QLNS` : `${n}/${t}-STC`) },
  { issuer: 'Sở Tư pháp tỉnh Hưng Yên', symbol: (n, t) => (t === 'CV' ? `${n}/STP-VP` : `${n}/${t}-STP`) },
  { issuer: 'Ban Tổ chức Tỉnh ủy Hưng Yên', symbol: (n, t) => (t === 'CV' ? `${n}-CV/BTCTU` : `${n}-${t}/BTCTU`) },
  { issuer: 'Ủy ban nhân dân phường Phố Hiến', symbol: (n, t) => (t === 'CV' ? `${n}/UBND` : `${n}/${t}-UBND`) },
  {
    issuer: 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên',
    symbol: (n, t) => (t === 'CV' ? `${n}/SGDĐT-TCCB` : `${n}/${t}-SGDĐT`),
  },
];

const INCOMING_SUBJECTS: [string, string][] = [
  ['CV', 'V/v báo cáo số lượng, chất lượng cán bộ, công chức, viên chức năm {y}'],
  ['CV', 'V/v góp ý dự thảo Quyết định phân cấp quản lý công chức'],
  ['CV', 'V/v triển khai thực hiện Chỉ số cải cách hành chính năm {y}'],
  ['CV', 'V/v đề nghị thẩm định hồ sơ khen thưởng'],
  ['CV', 'V/v cử cán bộ tham dự lớp bồi dưỡng kiến thức quản lý nhà nước'],
  ['QĐ', 'Quyết định về việc phê duyệt Kế hoạch tuyển dụng công chức năm {y}'],
  ['QĐ', 'Quyết định về việc giao biên chế công chức trong các cơ quan hành chính năm {y}'],
  ['KH', 'Kế hoạch kiểm tra công tác cải cách hành chính năm {y}'],
  ['KH', 'Kế hoạch tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng'],
  ['TB', 'Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tháng'],
  ['GM', 'Giấy mời dự Hội nghị trực tuyến về chuyển đổi số trong cơ quan nhà nước'],
  ['HD', 'Hướng dẫn đánh giá, xếp loại chất lượng cán bộ, công chức năm {y}'],
  ['BC', 'Báo cáo kết quả thực hiện Đề án 06 của Chính phủ'],
  ['CT', 'Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính'],
];

const OUTGOING_SUBJECTS: [DocumentTypeCode, string][] = [
  ['CV', 'V/v hướng dẫn sắp xếp đơn vị sự nghiệp công lập'],
  ['CV', 'V/v đề nghị báo cáo tình hình thực hiện tinh giản biên chế'],
  ['CV', 'V/v thẩm định hồ sơ đề nghị khen thưởng tập thể, cá nhân'],
  ['CV', 'V/v triển khai khảo sát sự hài lòng của người dân năm {y}'],
  ['QĐ', 'Quyết định về việc cử công chức tham gia đoàn kiểm tra cải cách hành chính'],
  ['QĐ', 'Quyết định về việc nâng bậc lương thường xuyên đối với công chức'],
  ['KH', 'Kế hoạch tuyên truyền cải cách hành chính năm {y}'],
  ['BC', 'Báo cáo công tác cải cách hành chính quý'],
  ['BC', 'Báo cáo kết quả thực hiện nhiệm vụ công tác nội vụ tháng'],
  ['TB', 'Thông báo kết quả kiểm tra công tác văn thư, lưu trữ'],
  ['TTr', 'Tờ trình về việc phê duyệt Chỉ số cải cách hành chính của các sở, ngành'],
  ['GM', 'Giấy mời dự tập huấn nghiệp vụ công tác văn thư, lưu trữ'],
];

const OUTGOING_RECIPIENTS: { name: string; channel: RecipientChannel }[] = [
  { name: 'Ủy ban nhân dân tỉnh Hưng Yên', channel: 'package' },
  { name: 'Bộ Nội vụ', channel: 'package' },
  { name: 'Các sở, ban, ngành tỉnh', channel: 'package' },
  { name: 'UBND các xã, phường', channel: 'package' },
  { name: 'Văn phòng Tỉnh ủy Hưng Yên', channel: 'package' },
  { name: 'Sở Tài chính tỉnh Hưng Yên', channel: 'package' },
  { name: 'Báo và Phát thanh, Truyền hình Hưng Yên', channel: 'paper' },
];

const URGENCY_DRAW: Urgency[] = [
  'normal',
  'normal',
  'normal',
  'normal',
  'normal',
  'normal',
  'khan',
  'khan',
  'thuong_khan',
  'hoa_toc',
];

/** Working hours on a working day (Monday–Friday) of the given Vietnam date, as an instant. */
const workingInstant = (day: string, rand: () => number): Date => {
  const minutes = 7 * 60 + 30 + Math.floor(rand() * 9 * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return new Date(parseInstant(`${day}T${hh}:${mm}:00+07:00`));
};

const isWeekday = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * The demo year of the Sở Nội vụ (issue 19 item 7): about 250 incoming and 120 outgoing documents from
 * 1 January of the current year to yesterday — mixed types and urgencies, most received and sent
 * electronically, most outgoing digitally signed — all is_demo. Written once: skipped when the agency
 * already has demo documents or is not there.
 */
export const seedDemoEofficeYear = async (
  ctx: AppContext,
  options: { incoming?: number; outgoing?: number; agencyCode?: string } = {},
): Promise<{ seeded: boolean; incoming: number; outgoing: number }> => {
  const agency = await findAgencyByCode(ctx.db, options.agencyCode ?? DEMO_AGENCY_CODES.homeAffairs);
  if (!agency?.provinceCode) {
    return { seeded: false, incoming: 0, outgoing: 0 };
  }
  const existing = await countDemoDocuments(ctx.db, agency.id);
  if (existing.incoming > 0 || existing.outgoing > 0) {
    return { seeded: false, ...existing };
  }
  const users = (await searchUsersInAgencies(ctx.db, { agencyIds: [agency.id], limit: 20, offset: 0 })).items;
  const drafter = users[0];
  if (!drafter) {
    return { seeded: false, incoming: 0, outgoing: 0 };
  }
  const signer = users.find((user) => user.id !== drafter.id) ?? drafter;
  const today = toLocalDate(ctx.clock.now().getTime());
  const year = today.slice(0, 4);
  const days: string[] = [];
  for (let day = `${year}-01-02`; day < today; day = addDays(day, 1)) {
    if (isWeekday(day)) {
      days.push(day);
    }
  }
  if (days.length === 0) {
    return { seeded: false, incoming: 0, outgoing: 0 };
  }
  const rand = random(Number(year) * 31 + 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const incomingCount = options.incoming ?? 250;
  const outgoingCount = options.outgoing ?? 120;
  const issuerNumbers = new Map<string, number>();
  const incoming: BulkIncoming[] = [];
  for (let i = 0; i < incomingCount; i += 1) {
    const day = days[Math.floor((i / incomingCount) * days.length)] ?? today;
    const source = pick(INCOMING_SOURCES);
    const [type, subject] = pick(INCOMING_SUBJECTS);
    const n = (issuerNumbers.get(source.issuer) ?? Math.floor(rand() * 40)) + 1 + Math.floor(rand() * 6);
    issuerNumbers.set(source.issuer, n);
    const receivedAt = workingInstant(day, rand);
    const issuedOn = addDays(day, -Math.floor(rand() * 3));
    const status = day < addDays(today, -20) ? 'done' : pick(['registered', 'directed', 'in_progress'] as const);
    incoming.push({
      receivedAt,
      // Nine in ten arrive through the exchange; the rest on paper (scanned at registration).
      channel: rand() < 0.9 ? 'electronic' : 'paper',
      issuerName: source.issuer,
      numberSymbol: source.symbol(n, type),
      issuedOn: issuedOn < `${year}-01-01` ? `${year}-01-01` : issuedOn,
      documentType: type,
      subject: subject.replace('{y}', year),
      urgency: pick(URGENCY_DRAW),
      status,
      presentedTo: status === 'registered' ? null : signer.id,
      pageCount: 1 + Math.floor(rand() * 8),
    });
  }
  const outgoing: BulkOutgoing[] = [];
  for (let i = 0; i < outgoingCount; i += 1) {
    const day = days[Math.floor((i / outgoingCount) * days.length)] ?? today;
    const [type, subject] = pick(OUTGOING_SUBJECTS);
    const recipients = [...OUTGOING_RECIPIENTS]
      .sort(() => rand() - 0.5)
      .slice(0, 1 + Math.floor(rand() * 3))
      // Most go through the exchange; a few also to a recipient outside it, on paper.
      .map((r) => (r.channel === 'paper' && rand() < 0.5 ? { ...r, channel: 'package' as const } : r));
    outgoing.push({
      signedAt: workingInstant(day, rand),
      documentType: type,
      subject: subject.replace('{y}', year),
      urgency: pick(URGENCY_DRAW),
      drafterUserId: drafter.id,
      signerUserId: signer.id,
      signerTitle: 'Phó Giám đốc',
      // About 93 in 100 signed digitally; the others issued on paper with a wet signature.
      signed: rand() < 0.93,
      recipients,
      pageCount: 1 + Math.floor(rand() * 5),
    });
  }
  const written = await writeDocumentsInBulk(ctx, {
    agency: {
      id: agency.id,
      provinceCode: agency.provinceCode,
      // The usual abbreviation of a Sở Nội vụ in document symbols (Phụ lục I).
      abbreviation: 'SNV',
    },
    incoming,
    outgoing,
    isDemo: true,
  });
  return { seeded: true, ...written };
};
