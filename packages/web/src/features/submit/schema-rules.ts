import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { JsonSchema } from '../../api/portal-types';

/**
 * Client-side validation of the online form from its JSON Schema (GET …/form, generated on the server
 * from the zod schema the server validates with): required properties, lengths, patterns and enums
 * become antd form rules, so the citizen sees the server's rules while typing. What JSON Schema cannot
 * say (the ID number's structure, the tax code's check digit) comes from @motcua/domain/dossier/id-number.
 */

/** The schema of a property path (`['applicant', 'address', 'text']`), through `oneOf` by the applicant's kind. */
export const findSchemaNode = (
  schema: JsonSchema | undefined,
  path: readonly string[],
  kind: 'person' | 'organisation' = 'person',
): { node: JsonSchema | undefined; required: boolean } => {
  let node: JsonSchema | undefined = schema;
  let required = false;
  for (const part of path) {
    const variants = node?.oneOf ?? node?.anyOf;
    if (variants) {
      node = variants.find((v) => v.properties?.kind?.const === kind) ?? variants[0];
    }
    required = Boolean(node?.required?.includes(part));
    node = node?.properties?.[part];
  }
  return { node, required };
};

/** The options of an enum property (e.g. resultDelivery), in the schema's order. */
export const enumOf = (schema: JsonSchema | undefined, path: readonly string[]): string[] => {
  const { node } = findSchemaNode(schema, path);
  return (node?.enum ?? node?.items?.enum ?? []).filter((value): value is string => typeof value === 'string');
};

type RuleOptions = {
  /** The field's label, for messages ("Vui lòng nhập Họ và tên"). */
  field: string;
  /** The message when the pattern does not match (default: "… không đúng định dạng"). */
  patternMessage?: string;
  /** Force required (or not) whatever the schema says. */
  required?: boolean;
  /** Skip the pattern (a field converted before sending, such as the date of birth). */
  skipPattern?: boolean;
};

export const rulesFor = (
  t: TFunction,
  schema: JsonSchema | undefined,
  path: readonly string[],
  kind: 'person' | 'organisation',
  options: RuleOptions,
): FormRule[] => {
  const { node, required } = findSchemaNode(schema, path, kind);
  const rules: FormRule[] = [];
  if (options.required ?? required) {
    rules.push({ required: true, whitespace: true, message: t('common.required', { field: options.field }) });
  }
  if (node?.minLength !== undefined) {
    rules.push({
      min: node.minLength,
      transform: (value: unknown) => (typeof value === 'string' ? value.trim() : value),
      message: t('citizen.submit.tooShort', { field: options.field, min: node.minLength }),
    });
  }
  if (node?.maxLength !== undefined) {
    rules.push({
      max: node.maxLength,
      message: t('citizen.submit.tooLong', { field: options.field, max: node.maxLength }),
    });
  }
  if (node?.pattern && !options.skipPattern) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(node.pattern);
    } catch {
      pattern = undefined;
    }
    if (pattern) {
      rules.push({
        pattern,
        transform: (value: unknown) => (typeof value === 'string' ? value.trim() : value),
        message: options.patternMessage ?? t('citizen.submit.invalidFormat', { field: options.field }),
      });
    }
  }
  return rules;
};

/** 20/05/1990 → 1990-05-20 (or undefined when it is not a real date). */
export const parseVietnameseDate = (text: string | undefined): string | undefined => {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text ?? '');
  if (!match) {
    return undefined;
  }
  const [, d = '', m = '', y = ''] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
};

/** 1990-05-20 → 20/05/1990 */
export const toVietnameseDate = (iso: string | undefined): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : undefined;
};
