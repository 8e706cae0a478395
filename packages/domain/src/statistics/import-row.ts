/**
 * One row of a historical-dossier import (docs/import-format.md): the columns, their aliases
 * (English, Vietnamese, and the field names of the national portal's DongBoHoSoMC sync), the value
 * formats accepted, and the validation of a row into what the statistics need. Pure: the caller
 * reads the file and resolves agencies and procedures.
 */
import type { CompletionClass } from '../calendar/duration.js';
import { getDaysInMonth, getLocalDayNumber } from '../calendar/local-date.js';
import type { DossierChannel } from '../dossier/status.js';
import { classifyCompletion } from '../dossier/timeliness.js';
import { foldVietnamese } from '../text/fold.js';
import type { StatisticsFacts } from './contributions.js';
import type { StatisticsLevel } from './series.js';

export type ImportField =
  | 'code'
  | 'province'
  | 'agencyCode'
  | 'agencyName'
  | 'agencyLevel'
  | 'receivingAgencyCode'
  | 'receivingAgencyName'
  | 'procedureCode'
  | 'procedureName'
  | 'field'
  | 'onlineLevel'
  | 'replaceable'
  | 'channel'
  | 'status'
  | 'receivedAt'
  | 'dueAt'
  | 'completedAt'
  | 'result'
  | 'returnedAt'
  | 'closedAt'
  | 'fromData'
  | 'applicantName'
  | 'applicantAddress'
  | 'applicantPhone'
  | 'summary'
  | 'sets'
  | 'receiver'
  | 'note';

/** Accepted column names, compared folded (no accents, lower case, spaces and dashes as '_'). */
export const IMPORT_COLUMN_ALIASES: Record<ImportField, readonly string[]> = {
  code: ['code', 'ma_ho_so', 'mahoso', 'so_ho_so', 'dossier_code'],
  province: ['province', 'province_code', 'ma_tinh', 'tinh'],
  agencyCode: [
    'agency_code',
    'ma_co_quan',
    'ma_don_vi',
    'madonvi',
    'donvixuly',
    'don_vi_xu_ly',
    'co_quan_giai_quyet_ma',
  ],
  agencyName: ['agency_name', 'agency', 'co_quan', 'co_quan_giai_quyet', 'ten_co_quan', 'ten_don_vi', 'tendonvi'],
  agencyLevel: ['agency_level', 'level', 'cap', 'cap_giai_quyet'],
  receivingAgencyCode: ['receiving_agency_code', 'noi_tiep_nhan_ma', 'ma_noi_tiep_nhan', 'noinophoso'],
  receivingAgencyName: ['receiving_agency_name', 'noi_tiep_nhan', 'ten_noi_tiep_nhan'],
  procedureCode: ['procedure_code', 'ma_tthc', 'matthc', 'ma_thu_tuc'],
  procedureName: ['procedure_name', 'ten_tthc', 'tentthc', 'ten_thu_tuc', 'thu_tuc'],
  field: ['field', 'field_name', 'linh_vuc', 'ten_linh_vuc', 'tenlinhvuc'],
  onlineLevel: ['online_level', 'muc_do', 'muc_do_dvc', 'muc_do_dvctt', 'hinh_thuc_dvc'],
  replaceable: ['replaceable', 'co_thanh_phan_thay_the', 'thanh_phan_thay_the_bang_du_lieu'],
  channel: ['channel', 'kenh', 'kenh_thuc_hien', 'kenhthuchien', 'hinh_thuc_nop'],
  status: ['status', 'trang_thai', 'trangthaihoso', 'trang_thai_ho_so'],
  receivedAt: ['received_at', 'ngay_tiep_nhan', 'ngaytiepnhan', 'ngay_nhan'],
  dueAt: ['due_at', 'legal_due_at', 'ngay_hen_tra', 'ngayhentra', 'han_giai_quyet', 'ngay_hen_tra_ket_qua'],
  completedAt: [
    'completed_at',
    'ngay_ket_thuc_xu_ly',
    'ngayketthucxuly',
    'ngay_co_ket_qua',
    'ngay_giai_quyet',
    'ngay_xu_ly_xong',
  ],
  result: ['result', 'completion_class', 'ket_qua', 'ket_qua_giai_quyet', 'tien_do'],
  returnedAt: ['returned_at', 'ngay_tra', 'ngaytra', 'ngay_tra_ket_qua'],
  closedAt: ['closed_at', 'ngay_tu_choi', 'ngaytuchoi', 'ngay_rut', 'ngay_dung', 'ngay_ket_thuc'],
  fromData: ['from_data', 'thay_the_bang_du_lieu', 'su_dung_du_lieu', 'tai_su_dung_du_lieu'],
  applicantName: ['applicant_name', 'chu_ho_so', 'chuhoso', 'nguoi_nop', 'ten_to_chuc_ca_nhan'],
  applicantAddress: ['applicant_address', 'dia_chi', 'diachi', 'dia_chi_chu_ho_so'],
  applicantPhone: ['applicant_phone', 'so_dien_thoai', 'sodienthoai', 'dien_thoai'],
  summary: ['summary', 'trich_yeu', 'trichyeuhoso', 'trich_yeu_ho_so'],
  sets: ['sets', 'so_bo', 'so_luong_ho_so'],
  receiver: ['receiver', 'nguoi_tiep_nhan', 'can_bo_tiep_nhan'],
  note: ['note', 'ghi_chu', 'ghichu'],
};

