/**
 * Cuts text to at most `max` characters, marking the cut with "…" the way the national scrape
 * does, so stored text always fits the catalog schema's limits.
 */
export const clipText = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
