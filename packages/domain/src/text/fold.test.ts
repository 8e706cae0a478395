import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeVietnamese } from './fold.js';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Tỉnh Hoà Bình', 'tinh hoa binh'],
    ['Tỉnh Hòa Bình', 'tinh hoa binh'],
    ['Xã Ia Mơ', 'xa ia mo'],
    ['Bà Rịa - Vũng Tàu', 'ba ria vung tau'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Phường  Cổ Nhuế 1', 'phuong co nhue 1'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('treats NFC and NFD input the same', () => {
    const nfc = 'Nghệ An'.normalize('NFC');
    const nfd = 'Nghệ An'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVietnamese(nfc)).toBe(foldVietnamese(nfd));
  });

  it('is idempotent and produces only lowercase ASCII letters, digits and single spaces for Vietnamese input', () => {
    const vietnameseChars =
      'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ';
    const vietnameseText = fc
      .array(fc.constantFrom(...vietnameseChars.split('')), { maxLength: 40 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(vietnameseText, fc.boolean(), (text, upper) => {
        const folded = foldVietnamese(upper ? text.toUpperCase() : text);
        expect(folded).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
        expect(foldVietnamese(folded)).toBe(folded);
      }),
    );
  });
});

describe('normalizeVietnamese', () => {
  it('returns NFC with collapsed whitespace', () => {
    expect(normalizeVietnamese('  Hà   Nội\n'.normalize('NFD'))).toBe('Hà Nội'.normalize('NFC'));
  });
});
