/**
 * Messages of the national payment platform (Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công
 * quốc gia, "DVC Payment"), as the provincial systems exchange them (regulations brief §7; read from
 * Thanh Hóa's TD.DichVuCongApi DvcPayment client, no public specification was found):
 *
 * - INIT (the partner asks for a payment, version 1.0.6): the platform answers with the URL the
 *   payer is sent to;
 * - the platform's result call back to the partner (the "confirm" message) when the payer is done.
 *
 * Both carry `MaXacThuc` = SHA-256 (hex) of the listed fields joined with "|" and the shared secret
 * appended as the last field. This module builds the messages and the exact strings that are
 * hashed; the hashing itself is in the server (the domain package has no node:crypto).
 */

export const PAYMENT_PROTOCOL_VERSION = '1.0.6';

/** The fields of an INIT message, in the order of its checksum. */
export const INIT_CHECKSUM_FIELDS = [
  'LoaiBanTin',
  'PhienBan',
  'MaDoiTac',
  'MaThamChieu',
  'SoTien',
  'LoaiHinhThanhToan',
  'MaKenhThanhToan',
  'MaThietBi',
  'NgonNgu',
  'MaTienTe',
  'MaNganHang',
  'ThongTinGiaoDich',
  'ThoiGianGD',
  'Ip',
] as const;

/** The fields of the platform's result message, in the order of its checksum. */
export const RESULT_CHECKSUM_FIELDS = [
  'LoaiBanTin',
  'MaLoi',
  'MaDoiTac',
  'MaThamChieu',
  'SoTien',
  'MaTienTe',
  'MaGiaoDich',
  'MaNganHang',
  'ThoiGianGD',
  'ThongTinGiaoDich',
] as const;

/** MaLoi of a successful payment; any other value is a failure (with its own code). */
export const PAYMENT_SUCCESS_CODE = '00';

/** A fee line of the receipt (PhiLePhi): lệ phí, phí or other, with its amount in đồng. */
export type PaymentFeeLine = { name: string; kind: 'phi' | 'le_phi' | 'other'; amountVnd: number };

export type InitMessage = Record<(typeof INIT_CHECKSUM_FIELDS)[number], string> & {
  ThongTinBienLai: {
    MaDichVu: string;
    MaTTHC: string;
    TenTTHC: string;
    MaDonVi: string;
    TenDonVi: string;
    MaHoSo: string;
    HoTenNguoiNop: string;
    SoCMNDNguoiNop: string;
    DiaChiNguoiNop: string;
    NoiDungThanhToan: string;
    PhiLePhi: { LoaiPhiLePhi: string; MaPhiLePhi: string; TenPhiLePhi: string; SoTien: string }[];
    DSKhoanNop: { NoiDung: string; SoTien: string }[];
  };
};

export type ResultMessage = Record<(typeof RESULT_CHECKSUM_FIELDS)[number], string>;

/** Message fields may not contain the separator: a "|" inside a field would let two messages hash alike. */
const field = (value: string): string => {
  if (value.includes('|')) {
    throw new RangeError('payment message fields may not contain "|"');
  }
  return value;
};

/** The exact string hashed into MaXacThuc: the fields in order, then the secret, joined with "|". */
export const buildChecksumInput = <K extends string>(
  message: Record<K, string>,
  fields: readonly K[],
  secret: string,
): string => [...fields.map((name) => field(String(message[name] ?? ''))), secret].join('|');

/** yyyyMMddHHmmss in Vietnam time (UTC+7, 24-hour clock), the platform's ThoiGianGD format. */
export const formatPaymentTime = (epochMs: number): string =>
  new Date(epochMs + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** "THANH TOAN HO SO <code>": the transaction description, plain ASCII as the platform shows it. */
export const describePaymentTransaction = (dossierCode: string): string => `THANH TOAN HO SO ${dossierCode}`;

const LINE_KIND: Record<PaymentFeeLine['kind'], string> = { phi: 'Phi', le_phi: 'LePhi', other: 'Khac' };

/**
 * The INIT message for one payment (without MaXacThuc, which the caller adds from the checksum of
 * `buildChecksumInput(message, INIT_CHECKSUM_FIELDS, secret)`).
 */
export const buildInitMessage = (input: {
  partnerCode: string;
  reference: string;
  amountVnd: number;
  at: number;
  clientIp: string;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  agencyCode: string;
  agencyName: string;
  payerName: string;
  payerIdentifier: string;
  payerAddress: string;
  lines: readonly PaymentFeeLine[];
}): InitMessage => {
  const description = describePaymentTransaction(input.dossierCode);
  return {
    LoaiBanTin: 'INIT',
    PhienBan: PAYMENT_PROTOCOL_VERSION,
    MaDoiTac: field(input.partnerCode),
    MaThamChieu: field(input.reference),
    SoTien: String(input.amountVnd),
    LoaiHinhThanhToan: 'PAY',
    MaKenhThanhToan: '1',
    MaThietBi: '1',
    NgonNgu: 'vi-VN',
    MaTienTe: 'VND',
    MaNganHang: 'PAYMENT',
    ThongTinGiaoDich: field(description),
    ThoiGianGD: formatPaymentTime(input.at),
    Ip: field(input.clientIp),
    ThongTinBienLai: {
      // 2: fees and charges of an administrative procedure (as sent by the provincial systems).
      MaDichVu: '2',
      MaTTHC: input.procedureCode,
      TenTTHC: input.procedureName.length > 250 ? `${input.procedureName.slice(0, 247)}...` : input.procedureName,
      MaDonVi: input.agencyCode,
      TenDonVi: input.agencyName,
      MaHoSo: input.dossierCode,
      HoTenNguoiNop: input.payerName,
      SoCMNDNguoiNop: input.payerIdentifier,
      DiaChiNguoiNop: input.payerAddress,
      NoiDungThanhToan: description,
      PhiLePhi: input.lines.map((line, index) => ({
        LoaiPhiLePhi: LINE_KIND[line.kind],
        MaPhiLePhi: `${input.procedureCode}.${String(index + 1).padStart(2, '0')}`,
        TenPhiLePhi: line.name,
        SoTien: String(line.amountVnd),
      })),
      DSKhoanNop: input.lines.map((line) => ({ NoiDung: line.name, SoTien: String(line.amountVnd) })),
    },
  };
};

/**
 * The fee lines of a payment request: the procedure's published fees when their amounts add up to
 * what the officer asked for, otherwise one line with the officer's reason for the whole amount.
 */
export const buildPaymentFeeLines = (
  requested: { amountVnd: number; reason: string },
  published: readonly { name: string; kind: PaymentFeeLine['kind']; amountVnd: number | null }[],
): PaymentFeeLine[] => {
  const known = published.filter(
    (fee): fee is { name: string; kind: PaymentFeeLine['kind']; amountVnd: number } =>
      fee.amountVnd !== null && fee.amountVnd > 0,
  );
  const total = known.reduce((sum, fee) => sum + fee.amountVnd, 0);
  if (known.length > 0 && total === requested.amountVnd) {
    return known.map((fee) => ({ name: fee.name, kind: fee.kind, amountVnd: fee.amountVnd }));
  }
  return [{ name: requested.reason, kind: 'other', amountVnd: requested.amountVnd }];
};
