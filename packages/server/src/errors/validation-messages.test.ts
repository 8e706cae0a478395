import { Applicant, CITIZEN_ID_VIOLATION_CODES, FORM_MESSAGE_KEYS } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES, fieldProblemCodeOf, formatValidationIssue } from './validation-messages.js';

describe('messages of the personal identification number (CCCD)', () => {
  it.each(CITIZEN_ID_VIOLATION_CODES)('has a Vietnamese and an English text for %s', (code) => {
    expect(FIELD_MESSAGES[code]?.vi).toMatch(/số định danh cá nhân/i);
    expect(FIELD_MESSAGES[code]?.en).toMatch(/personal identification number/i);
  });

  it('turns an Applicant issue into its stable code and text', () => {
    const parsed = Applicant.safeParse({
      kind: 'person',
      fullName: 'Nguyễn Thị Ánh Tuyết',
      idNumber: '033190001234',
      dateOfBirth: '1990-05-20',
      gender: 'male',
      address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên' },
    });
    const issue = parsed.error?.issues[0] as unknown as { code: string };
    expect(fieldProblemCodeOf(issue)).toBe('ID_CENTURY_SEX_MISMATCH');
    expect(formatValidationIssue(issue, 'vi')).toContain('giới tính');
    expect(formatValidationIssue(issue, 'en')).toContain('sex entered');
  });

  it('keeps zod codes for other issues', () => {
    expect(fieldProblemCodeOf({ code: 'too_small' })).toBe('too_small');
    expect(fieldProblemCodeOf({ code: 'custom', message: 'msg:AUTHORISATION_REQUIRED' })).toBe('custom');
  });
});

describe('messages of application forms (eForms)', () => {
  it.each([...FORM_MESSAGE_KEYS, 'ADMIN_UNIT_UNKNOWN', 'NO_APPLICATION_FORM'])(
    'has a Vietnamese and an English text for %s',
    (key) => {
      expect(FIELD_MESSAGES[key]?.vi).toMatch(/[àáảãạăâđêôơưếứ]/);
      expect(FIELD_MESSAGES[key]?.en.length).toBeGreaterThan(10);
      expect(formatValidationIssue({ code: 'custom', message: `msg:${key}` }, 'vi')).toBe(FIELD_MESSAGES[key]?.vi);
    },
  );
});
