/**
 * Vietnamese number and date formatting for the dashboards: 1.852 hồ sơ; 97,5%; 22/11/2026.
 * (The thousands separator is a dot and the decimal separator a comma in Vietnamese.)
 */
const COUNT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export const formatCount = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : COUNT.format(value);

export const formatDecimal = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : DECIMAL.format(value);

export const formatPercent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${DECIMAL.format(value)}%`;

/** '2026-11-22' → '22/11/2026'. */
export const formatDate = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—';

/** An ISO instant with offset → '09:30 22/11/2026' (Vietnam time, as the API sends it). */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(11, 16)} ${formatDate(iso.slice(0, 10))}` : '—';
