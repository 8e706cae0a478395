/**
 * motcua's dossier as the national public-service portal (Cổng DVCQG) receives it: the DongBoHoSoMC dossier
 * record and the CapNhatTienDoHoSoMC progress record of one event of the dossier's history.
 * Sources: ../shared/spec/regulations.md §1.1 (status codes 1–10), §7 (fields, `yyyyMMddHHmmss`, identifiers
 * 1 = 12 digits / 2 = 9 digits) and ../shared/spec/reform-and-eoffice.md §F (channel codes 1/2/3; the practical
 * rule for "real time": push every state change with its original timestamp, replay failed pushes in order).
 *
 * The message of event k shows the dossier AS OF event k: its status and its dates come from events 1..k only,
 * so a replay after an outage sends every intermediate state, in order, with the instants it happened at. The
 * descriptive data (procedure, applicant, components) come from the dossier row as it is now.
 */
import { DOSSIER_TRANSITIONS } from '../dossier/state-machine.js';
import { DOSSIER_CHANNELS, type DossierChannel, type DossierStatus } from '../dossier/status.js';
import type {
  DvcqgChannel,
  DvcqgDossierRecord,
  DvcqgFee,
  DvcqgIdentifier,
  DvcqgInstant,
  DvcqgProgressRecord,
  DvcqgResultDocument,
  DvcqgStatusCode,
  DvcqgSubmittedDocument,
  DvcqgSupplement,
} from './protocol.js';

/**
 * TrangThaiHoSo of each motcua status — regulations.md §1.1 (the portal's codes as the provincial systems send
 * them). motcua's statuses were modelled on these codes, so the table is one to one.
 */
export const DVCQG_STATUS_OF: Readonly<Record<DossierStatus, DvcqgStatusCode>> = {
  new: 1, // Mới đăng ký
  received: 2, // Được tiếp nhận
  refused: 3, // Không được tiếp nhận
  processing: 4, // Đang xử lý
  supplement_requested: 5, // Yêu cầu bổ sung giấy tờ
  financial_obligation: 6, // Yêu cầu thực hiện nghĩa vụ tài chính
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
  stopped: 8, // Dừng xử lý
  completed: 9, // Đã xử lý xong
  returned: 10, // Đã trả kết quả
};

export const toDvcqgStatusCode = (status: DossierStatus): DvcqgStatusCode => DVCQG_STATUS_OF[status];

/** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (reform-and-eoffice.md §F). */
export const toDvcqgChannel = (channel: DossierChannel): DvcqgChannel =>
  DOSSIER_CHANNELS[channel].dvcqg as DvcqgChannel;

// Vietnam has kept UTC+7 without daylight saving since 1975: the offset is constant.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** An instant (epoch ms) as the portal writes it: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (seconds truncated). */
export const formatDvcqgInstant = (epochMs: number): DvcqgInstant => {
  const d = new Date(epochMs + VN_OFFSET_MS);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds())
  );
};

/** The instant (epoch ms) of a `yyyyMMddHHmmss` Asia/Ho_Chi_Minh value; undefined when it is not one. */
export const parseDvcqgInstant = (value: string): number | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(utc);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  return utc - VN_OFFSET_MS;
};

/** The applicant as the dossier row stores it (packages/domain/src/dossier/applicant.ts). */
export type SyncApplicant =
  | { kind: 'person'; fullName: string; idNumber: string; phone?: string | undefined; email?: string | undefined }
  | { kind: 'organisation'; name: string; taxCode: string; phone?: string | undefined; email?: string | undefined };

/** One event of the dossier's history with what the messages need. */
export type SyncEvent = {
  seq: number;
  /** Epoch ms. */
  at: number;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  actorKind: 'official' | 'applicant' | 'system';
  actorName: string | null;
  actorRole: string | null;
  agencyName: string | null;
  note: string | null;
  /** The appointment after the event (epoch ms), as the event recorded it. */
  dueAfter: number | null;
  /** request_supplement / request_intake_supplement: what is missing; refuse / stop: the reason. */
  reason: string | null;
  missing: string[];
  /** complete: the result documents it named. */
  results: { name: string; documentNo?: string | undefined; documentId?: string | undefined }[];
};

/** A step of the internal process (dossier_step). */
export type SyncStep = {
  stepNo: number;
  name: string;
  agencyName: string;
  givenAt: number | null;
  dueAt: number | null;
};

export type SyncComponent = {
  key: string;
  name: string;
  /** Taken from the national databases or the digitised-results store rather than handed in. */
  fromData: boolean;
  /** The digitised file of the component, when one was uploaded. */
  file?: { name: string; url: string } | undefined;
};

