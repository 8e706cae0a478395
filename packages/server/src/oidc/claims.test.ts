import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './citizen-login.js';
import { mapIdentityClaims, normalizeBirthDate } from './claims.js';

describe('mapIdentityClaims', () => {
  it('reads the DVCQG/VNeID userinfo claims', () => {
    expect(
      mapIdentityClaims({
        sub: 'x',
        LoaiTaiKhoan: 1,
        SoDinhDanh: '033 190 001 234',
        HoVaTen: 'Nguyễn Thị Ánh Tuyết',
        NgayThangNamSinh: '20/05/1990',
        ThuongTru: { DiaChiDayDu: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', MaPhuongXa: '11953' },
        SoDienThoai: '0912 345 678',
        loAs: ['2'],
      }),
    ).toEqual({
      accountKind: 'person',
      idNumber: '033190001234',
      fullName: 'Nguyễn Thị Ánh Tuyết',
      dateOfBirth: '1990-05-20',
      address: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên',
      communeCode: '11953',
      phone: '0912345678',
      email: null,
      taxCode: null,
      organisationName: null,
      assurance: '2',
    });
  });

  it('reads an organisation account and the standard OIDC claims', () => {
    expect(
      mapIdentityClaims({ LoaiTaiKhoan: '2', HoVaTen: 'Trần B', MaSoThue: '0100109106', TenDoanhNghiep: 'Công ty A' }),
    ).toMatchObject({ accountKind: 'organisation', taxCode: '0100109106', organisationName: 'Công ty A' });
    expect(
      mapIdentityClaims({
        family_name: 'Lê',
        given_name: 'Văn C',
        birthdate: '1980-12-31',
        address: { formatted: 'Hà Nội' },
      }),
    ).toMatchObject({ fullName: 'Lê Văn C', dateOfBirth: '1980-12-31', address: 'Hà Nội', idNumber: null });
    expect(mapIdentityClaims({ SoDinhDanh: '033190001234' })).toBeUndefined();
    // An invalid tax code does not make an organisation account.
    expect(mapIdentityClaims({ LoaiTaiKhoan: '2', name: 'X Y', MaSoThue: '0100109107' })).toMatchObject({
      accountKind: 'person',
      taxCode: null,
    });
  });

  it('normalises the date formats providers use, and rejects impossible dates', () => {
    expect(normalizeBirthDate('1990-03-15T00:00:00Z')).toBe('1990-03-15');
    expect(normalizeBirthDate('5/3/1990')).toBe('1990-03-05');
    expect(normalizeBirthDate('19900315')).toBe('1990-03-15');
    expect(normalizeBirthDate('31/02/1990')).toBeNull();
    expect(normalizeBirthDate(42)).toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('keeps paths of this site only', () => {
    expect(safeReturnPath('/ho-so?ma=1')).toBe('/ho-so?ma=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', undefined]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
