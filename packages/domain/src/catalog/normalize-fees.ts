import { foldVietnamese, normalizeVietnamese } from '../text/fold.js';
import { type CatalogIssue, createIssue } from './catalog-issue.js';
import { clipText } from './clip-text.js';
import { type Currency, type FeeColumn, findMoneyAmounts, hasUnreadableMoney } from './parse-money.js';
import type { Fee, FeeKind } from './procedure.js';

/**
 * Fees of one channel row, from the fee column and the row's description (`fee_notes`).
 *
 * In the 2026 scrape the fee column reads "Miễn phí" on 4,559 of 7,413 rows, is empty on 1,723
 * and holds an amount on the rest ("2,500,000 VNĐ", "150,000 Việt Nam Đồng", "10 USD"). The
 * description often carries the real amounts: 125 "Miễn phí" rows and 90 empty rows have
 * amounts there. Amounts under 1,000 đồng in the column ("20 VNĐ" next to "20.000 vnđ/tờ khai")
 * are a scrape artefact: "20.000" was read as a decimal number.
 */

/** Default fee names by kind: the column heading of the national portal ("Phí, lệ phí"). */
const DEFAULT_FEE_NAMES: Readonly<Record<FeeKind, string>> = { le_phi: 'Lệ phí', phi: 'Phí', other: 'Phí, lệ phí' };

/** Smallest plausible fee in đồng: no published fee is below 1,000 đồng. */
const MIN_PLAUSIBLE_VND = 1000;

/**
 * Phí vs lệ phí (Law on Fees and Charges 2015 Art. 3): decided by the words used. "Miễn phí"
 * (free) and "chi phí" (cost) are not fee names.
 */
export const classifyFeeKind = (text: string): FeeKind | undefined => {
  const folded = foldVietnamese(text);
  const hasLePhi = /\ble phi\b/u.test(folded);
  const hasPhi = /\bphi\b/u.test(folded.replace(/\b(?:le|mien|chi) phi\b/gu, ' '));
  if (hasLePhi && !hasPhi) {
    return 'le_phi';
  }
  if (hasPhi && !hasLePhi) {
    return 'phi';
  }
  if (/\bgia dich vu\b/u.test(folded)) {
    return 'other';
  }
  return undefined;
};

/** Units after "đồng/…" that make the amount a unit price, not a per-dossier fee. */
const RATE_UNITS = new Set([
  'gt',
  'tan',
  'kg',
  'm',
  'm2',
  'm3',
  'ha',
  'km',
  'lit',
  'trang',
  'ban',
  'con',
  'cay',
  'kw',
  'mw',
  'kwh',
  'container',
  'teu',
]);

/**
 * A rate, unit price or bound rather than a fixed fee: a percentage, "tối thiểu/tối đa", "từ
 * 20.000 đồng", or an amount per measured unit ("3.000 đồng/GT", "15.000 đồng/tấn").
 */
const isRate = (segment: string, matchStart: number, matchEnd: number): boolean => {
  if (segment.includes('%')) {
    return true;
  }
  const folded = foldVietnamese(segment);
  if (/\b(?:toi thieu|toi da|khong duoi|khong vuot qua)\b/u.test(folded)) {
    return true;
  }
  if (/\b(?:tu|den|tren|duoi)$/u.test(foldVietnamese(segment.slice(Math.max(0, matchStart - 12), matchStart)))) {
    return true;
  }
  const unit = /^\s*\/\s*([\p{L}\p{N}]+)/u.exec(segment.slice(matchEnd));
  return unit !== null && RATE_UNITS.has(foldVietnamese(unit[1] ?? ''));
};

/**
 * A fee name from the words before an amount, when they are one: "- Lệ phí cấp mới:" → "Lệ phí
 * cấp mới". Words that describe a case ("Đối với tàu dưới 500 GT là") are not a name; the fee
 * then gets the default name and the case stays in `Fee.text`.
 */
