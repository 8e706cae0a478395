import { parseTimeNumber, TIME_UNIT_SOURCE } from './parse-duration.js';
import { findLeadingMoney, findMoneyAmounts, parseAmountToken } from './parse-money.js';

/**
 * The national portal shows each channel as a table row "time | fee | description". The scrape
 * flattened the cells into one string, so when a cell was empty or oddly formatted the pieces
 * ran together: "120,000 VNĐ(20.000 vnđ /tờ khai)" is time "1" (no unit) + fee "20,000 VNĐ" +
 * description; "2 GiờMiễn phí" is "2 Giờ" + "Miễn phí"; descriptions start with "Miễn phí…" or
 * "15 ngày làm việc…" when the fee or time column was empty. These helpers take such text apart.
 */

export interface ChannelTextParts {
  readonly timeValue?: number;
  readonly timeUnit?: string;
  /** The time as written, e.g. "2 Giờ" or "1". */
  readonly timeText?: string;
  /** The fee cell as written, e.g. "Miễn phí" or "20,000 VNĐ". */
  readonly fee?: string;
  /** What is left: the description. */
  readonly note: string;
}

const TIME_WITH_UNIT = new RegExp(String.raw`^(\d+(?:[.,]\d+)?)\s*(${TIME_UNIT_SOURCE})`, 'iu');

/**
 * A unit word must end where the match ends. It may be glued to the next cell ("2 GiờMiễn
 * phí"), so only a lower-case letter (the same word going on) rejects it. Checked outside the
 * regex: under the `i` flag `\p{Ll}` matches upper-case letters too.
 */
const endsWord = (text: string, index: number): boolean => !/\p{Ll}/u.test(text.charAt(index));
const TIME_BEFORE_WORD_FEE = /^(\d+)\s*(?=miễn phí|không)/iu;
const GLUED_DIGITS_AND_CURRENCY = /^(\d[\d.,]*)\s*(việt nam đồng|vnđ|vnd|đồng|usd)(?![\p{L}])/iu;
const WORD_FEE = /^(miễn phí|không có thông tin|không thu phí|không thu)/iu;

/** "(text)" → "text"; other text is returned trimmed. */
const unwrapParentheses = (text: string): string => {
  const trimmed = text.trim();
  if (trimmed.startsWith('(') && trimmed.endsWith(')')) {
    const inner = trimmed.slice(1, -1);
    let depth = 0;
    for (const ch of inner) {
      depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
      if (depth < 0) {
        return trimmed;
      }
    }
    return depth === 0 ? inner.trim() : trimmed;
  }
  return trimmed;
};

/** Takes a fee cell off the start of `text`. */
const takeFee = (text: string): { fee?: string; rest: string } => {
  const word = WORD_FEE.exec(text);
  if (word !== null) {
    return { fee: word[0], rest: text.slice(word[0].length) };
  }
  const money = findLeadingMoney(text);
  if (money !== undefined) {
    return { fee: money.text, rest: text.slice(money.text.length) };
  }
  return { rest: text };
};

/** A whole amount token without a leading zero ("20,000", "200"), or undefined. */
const readGluedAmount = (token: string): number | undefined =>
  /^[1-9]/u.test(token) ? parseAmountToken(token) : undefined;

/**
 * Splits "120,000 VNĐ(…)" — a unit-less time glued to the fee — into time and fee. Every split
 * with a time of 1–3 digits and a well-formed, non-zero amount is a candidate; an amount the
 * description confirms (the same amount, or the amount ×1,000 because the scrape drops
 * thousands: "20" vs "20.000 vnđ") wins. Ambiguous text ("1250 VNĐ": 1 + 250 or 12 + 50) is
 * left alone.
 */
const splitGluedTimeAndFee = (digits: string, currency: string, description: string) => {
  const described = findMoneyAmounts(description).map((match) => match.amount);
  const candidates: { time: string; amountText: string; confirmed: boolean }[] = [];
  for (let length = 1; length <= Math.min(3, digits.length - 1); length++) {
    const time = digits.slice(0, length);
    const amountText = digits.slice(length);
    if (!/^(?:0|[1-9]\d*)$/u.test(time)) {
      continue;
    }
    const amount = readGluedAmount(amountText);
    if (amount === undefined || amount === 0) {
      continue;
    }
    const confirmed = described.some((value) => value === amount || value === amount * 1000 || value === amount * 1e6);
    candidates.push({ time, amountText, confirmed });
  }
  const confirmed = candidates.filter((candidate) => candidate.confirmed);
  const chosen = confirmed.length === 1 ? confirmed[0] : confirmed.length === 0 ? candidates[0] : undefined;
  if (chosen === undefined || (confirmed.length === 0 && candidates.length !== 1)) {
    return undefined;
  }
  return { timeText: chosen.time, fee: `${chosen.amountText} ${currency}` };
};