/** Folds a column name for matching: 'Ngày tiếp nhận' → 'ngay_tiep_nhan', 'NgayTiepNhan' → 'ngaytiepnhan'. */
export const foldColumnName = (name: string): string =>
  foldVietnamese(name.replace(/^\uFEFF/, ''))
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');

const ALIAS_INDEX: ReadonlyMap<string, ImportField> = new Map(
  (Object.entries(IMPORT_COLUMN_ALIASES) as [ImportField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field] as const),
  ),
);

/** Maps the columns of a file to import fields; unknown columns are reported and ignored. */
export const mapImportColumns = (
  columns: readonly string[],
): { fields: Map<string, ImportField>; unknown: string[] } => {
  const fields = new Map<string, ImportField>();
  const unknown: string[] = [];
  const taken = new Set<ImportField>();
  for (const column of columns) {
    const field = ALIAS_INDEX.get(foldColumnName(column));
    if (field && !taken.has(field)) {
      fields.set(column, field);
      taken.add(field);
    } else {
      unknown.push(column);
    }
  }
  return { fields, unknown };
};

export type ImportIssue = {
  severity: 'error' | 'warning';
  field: ImportField | 'row';
  code: string;
  message: { vi: string; en: string };
};

/** A validated row: what is stored and counted. Instants are epoch ms. */
export type HistoricalDossierInput = {
  code: string;
  provinceCode: string;
  agencyCode: string | null;
  agencyName: string | null;
  agencyLevel: StatisticsLevel | null;
  receivingAgencyCode: string | null;
  receivingAgencyName: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  fieldName: string | null;
  onlineFull: boolean | null;
  replaceable: boolean | null;
  channel: DossierChannel;
  status: 'open' | 'completed' | 'returned' | 'withdrawn' | 'stopped' | 'refused';
  receivedAt: number | null;
  dueAt: number | null;
  completedAt: number | null;
  completionClass: CompletionClass | null;
  returnedAt: number | null;
  closedAt: number | null;
  fromData: boolean;
  applicantName: string | null;
  applicantAddress: string | null;
  applicantPhone: string | null;
  summary: string | null;
  sets: number;
  receiver: string | null;
  note: string | null;
};

const OFFSET_MS = 7 * 3_600_000;
const END_OF_DAY_MS = 86_400_000 - 1;

/**
 * Parses a date or date-time, Vietnam time unless an offset is given:
 * '22/11/2026', '22/11/2026 14:30', '22/11/2026 14:30:05', '22-11-2026', '2026-11-22',
 * '2026-11-22T14:30:00', '2026-11-22T14:30:00+07:00', '…Z', '20261122143000' (DVCQG yyyyMMddHHmmss),
 * '20261122'. Returns the instant and whether a time of day was given; undefined if unreadable.
 */
