import { isAgencyCode } from '@motcua/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPasswordProblem } from '../../auth/passwords.js';
import { AppError } from '../../errors/app-error.js';
import {
  generateOneTimePassword,
  normalizeHostNames,
  normalizeSitePublicUrl,
  provinceAgencyCodes,
} from './create-province.js';

describe('opening a province: its rules', () => {
  it('codes the committee and the centre as the demo province has them, with the level-1 code or a placeholder', () => {
    expect(provinceAgencyCodes('31', 'H31')).toEqual({ committee: '000.00.00.H31', centre: '000.00.10.H31' });
    expect(provinceAgencyCodes('46')).toEqual({ committee: '000.00.00.P46', centre: '000.00.10.P46' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const codes = provinceAgencyCodes(String(n).padStart(2, '0'));
        return isAgencyCode(codes.committee) && isAgencyCode(codes.centre);
      }),
    );
  });

  it('makes one-time passwords the password rule accepts, readable aloud, never twice the same', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9._-]{3,12}$/), (username) => {
        const password = generateOneTimePassword(username);
        expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/);
        expect(findPasswordProblem(password, username)).toBeUndefined();
        expect(seen.has(password)).toBe(false);
        seen.add(password);
      }),
      { numRuns: 200 },
    );
  });

  it('stores host names normalised and once; refuses what is not a host name or an origin', () => {
    expect(
      normalizeHostNames(['DichVuCong.HaiPhong.gov.vn.', 'dichvucong.haiphong.gov.vn:443', 'hp.localhost']),
    ).toEqual(['dichvucong.haiphong.gov.vn', 'hp.localhost']);
    expect(() => normalizeHostNames(['not a host'])).toThrow(AppError);
    expect(normalizeSitePublicUrl('https://hp.gov.vn/')).toBe('https://hp.gov.vn');
    expect(() => normalizeSitePublicUrl('https://hp.gov.vn/portal')).toThrow(AppError);
  });
});
