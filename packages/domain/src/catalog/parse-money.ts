import { foldVietnamese, normalizeVietnamese } from '../text/fold.js';

/**
 * Reading money amounts out of published fee texts ("50.000 đồng", "50,000đ", "100.000 Đồng/hồ sơ",
 * "10USD/giấy", "2,500,000 VNĐ").
 *
 * Vietnamese texts group thousands with "." and the national portal's table renders them with ",";
 * neither uses decimals for đồng. A number is read only when its grouping is consistent
 * ("1.000.000", "1,000,000" or "1000000"); malformed numbers such as "10.000.0000" are not guessed.
 */

export type Currency = 'VND' | 'USD';

/** An amount token: consistently grouped thousands, or plain digits. */
const AMOUNT_SOURCE = String.raw`\d{1,3}(?:(?<sep>[.,])\d{3})(?:\k<sep>\d{3})*|\d+`;
const CURRENCY_SOURCE = 'việt nam đồng|vnđ|vnd|đồng|usd|đ';

/**
 * `amount currency` anywhere in a text: not inside a longer number, and the currency word not
 * followed by a letter or by "…" (a cut-off "1.600 đ…" was "1.600 đến", not 1,600 đồng).
 */
const MONEY_PATTERN = new RegExp(
  String.raw`(?<![\d.,])(?<amount>${AMOUNT_SOURCE})(?!\d|[.,]\d)\s*(?<currency>${CURRENCY_SOURCE})(?![\p{L}\p{N}…])`,
  'giu',
);

/** Any digits followed by a currency word: used to notice money we could not read. */
const LOOSE_MONEY_PATTERN = new RegExp(String.raw`\d[\d.,]*\s*(?:${CURRENCY_SOURCE})(?![\p{L}])`, 'giu');

const STRICT_AMOUNT = new RegExp(`^(?:${AMOUNT_SOURCE})$`, 'u');

/** Largest amount we accept (well above any published fee); guards against digit soup. */
const MAX_AMOUNT = 1e15;

/** Parses "2,500,000" / "20.000" / "1200" into an integer, or undefined when malformed. */
export const parseAmountToken = (token: string): number | undefined => {
  if (!STRICT_AMOUNT.test(token)) {
    return undefined;
  }
  const value = Number(token.replace(/[.,]/g, ''));
  return Number.isSafeInteger(value) && value <= MAX_AMOUNT ? value : undefined;
};

export const parseCurrency = (word: string): Currency => (foldVietnamese(word) === 'usd' ? 'USD' : 'VND');

export interface MoneyMatch {
  readonly amount: number;
  readonly currency: Currency;
  /** Index of the first digit and index after the currency word, in the NFC text. */
  readonly start: number;
  readonly end: number;
}

/** "01 triệu đồng", "1,5 triệu đồng", "500 nghìn đồng": an amount with a word multiplier. */
const WORD_MONEY_PATTERN = new RegExp(
  String.raw`(?<![\d.,])(?<amount>\d+(?:[.,]\d{1,3})?)\s*(?<multiplier>triệu|nghìn|ngàn|tỷ)\s*(?<currency>${CURRENCY_SOURCE})(?![\p{L}\p{N}…])`,
  'giu',
);

const MULTIPLIERS: Readonly<Record<string, number>> = { trieu: 1e6, nghin: 1e3, ngan: 1e3, ty: 1e9 };

