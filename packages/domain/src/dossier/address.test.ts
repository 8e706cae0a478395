import { describe, expect, it } from 'vitest';
import { formatFullAddress } from './address.js';

describe('formatFullAddress', () => {
  it.each([
    // Only the street typed: the commune and the province chosen are added.
    [
      { text: 'Số 5 đường Chùa Chuông', communeName: 'Phường Phố Hiến', provinceName: 'Tỉnh Hưng Yên' },
      'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên',
    ],
    // Already complete: nothing is repeated, whatever the case or accents typed.
    [
      {
        text: 'Số 5 đường Chùa Chuông, phuong Pho Hien, Tỉnh Hưng Yên',
        communeName: 'Phường Phố Hiến',
        provinceName: 'Tỉnh Hưng Yên',
      },
      'Số 5 đường Chùa Chuông, phuong Pho Hien, Tỉnh Hưng Yên',
    ],
    // The commune written, the province not.
    [
      { text: 'Thôn Đông, xã Lạc Hồng.', communeName: 'Xã Lạc Hồng', provinceName: 'Tỉnh Hưng Yên' },
      'Thôn Đông, xã Lạc Hồng, tỉnh Hưng Yên',
    ],
    [
      { text: 'Số 1 Tràng Tiền', communeName: 'Phường Hoàn Kiếm', provinceName: 'Thành phố Hà Nội' },
      'Số 1 Tràng Tiền, phường Hoàn Kiếm, thành phố Hà Nội',
    ],
    // No commune known: the text as written.
    [{ text: 'Số 1 Tràng Tiền, Hà Nội' }, 'Số 1 Tràng Tiền, Hà Nội'],
  ])('%o → %s', (input, expected) => {
    expect(formatFullAddress(input)).toBe(expected);
  });
});