export type SyncFee = {
  name: string;
  code: string;
  kind: 'phi' | 'le_phi' | 'other';
  amountVnd: number;
  /** A payment request's event seq (the charge exists from that event on); null for a published fee. */
  requestSeq: number | null;
  /** How it is collected: at the counter, or online through the national payment platform. */
  collection: 'counter' | 'online';
};

/** Everything one dossier's messages are built from (loaded by packages/db dvcqg-sync.queries.ts). */
export type DossierSyncInput = {
  code: string;
  procedureCode: string;
  procedureName: string;
  fieldCode: string;
  fieldName: string;
  channel: DossierChannel;
  applicant: SyncApplicant;
  /** The applicant's portal account was authenticated with VNeID. */
  vneidVerified: boolean;
  summary: string;
  /** MaDonVi of the receiving agency (the province's agency code mapping, else the agency's code). */
  agencyCode: string;
  createdAt: number;
  components: SyncComponent[];
  fees: SyncFee[];
  paidOnline: boolean;
  /** Result documents' links (by document id), for DuongDanTepTinKetQua. */
  resultUrls: Readonly<Record<string, string>>;
  steps: SyncStep[];
  /** The dossier's events in seq order (at least 1..k for the message of event k). */
  events: SyncEvent[];
};

/** ChucDanh of the acting role (motcua's roles; the portal has no code list for it). */
const ROLE_TITLES: Readonly<Record<string, string>> = {
  receptionist: 'Cán bộ tiếp nhận',
  processor: 'Chuyên viên xử lý',
  approver: 'Lãnh đạo phê duyệt',
  result_returner: 'Cán bộ trả kết quả',
  applicant: 'Người nộp hồ sơ',
  system: 'Hệ thống',
};

const identifiersOf = (applicant: SyncApplicant): DvcqgIdentifier[] => {
  if (applicant.kind !== 'person') {
    return [];
  }
  const id = applicant.idNumber.trim();
  // regulations.md §7: LoaiDinhDanh 1 = the 12-digit personal identifier (CCCD), 2 = the 9-digit ID card (CMND).
  if (/^\d{12}$/.test(id)) {
    return [{ LoaiDinhDanh: 1, SoDinhDanh: id }];
  }
  if (/^\d{9}$/.test(id)) {
    return [{ LoaiDinhDanh: 2, SoDinhDanh: id }];
  }
  return [];
};

/** ChuHoSo, SoGiayToChuHoSo, LoaiDoiTuong (1 citizen, 2 business), DinhDanhCHS, Email, SoDienThoai. */
export const mapApplicant = (applicant: SyncApplicant) => {
  const identifiers = identifiersOf(applicant);
  return {
    ChuHoSo: applicant.kind === 'person' ? applicant.fullName : applicant.name,
    SoGiayToChuHoSo: applicant.kind === 'person' ? applicant.idNumber : applicant.taxCode,
    LoaiDoiTuong: (applicant.kind === 'person' ? 1 : 2) as 1 | 2,
    ...(applicant.email ? { Email: applicant.email } : {}),
    ...(applicant.phone ? { SoDienThoai: applicant.phone } : {}),
    ...(identifiers.length > 0 ? { DinhDanhCHS: identifiers } : {}),
  };
};

const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);

const mapComponents = (components: readonly SyncComponent[]): DvcqgSubmittedDocument[] =>
  components.map((component) => ({
    TenTepDinhKem: component.file?.name ?? component.name,
    MaThanhPhanHoSo: component.key,
    DuongDanTaiTepTin: component.file?.url ?? '',
    DuocSoHoa: flag(component.file !== undefined),
    DuocTaiSuDung: flag(component.fromData),
    DuocLayTuKhoDMQG: flag(component.fromData),
    MaKetQuaThayThe: '',
  }));

/**
 * DanhSachLePhi. The portal's codes for HinhThucThu and LoaiPhiLePhi were not found in any source [INF]:
 * HinhThucThu 1 at the counter / 2 online; LoaiPhiLePhi 1 phí, 2 lệ phí, 3 other charges.
 */
const FEE_KIND_CODES = { phi: 1, le_phi: 2, other: 3 } as const;
const mapFees = (fees: readonly SyncFee[], seq: number): DvcqgFee[] =>
  fees
    .filter((fee) => fee.requestSeq === null || fee.requestSeq <= seq)
    .map((fee) => ({
      TenPhiLePhi: fee.name,
      MaPhiLePhi: fee.code,
      HinhThucThu: fee.collection === 'online' ? 2 : 1,
      Gia: fee.amountVnd,
      LoaiPhiLePhi: FEE_KIND_CODES[fee.kind],
    }));

const SUPPLEMENT_REQUESTS = new Set(['request_supplement', 'request_intake_supplement']);

