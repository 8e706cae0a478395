import type { FormDefinition } from './definition.js';
import type { AddressValue, FormValues } from './values.js';

/** An address of a filled form that names a commune, and where it sits in the values (a JSON path). */
export type FormCommuneReference = { path: (string | number)[]; communeCode: string };

const communeOf = (value: unknown): string | undefined => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  const code = (value as AddressValue).communeCode;
  return typeof code === 'string' && code !== '' ? code : undefined;
};

/**
 * Every commune code the address fields of a filled form name (groups' items included), in the form's
 * order, with the path of its field — so the server can check each against the administrative units
 * in force and point at the one that is not, and a printed form can write each place in full.
 */
export const listFormCommunes = (form: FormDefinition, values: Readonly<FormValues>): FormCommuneReference[] => {
  const found: FormCommuneReference[] = [];
  for (const field of form.sections.flatMap((section) => section.fields)) {
    const value = values[field.key];
    if (field.kind === 'address') {
      const communeCode = communeOf(value);
      if (communeCode) {
        found.push({ path: [field.key, 'communeCode'], communeCode });
      }
    } else if (field.kind === 'group' && Array.isArray(value)) {
      value.forEach((item, index) => {
        for (const inner of field.fields) {
          const communeCode = inner.kind === 'address' ? communeOf(item?.[inner.key]) : undefined;
          if (communeCode) {
            found.push({ path: [field.key, index, inner.key, 'communeCode'], communeCode });
          }
        }
      });
    }
  }
  return found;
};
