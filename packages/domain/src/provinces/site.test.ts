import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  isHostName,
  normalizeColour,
  normalizeHostName,
  normalizePublicUrl,
  placeNameOfProvince,
  portalTitleOf,
} from './site.js';

describe('normalizeHostName', () => {
  it.each([
    ['DichVuCong.HungYen.gov.vn', 'dichvucong.hungyen.gov.vn'],
    ['dichvucong.hue.gov.vn:443', 'dichvucong.hue.gov.vn'],
    ['localhost:3000', 'localhost'],
    ['hue.gov.vn.', 'hue.gov.vn'],
    ['127.0.0.1:8080', '127.0.0.1'],
  ])('%s → %s', (host, name) => {
    expect(normalizeHostName(host)).toBe(name);
  });

  it.each([undefined, '', '[::1]:3000', 'bad_host.vn', '-a.vn', 'a..vn', 'xn--.vn '.repeat(40)])(
    'refuses %s',
    (host) => {
      expect(normalizeHostName(host)).toBeUndefined();
    },
  );

  it('answers only names the migration’s check accepts, and is idempotent', () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 65535 })),
        (labels, port) => {
          const host = `${labels.join('.')}${port === null ? '' : `:${port}`}`;
          const name = normalizeHostName(host);
          expect(name).toBe(labels.join('.').toLowerCase());
          expect(name).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/);
          expect(normalizeHostName(name)).toBe(name);
          expect(isHostName(name ?? '')).toBe(true);
        },
      ),
    );
  });
});

describe('site colours and addresses', () => {
  it('normalises #rgb and #rrggbb and refuses anything else', () => {
    expect(normalizeColour('#A61D24')).toBe('#a61d24');
    expect(normalizeColour('#f00')).toBe('#ff0000');
    expect(normalizeColour('red')).toBeUndefined();
    expect(normalizeColour('#12345')).toBeUndefined();
  });

  it('computes the WCAG contrast ratio (black on white 21, a colour on itself 1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#a61d24', '#a61d24')).toBeCloseTo(1, 5);
    // The default header red carries white text at AA.
    expect(contrastRatio('#a61d24', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 0xffffff }), (a, b) => {
        const x = `#${a.toString(16).padStart(6, '0')}`;
        const y = `#${b.toString(16).padStart(6, '0')}`;
        const ratio = contrastRatio(x, y);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(21.000001);
        expect(contrastRatio(y, x)).toBeCloseTo(ratio, 10);
      }),
    );
  });

  it('keeps a public address to its origin', () => {
    expect(normalizePublicUrl('https://dichvucong.hue.gov.vn/')).toBe('https://dichvucong.hue.gov.vn');
    expect(normalizePublicUrl('http://localhost:3000')).toBe('http://localhost:3000');
    expect(normalizePublicUrl('https://a.vn/path')).toBeUndefined();
    expect(normalizePublicUrl('ftp://a.vn')).toBeUndefined();
    expect(normalizePublicUrl('https://user:pw@a.vn')).toBeUndefined();
    expect(normalizePublicUrl('not a url')).toBeUndefined();
  });

  it('derives the place name of documents from the 2025 name', () => {
    expect(placeNameOfProvince('Thành phố Huế')).toBe('Huế');
    expect(placeNameOfProvince('Tỉnh Lâm Đồng')).toBe('Lâm Đồng');
    expect(placeNameOfProvince('Tỉnh Hưng Yên', 'Hưng Yên')).toBe('Hưng Yên');
  });
});

describe('portalTitleOf', () => {
  it('writes the kind of unit in lower case inside the title, and does not repeat a place the name says', () => {
    expect(portalTitleOf({ portalName: 'Cổng Dịch vụ công', name: 'Tỉnh Hưng Yên', placeName: 'Hưng Yên' })).toBe(
      'Cổng Dịch vụ công tỉnh Hưng Yên',
    );
    expect(portalTitleOf({ portalName: 'Cổng Dịch vụ công', name: 'Thành phố Hà Nội', placeName: 'Hà Nội' })).toBe(
      'Cổng Dịch vụ công thành phố Hà Nội',
    );
    expect(
      portalTitleOf({ portalName: 'Cổng Dịch vụ công tỉnh Hưng Yên', name: 'Tỉnh Hưng Yên', placeName: 'Hưng Yên' }),
    ).toBe('Cổng Dịch vụ công tỉnh Hưng Yên');
    expect(portalTitleOf({ portalName: 'Cổng thông tin', name: 'Huế', placeName: '' })).toBe('Cổng thông tin Huế');
  });
});
