import type { OfficialRole } from '../access/permissions.js';
import { getDayStartInstant, getLocalDayNumber, getWeekdayOfDayNumber } from '../calendar/local-date.js';
import { computeDocumentRate, type DocumentRate } from '../eoffice/document-rates.js';
import { EVALUATION_BANDS, type EvaluationBand } from './vocabulary.js';

/**
 * The leader's operations dashboard (issue 20 item 6: "a leader sees their units' workload, overdue tasks and
 * dossiers, and evaluation results"). Who is a leader: the head of a unit (trưởng phòng) or of an agency
 * (thủ trưởng cơ quan) — the e-office roles that assign tasks and review evaluations. Every figure is a count
 * over its base, as the e-office rates are published ("4.431/4.788 (92,54%)", eoffice/document-rates.ts).
 */
export const LEADER_ROLES: readonly OfficialRole[] = ['unit_head', 'agency_head'];

/** A figure and the base it is read against (overdue over open, held-late over held, a band over the decided). */
export type DashboardFigure = DocumentRate;

/** count / base, the percentage half up to 0,01 % (the rule of eoffice/document-rates.ts); a count above its base is capped. */
export const dashboardFigure = (count: number, base: number): DashboardFigure =>
  computeDocumentRate(Math.min(count, base), base);

/**
 * The working week an instant falls in, Monday 00:00 to the next Monday 00:00 in Vietnam (UTC+7), as the
 * weekly work calendar reads it (schedule_entry.week_start is that Monday). Instants in epoch ms.
 */
export const weekOf = (now: number): { start: number; end: number } => {
  const day = getLocalDayNumber(now);
  // 0 = Sunday … 6 = Saturday; Monday starts the week.
  const sinceMonday = (getWeekdayOfDayNumber(day) + 6) % 7;
  const monday = day - sinceMonday;
  return { start: getDayStartInstant(monday), end: getDayStartInstant(monday + 7) };
};

/** The decided sheets per band, each over all decided sheets, in the bands' order (xuất sắc first). */
export const bandFigures = (
  counts: Partial<Record<EvaluationBand, number>>,
): { band: EvaluationBand; figure: DashboardFigure }[] => {
  const total = EVALUATION_BANDS.reduce((sum, band) => sum + (counts[band] ?? 0), 0);
  return EVALUATION_BANDS.map((band) => ({ band, figure: dashboardFigure(counts[band] ?? 0, total) }));
};
