import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../errors/app-error.js';
import type { Language } from '../errors/problem.js';

/**
 * A UTF-16 surrogate that is not half of a pair. Like a NUL (U+0000), PostgreSQL refuses it in
 * text and jsonb, and neither can be written to a document, so no field of ours may carry them.
 * Without the `u` flag the pattern works on UTF-16 code units, which is what a lone surrogate is.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const INVALID_CHARACTERS = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g');

/** The text with each NUL and lone surrogate written as `\uXXXX`, safe to echo in a pointer. */
const showInvalidCharacters = (text: string): string =>
  text.replace(INVALID_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/** True when a string holds a NUL or a lone surrogate. */
export const hasInvalidCharacter = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

export const escapePointerToken = (token: string): string => token.replaceAll('~', '~0').replaceAll('/', '~1');

/** True when any string (value or object key) in `value` holds an invalid character; builds no pointer. */
const holdsInvalidText = (value: unknown): boolean => {
  if (typeof value === 'string') {
    return hasInvalidCharacter(value);
  }
  if (Array.isArray(value)) {
    return value.some(holdsInvalidText);
  }
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (
        Object.hasOwn(value, key) &&
        (hasInvalidCharacter(key) || holdsInvalidText((value as Record<string, unknown>)[key]))
      ) {
        return true;
      }
    }
  }
  return false;
};

/** JSON pointers of every string (value or object key) in `value` that holds an invalid character. */
export const findInvalidTextPointers = (value: unknown, pointer = '', found: string[] = []): string[] => {
  if (found.length >= 20) {
    return found;
  }
  if (typeof value === 'string') {
    if (hasInvalidCharacter(value)) {
      found.push(pointer || '/');
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      findInvalidTextPointers(item, `${pointer}/${index}`, found);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = `${pointer}/${escapePointerToken(showInvalidCharacters(key))}`;
      if (hasInvalidCharacter(key)) {
        found.push(here);
      } else {
        findInvalidTextPointers(item, here, found);
      }
    }
  }
  return found;
};

/** The 400 TEXT_INVALID_CHARACTER problem naming each field (where and JSON pointer). */
export const invalidTextError = (language: Language, fields: Array<{ in: string; pointer: string }>): AppError => {
  const message =
    language === 'en'
      ? 'Contains a NUL character or an unpaired surrogate.'
      : 'Chứa ký tự NUL hoặc ký tự thay thế (surrogate) không thành cặp.';
  const errors: FieldProblem[] = fields.map((field) => ({ ...field, code: 'invalid_character', message }));
  return new AppError('TEXT_INVALID_CHARACTER', { count: errors.length }, { fieldProblems: errors });
};

/**
 * Checks the text of every request once, before validation: a NUL or a lone surrogate anywhere in
 * the JSON body, the query or the path parameters is a 400 naming each field, on every route
 * (including login, which runs without a session). Nothing is stripped silently: the client learns
 * which field to correct.
 */
export const registerTextGuard = (app: FastifyInstance): void => {
  app.addHook('preValidation', async (request) => {
    // The common case first: nothing to report, found without building a pointer per field.
    if (!holdsInvalidText(request.params) && !holdsInvalidText(request.query) && !holdsInvalidText(request.body)) {
      return;
    }
    const parts: Array<[string, unknown]> = [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ];
    const fields = parts.flatMap(([where, value]) =>
      findInvalidTextPointers(value).map((pointer) => ({ in: where, pointer })),
    );
    if (fields.length > 0) {
      throw invalidTextError(request.language, fields);
    }
  });
};