const cleanLabel = (prefix: string): string | undefined => {
  let label = normalizeVietnamese(prefix)
    .replace(/^\/[\p{L}\p{N}\s-]*?(?=[(:]|$)/u, '')
    .replace(/^[\s\-+•*()[\].,;:]+/u, '')
    .replace(/^(?:\d+(?:\.\d+)*|[a-zđ])[.)]\s+/u, '')
    .replace(/[\s:=\-–(,]+$/u, '');
  for (let round = 0; round < 3; round++) {
    label = label.replace(/\s*\b(?:là|mức thu|mức|bằng|nộp|thu)$/iu, '').replace(/[\s:=\-–(,]+$/u, '');
  }
  label = normalizeVietnamese(label.replace(/[()]/gu, ' '));
  const folded = foldVietnamese(label);
  if (
    label.length > 120 ||
    !/^(?:phi|le phi|gia dich vu|tien)\b/u.test(folded) ||
    ['phi', 'le phi', 'phi le phi'].includes(folded)
  ) {
    return undefined;
  }
  return label.charAt(0).toUpperCase() + label.slice(1);
};

interface NoteAmount {
  readonly amount: number;
  readonly currency: Currency;
  readonly rate: boolean;
  readonly label?: string;
  readonly kind?: FeeKind;
  readonly segment: string;
}

/** Splits a description into clauses: lines, ";" and "- " / "+ " bullets. */
const splitSegments = (text: string): string[] =>
  text
    .normalize('NFC')
    .split(/\r?\n|;|(?:^|\s)[-+•]\s/u)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');

/** Every readable amount in a description, with the clause it sits in and the words before it. */
const findNoteAmounts = (note: string): NoteAmount[] => {
  const amounts: NoteAmount[] = [];
  for (const segment of splitSegments(note)) {
    let previousEnd = 0;
    for (const match of findMoneyAmounts(segment)) {
      const label = cleanLabel(segment.slice(previousEnd, match.start));
      const kind = classifyFeeKind(label ?? '') ?? classifyFeeKind(segment);
      amounts.push({
        amount: match.amount,
        currency: match.currency,
        rate: isRate(segment, match.start, match.end),
        ...(label === undefined ? {} : { label }),
        ...(kind === undefined ? {} : { kind }),
        segment: normalizeVietnamese(segment),
      });
      previousEnd = match.end;
    }
  }
  return amounts;
};

/** Clauses about exemptions or temporary reductions (miễn, giảm, "áp dụng mức phí … đến hết"). */
const findExemptionClauses = (note: string | undefined): string[] =>
  note === undefined
    ? []
    : splitSegments(note)
        .filter((segment) => /\b(?:mien|giam|ap dung muc (?:phi|thu|le phi))\b/u.test(foldVietnamese(segment)))
        .map(normalizeVietnamese);

/** The exemption clauses as one text, leaving out the clause a fee was read from. */
const joinExemptions = (clauses: readonly string[], ownClause?: string): string | undefined => {
  const text = normalizeVietnamese(clauses.filter((clause) => clause !== ownClause).join('; '));
  return text === '' ? undefined : clipText(text, 5000);
};

const withExemptions = (fee: Fee, exemptions: string | undefined): Fee =>
  exemptions === undefined ? fee : { ...fee, exemptions };

/** 2500000 → "2.500.000" (Vietnamese grouping, without relying on the runtime's ICU data). */
const formatAmount = (amount: number): string => String(amount).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');

const describeAmount = (amount: NoteAmount): string =>
  `${formatAmount(amount.amount)} ${amount.currency === 'VND' ? 'đồng' : 'USD'}`;

/** One fee per distinct amount of the description. */
const buildFeesFromNotes = (
  amounts: readonly NoteAmount[],
  fallbackKind: FeeKind,
  exemptionClauses: readonly string[],
  field: string,
  issues: CatalogIssue[],
): Fee[] => {
  // One rate or bound makes the whole description a formula ("150.000 đồng + số tấn x 15.000
  // đồng/tấn; tối đa 700.000 đồng"): none of its amounts is the fee on its own.
  const formula = amounts.some((amount) => amount.rate);
  const seen = new Set<string>();
  const fees: Fee[] = [];
  for (const amount of amounts) {
    const identity = `${amount.currency}:${amount.amount}:${amount.rate}`;
    if (seen.has(identity)) {
      continue;
    }
    seen.add(identity);
    const kind = amount.kind ?? fallbackKind;
    if (amount.rate) {
      issues.push(createIssue('FEE_RATE_NOT_FLAT', field, { text: amount.segment.slice(0, 200) }));
    } else if (amount.currency !== 'VND') {
      issues.push(createIssue('FEE_FOREIGN_CURRENCY', field, { text: describeAmount(amount) }));
    }
    fees.push(
      withExemptions(
        {
          name: amount.label ?? DEFAULT_FEE_NAMES[kind],
          kind,
          amountVnd: amount.currency === 'VND' && !formula ? amount.amount : null,
          text: clipText(amount.segment, 5000),
        },
        joinExemptions(exemptionClauses, amount.segment),
      ),
    );
  }
  if (fees.length > 1) {
    issues.push(createIssue('FEE_MULTIPLE_AMOUNTS', field, { count: fees.length }));
  }
  return fees;
};

export interface FeesResult {
  readonly fees: Fee[];
  readonly issues: CatalogIssue[];
}

/**
 * Fees of a channel row. The published text is always kept: the column in `Fee.text`, the
 * description in the channel rule's `feeText`.
 */
export const buildChannelFees = (column: FeeColumn, note: string | undefined, field: string): FeesResult => {
  const issues: CatalogIssue[] = [];
  const amounts = note === undefined ? [] : findNoteAmounts(note);
  const exemptionClauses = findExemptionClauses(note);
  const exemptions = joinExemptions(exemptionClauses);
  const fallbackKind = classifyFeeKind(note ?? '') ?? 'other';

  switch (column.kind) {
    case 'amount': {
      const kind = classifyFeeKind(column.text) ?? amounts[0]?.kind ?? fallbackKind;
      if (column.currency === 'USD') {
        issues.push(createIssue('FEE_FOREIGN_CURRENCY', field, { text: column.text }));
        const label = amounts.find((a) => a.currency === 'USD' && a.amount === column.amount)?.label;
        return {
          fees: [
            withExemptions(
              { name: label ?? DEFAULT_FEE_NAMES[kind], kind, amountVnd: null, text: column.text },
              exemptions,
            ),
          ],
          issues,
        };
      }
      if (column.amount >= MIN_PLAUSIBLE_VND) {
        const label = amounts.find((a) => a.currency === 'VND' && a.amount === column.amount)?.label;
        return {
          fees: [
            withExemptions(
              { name: label ?? DEFAULT_FEE_NAMES[kind], kind, amountVnd: column.amount, text: column.text },
              exemptions,
            ),
          ],
          issues,
        };
      }
      // "20 VNĐ": the scrape read "20.000" as 20. Trust the description when it confirms the
      // thousands (or millions); otherwise the amount is unknown rather than guessed.
      const scaled = amounts.find(
        (a) => a.currency === 'VND' && (a.amount === column.amount * 1000 || a.amount === column.amount * 1e6),
      );
      if (scaled !== undefined) {
        issues.push(
          createIssue('FEE_AMOUNT_SCALE_REPAIRED', field, { column: column.text, amount: formatAmount(scaled.amount) }),
        );
        return {
          fees: [
            withExemptions(
              {
                name: scaled.label ?? DEFAULT_FEE_NAMES[scaled.kind ?? kind],
                kind: scaled.kind ?? kind,
                amountVnd: scaled.rate ? null : scaled.amount,
                // The column is the scrape's misreading; the description is what was published.
                text: clipText(scaled.segment, 5000),
              },
              exemptions,
            ),
          ],
          issues,
        };
      }
      const usd = amounts.find((a) => a.currency === 'USD' && a.amount === column.amount);
      issues.push(
        createIssue(usd === undefined ? 'FEE_AMOUNT_IMPLAUSIBLE' : 'FEE_CURRENCY_FROM_NOTES', field, {
          column: column.text,
        }),
      );
      return {
        fees: [
          withExemptions(
            {
              name: usd?.label ?? DEFAULT_FEE_NAMES[kind],
              kind,
              amountVnd: null,
              text: usd === undefined ? column.text : clipText(usd.segment, 5000),
            },
            exemptions,
          ),
        ],
        issues,
      };
    }
    case 'free': {
      if (amounts.length > 0) {
        issues.push(
          createIssue('FEE_FROM_NOTES', field, {
            column: column.text,
            amounts: amounts.map(describeAmount).join('; '),
          }),
        );
        return { fees: buildFeesFromNotes(amounts, fallbackKind, exemptionClauses, field, issues), issues };
      }
      if (note !== undefined && hasUnreadableMoney(note)) {
        issues.push(createIssue('FEE_NOTE_AMOUNT_UNPARSED', field));
      }
      return {
        fees: [
          withExemptions({ name: DEFAULT_FEE_NAMES.other, kind: 'other', amountVnd: 0, text: column.text }, exemptions),
        ],
        issues,
      };
    }
    case 'absent': {
      if (amounts.length > 0) {
        issues.push(
          createIssue('FEE_FROM_NOTES', field, {
            column: column.text ?? '(trống)',
            amounts: amounts.map(describeAmount).join('; '),
          }),
        );
        return { fees: buildFeesFromNotes(amounts, fallbackKind, exemptionClauses, field, issues), issues };
      }
      issues.push(createIssue('FEE_NOT_PUBLISHED', field));
      return { fees: [], issues };
    }
    case 'text': {
      const fromColumn = findNoteAmounts(column.text);
      if (fromColumn.length > 0) {
        return {
          fees: buildFeesFromNotes(
            fromColumn,
            classifyFeeKind(column.text) ?? fallbackKind,
            [...findExemptionClauses(column.text), ...exemptionClauses],
            field,
            issues,
          ),
          issues,
        };
      }
      issues.push(createIssue('FEE_TEXT_UNPARSED', field, { text: column.text.slice(0, 200) }));
      const kind = classifyFeeKind(column.text) ?? fallbackKind;
      return {
        fees: [
          withExemptions(
            { name: DEFAULT_FEE_NAMES[kind], kind, amountVnd: null, text: clipText(column.text, 5000) },
            exemptions,
          ),
        ],
        issues,
      };
    }
  }
};
