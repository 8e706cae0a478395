import type { FormDefinition, FormField, ScalarField } from '@motcua/domain/eforms/definition';
import { foldVietnamese } from '@motcua/domain/text/fold';

/**
 * Keys of an application form the administrator does not type: a field's camelCase key and a choice's
 * slug value, made from the label ("Họ, chữ đệm, tên" → "hoChuDemTen", "Nữ" → "nu"), unique in the form.
 */

const uniqueIn = (base: string, taken: ReadonlySet<string>, join: string): string => {
  if (!taken.has(base)) {
    return base;
  }
  let n = 2;
  while (taken.has(`${base}${join}${n}`)) {
    n += 1;
  }
  return `${base}${join}${n}`;
};

/** "Họ, chữ đệm, tên" → "hoChuDemTen" (FORM_FIELD_KEY_PATTERN), not one of `taken`. */
export const createFieldKey = (label: string, taken: ReadonlySet<string>): string => {
  const words = foldVietnamese(label)
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word !== '');
  const joined = words.map((word, i) => (i === 0 ? word : `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`)).join('');
  const base = (/^[a-z]/.test(joined) ? joined : `truong${joined}`).slice(0, 56);
  return uniqueIn(base, taken, '');
};

/** "Con đẻ" → "con-de" (a lower-case slug), not one of `taken`. */
export const createSlug = (label: string, taken: ReadonlySet<string>, fallback: string): string => {
  const base = foldVietnamese(label).replace(/ /g, '-').slice(0, 56).replace(/-+$/g, '') || fallback;
  return uniqueIn(base, taken, '-');
};

/** Every field key of the form (groups' inner fields included). */
export const listFormKeys = (form: Pick<FormDefinition, 'sections'>): Set<string> =>
  new Set(
    form.sections.flatMap((section) =>
      section.fields.flatMap((field: FormField) =>
        field.kind === 'group' ? [field.key, ...field.fields.map((inner: ScalarField) => inner.key)] : [field.key],
      ),
    ),
  );
