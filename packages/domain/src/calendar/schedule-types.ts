import type { LocalDate } from './local-date.js';

/**
 * What a schedule entry says about a date.
 * - holiday: a statutory holiday (Labour Code 2019 Art. 112(1); Labour Code 2012 Art. 115(1)).
 * - compensatory: a weekday off because a holiday fell on the weekly rest day (LC 2019 Art. 111(3)).
 * - swap_day_off: a working weekday made a day off by a Government decision (hoán đổi) …
 * - makeup_workday: … against a Saturday worked instead (làm bù).
 * - extra_day_off: a one-off day off added by a province admin (e.g. a provincial decision).
 */
export type DayKind = 'holiday' | 'compensatory' | 'swap_day_off' | 'extra_day_off' | 'makeup_workday';

/**
 * confirmed: stated in an official letter or a report of it; rule-derived: computed from the
 * Labour Code; proposed: a ministry proposal not yet approved (treated as a day off, but
 * provisional); pending-law: announced policy, not yet law (NOT a day off, but provisional).
 */
export type ScheduleStatus = 'confirmed' | 'rule-derived' | 'proposed' | 'pending-law';

export interface ScheduleEntry {
  readonly date: LocalDate;
  readonly kind: DayKind;
  /** Name of the break, e.g. 'Tết Âm lịch (Bính Ngọ)'. */
  readonly period: string;
  readonly status: ScheduleStatus;
  /** Legal basis and/or source URLs. */
  readonly source?: string;
  readonly note?: string;
}

/**
 * An override that removes whatever an earlier entry (or the Labour Code fallback) said about a
 * date, so the date reverts to the plain week: Monday–Friday working, Saturday–Sunday rest.
 * Use it to cancel a day off; to make a Saturday a working day use `makeup_workday`.
 */
export interface ScheduleRemoval {
  readonly date: LocalDate;
  readonly removed: true;
  readonly period?: string;
  readonly source?: string;
  readonly note?: string;
}

export type ScheduleEntryInput = ScheduleEntry | ScheduleRemoval;

/** One break of an official schedule, as in reference-data/holidays-vn-2020-2026.json. */
export interface OfficialSchedulePeriod {
  readonly year: number;
  readonly name: string;
  readonly offFrom: LocalDate;
  readonly offTo: LocalDate;
  /** Every calendar day of the break, weekends included. */
  readonly daysOff: readonly LocalDate[];
  readonly statutoryHolidays: readonly LocalDate[];
  readonly compensatoryDays: readonly LocalDate[];
  readonly swaps: readonly { readonly dayOff: LocalDate; readonly makeupWorkday: LocalDate }[];
  readonly status: ScheduleStatus;
  /** The legal instrument (e.g. 'Công văn 8726/VPCP-KGVX (26/11/2024)'), when known. */
  readonly basis: string | null;
  readonly sources: readonly string[];
  readonly note?: string;
}
