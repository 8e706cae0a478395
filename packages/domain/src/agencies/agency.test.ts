import { describe, expect, it } from 'vitest';
import { isAgencyCode } from './agency.js';

describe('isAgencyCode', () => {
  it.each(['000.00.00.H56', '000.00.04.G14', '123.45.67.H33'])('accepts %s', (code) => {
    expect(isAgencyCode(code)).toBe(true);
  });
  it.each(['000.00.00.h56', '00.00.00.H56', '000.00.00.H5', '000-00-00-H56', '', '000.00.00.H56 '])(
    'rejects %s',
    (code) => {
      expect(isAgencyCode(code)).toBe(false);
    },
  );
});
