/** A problem type: its HTTP status and its title/detail in Vietnamese and English. */
export type ProblemDefinition = {
  status: number;
  vi: { title: string; detail: string };
  en: { title: string; detail: string };
};

/**
 * Declares a group of problem types. Details may contain `{name}` placeholders filled from the
 * error's params. Codes are stable API: clients branch on `code`, never on the text.
 */
export const defineProblems = <const T extends Record<string, ProblemDefinition>>(definitions: T): T => definitions;
