import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Applicant, Submitter } from './applicant.js';
import { findIdNumberProblem, isTaxCode } from './id-number.js';

describe('findIdNumberProblem (12-digit personal identification number)', () => {
  it('accepts a well-formed number consistent with the birth date and gender', () => {
    // 033 = Hưng Yên, 1 = female born in the 1900s, 85 = 1985.
    expect(findIdNumberProblem('033185001234', { dateOfBirth: '1985-04-12', gender: 'female' })).toBeUndefined();
    // 001 = Hà Nội, 2 = male born in the 2000s, 05 = 2005.
    expect(findIdNumberProblem('001205123456', { dateOfBirth: '2005-01-01', gender: 'male' })).toBeUndefined();
  });

  it.each([
    ['03318500123', 'FORMAT'],
    ['03318500123a', 'FORMAT'],
    ['003185001234', 'PROVINCE'],
    ['099185001234', 'PROVINCE'],
  ])('rejects %s (%s)', (id, problem) => {
    expect(findIdNumberProblem(id)).toBe(problem);
  });

  it('rejects a number whose century or year disagrees with the birth date, or whose gender digit disagrees', () => {
    expect(findIdNumberProblem('033185001234', { dateOfBirth: '1986-04-12' })).toBe('BIRTH_YEAR');
    expect(findIdNumberProblem('033285001234', { dateOfBirth: '1985-04-12' })).toBe('BIRTH_YEAR');
    expect(findIdNumberProblem('033185001234', { gender: 'male' })).toBe('GENDER');
  });

  it('accepts exactly the numbers built from the structure', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('001', '033', '079', '096'),
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 999_999 }),
        (province, year, gender, serial) => {
          const digit = Math.floor((year - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
          const id = `${province}${digit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
          expect(findIdNumberProblem(id, { dateOfBirth: `${year}-06-15`, gender })).toBeUndefined();
        },
      ),
    );
  });
});

describe('isTaxCode', () => {
  it.each(['0100109106', '0101248141', '0300588569', '0100109106-001'])('accepts %s', (code) => {
    expect(isTaxCode(code)).toBe(true);
  });
  it.each(['0100109107', '010010910', '01001091060', 'abcdefghij', '0100109106-1'])('rejects %s', (code) => {
    expect(isTaxCode(code)).toBe(false);
  });
});

describe('Applicant schema', () => {
  const person = {
    kind: 'person',
    fullName: 'Nguyễn Văn An',
    idNumber: '033085001234',
    dateOfBirth: '1985-04-12',
    address: { text: 'Thôn Đông, xã Văn Giang, tỉnh Hưng Yên', communeCode: '12064' },
    phone: '0912345678',
  };

  it('accepts a person and an organisation', () => {
    expect(Applicant.safeParse(person).success).toBe(true);
    const org = {
      kind: 'organisation',
      name: 'Công ty TNHH Thương mại Hưng Yên',
      taxCode: '0101248141',
      address: { text: 'Số 1 đường Nguyễn Văn Linh, phường Phố Hiến' },
    };
    expect(Applicant.safeParse(org).success).toBe(true);
  });

  it('reports the ID-number problem under idNumber with a message key', () => {
    const result = Applicant.safeParse({ ...person, idNumber: '033086001234' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['idNumber'], message: 'msg:ID_NUMBER_BIRTH_YEAR' }),
    ]);
  });

  it('requires the authorisation document for an authorised submitter', () => {
    const result = Submitter.safeParse({ relation: 'authorised', fullName: 'Trần Thị Bình', idNumber: '033185001234' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['msg:AUTHORISATION_REQUIRED']);
  });
});
