import type { Language } from './problem.js';

/**
 * Human messages for schema validation issues, in Vietnamese and English. The issue codes are
 * zod's; the texts are ours, so that a counter officer reads plain Vietnamese, not library English.
 * Schemas may also carry a message key of the form "msg:<KEY>" that names a text in FIELD_MESSAGES.
 */
type Issue = { code: string; message?: string; [key: string]: unknown };

const typeNames: Record<string, { vi: string; en: string }> = {
  string: { vi: 'chuỗi ký tự', en: 'a string' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'giá trị đúng/sai', en: 'a boolean' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'an array' },
  date: { vi: 'ngày', en: 'a date' },
};

const formatNames: Record<string, { vi: string; en: string }> = {
  email: { vi: 'địa chỉ email', en: 'an email address' },
  uuid: { vi: 'mã UUID', en: 'a UUID' },
  url: { vi: 'địa chỉ URL', en: 'a URL' },
  date: { vi: 'ngày dạng YYYY-MM-DD', en: 'a date as YYYY-MM-DD' },
  datetime: { vi: 'thời điểm ISO 8601 có múi giờ', en: 'an ISO 8601 date-time with offset' },
  regex: { vi: 'đúng định dạng quy định', en: 'in the required format' },
};

/** Field-specific messages referenced from schemas as "msg:KEY". Areas append their own. */
export const FIELD_MESSAGES: Record<string, { vi: string; en: string }> = {
  REQUIRED: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  AGENCY_CODE: {
    vi: 'Mã định danh cơ quan có dạng 000.00.00.H56 (Quyết định 20/2020/QĐ-TTg).',
    en: 'An agency identifier looks like 000.00.00.H56 (Decision 20/2020/QĐ-TTg).',
  },
  DOSSIER_CODE: {
    vi: 'Mã hồ sơ có dạng <mã cơ quan>-YYMMDD-NNNN, ví dụ 000.00.10.H31-261122-0001.',
    en: 'A dossier code looks like <agency code>-YYMMDD-NNNN, e.g. 000.00.10.H31-261122-0001.',
  },
  FORM_FILE: {
    vi: 'Biểu mẫu: receipt.pdf, supplement_request.pdf, refusal.pdf, apology.pdf, stop_notice.pdf, control_slip.pdf hoặc tracking_book.pdf.',
    en: 'Form: receipt.pdf, supplement_request.pdf, refusal.pdf, apology.pdf, stop_notice.pdf, control_slip.pdf or tracking_book.pdf.',
  },
  INSTANT: {
    vi: 'Thời điểm theo ISO 8601 kèm múi giờ, ví dụ 2026-12-01T17:00:00+07:00.',
    en: 'An ISO 8601 instant with offset, e.g. 2026-12-01T17:00:00+07:00.',
  },
  DATE: { vi: 'Ngày có dạng YYYY-MM-DD.', en: 'A date looks like YYYY-MM-DD.' },
  EMAIL: { vi: 'Địa chỉ email không hợp lệ.', en: 'Not a valid email address.' },
  TAX_CODE: {
    vi: 'Mã số thuế gồm 10 chữ số (có chữ số kiểm tra), chi nhánh thêm -NNN.',
    en: 'A tax code has 10 digits (with a check digit); a branch adds -NNN.',
  },
  // The personal identification number (CCCD), checked by checkCitizenIdNumber in
  // @motcua/domain (Circular 07/2016/TT-BCA Art. 7, kept by Circular 59/2021/TT-BCA).
  ID_FORMAT: {
    vi: 'Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.',
    en: 'A personal identification number (CCCD) has exactly 12 digits.',
  },
  ID_PROVINCE_UNKNOWN: {
    vi: 'Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh, thành phố nơi đăng ký khai sinh.',
    en: 'The first three digits of the personal identification number are not the code of a province of birth registration.',
  },
  ID_CENTURY_SEX_MISMATCH: {
    vi: 'Chữ số thứ 4 của số định danh cá nhân (thế kỷ sinh và giới tính: 0 nam, 1 nữ sinh 1900–1999; 2 nam, 3 nữ sinh 2000–2099) không khớp với ngày sinh hoặc giới tính đã khai.',
    en: 'The 4th digit of the personal identification number (century of birth and sex: 0 male, 1 female born 1900–1999; 2 male, 3 female born 2000–2099) does not match the date of birth or sex entered.',
  },
  ID_BIRTH_YEAR_MISMATCH: {
    vi: 'Chữ số thứ 5 và 6 của số định danh cá nhân phải là hai số cuối của năm sinh đã khai.',
    en: 'Digits 5 and 6 of the personal identification number must be the last two digits of the year of birth entered.',
  },
  AUTHORISATION_REQUIRED: {
    vi: 'Người được ủy quyền phải có văn bản ủy quyền.',
    en: 'An authorised submitter needs the authorisation document.',
  },
  PROVINCE_CODE: { vi: 'Mã tỉnh gồm 2 chữ số, ví dụ 33.', en: 'A province code has 2 digits, e.g. 33.' },
  TIME_OF_DAY: { vi: 'Giờ có dạng HH:MM, ví dụ 07:30.', en: 'A time of day looks like HH:MM, e.g. 07:30.' },
  USERNAME: {
    vi: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.',
    en: 'A username has 3–64 characters: lower-case letters, digits, dot, underscore, hyphen.',
  },
  PHONE: {
    vi: 'Số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84, ví dụ 0912345678.',
    en: 'A Vietnamese phone number starts with 0 or +84, e.g. 0912345678.',
  },
  TRACKING_FACTOR: {
    vi: 'Nhập 4 chữ số cuối của số định danh cá nhân/mã số thuế, hoặc mã tra cứu 6 chữ số in trên giấy hẹn.',
    en: 'Enter the last 4 digits of the ID number or tax code, or the 6-digit PIN printed on the receipt.',
  },
  PAKN_CODE: {
    vi: 'Mã phản ánh, kiến nghị có dạng PAKN.yyyymmdd.nnnn, ví dụ PAKN.20261123.0001.',
    en: 'A feedback code looks like PAKN.yyyymmdd.nnnn, e.g. PAKN.20261123.0001.',
  },
  ADMIN_UNIT_CODE: {
    vi: 'Mã đơn vị hành chính gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số.',
    en: 'An administrative unit code has 2 (province), 3 (district) or 5 (commune) digits.',
  },
  // Application forms (eForms): the messages of buildFormValuesSchema in @motcua/domain (FORM_MESSAGE_KEYS).
  DATE_IN_FUTURE: { vi: 'Ngày này không được sau ngày hôm nay.', en: 'This date cannot be later than today.' },
  CHOICE: { vi: 'Vui lòng chọn một trong các lựa chọn đã cho.', en: 'Please choose one of the options given.' },
  ADDRESS_ABROAD: {
    vi: 'Địa chỉ này phải ở Việt Nam: chọn xã, phường theo đơn vị hành chính hiện hành.',
    en: 'This address must be in Viet Nam: choose a commune or ward of the current administrative units.',
  },
  TOO_FEW_ITEMS: {
    vi: 'Cần khai thêm: số mục chưa đủ mức tối thiểu.',
    en: 'Add more: there are fewer items than required.',
  },
  ADMIN_UNIT_UNKNOWN: {
    vi: 'Không có xã, phường này trong danh mục đơn vị hành chính hiện hành (từ ngày 01/7/2025).',
    en: 'This commune or ward is not in the current administrative units (since 1 July 2025).',
  },
  NO_APPLICATION_FORM: {
    vi: 'Thủ tục này không có tờ khai điện tử.',
    en: 'This procedure has no application form.',
  },
  SIPAS_KEY: {
    vi: 'Mã gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (tối đa 60 ký tự).',
    en: 'A key is lower-case letters, digits and underscores, starting with a letter (60 at most).',
  },
  SIPAS_OPTIONS_REQUIRED: {
    vi: 'Câu hỏi lựa chọn cần ít nhất hai phương án.',
    en: 'A choice question needs two options or more.',
  },
  SIPAS_OPTIONS_NOT_ALLOWED: {
    vi: 'Chỉ câu hỏi lựa chọn mới có phương án.',
    en: 'Only choice questions have options.',
  },
  SIPAS_DUPLICATE_KEY: {
    vi: 'Mã này bị trùng trong phiếu khảo sát.',
    en: 'This key is used twice in the questionnaire.',
  },
  DECISION_NUMBER: {
    vi: 'Số, ký hiệu quyết định có dạng 1234/QĐ-UBND.',
    en: 'A decision number looks like 1234/QĐ-UBND.',
  },
  HOSTING_PERIOD: {
    vi: 'Kỳ số liệu là một tháng (2026-11) hoặc một năm (2026).',
    en: 'The period is a month (2026-11) or a year (2026).',
  },
};