export const parseImportDateTime = (raw: string): { ms: number; hasTime: boolean } | undefined => {
  const value = raw.trim();
  type Parts = { y: number; mo: number; d: number; h?: number; mi?: number; s?: number; offsetMin?: number };
  let parts: Parts | undefined;
  const withTime = (base: Parts, h?: string, mi?: string, s?: string): Parts =>
    h === undefined ? base : { ...base, h: Number(h), mi: Number(mi), s: Number(s ?? 0) };
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$/i.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    value,
  );
  const compact = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(value);
  if (vietnamese) {
    parts = withTime(
      { d: Number(vietnamese[1]), mo: Number(vietnamese[2]), y: Number(vietnamese[3]) },
      vietnamese[4],
      vietnamese[5],
      vietnamese[6],
    );
  } else if (iso) {
    parts = withTime({ y: Number(iso[1]), mo: Number(iso[2]), d: Number(iso[3]) }, iso[4], iso[5], iso[6]);
    const zone = iso[7];
    if (iso[4] !== undefined && zone === 'Z') {
      parts.offsetMin = 0;
    } else if (iso[4] !== undefined && zone) {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      parts.offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
  } else if (compact) {
    parts = withTime(
      { y: Number(compact[1]), mo: Number(compact[2]), d: Number(compact[3]) },
      compact[4],
      compact[5],
      compact[6],
    );
  }
  if (!parts) {
    return undefined;
  }
  const { y, mo, d } = parts;
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > getDaysInMonth(y, mo)) {
    return undefined;
  }
  const hasTime = parts.h !== undefined;
  const h = parts.h ?? 0;
  const mi = parts.mi ?? 0;
  const s = parts.s ?? 0;
  if (h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  const offset = parts.offsetMin === undefined ? OFFSET_MS : parts.offsetMin * 60_000;
  return { ms: Date.UTC(y, mo - 1, d, h, mi, s) - offset, hasTime };
};

const CHANNELS: Record<string, DossierChannel> = {
  '1': 'direct',
  direct: 'direct',
  truc_tiep: 'direct',
  tructiep: 'direct',
  in_person: 'direct',
  '2': 'online',
  online: 'online',
  truc_tuyen: 'online',
  tructuyen: 'online',
  '3': 'postal',
  postal: 'postal',
  post: 'postal',
  buu_chinh: 'postal',
  buu_chinh_cong_ich: 'postal',
  buu_dien: 'postal',
  bcci: 'postal',
  dich_vu_buu_chinh_cong_ich: 'postal',
};

type Status = HistoricalDossierInput['status'];

/** DVCQG TrangThaiHoSo codes and names (regulations brief §1.1). */
const STATUSES: Record<string, Status | 'pending'> = {
  '1': 'pending',
  new: 'pending',
  moi_dang_ky: 'pending',
  '2': 'open',
  received: 'open',
  duoc_tiep_nhan: 'open',
  da_tiep_nhan: 'open',
  '3': 'refused',
  refused: 'refused',
  khong_duoc_tiep_nhan: 'refused',
  tu_choi: 'refused',
  '4': 'open',
  processing: 'open',
  open: 'open',
  dang_xu_ly: 'open',
  dang_giai_quyet: 'open',
  '5': 'open',
  supplement_requested: 'open',
  yeu_cau_bo_sung: 'open',
  yeu_cau_bo_sung_giay_to: 'open',
  '6': 'open',
  financial_obligation: 'open',
  yeu_cau_thuc_hien_nghia_vu_tai_chinh: 'open',
  '7': 'withdrawn',
  withdrawn: 'withdrawn',
  rut_ho_so: 'withdrawn',
  cong_dan_yeu_cau_rut_ho_so: 'withdrawn',
  da_rut: 'withdrawn',
  '8': 'stopped',
  stopped: 'stopped',
  dung_xu_ly: 'stopped',
  dung_giai_quyet: 'stopped',
  '9': 'completed',
  completed: 'completed',
  resolved: 'completed',
  da_xu_ly_xong: 'completed',
  da_giai_quyet: 'completed',
  da_co_ket_qua: 'completed',
  '10': 'returned',
  returned: 'returned',
  da_tra_ket_qua: 'returned',
};

