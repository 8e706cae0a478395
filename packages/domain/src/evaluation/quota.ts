/**
 * The "xuất sắc" quota and the year's rating (../shared/spec/reform-and-eoffice.md §E).
 *
 * Quota (Decree 335/2025/NĐ-CP; Decree 233/2026/NĐ-CP Art. 12(6)): the officials rated "hoàn thành xuất sắc" are
 * at most 20 % of those rated "hoàn thành tốt" (read: "tốt" or better) in the same agency and group of similar
 * tasks; at most 25 % when the unit itself is rated "xuất sắc". Documented choices [INF]:
 * - Rounding: the number allowed is ⌊base × percent / 100⌋ (rounded DOWN: "không quá" — never more than the
 *   percentage); a group of fewer than 5 (4 at 25 %) therefore has no "xuất sắc" place.
 * - Who keeps "xuất sắc" when more are proposed than allowed: the highest total first; ties broken by the higher
 *   task points, then the higher general points (the manager's), then the official's name (Vietnamese collation),
 *   then the sheet id, so the order never depends on the database. The rest become "hoàn thành tốt" with the
 *   reason shown (QUOTA_DEMOTION_REASON).
 *
 * The year (ND 233 Art. 3(5–6), 12(5): the year's rating is derived from the monthly or quarterly results; the
 * sources read give no formula) [INF]: the year's total is the average of the period totals of the year, rounded
 * half up to the hundredth; the band follows from it; a veto in any period of the year is a veto of the year.
 */
import type { EvaluationBand, EvaluationVeto } from '../work/vocabulary.js';
import { proposeBand, roundHalfUp } from './scoring.js';

export const QUOTA_DEMOTION_REASON = {
  vi: 'Vượt tỷ lệ "hoàn thành xuất sắc" của cơ quan, nhóm (không quá {percent}% số được xếp loại từ "hoàn thành tốt" trở lên): chuyển "hoàn thành tốt"',
  en: 'Over the agency and group\'s "excellent" quota (at most {percent}% of those rated "good" or better): rated "good"',
} as const;

/** The number of "xuất sắc" places in a group: ⌊base × percent / 100⌋. */
export const quotaPlaces = (ratedGoodOrBetter: number, percent: number): number =>
  Math.floor((Math.max(0, ratedGoodOrBetter) * Math.max(0, percent)) / 100);

/** The percent that applies: 25 % when the unit itself is "xuất sắc", else 20 % (or the agency's settings). */
export const quotaPercentFor = (
  unitBand: EvaluationBand | null,
  settings: { quotaPercent: number; quotaPercentExcellentUnit: number },
): number => (unitBand === 'excellent' ? settings.quotaPercentExcellentUnit : settings.quotaPercent);

export type QuotaCandidate = {
  sheetId: string;
  groupCode: string;
  fullName: string;
  proposedBand: EvaluationBand;
  totalPoints: number;
  taskPoints: number;
  generalPoints: number;
};

export type QuotaGroup = {
  groupCode: string;
  percent: number;
  /** Those proposed "tốt" or better (the base of the percentage). */
  base: number;
  places: number;
  /** Proposed "xuất sắc", in the order who keeps it. */
  ranked: string[];
  kept: string[];
  demoted: string[];
};

const collator = new Intl.Collator('vi');

/** The documented order among those proposed "xuất sắc": total, task points, general points, name, id. */
export const compareForQuota = (a: QuotaCandidate, b: QuotaCandidate): number =>
  b.totalPoints - a.totalPoints ||
  b.taskPoints - a.taskPoints ||
  b.generalPoints - a.generalPoints ||
  collator.compare(a.fullName, b.fullName) ||
  (a.sheetId < b.sheetId ? -1 : a.sheetId > b.sheetId ? 1 : 0);

/**
 * Applies the quota per group: answers each group's figures and the band each sheet ends with (the proposed one,
 * or "good" for a demoted "excellent").
 */
export const applyQuota = (
  candidates: readonly QuotaCandidate[],
  percent: number,
): { groups: QuotaGroup[]; bands: Map<string, EvaluationBand> } => {
  const byGroup = new Map<string, QuotaCandidate[]>();
  for (const candidate of candidates) {
    const list = byGroup.get(candidate.groupCode) ?? [];
    list.push(candidate);
    byGroup.set(candidate.groupCode, list);
  }
  const groups: QuotaGroup[] = [];
  const bands = new Map<string, EvaluationBand>();
  for (const [groupCode, list] of [...byGroup].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const base = list.filter((c) => c.proposedBand === 'excellent' || c.proposedBand === 'good').length;
    const places = quotaPlaces(base, percent);
    const ranked = list.filter((c) => c.proposedBand === 'excellent').sort(compareForQuota);
    const kept = ranked.slice(0, places).map((c) => c.sheetId);
    const demoted = ranked.slice(places).map((c) => c.sheetId);
    for (const candidate of list) {
      bands.set(candidate.sheetId, candidate.proposedBand);
    }
    for (const id of demoted) {
      bands.set(id, 'good');
    }
    groups.push({ groupCode, percent, base, places, ranked: ranked.map((c) => c.sheetId), kept, demoted });
  }
  return { groups, bands };
};

/** The year's figures from the period sheets of the year [INF rule above]. */
export const computeYear = (
  periods: readonly { totalPoints: number; taskPoints: number; generalPoints: number; veto: EvaluationVeto | null }[],
): {
  totalPoints: number;
  taskPoints: number;
  generalPoints: number;
  veto: EvaluationVeto | null;
  proposedBand: EvaluationBand;
} | null => {
  if (periods.length === 0) {
    return null;
  }
  const average = (pick: (p: (typeof periods)[number]) => number) =>
    roundHalfUp(
      periods.reduce((sum, period) => sum + pick(period), 0),
      periods.length,
    );
  const totalPoints = average((p) => p.totalPoints);
  const veto = periods.find((period) => period.veto !== null)?.veto ?? null;
  return {
    totalPoints,
    taskPoints: average((p) => p.taskPoints),
    generalPoints: average((p) => p.generalPoints),
    veto,
    proposedBand: proposeBand(totalPoints, veto),
  };
};

/** The first and last day of a period (local dates), for a month (1–12), a quarter (1–4) or the year (0). */
export const periodRange = (kind: 'month' | 'quarter' | 'year', year: number, number: number) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const [first, last] =
    kind === 'month' ? [number, number] : kind === 'quarter' ? [3 * number - 2, 3 * number] : [1, 12];
  return { startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(last)}-${pad(lastDay(last))}` };
};

/** Whether a period number fits its kind. */
export const periodNumberValid = (kind: 'month' | 'quarter' | 'year', number: number): boolean =>
  kind === 'month' ? number >= 1 && number <= 12 : kind === 'quarter' ? number >= 1 && number <= 4 : number === 0;
