import type { ParPoints, ParSystemMeasure } from './types.js';

/**
 * Figures motcua measures itself for a PAR criterion (issue 17 item 3), turned into points.
 *
 * QĐ 876/QĐ-BNV scores these component criteria from the share of dossiers: e.g. "Tỷ lệ hồ sơ TTHC được giải
 * quyết đúng hạn" and "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến" — full points at 100 %, or by bands the
 * province's decision publishes ("Từ 95% trở lên: 1 điểm; từ 90% đến dưới 95%: 0,5 điểm; dưới 90%: 0 điểm").
 */

/**
 * The measures motcua computes today (dossiers, the Decision 766 index, the PAKN register, published SIPAS
 * surveys, the registers of official documents: documents exchanged electronically and outgoing documents
 * digitally signed, eoffice/document-rates.ts).
 */
export const PAR_MEASURES_AVAILABLE: readonly ParSystemMeasure[] = [
  'dossier_on_time_rate',
  'dossier_online_share',
  'index_766',
  'pakn_on_time_rate',
  'sipas_satisfaction',
  'edocument_rate',
  'digital_signature_rate',
];

export const PAR_MEASURE_LABELS: Record<ParSystemMeasure, { vi: string; en: string }> = {
  dossier_on_time_rate: {
    vi: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    en: 'Share of dossiers settled on time',
  },
  dossier_online_share: {
    vi: 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến',
    en: 'Share of dossiers received online',
  },
  index_766: {
    vi: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
    en: 'Service index (Decision 766/QĐ-TTg)',
  },
  pakn_on_time_rate: { vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', en: 'Feedback handled on time' },
  sipas_satisfaction: { vi: 'Chỉ số hài lòng (SIPAS)', en: 'Satisfaction index (SIPAS)' },
  edocument_rate: { vi: 'Tỷ lệ văn bản điện tử', en: 'Share of electronic documents' },
  digital_signature_rate: { vi: 'Tỷ lệ văn bản ký số', en: 'Share of digitally signed documents' },
};

/** A band of a banded scoring rule: from `minBp` hundredths of a percent (inclusive) the leaf gives `points`. */
export type ParScoreBand = { minBp: number; points: ParPoints };

const PERCENT = /(\d{1,3}(?:[.,]\d{1,2})?)\s*%/;
const POINTS = /(\d{1,3}(?:[.,]\d{1,2})?)\s*điểm/i;

const toHundredths = (text: string): number => {
  const [whole = '0', fraction = ''] = text.replace(',', '.').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
};

/**
 * Reads a banded scoring rule as provinces publish it, one band per clause ("Từ 95% trở lên: 1 điểm; từ 90%
 * đến dưới 95%: 0,5 điểm; dưới 90%: 0 điểm"). A clause's lower bound is its first percentage, unless it is
 * only "dưới X%" (the bottom band, from 0). Answers null unless every clause has a percentage and points
 * (then the rule is proportional).
 */
export const parseScoreBands = (rule: string | null | undefined): ParScoreBand[] | null => {
  if (!rule) {
    return null;
  }
  const clauses = rule
    .split(/[;\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length < 2) {
    return null;
  }
  const bands: ParScoreBand[] = [];
  for (const clause of clauses) {
    const percent = PERCENT.exec(clause);
    const points = POINTS.exec(clause.slice(percent ? percent.index + percent[0].length : 0));
    if (!percent?.[1] || !points?.[1]) {
      return null;
    }
    const onlyBelow = /dưới/i.test(clause) && !/từ|trên|trở lên|>=|≥/i.test(clause);
    bands.push({ minBp: onlyBelow ? 0 : toHundredths(percent[1]), points: toHundredths(points[1]) });
  }
  return bands.sort((a, b) => b.minBp - a.minBp);
};

export type ParSystemPoints = {
  points: ParPoints;
  /** The share in hundredths of a percent, rounded down (94,49 % = 9449). */
  rateBp: number;
  /** The formula in words (shown beside the figure). */
  formula: { vi: string; en: string };
};

const formatBp = (bp: number) => `${Math.floor(bp / 100)},${String(bp % 100).padStart(2, '0')} %`;
const formatPoints = (p: number) => `${Math.floor(p / 100)},${String(p % 100).padStart(2, '0')}`;

/**
 * The points a figure gives a leaf of maximum `maxPoints`: by the band the share reaches when the rule is
 * banded, else proportional — max × numerator ÷ denominator, rounded half up to the hundredth and never above
 * the maximum. Integer arithmetic only, so the same counts always give the same points.
 */
export const computeSystemPoints = (input: {
  numerator: number;
  denominator: number;
  maxPoints: ParPoints;
  bands?: readonly ParScoreBand[] | null;
}): ParSystemPoints => {
  const { numerator, denominator, maxPoints } = input;
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError('a figure needs whole counts and a positive denominator');
  }
  const bounded = Math.min(numerator, denominator);
  const rateBp = Math.floor((bounded * 10_000) / denominator);
  const share = `${bounded}/${denominator} = ${formatBp(rateBp)}`;
  if (input.bands && input.bands.length > 0) {
    // Compare exactly: numerator / denominator >= minBp / 10000.
    const band = [...input.bands]
      .sort((a, b) => b.minBp - a.minBp)
      .find((b) => bounded * 10_000 >= b.minBp * denominator);
    const points = Math.min(band?.points ?? 0, maxPoints);
    return {
      points,
      rateBp,
      formula: {
        vi: `${share}; theo thang điểm: từ ${formatBp(band?.minBp ?? 0)} được ${formatPoints(points)} điểm`,
        en: `${share}; banded rule: from ${formatBp(band?.minBp ?? 0)} gives ${formatPoints(points)} points`,
      },
    };
  }
  const points = Math.min(maxPoints, Math.floor((2 * maxPoints * bounded + denominator) / (2 * denominator)));
  return {
    points,
    rateBp,
    formula: {
      vi: `${share}; điểm = ${formatPoints(maxPoints)} × ${bounded}/${denominator} = ${formatPoints(points)}`,
      en: `${share}; points = ${formatPoints(maxPoints)} × ${bounded}/${denominator} = ${formatPoints(points)}`,
    },
  };
};