/**
 * Parses the `unparsed` text of a channel row. Returns undefined when the text cannot be split
 * with confidence; the caller then keeps it verbatim and reports it.
 */
export const splitUnparsedChannelText = (raw: string): ChannelTextParts | undefined => {
  const text = raw.normalize('NFC').trim();

  const withUnit = TIME_WITH_UNIT.exec(text);
  if (withUnit !== null && endsWord(text, withUnit[0].length)) {
    const timeValue = parseTimeNumber(withUnit[1] ?? '');
    const { fee, rest } = takeFee(text.slice(withUnit[0].length).trimStart());
    if (timeValue === undefined) {
      return undefined;
    }
    return {
      timeValue,
      timeUnit: withUnit[2] ?? '',
      timeText: withUnit[0].trim(),
      ...(fee === undefined ? {} : { fee }),
      note: unwrapParentheses(rest),
    };
  }

  const beforeWordFee = TIME_BEFORE_WORD_FEE.exec(text);
  if (beforeWordFee !== null) {
    const timeValue = parseTimeNumber(beforeWordFee[1] ?? '');
    const { fee, rest } = takeFee(text.slice(beforeWordFee[0].length));
    if (timeValue === undefined || fee === undefined) {
      return undefined;
    }
    return { timeValue, timeText: beforeWordFee[1] ?? '', fee, note: unwrapParentheses(rest) };
  }

  const glued = GLUED_DIGITS_AND_CURRENCY.exec(text);
  if (glued !== null) {
    const description = text.slice(glued[0].length);
    const split = splitGluedTimeAndFee(glued[1] ?? '', glued[2] ?? '', description);
    const timeValue = split === undefined ? undefined : parseTimeNumber(split.timeText);
    if (split === undefined || timeValue === undefined) {
      return undefined;
    }
    return { timeValue, timeText: split.timeText, fee: split.fee, note: unwrapParentheses(description) };
  }

  const { fee, rest } = takeFee(text);
  if (fee !== undefined) {
    return { fee, note: unwrapParentheses(rest) };
  }
  return undefined;
};

const TIME_LEAD_IN = String.raw`(?:(?:trong thời hạn|thời hạn giải quyết|tối đa là|tối đa|không quá|trong vòng)\s*:?\s*)?`;
const DESCRIPTION_TIME = new RegExp(String.raw`^${TIME_LEAD_IN}(\d+(?:[.,]\d+)?)\s*(${TIME_UNIT_SOURCE})`, 'iu');
/** Another time further on: the description lists times per case, so no single one applies. */
const ANOTHER_TIME = new RegExp(String.raw`\d\s*(?:${TIME_UNIT_SOURCE})`, 'iu');
const NO_INFORMATION = /^(không có thông tin|không quy định)/iu;

/**
 * Takes the cells that were glued to the start of a description when their own column was
 * empty: a fee ("Miễn phí…", "150,000 Việt Nam Đồng(…)") and/or a time ("15 ngày làm việc, kể
 * từ…", "Trong thời hạn 05 ngày…"). Only the start of the description is read: times further in
 * usually describe one step, not the whole procedure, and a description that names several times
 * ("28 ngày làm việc (cấp mới), 02 ngày làm việc (cấp lại)") gives none.
 */
export const splitDescriptionPrefix = (
  description: string,
  want: { readonly time: boolean; readonly fee: boolean },
): ChannelTextParts => {
  let rest = description.normalize('NFC').trim();
  let fee: string | undefined;
  let time: { value: number; unit: string; text: string } | undefined;
  for (let round = 0; round < 3; round++) {
    const noInformation = NO_INFORMATION.exec(rest);
    if (noInformation !== null) {
      rest = rest.slice(noInformation[0].length).trimStart();
      continue;
    }
    if (want.fee && fee === undefined) {
      const taken = takeFee(rest);
      if (taken.fee !== undefined) {
        fee = taken.fee;
        rest = taken.rest.trimStart();
        continue;
      }
    }
    if (want.time && time === undefined) {
      const match = DESCRIPTION_TIME.exec(rest);
      const value = match === null ? undefined : parseTimeNumber(match[1] ?? '');
      if (
        match !== null &&
        value !== undefined &&
        endsWord(rest, match[0].length) &&
        !ANOTHER_TIME.test(rest.slice(match[0].length))
      ) {
        time = { value, unit: match[2] ?? '', text: match[0] };
        // The time sentence is the description itself ("15 ngày làm việc, kể từ ngày nhận đủ
        // hồ sơ"), so it stays in the note.
        break;
      }
    }
    break;
  }
  return {
    ...(time === undefined ? {} : { timeValue: time.value, timeUnit: time.unit, timeText: time.text }),
    ...(fee === undefined ? {} : { fee }),
    note: unwrapParentheses(rest),
  };
};
