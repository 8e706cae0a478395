import { z } from 'zod';
import { type CitizenSex, checkCitizenIdNumber } from '../dossier/id-number.js';
import { PHONE_PATTERN } from '../dossier/phone.js';
import type { FieldCondition, FormDefinition, FormField, ScalarField } from './definition.js';

/**
 * The values of a filled form, and the zod schema the server validates them with — built from the
 * form's definition, so the portal, the counter and the server apply the same rules.
 *
 * Values are one flat object keyed by field key (keys are unique in a form); a repeating group holds an
 * array of such objects. A field hidden by its `visibleWhen` is never required and its value is dropped
 * (`pruneHiddenValues`) before the form is stored or printed. Messages are keys ("msg:…") that the server
 * and the web turn into Vietnamese or English text; `params.code` is the stable code of the problem.
 */

/** An address value: a commune of the 2025 administrative units and the rest of the address, or a place abroad. */
export type AddressValue = { communeCode?: string; detail?: string; abroad?: string };
export type ScalarValue = string | number | boolean | AddressValue;
export type GroupItemValues = Record<string, ScalarValue | undefined>;
export type FormValues = Record<string, ScalarValue | GroupItemValues[] | undefined>;

const isoDate = z.iso.date({ message: 'msg:DATE' });
const COMMUNE_CODE = /^\d{5}$/;

const AddressSchema = z
  .object({
    communeCode: z
      .union([z.literal(''), z.string().regex(COMMUNE_CODE, { message: 'msg:ADMIN_UNIT_CODE' })])
      .optional(),
    detail: z.string().trim().max(300).optional(),
    abroad: z.string().trim().max(300).optional(),
  })
  .strict();

/** The schema of one value, before the rules that look at other fields (required, conditions, CCCD). */
const scalarSchema = (field: ScalarField, today: string | undefined): z.ZodType => {
  switch (field.kind) {
    case 'text':
      return z
        .string()
        .trim()
        .max(field.maxLength ?? 200);
    case 'textarea':
      return z
        .string()
        .trim()
        .max(field.maxLength ?? 2000);
    case 'date':
      return z.union([z.literal(''), isoDate]).refine((value) => !field.notInFuture || !today || value <= today, {
        message: 'msg:DATE_IN_FUTURE',
        params: { code: 'DATE_IN_FUTURE' },
      });
    case 'choice':
      return z.union([z.literal(''), z.enum(field.options.map((o) => o.value) as [string, ...string[]])], {
        message: 'msg:CHOICE',
      });
    case 'checkbox':
      return z.boolean();
    case 'address':
      return AddressSchema.refine((value) => field.foreignAllowed || !value.abroad, {
        message: 'msg:ADDRESS_ABROAD',
        path: ['abroad'],
      });
    case 'cccd':
      // Only the digits here; the full rule (province code, century/sex, year) runs in the form's refinement.
      return z.string().trim();
    case 'money':
      return z
        .number()
        .int()
        .nonnegative()
        .max(field.max ?? 1e15);
    case 'number':
      return z
        .number()
        .int()
        .min(field.min ?? Number.MIN_SAFE_INTEGER)
        .max(field.max ?? Number.MAX_SAFE_INTEGER);
    case 'phone':
      return z.union([z.literal(''), z.string().trim().regex(PHONE_PATTERN, { message: 'msg:PHONE' })]);
    case 'email':
      return z.union([z.literal(''), z.email({ message: 'msg:EMAIL' })]);
  }
};

/** Whether a value counts as not filled in. */
export const isEmptyValue = (value: unknown): boolean => {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  if (typeof value === 'string') {
    return value.trim() === '';
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value === 'object') {
    const address = value as AddressValue;
    return !address.communeCode && !address.abroad?.trim();
  }
  return false;
};

/** Whether a condition holds for the values in scope (an item's own fields first, then the form's). */
export const meetsCondition = (
  condition: FieldCondition | undefined,
  scope: Readonly<Record<string, unknown>>,
  form: Readonly<Record<string, unknown>> = scope,
): boolean => {
  if (!condition) {
    return true;
  }
  const value = condition.field in scope ? scope[condition.field] : form[condition.field];
  const { equals } = condition;
  return Array.isArray(equals) ? typeof value === 'string' && equals.includes(value) : value === equals;
};

const fieldsOf = (form: FormDefinition): FormField[] => form.sections.flatMap((section) => section.fields);

/**
 * The values of the visible fields only (a hidden field's value is dropped, also inside group items),
 * and no empty values: what is stored with the dossier and printed.
 */
