/** Hundredths of a point as published: 8878 → "88,78". */
export const formatParPoints = (points: number | null | undefined): string =>
  points === null || points === undefined
    ? '—'
    : `${Math.floor(points / 100)},${String(Math.abs(points) % 100).padStart(2, '0')}`;
