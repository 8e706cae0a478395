import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CENTURY_SEX_DIGITS, CITIZEN_ID_PROVINCES, type CitizenSex, checkCitizenIdNumber } from './id-number.js';

const codesOf = (...args: Parameters<typeof checkCitizenIdNumber>) =>
  checkCitizenIdNumber(...args).map((violation) => violation.code);

/** Builds a number the way Circular 07/2016/TT-BCA Art. 7 lays it out. */
const composeIdNumber = (province: string, year: number, sex: CitizenSex, serial: number): string => {
  const digit = CENTURY_SEX_DIGITS.find(
    (row) => row.sex === sex && year >= row.firstYear && year < row.firstYear + 100,
  );
  return `${province}${digit?.digit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
};

const provinces = Object.keys(CITIZEN_ID_PROVINCES);
const arbitraryPerson = fc.record({
  province: fc.constantFrom(...provinces),
  year: fc.integer({ min: 1900, max: 2399 }),
  sex: fc.constantFrom<CitizenSex>('male', 'female'),
  serial: fc.integer({ min: 0, max: 999_999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});
const dateOf = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('the tables of Circular 07/2016/TT-BCA Art. 7', () => {
  it('lists the 63 pre-2025 provinces, three digits each', () => {
    expect(provinces).toHaveLength(63);
    expect(provinces.every((code) => /^0\d\d$/.test(code))).toBe(true);
    expect(CITIZEN_ID_PROVINCES['001']).toBe('Hà Nội');
    expect(CITIZEN_ID_PROVINCES['033']).toBe('Hưng Yên');
    expect(CITIZEN_ID_PROVINCES['079']).toBe('Hồ Chí Minh');
    expect(CITIZEN_ID_PROVINCES['096']).toBe('Cà Mau');
  });

  it('gives each digit 0–9 one century and one sex, men even, women odd', () => {
    expect(CENTURY_SEX_DIGITS.map((row) => row.digit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const row of CENTURY_SEX_DIGITS) {
      expect(row.sex).toBe(row.digit % 2 === 0 ? 'male' : 'female');
      expect(row.firstYear).toBe(1900 + Math.floor(row.digit / 2) * 100);
    }
  });
});

describe('checkCitizenIdNumber', () => {
  it.each([
    // 033 Hưng Yên, 1 = woman born 1900–1999, 90 = 1990 (the sample number of the tests and fixtures).
    ['033190001234', '1990-05-20', 'female'],
    ['033185001234', '1985-04-12', 'female'],
    // 001 Hà Nội, 2 = man born 2000–2099, 05 = 2005.
    ['001205123456', '2005-01-01', 'male'],
    ['079300000001', '2000-12-31', 'female'],
    ['096099999999', '1999-01-01', 'male'],
    ['046400000000', '2100-06-01', 'male'],
  ] as const)('accepts %s for a person born %s (%s)', (id, dateOfBirth, gender) => {
    expect(checkCitizenIdNumber(id, { dateOfBirth, gender })).toEqual([]);
  });

  it.each([
    ['', 'ID_FORMAT'],
    ['03318500123', 'ID_FORMAT'],
    ['0331850012345', 'ID_FORMAT'],
    ['03318500123a', 'ID_FORMAT'],
    ['033 185 001 234', 'ID_FORMAT'],
    // The old 9-digit CMND is not a personal identification number.
    ['123456789', 'ID_FORMAT'],
    // 000 and codes between the listed ones are not provinces (no code is given for births abroad).
    ['000185001234', 'ID_PROVINCE_UNKNOWN'],
    ['003185001234', 'ID_PROVINCE_UNKNOWN'],
    ['099185001234', 'ID_PROVINCE_UNKNOWN'],
    ['097185001234', 'ID_PROVINCE_UNKNOWN'],
    ['100185001234', 'ID_PROVINCE_UNKNOWN'],
  ])('refuses %j (%s)', (id, code) => {
    expect(codesOf(id)).toEqual([code]);
  });

  it('reports the format alone, and only the structure when nothing else is known', () => {
    expect(codesOf('12345', { dateOfBirth: '1990-01-01', gender: 'male' })).toEqual(['ID_FORMAT']);
    expect(codesOf('033985001234')).toEqual([]);
  });

  it('compares digit 4 with the century of birth and the sex entered', () => {
    expect(codesOf('033285001234', { dateOfBirth: '1985-04-12' })).toEqual(['ID_CENTURY_SEX_MISMATCH']);
    expect(codesOf('033185001234', { gender: 'male' })).toEqual(['ID_CENTURY_SEX_MISMATCH']);
    expect(codesOf('033085001234', { gender: 'female' })).toEqual(['ID_CENTURY_SEX_MISMATCH']);
    expect(codesOf('033185001234', { gender: 'female' })).toEqual([]);
    // Born before 1900 (or after 2399): no digit describes that century, even when digits 5–6 agree.
    expect(codesOf('033099001234', { dateOfBirth: '1899-12-31' })).toEqual(['ID_CENTURY_SEX_MISMATCH']);
    expect(codesOf('033800001234', { dateOfBirth: '2400-01-01' })).toEqual(['ID_CENTURY_SEX_MISMATCH']);
  });

  it('compares digits 5–6 with the year of birth', () => {
    expect(codesOf('033185001234', { dateOfBirth: '1986-04-12' })).toEqual(['ID_BIRTH_YEAR_MISMATCH']);
    expect(checkCitizenIdNumber('033185001234', { dateOfBirth: '1986-04-12' })).toEqual([
      { code: 'ID_BIRTH_YEAR_MISMATCH', digits: [5, 6] },
    ]);
  });

  it('reports every violation at once', () => {
    expect(codesOf('099190001234', { dateOfBirth: '2001-03-04', gender: 'male' })).toEqual([
      'ID_PROVINCE_UNKNOWN',
      'ID_CENTURY_SEX_MISMATCH',
      'ID_BIRTH_YEAR_MISMATCH',
    ]);
  });

  it('accepts every number built from the structure', () => {
    fc.assert(
      fc.property(arbitraryPerson, ({ province, year, sex, serial, month, day }) => {
        const id = composeIdNumber(province, year, sex, serial);
        expect(checkCitizenIdNumber(id, { dateOfBirth: dateOf(year, month, day), gender: sex })).toEqual([]);
        expect(checkCitizenIdNumber(id)).toEqual([]);
      }),
    );
  });

  it('refuses a valid number once its year digits are changed', () => {
    fc.assert(
      fc.property(arbitraryPerson, fc.integer({ min: 1, max: 99 }), (person, shift) => {
        const { province, year, sex, serial, month, day } = person;
        const id = composeIdNumber(province, year, sex, serial);
        const otherYear = String(((year % 100) + shift) % 100).padStart(2, '0');
        const changed = `${id.slice(0, 4)}${otherYear}${id.slice(6)}`;
        expect(codesOf(changed, { dateOfBirth: dateOf(year, month, day), gender: sex })).toEqual([
          'ID_BIRTH_YEAR_MISMATCH',
        ]);
      }),
    );
  });

  it('refuses a valid number once its century/sex digit is changed', () => {
    fc.assert(
      fc.property(arbitraryPerson, fc.integer({ min: 1, max: 9 }), (person, shift) => {
        const { province, year, sex, serial, month, day } = person;
        const id = composeIdNumber(province, year, sex, serial);
        const changed = `${id.slice(0, 3)}${(Number(id[3]) + shift) % 10}${id.slice(4)}`;
        expect(codesOf(changed, { dateOfBirth: dateOf(year, month, day), gender: sex })).toEqual([
          'ID_CENTURY_SEX_MISMATCH',
        ]);
      }),
    );
  });

  it('refuses any number whose first three digits are not a listed province', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }).map((code) => String(code).padStart(3, '0')),
        fc.integer({ min: 0, max: 999_999_999 }),
        (code, rest) => {
          const id = `${code}${String(rest).padStart(9, '0')}`;
          expect(codesOf(id).includes('ID_PROVINCE_UNKNOWN')).toBe(!(code in CITIZEN_ID_PROVINCES));
        },
      ),
    );
  });
});