/**
 * DanhSachHoSoBoSung: each supplement asked and answered up to event k. The portal's record has no empty date
 * (every instant is required), so a supplement still awaited is shown by the status (5) and the progress record of
 * its request (with the reason) until the answer comes; the appointment before it is the one in force when it was
 * asked — for a supplement asked at intake, before any appointment, the first one set after it — and the new one
 * is the first set at or after the answer.
 */
const mapSupplements = (events: readonly SyncEvent[]): DvcqgSupplement[] => {
  const supplements: DvcqgSupplement[] = [];
  let dueBefore: number | null = null;
  let open: { request: SyncEvent; dueBefore: number | null } | undefined;
  const answered: { request: SyncEvent; answer: SyncEvent; dueBefore: number | null; index: number }[] = [];
  events.forEach((event, index) => {
    if (SUPPLEMENT_REQUESTS.has(event.action)) {
      open = { request: event, dueBefore };
    } else if (event.action === 'applicant_supplement' && open) {
      answered.push({ ...open, answer: event, index });
      open = undefined;
    }
    if (event.dueAfter !== null) {
      dueBefore = event.dueAfter;
    }
  });
  for (const { request, answer, index, ...rest } of answered) {
    const dueAfter = events.slice(index).find((e) => e.dueAfter !== null)?.dueAfter ?? null;
    const before = rest.dueBefore ?? dueAfter;
    if (before === null || dueAfter === null) {
      continue;
    }
    const content = [request.reason, ...request.missing].filter((part) => part && part.trim() !== '').join('; ');
    supplements.push({
      NguoiYeuCauBoSung: request.actorName ?? ROLE_TITLES[request.actorRole ?? 'system'] ?? '',
      NoiDungBoSung: content,
      NgayBoSung: formatDvcqgInstant(request.at),
      NgayTiepNhanBoSung: formatDvcqgInstant(answer.at),
      NgayHenTraTruoc: formatDvcqgInstant(before),
      NgayHenTraMoi: formatDvcqgInstant(dueAfter),
    });
  }
  return supplements;
};

const mapResults = (events: readonly SyncEvent[], urls: Readonly<Record<string, string>>): DvcqgResultDocument[] =>
  events
    .filter((event) => event.action === 'complete')
    .flatMap((event) => event.results)
    .map((result) => ({
      TenGiayTo: result.name,
      MaGiayToKetQua: result.documentNo ?? result.documentId ?? '',
      DuongDanTepTinKetQua: (result.documentId && urls[result.documentId]) || '',
    }));

const firstAt = (events: readonly SyncEvent[], test: (event: SyncEvent) => boolean): number | undefined =>
  events.find(test)?.at;
const lastAt = (events: readonly SyncEvent[], test: (event: SyncEvent) => boolean): number | undefined =>
  [...events].reverse().find(test)?.at;

const instantField = <K extends string>(key: K, at: number | null | undefined): Partial<Record<K, DvcqgInstant>> =>
  at === undefined || at === null ? {} : ({ [key]: formatDvcqgInstant(at) } as Record<K, DvcqgInstant>);

/** The events 1..seq; throws when event seq is not in the input (the loader's contract). */
const eventsUpTo = (input: DossierSyncInput, seq: number): { upTo: SyncEvent[]; event: SyncEvent } => {
  const upTo = input.events.filter((event) => event.seq <= seq);
  const event = upTo.at(-1);
  if (!event || event.seq !== seq) {
    throw new Error(`event ${seq} of dossier ${input.code} is not loaded`);
  }
  return { upTo, event };
};

/** The DongBoHoSoMC record of the dossier as of event `seq`. */
export const buildDossierRecord = (input: DossierSyncInput, seq: number): DvcqgDossierRecord => {
  const { upTo, event } = eventsUpTo(input, seq);
  const documents = mapComponents(input.components);
  const fees = mapFees(input.fees, seq);
  const supplements = mapSupplements(upTo);
  const results = mapResults(upTo, input.resultUrls);
  const due = [...upTo].reverse().find((e) => e.dueAfter !== null)?.dueAfter;
  const status = event.toStatus;
  return {
    MaHoSo: input.code,
    MaTTHC: input.procedureCode,
    TenTTHC: input.procedureName,
    MaLinhVuc: input.fieldCode,
    TenLinhVuc: input.fieldName,
    KenhThucHien: toDvcqgChannel(input.channel),
    ...mapApplicant(input.applicant),
    TrichYeuHoSo: input.summary,
    ...instantField('NgayNopHoSo', upTo[0]?.at ?? input.createdAt),
    ...instantField(
      'NgayTiepNhan',
      firstAt(upTo, (e) => e.toStatus === 'received'),
    ),
    ...instantField('NgayHenTra', due),
    ...instantField(
      'NgayKetThucXuLy',
      lastAt(upTo, (e) => e.toStatus === 'completed' || e.toStatus === 'stopped'),
    ),
    ...instantField(
      'NgayTra',
      lastAt(upTo, (e) => e.toStatus === 'returned'),
    ),
    ...instantField(
      'NgayTuChoi',
      lastAt(upTo, (e) => e.toStatus === 'refused'),
    ),
    TrangThaiHoSo: toDvcqgStatusCode(status),
    DonViXuLy: input.agencyCode,
    HoSoCoThanhPhanSoHoa: flag(documents.some((d) => d.DuocSoHoa === 1)),
    TaiKhoanDuocXacThucVoiVNeID: flag(input.vneidVerified),
    DuocThanhToanTrucTuyen: flag(input.paidOnline),
    ...(documents.length > 0 ? { TaiLieuNop: documents } : {}),
    ...(fees.length > 0 ? { DanhSachLePhi: fees } : {}),
    ...(supplements.length > 0 ? { DanhSachHoSoBoSung: supplements } : {}),
    ...(results.length > 0 ? { DanhSachGiayToKetQua: results } : {}),
  };
};

