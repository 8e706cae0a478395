import { AppError } from './app-error.js';

/** PostgreSQL's SQLSTATE for a unique violation (PGlite reports the same). */
const UNIQUE_VIOLATION = '23505';

type DatabaseErrorFields = { code?: unknown; constraint?: unknown; detail?: unknown; table?: unknown };

/** The key columns and values of a violation, from PostgreSQL's detail "Key (a, b)=(x, y) already exists.". */
const KEY_DETAIL = /^Key \((.+?)\)=\((.*)\) already exists\.?$/s;

/**
 * Unique indexes whose violation has its own problem in the catalog, with the parameter the
 * problem names (taken from the violation's detail). Values of other indexes are not echoed: they
 * may be personal data.
 */
const KNOWN_CONSTRAINTS: Record<string, (value: string) => AppError> = {
  agency_code_in_force: (code) => new AppError('AGENCY_CODE_TAKEN', { code }),
  app_user_username_key: (username) => new AppError('USERNAME_TAKEN', { username }),
};

/** What the rows of a table are, for the generic ALREADY_EXISTS problem. */
const RESOURCES: Record<string, { vi: string; en: string }> = {
  agency: { vi: 'cơ quan', en: 'agency' },
  app_user: { vi: 'tài khoản cán bộ', en: 'official account' },
  par_criteria_set: { vi: 'bộ tiêu chí Chỉ số CCHC', en: 'PAR Index criteria set' },
  citizen: { vi: 'tài khoản công dân', en: 'citizen account' },
  procedure: { vi: 'thủ tục hành chính', en: 'administrative procedure' },
  procedure_version: { vi: 'phiên bản thủ tục', en: 'procedure version' },
};

const findDatabaseError = (error: unknown): DatabaseErrorFields | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    if ((current as DatabaseErrorFields).code === UNIQUE_VIOLATION) {
      return current as DatabaseErrorFields;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * Turns a unique violation (two requests racing to create the same thing past the use-case's own
 * check) into the 409 problem the check would have answered, or a generic ALREADY_EXISTS naming
 * the resource and the key's columns. Anything else gives undefined.
 */
export const findUniqueViolationProblem = (error: unknown): AppError | undefined => {
  const violation = findDatabaseError(error);
  if (!violation) {
    return undefined;
  }
  const constraint = typeof violation.constraint === 'string' ? violation.constraint : '';
  const key = typeof violation.detail === 'string' ? KEY_DETAIL.exec(violation.detail) : null;
  const known = KNOWN_CONSTRAINTS[constraint];
  if (known && key?.[2] !== undefined) {
    return known(key[2]);
  }
  const table = typeof violation.table === 'string' ? violation.table : '';
  const fields = key?.[1] ?? constraint;
  return new AppError(
    'ALREADY_EXISTS',
    { resource: RESOURCES[table] ?? { vi: 'bản ghi', en: 'record' }, fields },
    { cause: error, extensions: { constraint } },
  );
};
