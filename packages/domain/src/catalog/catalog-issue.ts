import { z } from 'zod';

/**
 * Issues raised while turning a scraped National TTHC database record into catalog content.
 *
 * Every repair, assumption and rejection is reported with a stable code, so an import run can be
 * reviewed (and re-run) without anything being changed silently. Severity says who has to act:
 * - `info`: a documented mechanical normalisation or assumption; nobody needs to act.
 * - `warning`: the content was repaired or is incomplete; a province admin should review it
 *   against the source page before publishing (Decree 63/2010 Art. 8, as amended by
 *   Decree 92/2017: a published procedure must state time limits, fees and dossier components).
 * - `error`: the record cannot be a procedure and was rejected.
 *
 * Codes are part of the API (stored with import logs, shown in the admin console): never rename
 * one, only add.
 */
export const IssueSeverity = z.enum(['info', 'warning', 'error']);
export type IssueSeverity = z.infer<typeof IssueSeverity>;

export const CatalogIssue = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  severity: IssueSeverity,
  /** Path in the source record, e.g. `channels[2].time_unit`. */
  field: z.string(),
  message: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
});
export type CatalogIssue = z.infer<typeof CatalogIssue>;

type Params = Readonly<Record<string, string | number>>;

interface IssueDefinition {
  readonly severity: IssueSeverity;
  readonly vi: (p: Params) => string;
  readonly en: (p: Params) => string;
}

const s = (p: Params, key: string): string => String(p[key] ?? '');

