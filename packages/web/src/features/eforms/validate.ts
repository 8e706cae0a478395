import type { FormDefinition, FormField, ScalarField } from '@motcua/domain/eforms/definition';
import {
  buildFormValuesSchema,
  type FormValues,
  type GroupItemValues,
  pruneHiddenValues,
} from '@motcua/domain/eforms/values';
import type { TFunction } from 'i18next';

/**
 * Checks a filled application form (tờ khai) with the zod schema the server validates it with
 * (buildFormValuesSchema, @motcua/domain/eforms/values), so the portal, the counter and the server never
 * disagree, and turns its "msg:KEY" messages into the reader's language, each under the JSON pointer of
 * its field ("/childFullName", "/members/0/memberName", "/birthPlace/communeCode").
 */

/** Messages by JSON pointer under the form: what EFormFields shows next to each field. */
export type EFormErrors = Record<string, string>;

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  params?: Record<string, unknown>;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
  errors?: Issue[][];
};

const fieldsOf = (definition: FormDefinition): FormField[] => definition.sections.flatMap((s) => s.fields);

const withScalarDefaults = (fields: readonly ScalarField[], scope: Readonly<GroupItemValues>): GroupItemValues => {
  const filled: GroupItemValues = { ...scope };
  for (const field of fields) {
    if (field.kind === 'checkbox' && filled[field.key] === undefined) {
      filled[field.key] = false;
    }
  }
  return filled;
};

/**
 * The values with every unticked checkbox set to false: a condition such as `{ field: 'abroad', equals: false }`
 * holds for a box the applicant never touched, on screen, in validation and on the server alike.
 */
export const withDefaultValues = (definition: FormDefinition, values: Readonly<FormValues>): FormValues => {
  const filled: FormValues = { ...values };
  for (const field of fieldsOf(definition)) {
    if (field.kind === 'checkbox' && filled[field.key] === undefined) {
      filled[field.key] = false;
    }
    if (field.kind === 'group' && Array.isArray(filled[field.key])) {
      filled[field.key] = (filled[field.key] as GroupItemValues[]).map((item) =>
        withScalarDefaults(field.fields, item),
      );
    }
  }
  return filled;
};

/** A new, empty item of a repeating group (its checkboxes unticked). */
export const createGroupItem = (fields: readonly ScalarField[]): GroupItemValues => withScalarDefaults(fields, {});

/** What is sent and stored: defaults applied, hidden fields and empty values dropped (pruneHiddenValues). */
export const prepareEFormValues = (definition: FormDefinition, values: Readonly<FormValues>): FormValues =>
  pruneHiddenValues(definition, withDefaultValues(definition, values));

/** "/members/0/memberName" → "members-0-memberName": the element id of a field, under the renderer's idPrefix. */
export const fieldIdOf = (idPrefix: string, pointer: string): string =>
  [idPrefix, ...pointer.split('/').filter((part) => part !== '')].join('-');