/** Every readable amount in `text` (NFC-normalised first), in order of appearance. */
export const findMoneyAmounts = (text: string): MoneyMatch[] => {
  const nfc = text.normalize('NFC');
  const matches: MoneyMatch[] = [];
  for (const match of nfc.matchAll(MONEY_PATTERN)) {
    const amount = parseAmountToken(match.groups?.amount ?? '');
    const currencyWord = match.groups?.currency;
    if (amount === undefined || currencyWord === undefined) {
      continue;
    }
    matches.push({
      amount,
      currency: parseCurrency(currencyWord),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  for (const match of nfc.matchAll(WORD_MONEY_PATTERN)) {
    const multiplier = MULTIPLIERS[foldVietnamese(match.groups?.multiplier ?? '')];
    const currencyWord = match.groups?.currency;
    const amount = Math.round(Number((match.groups?.amount ?? '').replace(',', '.')) * (multiplier ?? Number.NaN));
    if (!Number.isSafeInteger(amount) || amount > MAX_AMOUNT || currencyWord === undefined) {
      continue;
    }
    matches.push({
      amount,
      currency: parseCurrency(currencyWord),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return matches.sort((a, b) => a.start - b.start);
};

/** True when the text mentions money (digits and a currency word) that `findMoneyAmounts` cannot read. */
export const hasUnreadableMoney = (text: string): boolean => {
  const nfc = text.normalize('NFC');
  const loose = [...nfc.matchAll(LOOSE_MONEY_PATTERN)].length + [...nfc.matchAll(WORD_MONEY_PATTERN)].length;
  return loose > findMoneyAmounts(nfc).length;
};

/** `amount currency` at the very start of a text: the fee column glued in front of a description. */
const LEADING_MONEY = new RegExp(
  String.raw`^(?<amount>${AMOUNT_SOURCE})(?!\d|[.,]\d)\s*(?<currency>${CURRENCY_SOURCE})(?![\p{L}\p{N}])`,
  'iu',
);

export interface LeadingMoney {
  readonly amount: number;
  readonly currency: Currency;
  /** The matched text, e.g. "150,000 Việt Nam Đồng". */
  readonly text: string;
}

export const findLeadingMoney = (text: string): LeadingMoney | undefined => {
  const match = LEADING_MONEY.exec(text);
  const amount = parseAmountToken(match?.groups?.amount ?? '');
  const currencyWord = match?.groups?.currency;
  if (match === null || amount === undefined || currencyWord === undefined) {
    return undefined;
  }
  return { amount, currency: parseCurrency(currencyWord), text: match[0] };
};

/** Fee column values that mean "no charge". */
const FREE_TEXTS = new Set([
  'mien phi',
  'mien',
  'khong',
  'khong thu',
  'khong thu phi',
  'khong thu phi le phi',
  'khong thu le phi',
  'khong co phi',
  'khong mat phi',
  'khong phai nop phi',
  'khong phai nop',
  '0',
  '0 dong',
  '0 vnd',
]);

/** Fee column values that mean "not published" (not the same as free). */
const UNKNOWN_TEXTS = new Set(['', 'khong co thong tin', 'chua co thong tin', 'khong ro']);

export type FeeColumn =
  | { readonly kind: 'absent'; readonly text?: string }
  | { readonly kind: 'free'; readonly text: string }
  | { readonly kind: 'amount'; readonly amount: number; readonly currency: Currency; readonly text: string }
  | { readonly kind: 'text'; readonly text: string };

/** Classifies the fee column of a channel row ('Miễn phí', '50,000 VNĐ', '10 USD', null …). */
export const parseFeeColumn = (value: string | undefined): FeeColumn => {
  if (value === undefined) {
    return { kind: 'absent' };
  }
  const text = normalizeVietnamese(value);
  const folded = foldVietnamese(text);
  if (UNKNOWN_TEXTS.has(folded)) {
    return text === '' ? { kind: 'absent' } : { kind: 'absent', text };
  }
  if (FREE_TEXTS.has(folded)) {
    return { kind: 'free', text };
  }
  const money = findLeadingMoney(text);
  if (money !== undefined && money.text.length >= text.replace(/[.\s]+$/u, '').length) {
    return money.amount === 0
      ? { kind: 'free', text }
      : { kind: 'amount', amount: money.amount, currency: money.currency, text };
  }
  return { kind: 'text', text };
};
