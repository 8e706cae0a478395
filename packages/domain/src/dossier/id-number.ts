/*
 * Identity numbers and contact formats that the server and the web both check (the web while the
 * counter or the citizen types; the server again on saving, through the zod schemas of ./applicant.ts). No imports: the web loads this module
 * on its own ('@motcua/domain/dossier/id-number') without the zod schemas of ./applicant.ts.
 */

/**
 * The 12-digit personal identification number (số định danh cá nhân), printed on the citizen
 * identity card (CCCD / thẻ căn cước). Its structure is set by Decree 137/2015/NĐ-CP Art. 13
 * (as amended) and detailed by Circular 07/2016/TT-BCA Art. 7, kept by Circular 59/2021/TT-BCA:
 *
 *   digits 1–3  code of the province / centrally-run city where the birth was registered
 *   digit  4    century of birth and sex (table CENTURY_SEX_DIGITS)
 *   digits 5–6  the last two digits of the year of birth
 *   digits 7–12 random
 *
 * ../shared/spec/regulations.md says nothing about this number; the structure above is recalled
 * from the instruments cited (not re-checked against their text here).
 *
 * The old 9-digit identity card (CMND) is not accepted, as before this rule was written: every
 * Applicant / Submitter carries a 12-digit number (CMND ceased to be valid on 2025-01-01 under the
 * Law on Identification 2023 Art. 46 [recalled]).
 */

/**
 * Digits 1–3: the 63 provinces as they were before the 2025 reorganisation (Circular 07/2016/TT-BCA,
 * Appendix; the codes of Decision 124/2004/QĐ-TTg padded to three digits), cross-checked with
 * ../shared/data/admin-units-pre2025.csv (same 63 codes). Numbers already issued keep their code
 * after the 2025 mergers, so the old codes stay the valid ones.
 * Uncertain: the circular gives no code for a birth registered abroad, and 000 is not in the list;
 * strict default — any code not listed here is refused (ID_PROVINCE_UNKNOWN).
 */
export const CITIZEN_ID_PROVINCES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa – Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export type CitizenSex = 'male' | 'female';

/**
 * Digit 4: century of birth and sex (Circular 07/2016/TT-BCA Art. 7 para. 2): an even digit for a
 * man, the next odd digit for a woman, 0/1 for 1900–1999, 2/3 for 2000–2099 … 8/9 for 2300–2399.
 */
export const CENTURY_SEX_DIGITS: readonly { digit: number; firstYear: number; sex: CitizenSex }[] = [
  { digit: 0, firstYear: 1900, sex: 'male' },
  { digit: 1, firstYear: 1900, sex: 'female' },
  { digit: 2, firstYear: 2000, sex: 'male' },
  { digit: 3, firstYear: 2000, sex: 'female' },
  { digit: 4, firstYear: 2100, sex: 'male' },
  { digit: 5, firstYear: 2100, sex: 'female' },
  { digit: 6, firstYear: 2200, sex: 'male' },
  { digit: 7, firstYear: 2200, sex: 'female' },
  { digit: 8, firstYear: 2300, sex: 'male' },
  { digit: 9, firstYear: 2300, sex: 'female' },
];

/** Stable codes of what can be wrong with a personal identification number (API field-problem codes). */
export const CITIZEN_ID_VIOLATION_CODES = [
  /** Not exactly 12 digits. */
  'ID_FORMAT',
  /** Digits 1–3 are not a province code of the circular. */
  'ID_PROVINCE_UNKNOWN',
  /** Digit 4 says another century than the date of birth, or another sex than the one entered. */
  'ID_CENTURY_SEX_MISMATCH',
  /** Digits 5–6 are not the last two digits of the year of birth. */
  'ID_BIRTH_YEAR_MISMATCH',
] as const;
export type CitizenIdViolationCode = (typeof CITIZEN_ID_VIOLATION_CODES)[number];

export type CitizenIdViolation = {
  code: CitizenIdViolationCode;
  /** The 1-based positions of the digits at fault (e.g. [4, 4] for the century/sex digit). */
  digits: readonly [number, number];
};

/**
 * Checks a personal identification number against its structure and, when they are known, the date
 * of birth (YYYY-MM-DD) and sex entered beside it. Returns every violation found (empty when the
 * number is acceptable); a number that is not 12 digits reports ID_FORMAT alone.
 */
export const checkCitizenIdNumber = (
  idNumber: string,
  known: { dateOfBirth?: string | undefined; gender?: CitizenSex | undefined } = {},
): CitizenIdViolation[] => {
  if (!/^\d{12}$/.test(idNumber)) {
    return [{ code: 'ID_FORMAT', digits: [1, 12] }];
  }
  const violations: CitizenIdViolation[] = [];
  if (CITIZEN_ID_PROVINCES[idNumber.slice(0, 3)] === undefined) {
    violations.push({ code: 'ID_PROVINCE_UNKNOWN', digits: [1, 3] });
  }
  const centurySex = CENTURY_SEX_DIGITS[Number(idNumber[3])];
  const year =
    known.dateOfBirth && /^\d{4}-/.test(known.dateOfBirth) ? Number(known.dateOfBirth.slice(0, 4)) : undefined;
  const centuryAgrees =
    year === undefined ||
    (centurySex !== undefined && year >= centurySex.firstYear && year < centurySex.firstYear + 100);
  const sexAgrees = known.gender === undefined || centurySex?.sex === known.gender;
  if (!centuryAgrees || !sexAgrees) {
    violations.push({ code: 'ID_CENTURY_SEX_MISMATCH', digits: [4, 4] });
  }
  if (year !== undefined && Number(idNumber.slice(4, 6)) !== year % 100) {
    violations.push({ code: 'ID_BIRTH_YEAR_MISMATCH', digits: [5, 6] });
  }
  return violations;
};

/**
 * Vietnamese tax code of an organisation (mã số thuế): 10 digits, the 10th a check digit over the
 * first nine with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 (check = 10 − sum mod 11); a branch adds
 * "-NNN". Verified on published codes (e.g. 0100109106, 0101248141, 0300588569).
 */
export const isTaxCode = (taxCode: string): boolean => {
  const match = /^(\d{10})(-\d{3})?$/.exec(taxCode);
  const digits = match?.[1];
  if (!digits) {
    return false;
  }
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const check = 10 - (sum % 11);
  return check < 10 && check === Number(digits[9]);
};

// The phone pattern lives in ./phone.ts so that pages asking only for a phone number (PAKN, users)
// do not load the identity-number tables; re-exported here for the schemas that check both.
export { PHONE_PATTERN } from './phone.js';