const RESULTS: Record<string, CompletionClass | 'none'> = {
  early: 'early',
  truoc_han: 'early',
  on_time: 'on_time',
  dung_han: 'on_time',
  late: 'late',
  qua_han: 'late',
  tre_han: 'late',
  none: 'none',
  no_deadline: 'none',
  khong_thoi_han: 'none',
  khong_quy_dinh_thoi_han: 'none',
};

const LEVELS: Record<string, StatisticsLevel> = {
  province: 'province',
  tinh: 'province',
  cap_tinh: 'province',
  district: 'district',
  huyen: 'district',
  cap_huyen: 'district',
  commune: 'commune',
  xa: 'commune',
  cap_xa: 'commune',
  ministry: 'ministry',
  bo: 'ministry',
  cap_bo: 'ministry',
};

const ONLINE_FULL: Record<string, boolean> = {
  full: true,
  toan_trinh: true,
  muc_4: true,
  '4': true,
  partial: false,
  mot_phan: false,
  muc_3: false,
  '3': false,
  none: false,
  khong: false,
  muc_2: false,
  '2': false,
  muc_1: false,
  '1': false,
};

const BOOLEANS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  co: true,
  x: true,
  false: false,
  '0': false,
  no: false,
  khong: false,
  '': false,
};

const foldValue = (value: string): string =>
  foldVietnamese(value)
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_');

export type RawImportRow = Partial<Record<ImportField, string>>;

/** A cell value from CSV or JSON as text ('' for empty). */
export const toCellText = (value: unknown): string => {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value.trim();
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
};

const issue = (
  severity: ImportIssue['severity'],
  field: ImportIssue['field'],
  code: string,
  vi: string,
  en: string,
): ImportIssue => ({
  severity,
  field,
  code,
  message: { vi, en },
});

const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._\-/:]{0,79}$/u;

/**
 * Validates one row. Errors reject the row (nothing of it is imported); warnings are kept with the
 * imported row. `defaultProvince` comes from the command line (--province) when the file has no
 * province column.
 */
