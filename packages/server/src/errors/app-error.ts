import { PROBLEM_CATALOG, type ProblemCode } from './catalog.js';

/** A placeholder value: plain, or different per language (e.g. a resource name). */
export type ProblemParam = string | number | { vi: string; en: string };
export type ProblemParams = Record<string, ProblemParam>;

/** One field-level problem in a validation failure. */
export type FieldProblem = {
  /** Where the field is: body, query, params or headers. */
  in: string;
  /** JSON pointer into that part, e.g. "/applicant/idNumber". */
  pointer: string;
  code: string;
  message: string;
};

/**
 * The one error type use-cases throw. The code picks the HTTP status and the Vietnamese/English
 * texts from the problem catalog; params fill the placeholders in the detail.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
    options: { cause?: unknown; fieldProblems?: FieldProblem[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = PROBLEM_CATALOG[code].status;
    this.fieldProblems = options.fieldProblems;
    this.extensions = options.extensions;
  }

  readonly fieldProblems: FieldProblem[] | undefined;
  /** Extra members of the problem document (e.g. the violated rule's code). */
  readonly extensions: Record<string, unknown> | undefined;
}

/** A 404 for a resource, named in both languages ({ vi: 'hồ sơ', en: 'dossier' }). */
export const notFound = (resource: { vi: string; en: string }): AppError => new AppError('NOT_FOUND', { resource });
