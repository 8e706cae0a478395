import type { FormInstance } from 'antd';
import type { ApiError } from '../api/client';

/**
 * Puts the field messages of a problem next to the fields of an antd form. `pointer` is a JSON
 * pointer into the request body (/applicant/idNumber); `toField` maps it to the form's name path
 * (return undefined for fields the form does not show). Returns the messages left unplaced, to
 * show above the form.
 */
export const applyFieldErrors = (
  form: FormInstance,
  error: ApiError,
  toField: (path: string[]) => (string | number)[] | undefined = (path) => path,
): string[] => {
  const unplaced: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const problem of error.fieldErrors) {
    const path = problem.pointer
      .split('/')
      .filter((part) => part !== '')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    const name = path.length > 0 ? toField(path) : undefined;
    if (!name) {
      unplaced.push(problem.message);
      continue;
    }
    const normalised = name.map((part) => (typeof part === 'string' && /^\d+$/.test(part) ? Number(part) : part));
    const key = JSON.stringify(normalised);
    const entry = byField.get(key) ?? { name: normalised, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  const registered = byField.size > 0 ? form.getFieldsValue(true) : undefined;
  const fields = [...byField.values()].filter((field) => {
    // Only fields the form knows; messages for others are shown above the form.
    const known = hasPath(registered, field.name);
    if (!known) {
      unplaced.push(...field.errors);
    }
    return known;
  });
  form.setFields(fields.map((field) => ({ name: field.name, errors: field.errors })));
  return unplaced;
};

const hasPath = (value: unknown, path: (string | number)[]): boolean => {
  let current: unknown = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || !(part in (current as Record<string, unknown>))) {
      return false;
    }
    current = (current as Record<string | number, unknown>)[part];
  }
  return true;
};
