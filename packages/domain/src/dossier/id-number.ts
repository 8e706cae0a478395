/*
 * Identity numbers and contact formats that the server and the web both check (the web while the
 * counter or the citizen types; the server again on saving). No imports: the web loads this module
 * on its own ('@motcua/domain/dossier/id-number') without the zod schemas of ./applicant.ts.
 */

/**
 * Province codes used in the first three digits of a 12-digit personal identification number
 * (số định danh cá nhân / căn cước): the place of birth registration, coded with the 63 provinces
 * as they were before the 2025 reorganisation (Circular 07/2016/TT-BCA, Appendix; codes of
 * Decision 124/2004/QĐ-TTg, padded to three digits). Numbers already issued keep their code.
 */
const ID_PROVINCE_CODES = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45,
    46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92,
    93, 94, 95, 96,
  ].map((code) => String(code).padStart(3, '0')),
);

export type IdNumberProblem = 'FORMAT' | 'PROVINCE' | 'BIRTH_YEAR' | 'GENDER';

/**
 * Checks a 12-digit personal identification number (căn cước / CCCD).
 * Structure (Circular 07/2016/TT-BCA Art. 7, recalled): 3 digits province of birth registration,
 * 1 digit century and gender (1900s: male 0, female 1; 2000s: 2/3; 2100s: 4/5 …), 2 digits the
 * last two digits of the birth year, 6 random digits. When the date of birth (and gender) are
 * known, they must agree with the number.
 */
export const findIdNumberProblem = (
  idNumber: string,
  known: { dateOfBirth?: string | undefined; gender?: 'male' | 'female' | undefined } = {},
): IdNumberProblem | undefined => {
  if (!/^\d{12}$/.test(idNumber)) {
    return 'FORMAT';
  }
  if (!ID_PROVINCE_CODES.has(idNumber.slice(0, 3))) {
    return 'PROVINCE';
  }
  const centuryGender = Number(idNumber[3]);
  if (known.dateOfBirth) {
    const year = Number(known.dateOfBirth.slice(0, 4));
    const century = Math.floor((year - 1900) / 100);
    if (century < 0 || Math.floor(centuryGender / 2) !== century || Number(idNumber.slice(4, 6)) !== year % 100) {
      return 'BIRTH_YEAR';
    }
  }
  if (known.gender && (centuryGender % 2 === 0 ? 'male' : 'female') !== known.gender) {
    return 'GENDER';
  }
  return undefined;
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

/** Vietnamese phone numbers: mobile or landline, national (0…) or international (+84…) form. */
export const PHONE_PATTERN = /^(0|\+84)[1-9]\d{8,9}$/;