export const pruneHiddenValues = (form: FormDefinition, values: Readonly<FormValues>): FormValues => {
  const pruneScope = (fields: readonly ScalarField[], scope: Readonly<Record<string, unknown>>) => {
    const kept: GroupItemValues = {};
    for (const field of fields) {
      const value = scope[field.key];
      if (meetsCondition(field.visibleWhen, scope, values) && !isEmptyValue(value)) {
        kept[field.key] = value as ScalarValue;
      }
    }
    return kept;
  };
  const result: FormValues = {};
  for (const field of fieldsOf(form)) {
    const value = values[field.key];
    if (!meetsCondition(field.visibleWhen, values) || isEmptyValue(value)) {
      continue;
    }
    result[field.key] =
      field.kind === 'group' && Array.isArray(value)
        ? value.map((item) => pruneScope(field.fields, item as Record<string, unknown>))
        : (value as ScalarValue);
  }
  return result;
};

/** Adds the rules that look across fields: required when visible, a group's number of items, the CCCD. */
const refineScope = (
  fields: readonly FormField[],
  scope: Readonly<Record<string, unknown>>,
  form: Readonly<Record<string, unknown>>,
  path: (string | number)[],
  ctx: z.RefinementCtx,
) => {
  for (const field of fields) {
    if (!meetsCondition(field.visibleWhen, scope, form)) {
      continue;
    }
    const value = scope[field.key];
    if (field.kind === 'group') {
      const items = Array.isArray(value) ? value : [];
      const min = field.required ? Math.max(1, field.minItems) : field.minItems;
      if (items.length < min) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, field.key],
          message: items.length === 0 ? 'msg:REQUIRED' : 'msg:TOO_FEW_ITEMS',
          params: { code: items.length === 0 ? 'REQUIRED' : 'TOO_FEW_ITEMS', minimum: min },
        });
      }
      items.forEach((item, index) => {
        if (item && typeof item === 'object') {
          refineScope(field.fields, item as Record<string, unknown>, form, [...path, field.key, index], ctx);
        }
      });
      continue;
    }
    if (isEmptyValue(value)) {
      if (field.required) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, field.key],
          message: 'msg:REQUIRED',
          params: { code: 'REQUIRED' },
        });
      }
      continue;
    }
    if (
      field.kind === 'address' &&
      field.required &&
      !(value as AddressValue).abroad &&
      !(value as AddressValue).communeCode
    ) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, field.key, 'communeCode'],
        message: 'msg:REQUIRED',
        params: { code: 'REQUIRED' },
      });
    }
    if (field.kind === 'cccd' && typeof value === 'string') {
      const birth = field.dateOfBirthField
        ? (scope[field.dateOfBirthField] ?? form[field.dateOfBirthField])
        : undefined;
      const sex = field.sexField ? (scope[field.sexField] ?? form[field.sexField]) : undefined;
      const person = {
        ...(typeof birth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? { dateOfBirth: birth } : {}),
        ...(sex === 'male' || sex === 'female' ? { gender: sex as CitizenSex } : {}),
      };
      for (const violation of checkCitizenIdNumber(value.trim(), person)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, field.key],
          message: `msg:${violation.code}`,
          params: { code: violation.code },
        });
      }
    }
  }
};

export type FormValuesOptions = {
  /** Today in Vietnam (YYYY-MM-DD), for `notInFuture` dates; without it, future dates are not checked. */
  today?: string;
};

/**
 * The zod schema of a form's values. Unknown keys are refused (a value for a field the form does not
 * have is a client bug, not data to keep). A choice field's `sex` options must use the values
 * "male" / "female" for a CCCD check against it.
 */
export const buildFormValuesSchema = (form: FormDefinition, options: FormValuesOptions = {}) => {
  const itemShape = (fields: readonly ScalarField[]) =>
    z.object(Object.fromEntries(fields.map((f) => [f.key, scalarSchema(f, options.today).optional()]))).strict();
  const shape: Record<string, z.ZodType> = {};
  for (const field of fieldsOf(form)) {
    shape[field.key] =
      field.kind === 'group'
        ? z.array(itemShape(field.fields)).max(field.maxItems).optional()
        : scalarSchema(field, options.today).optional();
  }
  return z
    .object(shape)
    .strict()
    .superRefine((values, ctx) => refineScope(fieldsOf(form), values, values, [], ctx));
};

/** The form's message keys beyond those of the applicant (REQUIRED, DATE, PHONE, EMAIL, ID_*, ADMIN_UNIT_CODE). */
export const FORM_MESSAGE_KEYS = ['DATE_IN_FUTURE', 'CHOICE', 'ADDRESS_ABROAD', 'TOO_FEW_ITEMS'] as const;