/** "['members', 0, 'memberName']" → "/members/0/memberName" (RFC 6901 escapes). */
export const toPointer = (path: readonly PropertyKey[]): string =>
  path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The field a path points at (an item's field inside a group), and its group when it is inside one. */
const findFieldAt = (
  definition: FormDefinition,
  path: readonly PropertyKey[],
): { field: FormField | undefined; group: FormField | undefined } => {
  const top = fieldsOf(definition).find((field) => field.key === path[0]);
  if (top?.kind === 'group' && path.length >= 3) {
    return { field: top.fields.find((inner) => inner.key === path[2]), group: top };
  }
  return { field: top, group: undefined };
};

/** The first "msg:KEY" message of a failed union (every option failed; the one that speaks is the one we show). */
const findKeyedIssue = (issue: Issue): Issue | undefined => {
  if (issue.message.startsWith('msg:')) {
    return issue;
  }
  for (const option of issue.errors ?? []) {
    for (const inner of option) {
      const found = findKeyedIssue({ ...inner, path: [...issue.path, ...inner.path] });
      if (found) {
        return found;
      }
    }
  }
  return undefined;
};

const REQUIRED_BY_KIND: Partial<Record<FormField['kind'], 'REQUIRED_SELECT' | 'REQUIRED_CHECK' | 'REQUIRED_ITEMS'>> = {
  choice: 'REQUIRED_SELECT',
  address: 'REQUIRED_SELECT',
  checkbox: 'REQUIRED_CHECK',
  group: 'REQUIRED_ITEMS',
};

const messageOf = (definition: FormDefinition, issue: Issue, t: TFunction): string => {
  const keyed = findKeyedIssue(issue) ?? issue;
  const { field } = findFieldAt(definition, keyed.path);
  const label = field?.label ?? '';
  const params = { field: label, item: field?.kind === 'group' ? field.itemLabel : '' };
  const key = keyed.message.startsWith('msg:') ? keyed.message.slice(4) : undefined;
  switch (key) {
    case undefined:
      break;
    case 'REQUIRED': {
      const variant = field ? REQUIRED_BY_KIND[field.kind] : undefined;
      const minimum = Number(keyed.params?.minimum ?? 1);
      return variant ? t(`eforms.msg.${variant}`, { ...params, minimum }) : t('eforms.msg.REQUIRED', params);
    }
    case 'TOO_FEW_ITEMS':
      return t('eforms.msg.TOO_FEW_ITEMS', { ...params, minimum: Number(keyed.params?.minimum ?? 1) });
    case 'ID_FORMAT':
    case 'ID_PROVINCE_UNKNOWN':
    case 'ID_CENTURY_SEX_MISMATCH':
    case 'ID_BIRTH_YEAR_MISMATCH':
      return t(`intake.idNumberViolation.${key}`);
    case 'DATE':
    case 'DATE_IN_FUTURE':
    case 'CHOICE':
    case 'ADDRESS_ABROAD':
    case 'ADMIN_UNIT_CODE':
    case 'PHONE':
    case 'EMAIL':
      return t(`eforms.msg.${key}`, params);
    default:
      return t('eforms.msg.INVALID', params);
  }
  if (keyed.code === 'too_big') {
    if (keyed.origin === 'array') {
      return t('eforms.msg.TOO_MANY_ITEMS', { ...params, maximum: Number(keyed.maximum) });
    }
    return keyed.origin === 'string'
      ? t('eforms.msg.TOO_LONG', { ...params, maximum: Number(keyed.maximum) })
      : t('eforms.msg.TOO_LARGE', { ...params, maximum: Number(keyed.maximum) });
  }
  if (keyed.code === 'too_small' && keyed.origin === 'number') {
    return t('eforms.msg.TOO_SMALL', { ...params, minimum: Number(keyed.minimum) });
  }
  if (keyed.code === 'invalid_type' && (field?.kind === 'number' || field?.kind === 'money')) {
    return t('eforms.msg.NUMBER', params);
  }
  return t('eforms.msg.INVALID', params);
};

/**
 * The form's problems as messages by JSON pointer (empty when the form may be sent). Checks what would be
 * sent (prepareEFormValues), so a hidden field never holds the form back. `today` is today in Vietnam
 * (YYYY-MM-DD) for dates that may not be in the future.
 */
export const validateEForm = (
  definition: FormDefinition,
  values: Readonly<FormValues>,
  t: TFunction,
  today: string,
): EFormErrors => {
  const result = buildFormValuesSchema(definition, { today }).safeParse(prepareEFormValues(definition, values));
  if (result.success) {
    return {};
  }
  const errors: EFormErrors = {};
  for (const issue of result.error.issues as unknown as Issue[]) {
    const keyed = findKeyedIssue(issue) ?? issue;
    const pointer = toPointer(keyed.path);
    const message = messageOf(definition, issue, t);
    const previous = errors[pointer];
    if (previous === undefined) {
      errors[pointer] = message;
    } else if (!previous.includes(message)) {
      errors[pointer] = `${previous}. ${message}`;
    }
  }
  return errors;
};

/** The messages of a field and of everything under it ("/birthPlace" takes "/birthPlace/communeCode"). */
export const findErrorsUnder = (errors: EFormErrors | undefined, pointer: string): string[] =>
  Object.entries(errors ?? {})
    .filter(([at]) => at === pointer || at.startsWith(`${pointer}/`))
    .map(([, message]) => message);