export const validateImportRow = (
  raw: RawImportRow,
  options: { defaultProvince?: string | undefined },
): { row?: HistoricalDossierInput; issues: ImportIssue[] } => {
  const issues: ImportIssue[] = [];
  const text = (field: ImportField): string | null => {
    const value = raw[field]?.trim();
    return value === undefined || value === '' ? null : value;
  };
  // One bad value is one problem: once a field has an error, what follows from it (an unreadable
  // date received is also "missing") is not reported again, so each bad value is counted once.
  const failed = new Set<ImportIssue['field']>();
  const error = (field: ImportIssue['field'], code: string, vi: string, en: string) => {
    if (!failed.has(field)) {
      failed.add(field);
      issues.push(issue('error', field, code, vi, en));
    }
  };
  const warn = (field: ImportIssue['field'], code: string, vi: string, en: string) => {
    if (!failed.has(field)) {
      issues.push(issue('warning', field, code, vi, en));
    }
  };

  const code = text('code');
  if (code === null) {
    error('code', 'CODE_MISSING', 'Thiếu mã hồ sơ.', 'The dossier code is missing.');
  } else if (!CODE_PATTERN.test(code)) {
    error(
      'code',
      'CODE_INVALID',
      `Mã hồ sơ "${code.slice(0, 40)}" không hợp lệ.`,
      `Dossier code "${code.slice(0, 40)}" is invalid.`,
    );
  }

  const givenProvince = text('province') ?? options.defaultProvince ?? '';
  const province = /^\d$/.test(givenProvince) ? `0${givenProvince}` : givenProvince;
  if (!/^\d{2}$/.test(province)) {
    error(
      'province',
      'PROVINCE_MISSING',
      'Thiếu mã tỉnh (cột province hoặc tham số --province, 2 chữ số).',
      'The province code is missing (province column or --province, 2 digits).',
    );
  }

  const agencyCode = text('agencyCode');
  const agencyName = text('agencyName');
  if (agencyCode === null && agencyName === null) {
    error(
      'agencyCode',
      'AGENCY_MISSING',
      'Thiếu cơ quan giải quyết (mã hoặc tên).',
      'The handling agency (code or name) is missing.',
    );
  }

  const readDate = (field: ImportField, endOfDay: boolean): number | null => {
    const value = text(field);
    if (value === null) {
      return null;
    }
    const parsed = parseImportDateTime(value);
    if (!parsed) {
      error(
        field,
        'DATE_INVALID',
        `Ngày "${value.slice(0, 30)}" không đọc được (dd/mm/yyyy [hh:mm], yyyy-mm-dd hoặc ISO 8601).`,
        `Date "${value.slice(0, 30)}" is unreadable (dd/mm/yyyy [hh:mm], yyyy-mm-dd or ISO 8601).`,
      );
      return null;
    }
    // A due date without a time is due by the end of that day: a result on the day is on time.
    return !parsed.hasTime && endOfDay ? parsed.ms + END_OF_DAY_MS : parsed.ms;
  };
  const receivedAt = readDate('receivedAt', false);
  const dueAt = readDate('dueAt', true);
  let completedAt = readDate('completedAt', false);
  const returnedAt = readDate('returnedAt', false);
  let closedAt = readDate('closedAt', false);

  const channelText = text('channel');
  let channel: DossierChannel = 'direct';
  if (channelText === null) {
    // QĐ 766 (tỷ lệ hồ sơ theo hình thức nộp): a dossier without channel data counts as direct.
    warn(
      'channel',
      'CHANNEL_MISSING',
      'Không có kênh nộp: tính là trực tiếp (theo QĐ 766).',
      'No channel: counted as in person (Decision 766).',
    );
  } else {
    const found = CHANNELS[foldValue(channelText)];
    if (found) {
      channel = found;
    } else {
      error(
        'channel',
        'CHANNEL_INVALID',
        `Kênh nộp "${channelText.slice(0, 30)}" không hợp lệ.`,
        `Channel "${channelText.slice(0, 30)}" is invalid.`,
      );
    }
  }

  const statusText = text('status');
  let status: Status | 'pending' | undefined;
  if (statusText !== null) {
    status = STATUSES[foldValue(statusText)];
    if (!status) {
      error(
        'status',
        'STATUS_INVALID',
        `Trạng thái "${statusText.slice(0, 30)}" không hợp lệ.`,
        `Status "${statusText.slice(0, 30)}" is invalid.`,
      );
    }
  }
  if (status === 'pending') {
    error(
      'status',
      'STATUS_NOT_RECEIVED',
      'Hồ sơ mới đăng ký, chưa tiếp nhận: không thuộc số liệu thống kê, không nhập.',
      'A dossier not received yet is not part of the statistics; not imported.',
    );
  }
  if (status === undefined || status === 'pending') {
    status = returnedAt !== null ? 'returned' : completedAt !== null ? 'completed' : 'open';
  }
  if (status === 'open' && (completedAt !== null || returnedAt !== null)) {
    warn(
      'status',
      'STATUS_OPEN_WITH_RESULT',
      'Trạng thái là đang giải quyết nhưng có ngày có kết quả hoặc ngày trả: giữ theo trạng thái, bỏ qua các ngày đó.',
      'The status says in progress but result or return dates are given: the status is kept, the dates ignored.',
    );
  }
  if (status === 'returned' && completedAt === null && returnedAt !== null) {
    // The result was ready no later than it was handed over.
    completedAt = returnedAt;
    warn(
      'completedAt',
      'COMPLETED_FROM_RETURNED',
      'Không có ngày có kết quả: lấy ngày trả kết quả.',
      'No result date: the return date is used.',
    );
  }
  if ((status === 'completed' || status === 'returned') && completedAt === null) {
    error(
      'completedAt',
      'COMPLETED_MISSING',
      'Hồ sơ đã giải quyết nhưng thiếu ngày có kết quả.',
      'A resolved dossier needs its result date.',
    );
  }
  if ((status === 'withdrawn' || status === 'stopped' || status === 'refused') && closedAt === null) {
    closedAt = completedAt ?? returnedAt ?? null;
    if (closedAt === null) {
      error(
        'closedAt',
        'CLOSED_AT_MISSING',
        'Hồ sơ rút, dừng hoặc từ chối cần ngày kết thúc (closed_at).',
        'A withdrawn, stopped or refused dossier needs its closing date (closed_at).',
      );
    }
  }
  if (receivedAt === null && status !== 'refused') {
    error('receivedAt', 'RECEIVED_MISSING', 'Thiếu ngày tiếp nhận.', 'The date received is missing.');
  }
  const before = (a: number | null, b: number | null) =>
    a !== null && b !== null && getLocalDayNumber(a) < getLocalDayNumber(b);
  if (before(completedAt, receivedAt)) {
    error(
      'completedAt',
      'COMPLETED_BEFORE_RECEIVED',
      'Ngày có kết quả trước ngày tiếp nhận.',
      'The result date is before the date received.',
    );
  }
  if (before(returnedAt, completedAt)) {
    error(
      'returnedAt',
      'RETURNED_BEFORE_COMPLETED',
      'Ngày trả kết quả trước ngày có kết quả.',
      'The return date is before the result date.',
    );
  }
  if (before(dueAt, receivedAt)) {
    error(
      'dueAt',
      'DUE_BEFORE_RECEIVED',
      'Ngày hẹn trả trước ngày tiếp nhận.',
      'The due date is before the date received.',
    );
  }
  if (before(closedAt, receivedAt)) {
    error(
      'closedAt',
      'CLOSED_BEFORE_RECEIVED',
      'Ngày kết thúc trước ngày tiếp nhận.',
      'The closing date is before the date received.',
    );
  }

  // Early / on time / late: as stated in the file (its own official record) or, when absent, by the
  // rule of the engine (classifyCompletion: early = a day before the due day; on time = on the due
  // day, not after the due instant; late = after it).
  let completionClass: CompletionClass | null = null;
  if (status === 'completed' || status === 'returned') {
    const resultText = text('result');
    const computed = completedAt !== null && dueAt !== null ? classifyCompletion(completedAt, dueAt) : null;
    if (resultText !== null) {
      const stated = RESULTS[foldValue(resultText)];
      if (!stated) {
        error(
          'result',
          'RESULT_INVALID',
          `Kết quả "${resultText.slice(0, 30)}" không hợp lệ (trước hạn, đúng hạn, quá hạn).`,
          `Result "${resultText.slice(0, 30)}" is invalid (early, on time, late).`,
        );
      } else {
        completionClass = stated === 'none' ? null : stated;
        if (computed !== null && stated !== 'none' && computed !== stated) {
          warn(
            'result',
            'RESULT_DIFFERS_FROM_DATES',
            `Kết quả ghi "${resultText}" khác với kết quả tính từ ngày hẹn và ngày có kết quả (${computed}); giữ theo tệp.`,
            `The stated result "${resultText}" differs from the dates (${computed}); the file is kept.`,
          );
        }
      }
    } else {
      completionClass = computed;
      if (dueAt === null) {
        warn(
          'dueAt',
          'NO_DEADLINE',
          'Không có ngày hẹn trả: tính là hồ sơ không quy định thời hạn.',
          'No due date: counted as a procedure without a time limit.',
        );
      }
    }
  }

  const levelText = text('agencyLevel');
  let agencyLevel: StatisticsLevel | null = null;
  if (levelText !== null) {
    agencyLevel = LEVELS[foldValue(levelText)] ?? null;
    if (!agencyLevel) {
      error(
        'agencyLevel',
        'LEVEL_INVALID',
        `Cấp "${levelText.slice(0, 30)}" không hợp lệ (tỉnh, huyện, xã).`,
        `Level "${levelText.slice(0, 30)}" is invalid (province, district, commune).`,
      );
    }
  }
  const onlineText = text('onlineLevel');
  let onlineFull: boolean | null = null;
  if (onlineText !== null) {
    onlineFull = ONLINE_FULL[foldValue(onlineText)] ?? null;
    if (onlineFull === null) {
      error(
        'onlineLevel',
        'ONLINE_LEVEL_INVALID',
        `Mức độ DVC "${onlineText.slice(0, 30)}" không hợp lệ.`,
        `Online level "${onlineText.slice(0, 30)}" is invalid.`,
      );
    }
  }
  const readBoolean = (field: ImportField): boolean | null => {
    const value = text(field);
    if (value === null) {
      return null;
    }
    const parsed = BOOLEANS[foldValue(value)];
    if (parsed === undefined) {
      error(
        field,
        'BOOLEAN_INVALID',
        `Giá trị "${value.slice(0, 20)}" phải là có/không.`,
        `Value "${value.slice(0, 20)}" must be yes/no.`,
      );
      return null;
    }
    return parsed;
  };
  const fromData = readBoolean('fromData') ?? false;
  const replaceable = readBoolean('replaceable');
  const setsText = text('sets');
  let sets = 1;
  if (setsText !== null) {
    sets = Number(setsText);
    if (!Number.isInteger(sets) || sets < 0 || sets > 999) {
      error(
        'sets',
        'SETS_INVALID',
        'Số bộ hồ sơ phải là số nguyên 0–999.',
        'The number of sets must be a whole number 0–999.',
      );
    }
  }
  if (text('procedureCode') === null && text('procedureName') === null) {
    warn('procedureCode', 'PROCEDURE_MISSING', 'Không có mã, tên thủ tục.', 'No procedure code or name.');
  }

  if (issues.some((i) => i.severity === 'error')) {
    return { issues };
  }
  const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));
  return {
    row: {
      code: code ?? '',
      provinceCode: province,
      agencyCode: clip(agencyCode, 64),
      agencyName: clip(agencyName, 300),
      agencyLevel,
      receivingAgencyCode: clip(text('receivingAgencyCode'), 64),
      receivingAgencyName: clip(text('receivingAgencyName'), 300),
      procedureCode: clip(text('procedureCode'), 64),
      procedureName: clip(text('procedureName'), 500),
      fieldName: clip(text('field'), 300),
      onlineFull,
      replaceable,
      channel,
      status,
      receivedAt,
      dueAt,
      completedAt: status === 'completed' || status === 'returned' ? completedAt : null,
      completionClass,
      returnedAt: status === 'returned' ? returnedAt : null,
      closedAt: status === 'withdrawn' || status === 'stopped' || status === 'refused' ? closedAt : null,
      fromData,
      applicantName: clip(text('applicantName'), 300),
      applicantAddress: clip(text('applicantAddress'), 500),
      applicantPhone: clip(text('applicantPhone'), 30),
      summary: clip(text('summary'), 1000),
      sets,
      receiver: clip(text('receiver'), 200),
      note: clip(text('note'), 500),
    },
    issues,
  };
};

