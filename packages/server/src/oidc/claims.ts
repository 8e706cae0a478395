import { isTaxCode, PHONE_PATTERN } from '@motcua/domain';

/**
 * Maps what the identity provider says about a person onto a citizen profile. The national
 * single sign-on (DVCQG / VNeID) sends its own claims in its userinfo — LoaiTaiKhoan (1 citizen,
 * 2 business), SoDinhDanh, HoVaTen, NgayThangNamSinh, ThuongTru, MaSoThue/MaSoDoanhNghiep, loAs
 * (regulations brief §7) — while a generic OpenID Connect provider sends the standard claims (name,
 * birthdate, address.formatted, phone_number, email). Both are accepted; the national ones win.
 */

export type IdentityProfile = {
  accountKind: 'person' | 'organisation';
  idNumber: string | null;
  fullName: string;
  dateOfBirth: string | null;
  address: string | null;
  communeCode: string | null;
  phone: string | null;
  email: string | null;
  taxCode: string | null;
  organisationName: string | null;
  assurance: string | null;
};

type Claims = Record<string, unknown>;

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim().normalize('NFC');
  return trimmed === '' ? undefined : trimmed;
};

const first = (claims: Claims, names: readonly string[]): unknown => {
  for (const name of names) {
    if (claims[name] !== undefined && claims[name] !== null && claims[name] !== '') {
      return claims[name];
    }
  }
  return undefined;
};

const isCalendarDate = (date: string): boolean => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
};

/** Dates as providers write them: 1990-03-15, 15/03/1990, 15-03-1990, 19900315, or an ISO date-time. */
export const normalizeBirthDate = (value: unknown): string | null => {
  const raw = text(value);
  if (!raw) {
    return null;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(raw);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  const date = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : dayFirst
      ? `${dayFirst[3]}-${(dayFirst[2] ?? '').padStart(2, '0')}-${(dayFirst[1] ?? '').padStart(2, '0')}`
      : compact
        ? `${compact[1]}-${compact[2]}-${compact[3]}`
        : undefined;
  return date && isCalendarDate(date) ? date : null;
};

const normalizePhone = (value: unknown): string | null => {
  const raw = text(value)?.replace(/[\s.-]/g, '');
  return raw && PHONE_PATTERN.test(raw) ? raw : null;
};

const readAddress = (value: unknown): { text: string | null; communeCode: string | null } => {
  if (typeof value === 'string') {
    return { text: text(value)?.slice(0, 500) ?? null, communeCode: null };
  }
  if (value && typeof value === 'object') {
    const address = value as Claims;
    const line = text(first(address, ['DiaChiDayDu', 'formatted', 'DiaChi', 'street_address']));
    const commune = text(first(address, ['MaPhuongXa', 'MaXa', 'commune_code']));
    return {
      text: line?.slice(0, 500) ?? null,
      communeCode: commune && /^\d{5}$/.test(commune) ? commune : null,
    };
  }
  return { text: null, communeCode: null };
};

/**
 * The citizen profile from ID-token claims merged with the userinfo response (userinfo wins).
 * Returns undefined when there is no usable name (a profile cannot be made without one).
 */
export const mapIdentityClaims = (claims: Claims): IdentityProfile | undefined => {
  const idNumber = text(first(claims, ['SoDinhDanh', 'soDinhDanh', 'so_dinh_danh', 'id_number']))?.replace(/\s/g, '');
  const name =
    text(first(claims, ['HoVaTen', 'hoVaTen', 'name'])) ??
    [text(claims.family_name), text(claims.middle_name), text(claims.given_name)].filter(Boolean).join(' ');
  if (!name) {
    return undefined;
  }
  const taxCode = text(first(claims, ['MaSoThue', 'MaSoDoanhNghiep', 'tax_code']))?.replace(/\s/g, '');
  const validTaxCode = taxCode && isTaxCode(taxCode) ? taxCode : null;
  const accountType = text(first(claims, ['LoaiTaiKhoan', 'loaiTaiKhoan']));
  const address = readAddress(first(claims, ['ThuongTru', 'thuongTru', 'address']));
  const email = text(first(claims, ['Email', 'email']));
  const assurance = first(claims, ['loAs', 'LoA', 'acr']);
  return {
    accountKind: accountType === '2' && validTaxCode ? 'organisation' : 'person',
    idNumber: idNumber && /^\d{12}$/.test(idNumber) ? idNumber : null,
    fullName: name.slice(0, 200),
    dateOfBirth: normalizeBirthDate(first(claims, ['NgayThangNamSinh', 'ngayThangNamSinh', 'birthdate'])),
    address: address.text,
    communeCode: address.communeCode,
    phone: normalizePhone(first(claims, ['SoDienThoai', 'soDienThoai', 'phone_number'])),
    email: email && email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null,
    taxCode: validTaxCode,
    organisationName: text(first(claims, ['TenDoanhNghiep', 'TenToChuc', 'organisation_name']))?.slice(0, 300) ?? null,
    assurance: Array.isArray(assurance)
      ? assurance.map(String).join(' ').slice(0, 50)
      : (text(assurance)?.slice(0, 50) ?? null),
  };
};
