import { describe, expect, it } from 'vitest';
import { Applicant, Submitter } from './applicant.js';
import { isTaxCode } from './id-number.js';

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
      expect.objectContaining({
        path: ['idNumber'],
        message: 'msg:ID_BIRTH_YEAR_MISMATCH',
        params: { code: 'ID_BIRTH_YEAR_MISMATCH' },
      }),
    ]);
  });

  it('reports each violation of the ID number, with the date of birth and the sex entered', () => {
    // 033 1 90: a woman born in 1990 — entered as a man born in 2001.
    const result = Applicant.safeParse({
      ...person,
      idNumber: '033190001234',
      dateOfBirth: '2001-03-04',
      gender: 'male',
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['idNumber'], 'msg:ID_CENTURY_SEX_MISMATCH'],
      [['idNumber'], 'msg:ID_BIRTH_YEAR_MISMATCH'],
    ]);
    expect(
      Applicant.safeParse({ ...person, idNumber: '033190001234', dateOfBirth: '1990-05-20', gender: 'female' }).success,
    ).toBe(true);
  });

  it('checks the number of a submitter for its structure only', () => {
    const submitter = { relation: 'employee', fullName: 'Trần Thị Bình' };
    expect(Submitter.safeParse({ ...submitter, idNumber: '033185001234' }).success).toBe(true);
    expect(Submitter.safeParse({ ...submitter, idNumber: '099185001234' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['idNumber'], message: 'msg:ID_PROVINCE_UNKNOWN' }),
    ]);
  });

  it('requires the authorisation document for an authorised submitter', () => {
    const result = Submitter.safeParse({ relation: 'authorised', fullName: 'Trần Thị Bình', idNumber: '033185001234' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['msg:AUTHORISATION_REQUIRED']);
  });
});