/** Table of every issue the catalog normaliser can raise. */
const ISSUES = {
  // --- rejections -------------------------------------------------------------------------------
  RECORD_NOT_OBJECT: {
    severity: 'error',
    vi: () => 'Bản ghi không phải là một đối tượng JSON.',
    en: () => 'The record is not a JSON object.',
  },
  MISSING_CODE_AND_NAME: {
    severity: 'error',
    vi: () => 'Bản ghi không có mã và không có tên thủ tục, không thể là một thủ tục hành chính.',
    en: () => 'The record has neither a procedure code nor a name, so it cannot be a procedure.',
  },
  MISSING_NAME: {
    severity: 'error',
    vi: () => 'Bản ghi không có tên thủ tục hành chính; thủ tục không có tên thì không thể công bố.',
    en: () => 'The record has no procedure name; a procedure without a name cannot be published.',
  },
  CODE_MALFORMED: {
    severity: 'error',
    vi: (p) => `Mã thủ tục "${s(p, 'value')}" không đúng định dạng N.NNNNNN và không sửa được.`,
    en: (p) => `Procedure code "${s(p, 'value')}" is not in the N.NNNNNN format and cannot be repaired.`,
  },
  CONTENT_INVALID: {
    severity: 'error',
    vi: (p) => `Nội dung sau chuẩn hoá không hợp lệ: ${s(p, 'detail')}`,
    en: (p) => `The normalised content is invalid: ${s(p, 'detail')}`,
  },
  // --- identity ---------------------------------------------------------------------------------
  CODE_REPAIRED: {
    severity: 'warning',
    vi: (p) => `Mã thủ tục "${s(p, 'from')}" được chuẩn hoá thành "${s(p, 'to')}".`,
    en: (p) => `Procedure code "${s(p, 'from')}" was normalised to "${s(p, 'to')}".`,
  },
  MISSING_CODE: {
    severity: 'warning',
    vi: () => 'Bản ghi không có mã thủ tục quốc gia; cần gán mã trước khi công bố.',
    en: () => 'The record has no national procedure code; assign one before publishing.',
  },
  FIELD_MISSING: {
    severity: 'warning',
    vi: () => 'Thiếu lĩnh vực; tạm ghi "Chưa phân loại".',
    en: () => 'The field (lĩnh vực) is missing; recorded as "Chưa phân loại" (unclassified).',
  },
  VALUE_TYPE_INVALID: {
    severity: 'warning',
    vi: (p) => `Trường có kiểu dữ liệu không hợp lệ (cần ${s(p, 'expected')}), đã bỏ qua.`,
    en: (p) => `The field has an invalid type (expected ${s(p, 'expected')}) and was ignored.`,
  },
  // --- levels -----------------------------------------------------------------------------------
  LEVEL_DISTRICT_REMAPPED: {
    severity: 'warning',
    vi: () =>
      'Từ ngày 01/7/2025 không còn cấp huyện (Luật Tổ chức chính quyền địa phương 2025, Nghị định 118/2025/NĐ-CP); ' +
      'thẩm quyền cấp huyện được chuyển về cấp xã.',
    en: () =>
      'Since 1 July 2025 there is no district level (Law on Local Government 2025, Decree 118/2025/NĐ-CP); ' +
      'the district competence was remapped to the commune level.',
  },
  LEVEL_OTHER_AGENCY_DROPPED: {
    severity: 'info',
    vi: () => 'Cấp "Cơ quan khác" không thuộc cấp bộ, tỉnh hay xã nên không được ghi vào cấp thực hiện.',
    en: () => 'The "Cơ quan khác" (other agency) level is not a ministry, province or commune level and was dropped.',
  },
  LEVEL_UNKNOWN_DROPPED: {
    severity: 'warning',
    vi: (p) => `Cấp thực hiện không xác định "${s(p, 'value')}", đã bỏ qua.`,
    en: (p) => `Unknown implementation level "${s(p, 'value')}" was dropped.`,
  },
  LEVELS_MISSING: {
    severity: 'warning',
    vi: () => 'Không xác định được cấp thực hiện (bộ, tỉnh, xã); cần chọn trước khi áp dụng tại địa phương.',
    en: () => 'No implementation level (ministry, province, commune) is known; choose one before local use.',
  },
  // --- channels and time limits -----------------------------------------------------------------
  CHANNELS_MISSING: {
    severity: 'warning',
    vi: () => 'Không có cách thức thực hiện (trực tiếp, trực tuyến, bưu chính) nào.',
    en: () => 'No submission channel (in person, online, postal) is published.',
  },
  CHANNEL_UNKNOWN_DROPPED: {
    severity: 'warning',
    vi: (p) => `Cách thức thực hiện không xác định "${s(p, 'value')}", đã bỏ qua.`,
    en: (p) => `Unknown submission channel "${s(p, 'value')}" was dropped.`,
  },
  CHANNEL_DUPLICATE_MERGED: {
    severity: 'info',
    vi: (p) => `Dòng cách thức thực hiện trùng lặp với dòng ${s(p, 'first')}, đã gộp.`,
    en: (p) => `The channel row duplicates row ${s(p, 'first')} and was merged.`,
  },
  CHANNEL_MULTIPLE_RULES: {
    severity: 'info',
    vi: (p) =>
      `Kênh "${s(p, 'channel')}" có ${s(p, 'count')} quy định khác nhau (theo từng trường hợp); ` +
      'giữ nguyên tất cả, xem phần mô tả của từng dòng.',
    en: (p) =>
      `Channel "${s(p, 'channel')}" has ${s(p, 'count')} different rules (per case); all were kept, ` +
      'see the description of each row.',
  },
  CHANNEL_UNPARSED: {
    severity: 'warning',
    vi: (p) =>
      `Không tách được thời hạn và phí, lệ phí từ văn bản "${s(p, 'text')}"; giữ nguyên văn bản, cần nhập lại thủ công.`,
    en: (p) =>
      `Could not split the time limit and fee out of "${s(p, 'text')}"; the text was kept, enter them by hand.`,
  },
  CHANNEL_UNPARSED_REPAIRED: {
    severity: 'warning',
    vi: (p) => `Đã tách văn bản "${s(p, 'text')}" thành thời hạn "${s(p, 'time')}" và phí, lệ phí "${s(p, 'fee')}".`,
    en: (p) => `Split the text "${s(p, 'text')}" into time limit "${s(p, 'time')}" and fee "${s(p, 'fee')}".`,
  },
  TIME_MISSING: {
    severity: 'warning',
    vi: () => 'Không có thời hạn giải quyết; cần nhập thủ công trước khi tính hạn trả kết quả.',
    en: () => 'No processing time limit is published; enter one before due dates can be computed.',
  },
  TIME_ZERO: {
    severity: 'warning',
    vi: () => 'Thời hạn giải quyết ghi là 0; coi như chưa có thời hạn.',
    en: () => 'The processing time limit is 0; treated as not published.',
  },
  TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS: {
    severity: 'warning',
    vi: (p) =>
      `Thời hạn "${s(p, 'value')}" không có đơn vị; giả định là ngày làm việc ` +
      '(đơn vị phổ biến nhất trên Cơ sở dữ liệu quốc gia về TTHC).',
    en: (p) =>
      `Time limit "${s(p, 'value')}" has no unit; assumed working days ` +
      '(the most common unit in the National TTHC database).',
  },
  TIME_UNIT_UNKNOWN: {
    severity: 'warning',
    vi: (p) => `Đơn vị thời hạn không xác định "${s(p, 'unit')}"; chưa tính được hạn.`,
    en: (p) => `Unknown time unit "${s(p, 'unit')}"; no due date can be computed.`,
  },
  TIME_FROM_DESCRIPTION: {
    severity: 'warning',
    vi: (p) => `Thời hạn "${s(p, 'time')}" được lấy từ phần mô tả vì cột thời hạn để trống.`,
    en: (p) => `Time limit "${s(p, 'time')}" was taken from the description because the time column is empty.`,
  },
  TIME_HOURS_AS_WORKING_HOURS: {
    severity: 'info',
    vi: (p) => `Thời hạn "${s(p, 'value')} giờ" được hiểu là giờ làm việc.`,
    en: (p) => `Time limit "${s(p, 'value')} hours" is read as working hours.`,
  },
  TIME_MONTHS_AS_CALENDAR_DAYS: {
    severity: 'warning',
    vi: (p) =>
      `Thời hạn "${s(p, 'value')} tháng" được quy đổi thành ${s(p, 'days')} ngày (mỗi tháng 30 ngày, ` +
      'khoản 1 Điều 146 Bộ luật Dân sự 2015); hạn chính xác tính theo ngày tương ứng của tháng cuối (Điều 148).',
    en: (p) =>
      `Time limit "${s(p, 'value')} months" was converted to ${s(p, 'days')} calendar days (30 days a month, ` +
      'Civil Code 2015 Art. 146(1)); the exact end is the same day of the last month (Art. 148).',
  },
  TIME_YEARS_AS_CALENDAR_DAYS: {
    severity: 'warning',
    vi: (p) =>
      `Thời hạn "${s(p, 'value')} năm" được quy đổi thành ${s(p, 'days')} ngày (mỗi năm 365 ngày, khoản 1 Điều 146 Bộ luật Dân sự 2015).`,
    en: (p) =>
      `Time limit "${s(p, 'value')} years" was converted to ${s(p, 'days')} calendar days (365 days a year, Civil Code 2015 Art. 146(1)).`,
  },
  TIME_WEEKS_AS_CALENDAR_DAYS: {
    severity: 'info',
    vi: (p) => `Thời hạn "${s(p, 'value')} tuần" được quy đổi thành ${s(p, 'days')} ngày.`,
    en: (p) => `Time limit "${s(p, 'value')} weeks" was converted to ${s(p, 'days')} calendar days.`,
  },
  TIME_MINUTES_ROUNDED_UP: {
    severity: 'info',
    vi: (p) => `Thời hạn "${s(p, 'value')} phút" được làm tròn lên ${s(p, 'hours')} giờ làm việc.`,
    en: (p) => `Time limit "${s(p, 'value')} minutes" was rounded up to ${s(p, 'hours')} working hours.`,
  },
  TIME_FRACTION_CONVERTED: {
    severity: 'info',
    vi: (p) =>
      `Thời hạn "${s(p, 'value')} ngày làm việc" được quy đổi thành ${s(p, 'hours')} giờ làm việc (8 giờ/ngày).`,
    en: (p) =>
      `Time limit "${s(p, 'value')} working days" was converted to ${s(p, 'hours')} working hours (8 hours a day).`,
  },
  TIME_FRACTION_ROUNDED_UP: {
    severity: 'warning',
    vi: (p) => `Thời hạn lẻ "${s(p, 'value')}" được làm tròn lên ${s(p, 'rounded')}.`,
    en: (p) => `Fractional time limit "${s(p, 'value')}" was rounded up to ${s(p, 'rounded')}.`,
  },
  TIME_SAME_DAY_CUTOFF_ASSUMED: {
    severity: 'info',
    vi: () => 'Giải quyết trong ngày: hồ sơ nhận sau 15 giờ được trả vào ngày làm việc tiếp theo.',
    en: () => 'Same-day processing: dossiers received after 15:00 are returned on the next working day.',
  },
  // --- fees -------------------------------------------------------------------------------------
  FEE_NOT_PUBLISHED: {
    severity: 'warning',
    vi: () => 'Cột phí, lệ phí để trống và phần mô tả không có mức thu; cần xác nhận có thu phí hay không.',
    en: () => 'The fee column is empty and the description states no amount; confirm whether a fee is charged.',
  },
  FEE_FROM_NOTES: {
    severity: 'warning',
    vi: (p) =>
      `Cột phí, lệ phí ghi "${s(p, 'column')}" nhưng phần mô tả có mức thu; đã dùng mức thu trong mô tả: ${s(p, 'amounts')}.`,
    en: (p) =>
      `The fee column says "${s(p, 'column')}" but the description states amounts; used the description: ${s(p, 'amounts')}.`,
  },
  FEE_SPLIT_FROM_DESCRIPTION: {
    severity: 'info',
    vi: (p) => `Phí, lệ phí "${s(p, 'fee')}" được tách từ đầu phần mô tả (cột phí, lệ phí bị dính vào mô tả).`,
    en: (p) => `Fee "${s(p, 'fee')}" was split off the start of the description (the fee column was glued to it).`,
  },
  FEE_AMOUNT_SCALE_REPAIRED: {
    severity: 'warning',
    vi: (p) =>
      `Mức thu "${s(p, 'column')}" bị mất phần nghìn khi trích xuất; phần mô tả ghi ${s(p, 'amount')} đồng, đã dùng mức này.`,
    en: (p) =>
      `Amount "${s(p, 'column')}" lost its thousands when scraped; the description says ${s(p, 'amount')} VND, which was used.`,
  },
  FEE_CURRENCY_FROM_NOTES: {
    severity: 'warning',
    vi: (p) => `Mức thu "${s(p, 'column')}" thực chất tính bằng USD theo phần mô tả; chưa quy đổi ra đồng.`,
    en: (p) => `Amount "${s(p, 'column')}" is in USD according to the description; not converted to VND.`,
  },
  FEE_AMOUNT_IMPLAUSIBLE: {
    severity: 'warning',
    vi: (p) =>
      `Mức thu "${s(p, 'column')}" dưới 1.000 đồng, nhiều khả năng bị mất phần nghìn khi trích xuất; cần nhập lại.`,
    en: (p) =>
      `Amount "${s(p, 'column')}" is under 1,000 VND and most likely lost its thousands when scraped; re-enter it.`,
  },
  FEE_FOREIGN_CURRENCY: {
    severity: 'info',
    vi: (p) => `Mức thu "${s(p, 'text')}" tính bằng ngoại tệ; giữ nguyên văn bản, không quy đổi ra đồng.`,
    en: (p) => `Amount "${s(p, 'text')}" is in a foreign currency; the text was kept and not converted to VND.`,
  },
  FEE_MULTIPLE_AMOUNTS: {
    severity: 'warning',
    vi: (p) =>
      `Phần mô tả nêu ${s(p, 'count')} mức thu khác nhau (có thể theo từng trường hợp); đã ghi thành từng khoản, cần kiểm tra.`,
    en: (p) =>
      `The description states ${s(p, 'count')} different amounts (possibly per case); each was recorded as a separate fee, review them.`,
  },
  FEE_RATE_NOT_FLAT: {
    severity: 'warning',
    vi: (p) => `Mức thu "${s(p, 'text')}" là tỷ lệ, đơn giá hoặc mức tối thiểu/tối đa, không phải số tiền cố định.`,
    en: (p) => `Fee "${s(p, 'text')}" is a rate, unit price or minimum/maximum, not a fixed amount.`,
  },
  FEE_TEXT_UNPARSED: {
    severity: 'warning',
    vi: (p) => `Không đọc được mức thu từ "${s(p, 'text')}"; giữ nguyên văn bản.`,
    en: (p) => `Could not read an amount from "${s(p, 'text')}"; the text was kept.`,
  },
  FEE_NOTE_AMOUNT_UNPARSED: {
    severity: 'warning',
    vi: () => 'Phần mô tả có nhắc tới số tiền nhưng không đọc được; cần kiểm tra mức thu.',
    en: () => 'The description mentions money that could not be read; check the amount.',
  },
  // --- documents --------------------------------------------------------------------------------
  DOCUMENTS_MISSING: {
    severity: 'warning',
    vi: () => 'Không có thành phần hồ sơ nào.',
    en: () => 'No dossier components are published.',
  },
  DOCUMENT_EMPTY_DROPPED: {
    severity: 'info',
    vi: (p) => `Thành phần hồ sơ không có nội dung ("${s(p, 'value')}"), đã bỏ.`,
    en: (p) => `A dossier component with no content ("${s(p, 'value')}") was dropped.`,
  },
  DUPLICATE_DOCUMENT_MERGED: {
    severity: 'info',
    vi: (p) => `Thành phần hồ sơ trùng với thành phần ở vị trí ${s(p, 'first')}, đã gộp.`,
    en: (p) => `The dossier component duplicates the one at position ${s(p, 'first')} and was merged.`,
  },
  DUPLICATE_DOCUMENT_COUNTS_DIFFER: {
    severity: 'warning',
    vi: (p) =>
      `Thành phần hồ sơ trùng với thành phần ở vị trí ${s(p, 'first')} nhưng số bản khác nhau; đã gộp và lấy số bản lớn hơn.`,
    en: (p) =>
      `The dossier component duplicates the one at position ${s(p, 'first')} with different counts; merged, keeping the larger counts.`,
  },
  DOCUMENT_NAME_TRUNCATED: {
    severity: 'info',
    vi: (p) =>
      `${s(p, 'count')} tên thành phần hồ sơ bị cắt ngắn ở nguồn (kết thúc bằng "…"); cần bổ sung từ trang gốc.`,
    en: (p) =>
      `${s(p, 'count')} component names are truncated in the source (ending in "…"); complete them from the source page.`,
  },
  DOCUMENT_COUNT_GLUED_DIGITS: {
    severity: 'warning',
    vi: (p) =>
      `Số bản "${s(p, 'value')}" bị dính với chữ số cuối của tên khi trích xuất; đã sửa thành ${s(p, 'count')} ` +
      `và trả "${s(p, 'digits')}" về cuối tên.`,
    en: (p) =>
      `Count "${s(p, 'value')}" was glued to the last digits of the name when scraped; repaired to ${s(p, 'count')} ` +
      `and "${s(p, 'digits')}" moved back to the name.`,
  },
  DOCUMENT_COUNT_FROM_NAME: {
    severity: 'info',
    vi: (p) => `Số bản trống nhưng tên ghi "${s(p, 'text')}"; đã lấy số bản theo tên.`,
    en: (p) => `The counts were empty but the name says "${s(p, 'text')}"; used that count.`,
  },
  DOCUMENT_COUNT_INVALID: {
    severity: 'warning',
    vi: (p) => `Số bản "${s(p, 'value')}" không hợp lệ; ghi là 0.`,
    en: (p) => `Count "${s(p, 'value')}" is invalid; recorded as 0.`,
  },
  DOCUMENT_INSTRUCTION_AS_NOTE: {
    severity: 'info',
    vi: (p) =>
      `${s(p, 'count')} dòng trong thành phần hồ sơ là hướng dẫn hoặc tiêu đề (không yêu cầu bản nào), được chuyển thành lưu ý.`,
    en: (p) =>
      `${s(p, 'count')} rows in the dossier components are instructions or headings (no copies required) and became notes.`,
  },
  // --- other ------------------------------------------------------------------------------------
  ONLINE_LEVEL_ASSUMED_FULL: {
    severity: 'info',
    vi: () =>
      'Có kênh nộp trực tuyến nên giả định dịch vụ công trực tuyến toàn trình (Nghị định 42/2022/NĐ-CP); ' +
      'nguồn không ghi mức độ, cần xác nhận.',
    en: () =>
      'An online channel is published, so the online service is assumed to be full (toàn trình, Decree 42/2022/NĐ-CP); ' +
      'the source does not state the level, confirm it.',
  },
  LEGAL_BASIS_SUFFIX_STRIPPED: {
    severity: 'info',
    vi: (p) => `Số hiệu văn bản "${s(p, 'from')}" dính chữ của trích yếu; đã sửa thành "${s(p, 'to')}".`,
    en: (p) => `Document number "${s(p, 'from')}" had title text glued on; repaired to "${s(p, 'to')}".`,
  },
  LEGAL_BASIS_DUPLICATE_MERGED: {
    severity: 'info',
    vi: (p) => `Căn cứ pháp lý "${s(p, 'value')}" bị lặp, đã gộp.`,
    en: (p) => `Legal basis "${s(p, 'value')}" is listed twice and was merged.`,
  },
  SOURCE_URL_INVALID: {
    severity: 'warning',
    vi: (p) => `Địa chỉ nguồn "${s(p, 'value')}" không hợp lệ, đã bỏ.`,
    en: (p) => `Source address "${s(p, 'value')}" is invalid and was dropped.`,
  },
} as const satisfies Record<string, IssueDefinition>;

export type IssueCode = keyof typeof ISSUES;

/** Every code the normaliser can raise, in a stable order (for docs and admin filters). */
export const ISSUE_CODES = Object.keys(ISSUES) as IssueCode[];

export const getIssueSeverity = (code: IssueCode): IssueSeverity => ISSUES[code].severity;

/** Builds an issue with its Vietnamese and English message from the table above. */
export const createIssue = (code: IssueCode, field: string, params: Params = {}): CatalogIssue => {
  const definition: IssueDefinition = ISSUES[code];
  return {
    code,
    severity: definition.severity,
    field,
    message: { vi: definition.vi(params), en: definition.en(params) },
  };
};