const describe = (map: Record<string, { vi: string; en: string }>, key: unknown, language: Language): string => {
  const entry = typeof key === 'string' ? map[key] : undefined;
  return entry ? entry[language] : String(key);
};

/**
 * The code a field problem carries: zod's issue code, or for a custom issue the stable code the
 * schema put in its params (e.g. ID_BIRTH_YEAR_MISMATCH from the Applicant schema).
 */
export const fieldProblemCodeOf = (issue: Issue): string => {
  const params = issue.params as { code?: unknown } | undefined;
  return issue.code === 'custom' && typeof params?.code === 'string' ? params.code : issue.code;
};

export const formatValidationIssue = (issue: Issue, language: Language): string => {
  const vi = language === 'vi';
  if (typeof issue.message === 'string' && issue.message.startsWith('msg:')) {
    const entry = FIELD_MESSAGES[issue.message.slice(4)];
    if (entry) {
      return entry[language];
    }
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined && !('received' in issue && issue.received !== 'undefined')) {
        return vi ? 'Trường này là bắt buộc.' : 'This field is required.';
      }
      const expected = describe(typeNames, issue.expected, language);
      return vi ? `Giá trị phải là ${expected}.` : `Must be ${expected}.`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'string') {
        return vi ? `Phải có ít nhất ${min} ký tự.` : `Must have at least ${min} character(s).`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return vi ? `Phải có ít nhất ${min} phần tử.` : `Must have at least ${min} item(s).`;
      }
      return vi
        ? `Giá trị phải ${inclusive ? 'lớn hơn hoặc bằng' : 'lớn hơn'} ${min}.`
        : `Must be ${inclusive ? 'at least' : 'greater than'} ${min}.`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'string') {
        return vi ? `Không được dài quá ${max} ký tự.` : `Must have at most ${max} character(s).`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return vi ? `Không được quá ${max} phần tử.` : `Must have at most ${max} item(s).`;
      }
      return vi
        ? `Giá trị phải ${inclusive ? 'nhỏ hơn hoặc bằng' : 'nhỏ hơn'} ${max}.`
        : `Must be ${inclusive ? 'at most' : 'less than'} ${max}.`;
    }
    case 'invalid_format': {
      const format = describe(formatNames, issue.format, language);
      return vi ? `Không đúng định dạng: phải là ${format}.` : `Invalid format: must be ${format}.`;
    }
    case 'invalid_value': {
      const values = Array.isArray(issue.values) ? issue.values.map((v) => JSON.stringify(v)).join(', ') : '';
      return vi ? `Giá trị không hợp lệ; chấp nhận: ${values}.` : `Invalid value; expected one of: ${values}.`;
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(issue.keys) ? issue.keys.join(', ') : '';
      return vi ? `Trường không được hỗ trợ: ${keys}.` : `Unsupported field(s): ${keys}.`;
    }
    case 'not_multiple_of':
      return vi ? `Phải là bội số của ${String(issue.divisor)}.` : `Must be a multiple of ${String(issue.divisor)}.`;
    case 'invalid_union':
      return vi ? 'Giá trị không khớp với dạng nào được chấp nhận.' : 'The value matches none of the accepted forms.';
    default:
      return typeof issue.message === 'string' && issue.message && !issue.message.startsWith('msg:')
        ? issue.message
        : vi
          ? 'Giá trị không hợp lệ.'
          : 'Invalid value.';
  }
};