/** The step that held the dossier right after the event: the last one handed over at or before its instant. */
const stepAt = (steps: readonly SyncStep[], at: number): SyncStep | undefined =>
  steps
    .filter((step) => step.givenAt !== null && step.givenAt <= at)
    .sort((a, b) => (a.givenAt ?? 0) - (b.givenAt ?? 0) || a.stepNo - b.stepNo)
    .at(-1);

const actionLabel = (action: string): string =>
  (DOSSIER_TRANSITIONS as Record<string, { label: { vi: string } } | undefined>)[action]?.label.vi ??
  (action === 'submit' ? 'Nộp hồ sơ trực tuyến' : action);

/**
 * The CapNhatTienDoHoSoMC record of event `seq`: who acted (NguoiXuLy, ChucDanh, PhongBanXuLy), when
 * (ThoiDiemXuLy = the event's own instant), what (NoiDungXuLy), the status after it, and the step that holds the
 * dossier then (NgayBatDau = when the step was handed over, NgayKetThucTheoQuyDinh = the step's due instant;
 * without a step, the event's instant and the appointment).
 */
export const buildProgressRecord = (input: DossierSyncInput, seq: number): DvcqgProgressRecord => {
  const { upTo, event } = eventsUpTo(input, seq);
  const step = stepAt(input.steps, event.at);
  const due = step?.dueAt ?? [...upTo].reverse().find((e) => e.dueAfter !== null)?.dueAfter ?? event.at;
  const actorName =
    event.actorName ?? (event.actorKind === 'applicant' ? mapApplicant(input.applicant).ChuHoSo : 'Hệ thống');
  const content = [actionLabel(event.action), event.note].filter((part) => part && part.trim() !== '').join(': ');
  return {
    MaHoSo: input.code,
    NguoiXuLy: actorName,
    ChucDanh: ROLE_TITLES[event.actorRole ?? event.actorKind] ?? ROLE_TITLES[event.actorKind] ?? '',
    ThoiDiemXuLy: formatDvcqgInstant(event.at),
    PhongBanXuLy: event.agencyName ?? step?.agencyName ?? '',
    NoiDungXuLy: content,
    TrangThai: toDvcqgStatusCode(event.toStatus),
    NgayBatDau: formatDvcqgInstant(step?.givenAt ?? event.at),
    NgayKetThucTheoQuyDinh: formatDvcqgInstant(due),
  };
};

const maskTail = (value: string, keep: number): string =>
  value.length <= keep ? '*'.repeat(value.length) : '*'.repeat(value.length - keep) + value.slice(-keep);

const maskEmail = (value: string): string => {
  const at = value.indexOf('@');
  return at <= 0 ? maskTail(value, 0) : `${value[0]}***${value.slice(at)}`;
};

/** Fields of a message that carry personal identifiers or secrets, and how the log shows them. */
const MASKED_FIELDS: Readonly<Record<string, (value: string) => string>> = {
  SoGiayToChuHoSo: (v) => maskTail(v, 4),
  SoDinhDanh: (v) => maskTail(v, 4),
  MaDoiTuong: (v) => maskTail(v, 4),
  SoDienThoai: (v) => maskTail(v, 3),
  Email: maskEmail,
  session: () => '***',
  password: () => '***',
};

/**
 * A message as the attempt log keeps it (dvcqg_sync_log.request): identifier numbers show their last 4 digits,
 * phone numbers their last 3, e-mail addresses their first letter and domain; the session token is hidden.
 */
export const maskDvcqgMessage = <T>(message: T): T => {
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) {
      return value.map((item) => walk(item));
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    const mask = key === undefined ? undefined : MASKED_FIELDS[key];
    return mask && typeof value === 'string' ? mask(value) : value;
  };
  return walk(message) as T;
};
