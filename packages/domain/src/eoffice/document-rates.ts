import { foldVietnamese } from '../text/fold.js';
import type { RecipientChannel } from './vocabulary.js';

/**
 * The e-office rates an agency reports and the PAR Index scores (Chỉ số CCHC, area "Xây dựng và phát triển
 * chính quyền điện tử, chính quyền số": "Tỷ lệ văn bản điện tử gửi, nhận qua mạng", "Tỷ lệ văn bản điện tử
 * được ký số"). Decree 30/2020/NĐ-CP Art. 5 makes the electronic document, digitally signed by the competent
 * person and the organisation, the ordinary form; QĐ 28/2018/QĐ-TTg sets the exchange between agencies. The
 * provinces' reports publish these rates as count over count with the percentage rounded to two decimals,
 * e.g. "4.431/4.788 văn bản đi được ký số (92,54%)" — [RECALL] the wording of the published reports is from
 * memory; the rule below makes the published percentage reproducible exactly from its two counts.
 *
 * Rate = numerator / base × 100, rounded half up to 0,01 % (integer arithmetic, no floating point):
 * hundredths = ⌊(2 × numerator × 10 000 + base) / (2 × base)⌋.
 */

export type DocumentRate = {
  numerator: number;
  base: number;
  /** The percentage rounded half up to two decimals (92.54), null when the base is 0. */
  percent: number | null;
  /** The same in hundredths of a percent (9254), exact. */
  hundredths: number | null;
};

export const computeDocumentRate = (numerator: number, base: number): DocumentRate => {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(base) || numerator < 0 || base < 0) {
    throw new RangeError('a rate needs whole, non-negative counts');
  }
  if (numerator > base) {
    throw new RangeError(`the numerator ${numerator} exceeds the base ${base}`);
  }
  if (base === 0) {
    return { numerator, base, percent: null, hundredths: null };
  }
  const hundredths = Math.floor((2 * numerator * 10_000 + base) / (2 * base));
  return { numerator, base, percent: hundredths / 100, hundredths };
};

/** 4431 → "4.431" (Vietnamese thousands separator, no locale data needed). */
const groupVi = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 9254 → "92,54%". */
export const formatHundredthsVi = (hundredths: number): string =>
  `${groupVi(Math.floor(hundredths / 100))},${String(hundredths % 100).padStart(2, '0')}%`;

/** "4.431/4.788 (92,54%)"; "0/0 (—)" without a base. */
export const formatDocumentRateVi = (rate: DocumentRate): string =>
  `${groupVi(rate.numerator)}/${groupVi(rate.base)} (${rate.hundredths === null ? '—' : formatHundredthsVi(rate.hundredths)})`;

/** "4,431/4,788 (92.54%)". */
export const formatDocumentRateEn = (rate: DocumentRate): string =>
  `${rate.numerator.toLocaleString('en-US')}/${rate.base.toLocaleString('en-US')} (${
    rate.hundredths === null
      ? '—'
      : `${Math.floor(rate.hundredths / 100)}.${String(rate.hundredths % 100).padStart(2, '0')}%`
  })`;

/**
 * Whether an outgoing document went out electronically: it has recipients and every one of them received it
 * through the system or an exchange package (QĐ 28/2018); one paper recipient makes it a paper dispatch too,
 * so it counts as paper (Decree 30/2020 Art. 16(2) [RECALL]: a paper copy is made only where a recipient
 * cannot receive electronically). A document without recipients (kept only in the archive) is not counted
 * as exchanged electronically.
 */
export const isSentElectronically = (channels: readonly RecipientChannel[]): boolean =>
  channels.length > 0 && channels.every((channel) => channel !== 'paper');

/**
 * The folded text the search of incoming and outgoing documents matches (the search_text column of both
 * tables, migration 0025): number and symbol, issuer (or the issuing agency) and subject, folded without
 * diacritics by the same foldVietnamese the query goes through — "Quyết định" is found by "quyet dinh".
 * Every writer of either table stores this value.
 */
export const buildDocumentSearchText = (parts: {
  numberSymbol?: string | null | undefined;
  issuerName?: string | null | undefined;
  subject: string;
  documentType?: string | null | undefined;
}): string =>
  foldVietnamese(
    [parts.numberSymbol, parts.issuerName, parts.documentType, parts.subject]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(' '),
  );