/** The statistics facts of a validated historical row (same rules as for the engine's dossiers). */
export const toHistoricalFacts = (row: HistoricalDossierInput): StatisticsFacts => ({
  phase:
    row.status === 'open' ? 'open' : row.status === 'completed' || row.status === 'returned' ? 'resolved' : row.status,
  receivedAt: row.receivedAt,
  legalDueAt: row.dueAt,
  completedAt: row.completedAt,
  completionClass: row.completionClass,
  returnedAt: row.returnedAt,
  closedAt: row.closedAt,
  fromData: row.fromData,
});

/**
 * A short name for every issue code an import reports (row by row, or once for the whole file), for
 * the totals of a run: "Thiếu ngày tiếp nhận ×12". The row's own message says more (which value).
 */
export const IMPORT_ISSUE_LABELS: Record<string, { vi: string; en: string }> = {
  CODE_MISSING: { vi: 'Thiếu mã hồ sơ', en: 'Dossier code missing' },
  CODE_INVALID: { vi: 'Mã hồ sơ không hợp lệ', en: 'Invalid dossier code' },
  PROVINCE_MISSING: { vi: 'Thiếu mã tỉnh', en: 'Province code missing' },
  PROVINCE_OTHER: { vi: 'Hồ sơ của tỉnh khác', en: 'Dossier of another province' },
  AGENCY_MISSING: { vi: 'Thiếu cơ quan giải quyết', en: 'Handling agency missing' },
  AGENCY_OTHER_PROVINCE: { vi: 'Cơ quan thuộc tỉnh khác', en: 'Agency of another province' },
  AGENCY_NOT_IN_MOTCUA: {
    vi: 'Cơ quan chưa có trong hệ thống (tính theo mã, tên trong tệp)',
    en: 'Agency not in motcua (counted under the file’s code and name)',
  },
  DATE_INVALID: { vi: 'Ngày không đọc được', en: 'Unreadable date' },
  RECEIVED_MISSING: { vi: 'Thiếu ngày tiếp nhận', en: 'Date received missing' },
  COMPLETED_MISSING: { vi: 'Đã giải quyết nhưng thiếu ngày có kết quả', en: 'Resolved without a result date' },
  COMPLETED_BEFORE_RECEIVED: { vi: 'Ngày có kết quả trước ngày tiếp nhận', en: 'Result before receipt' },
  RETURNED_BEFORE_COMPLETED: { vi: 'Ngày trả trước ngày có kết quả', en: 'Returned before the result' },
  DUE_BEFORE_RECEIVED: { vi: 'Ngày hẹn trả trước ngày tiếp nhận', en: 'Due before receipt' },
  CLOSED_AT_MISSING: { vi: 'Thiếu ngày rút, dừng hoặc từ chối', en: 'Closing date missing' },
  CLOSED_BEFORE_RECEIVED: { vi: 'Ngày kết thúc trước ngày tiếp nhận', en: 'Closed before receipt' },
  STATUS_INVALID: { vi: 'Trạng thái không hợp lệ', en: 'Invalid status' },
  STATUS_NOT_RECEIVED: { vi: 'Hồ sơ chưa được tiếp nhận', en: 'Dossier not received yet' },
  STATUS_OPEN_WITH_RESULT: {
    vi: 'Đang giải quyết nhưng có ngày có kết quả',
    en: 'In progress but with a result date',
  },
  CHANNEL_INVALID: { vi: 'Kênh nộp không hợp lệ', en: 'Invalid channel' },
  CHANNEL_MISSING: { vi: 'Không có kênh nộp (tính là trực tiếp)', en: 'No channel (counted as in person)' },
  RESULT_INVALID: { vi: 'Kết quả giải quyết không hợp lệ', en: 'Invalid outcome' },
  RESULT_DIFFERS_FROM_DATES: {
    vi: 'Kết quả ghi trong tệp khác với các ngày',
    en: 'Stated outcome differs from the dates',
  },
  NO_DEADLINE: { vi: 'Không có ngày hẹn trả (không thời hạn)', en: 'No due date (no time limit)' },
  COMPLETED_FROM_RETURNED: { vi: 'Lấy ngày trả làm ngày có kết quả', en: 'Return date used as result date' },
  LEVEL_INVALID: { vi: 'Cấp giải quyết không hợp lệ', en: 'Invalid level' },
  ONLINE_LEVEL_INVALID: { vi: 'Mức độ trực tuyến không hợp lệ', en: 'Invalid online level' },
  BOOLEAN_INVALID: { vi: 'Giá trị có/không không hợp lệ', en: 'Invalid yes/no value' },
  SETS_INVALID: { vi: 'Số bộ hồ sơ không hợp lệ', en: 'Invalid number of sets' },
  PROCEDURE_MISSING: { vi: 'Không có mã, tên thủ tục', en: 'No procedure code or name' },
  DUPLICATE_IN_FILE: { vi: 'Mã hồ sơ trùng trong tệp', en: 'Dossier code twice in the file' },
  ROW_UNREADABLE: { vi: 'Dòng không đọc được', en: 'Unreadable line' },
  IGNORED_COLUMNS: { vi: 'Cột không dùng đến', en: 'Columns ignored' },
};

/**
 * The readable name of an issue code; `IGNORED_COLUMNS:a,b` names its columns. An unknown code is
 * shown as it is.
 */
export const describeImportIssue = (code: string): { vi: string; en: string } => {
  const colon = code.indexOf(':');
  const base = colon < 0 ? code : code.slice(0, colon);
  const detail = colon < 0 ? '' : code.slice(colon + 1);
  const label = IMPORT_ISSUE_LABELS[base];
  if (!label) {
    return { vi: code, en: code };
  }
  return detail ? { vi: `${label.vi}: ${detail}`, en: `${label.en}: ${detail}` } : label;
};
