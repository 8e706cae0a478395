import { ProcedureVersionContent } from '@motcua/domain';
import { AppError } from '../../errors/app-error.js';
import type { Language } from '../../errors/problem.js';
import { formatValidationIssue } from '../../errors/validation-messages.js';

/**
 * Validates procedure content sent by a client: 422 PROCEDURE_CONTENT_INVALID listing every problem
 * under /content, in the caller's language. Not left to the route schema because the content has
 * cross-field rules (the process steps must fit within the legal time limit) and because it must
 * run after the authorisation check: a caller who may not edit learns nothing about the content.
 */
export const parseProcedureContent = (value: unknown, language: Language): ProcedureVersionContent => {
  const parsed = ProcedureVersionContent.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const fieldProblems = parsed.error.issues.map((issue) => ({
    in: 'body',
    pointer: `/content${issue.path.map((part) => `/${String(part)}`).join('')}`,
    code: issue.code,
    message: formatValidationIssue(issue as unknown as { code: string }, language),
  }));
  throw new AppError('PROCEDURE_CONTENT_INVALID', { count: fieldProblems.length }, { fieldProblems });
};
