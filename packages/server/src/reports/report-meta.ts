/**
 * What every exported report carries besides its numbers: who issues it (the Decree 30/2020 agency
 * block), where and when it was made, and the small formatting rules the exports share.
 */
import { formatDateVi } from '@motcua/domain';

export type ReportIssuer = {
  /** Upper line of the agency block (the governing body), e.g. "Ủy ban nhân dân tỉnh Hưng Yên". */
  parentName?: string | undefined;
  /** The issuing agency, e.g. "Sở Tư pháp tỉnh Hưng Yên" or "Văn phòng UBND tỉnh" for the province. */
  agencyName: string;
  /** Place for "<place>, ngày … tháng … năm …". */
  placeName: string;
};

export type ReportMeta = {
  issuer: ReportIssuer;
  /** Vietnam-time date and time the file was made. */
  generatedAt: { date: string; time: string };
};

/** "Tỉnh Hưng Yên" → "Hưng Yên": the place name of a Decree 30 place-and-date line. */
export const placeNameOf = (name: string): string =>
  name
    .replace(/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/iu, '')
    .replace(/^(tỉnh|thành phố|xã|phường|đặc khu)\s+/iu, '')
    .trim() || name;

export const formatPeriodLineVi = (from: string, to: string): string =>
  `Từ ngày ${formatDateVi(from)} đến ngày ${formatDateVi(to)}`;

/** Vietnam-time date and time now, for the "made on" lines. */
export const vietnamNow = (now: Date): { date: string; time: string } => {
  const local = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

/** A safe ASCII file name part (Content-Disposition) from a label. */
export const fileNamePart = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .toLowerCase() || 'bao-cao';
