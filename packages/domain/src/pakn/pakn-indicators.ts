/**
 * The two PAKN indicators of the Decision 766/QĐ-TTg service index (group 5 "Mức độ hài lòng", 6
 * points each; regulations brief §4, reform brief §C, read from the national formula sheet
 * "Công thức 766" as published by ChippedTopaz/qd766 — a secondary source):
 * - stt 21 "Tỷ lệ PAKN xử lý đúng hạn": (PAKN answered on or before the due instant + PAKN still open
 *   within it) / PAKN within the unit's competence (received or forwarded to it, not rejected);
 * - stt 22 "Tỷ lệ hài lòng trong xử lý PAKN": (PAKN answered − those rated dissatisfied or answered
 *   late) / PAKN answered. "Tiếp tục phản ánh" (the sender writes again on the same matter) is not
 *   recorded by motcua and is not subtracted.
 * Both are awarded in full when the unit had no PAKN in the base ("both full if there are no PAKN").
 */
export type PaknIndicatorCounts = {
  /** Not rejected, held by the unit (received in the period). */
  inCompetence: number;
  answeredOnTime: number;
  openWithinTime: number;
  answered: number;
  /** Answered PAKN rated dissatisfied, or answered late (each counted once). */
  answeredDissatisfiedOrLate: number;
};

export type IndicatorRatio = { numerator: number; base: number };

export const computePaknOnTimeRatio = (counts: PaknIndicatorCounts): IndicatorRatio => ({
  numerator: counts.answeredOnTime + counts.openWithinTime,
  base: counts.inCompetence,
});

export const computePaknSatisfactionRatio = (counts: PaknIndicatorCounts): IndicatorRatio => ({
  numerator: counts.answered - counts.answeredDissatisfiedOrLate,
  base: counts.answered,
});

/** Points of a PAKN indicator: max × ratio, and the full maximum when there is no PAKN in the base. */
export const scorePaknIndicator = (ratio: IndicatorRatio, max: number): number =>
  ratio.base === 0 ? max : Math.round(((max * Math.min(ratio.numerator, ratio.base)) / ratio.base) * 100) / 100;
