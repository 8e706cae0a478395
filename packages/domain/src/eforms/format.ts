import type { FormDefinition, FormField, GroupField, ScalarField } from './definition.js';
import { type AddressValue, type FormValues, isEmptyValue, meetsCondition, type ScalarValue } from './values.js';

/**
 * A filled form as it is read back: the printed tờ khai (server PDF) and the read-only view on the
 * officials' and the citizen's dossier pages lay out the same list, so both show a value the same way.
 *
 * Rules, as on the paper forms: a choice prints its option's label, a tick box "Có"/"Không", a date
 * dd/mm/yyyy, an amount "1.500.000 đồng", an address its house number/street then the commune's full
 * name. A field hidden by its condition is left out; an empty field is left out unless it is required
 * (a draft), where the paper form shows a dotted line to fill in.
 */

export type FormatOptions = {
  /** Full names of the communes the values name, by 5-digit code ("xã Tân Hưng, tỉnh Hưng Yên"). */
  places: Readonly<Record<string, string>>;
};

/** "20/10/2026" from "2026-10-20"; anything else is returned as it is. */
export const formatFormDate = (value: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
};

/** "1.500.000": whole numbers grouped by thousands with dots, as Vietnamese writes them. */
export const formatWholeNumber = (value: number): string => {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
};

/** "Số 12 đường Lê Lợi, xã Tân Hưng, tỉnh Hưng Yên"; a place abroad as typed. */
export const formatAddress = (value: AddressValue, places: FormatOptions['places']): string => {
  if (value.abroad?.trim()) {
    return value.abroad.trim();
  }
  const commune = value.communeCode
    ? (places[value.communeCode] ?? `đơn vị hành chính mã ${value.communeCode}`)
    : undefined;
  return [value.detail?.trim(), commune].filter((part) => part !== undefined && part !== '').join(', ');
};

/** The printed text of one value, or undefined when it is empty. */
export const formatFieldValue = (
  field: ScalarField,
  value: ScalarValue | undefined,
  options: FormatOptions,
): string | undefined => {
  if (isEmptyValue(value)) {
    return undefined;
  }
  switch (field.kind) {
    case 'checkbox':
      return value === true ? 'Có' : 'Không';
    case 'choice':
      return field.options.find((option) => option.value === value)?.label ?? String(value);
    case 'date':
      return formatFormDate(String(value));
    case 'money':
      return typeof value === 'number' ? `${formatWholeNumber(value)} đồng` : String(value);
    case 'number': {
      const text = typeof value === 'number' ? formatWholeNumber(value) : String(value);
      return field.unit ? `${text} ${field.unit}` : text;
    }
    case 'address':
      return typeof value === 'object' ? formatAddress(value, options.places) : String(value);
    case 'text':
    case 'textarea':
    case 'cccd':
    case 'phone':
    case 'email':
      return String(value).trim();
  }
};

/** One line of the filled form: a value, or a required field left empty (printed as a dotted line). */
export type FilledValue = { kind: 'value'; key: string; label: string; text: string; multiline: boolean };
export type FilledBlank = { kind: 'blank'; key: string; label: string };
export type FilledLine = FilledValue | FilledBlank;

/** "Người thứ 2" from the item label "Người" (a label already ending in "thứ" just takes the number). */
export const formatItemTitle = (itemLabel: string, number: number): string =>
  /(^|\s)thứ$/iu.test(itemLabel.trim()) ? `${itemLabel.trim()} ${number}` : `${itemLabel.trim()} thứ ${number}`;

/** One item of a repeating group: its lines, and its cells under the group's columns (undefined = nothing). */
export type FilledGroupItem = {
  number: number;
  /** "Người thứ 1". */
  title: string;
  lines: FilledLine[];
  cells: (FilledLine | undefined)[];
};

export type FilledGroup = {
  kind: 'group';
  key: string;
  label: string;
  itemLabel: string;
  /** The inner fields that show in at least one item, in the form's order. */
  columns: { key: string; label: string }[];
  items: FilledGroupItem[];
};

export type FilledEntry = FilledLine | FilledGroup;
export type FilledSection = { key: string; title: string; entries: FilledEntry[] };

const lineOf = (
  field: ScalarField,
  scope: Readonly<Record<string, unknown>>,
  form: Readonly<Record<string, unknown>>,
  options: FormatOptions,
): FilledLine | undefined => {
  if (!meetsCondition(field.visibleWhen, scope, form)) {
    return undefined;
  }
  const text = formatFieldValue(field, scope[field.key] as ScalarValue | undefined, options);
  if (text !== undefined) {
    return { kind: 'value', key: field.key, label: field.label, text, multiline: field.kind === 'textarea' };
  }
  return field.required ? { kind: 'blank', key: field.key, label: field.label } : undefined;
};

const groupOf = (
  field: GroupField,
  values: Readonly<FormValues>,
  options: FormatOptions,
): FilledGroup | FilledBlank | undefined => {
  const raw = values[field.key];
  const items = Array.isArray(raw) ? raw : [];
  if (items.length === 0) {
    return field.required || field.minItems > 0 ? { kind: 'blank', key: field.key, label: field.label } : undefined;
  }
  const lines = items.map((item) =>
    field.fields.map((inner) => lineOf(inner, item as Record<string, unknown>, values, options)),
  );
  const shown = field.fields.filter((_, index) => lines.some((itemLines) => itemLines[index] !== undefined));
  const shownIndexes = field.fields.flatMap((inner, index) => (shown.includes(inner) ? [index] : []));
  return {
    kind: 'group',
    key: field.key,
    label: field.label,
    itemLabel: field.itemLabel,
    columns: shown.map((inner) => ({ key: inner.key, label: inner.label })),
    items: lines.map((itemLines, index) => ({
      number: index + 1,
      title: formatItemTitle(field.itemLabel, index + 1),
      lines: itemLines.filter((line): line is FilledLine => line !== undefined),
      cells: shownIndexes.map((column) => itemLines[column]),
    })),
  };
};

const entryOf = (field: FormField, values: Readonly<FormValues>, options: FormatOptions): FilledEntry | undefined => {
  if (field.kind === 'group') {
    return meetsCondition(field.visibleWhen, values) ? groupOf(field, values, options) : undefined;
  }
  return lineOf(field, values, values, options);
};

/**
 * The filled form as sections of printable lines, in the form's order. Sections with nothing to show
 * (every field hidden, or optional and empty) are left out.
 */
export const describeFilledForm = (
  definition: FormDefinition,
  values: Readonly<FormValues>,
  options: FormatOptions,
): FilledSection[] =>
  definition.sections.flatMap((section) => {
    const entries = section.fields
      .map((field) => entryOf(field, values, options))
      .filter((entry): entry is FilledEntry => entry !== undefined);
    return entries.length > 0 ? [{ key: section.key, title: section.title, entries }] : [];
  });

// Keys and labels by which the person who signs the form is recognised among its fields.
const SIGNER_KEY = /^(requester|applicant|declarant)(Full)?Name$/;
const SIGNER_LABEL = /^họ.*tên.*người (yêu cầu|đề nghị|khai|làm đơn)/iu;

/**
 * The name of the person who signs the form ("NGƯỜI YÊU CẦU"): the value of the top-level text field
 * keyed requesterFullName / applicantFullName / declarantFullName (or …Name), else the first one whose
 * label reads "Họ, chữ đệm, tên người yêu cầu" (or người đề nghị, người khai, người làm đơn).
 */
export const findSignerName = (definition: FormDefinition, values: Readonly<FormValues>): string | undefined => {
  const fields = definition.sections
    .flatMap((section) => section.fields)
    .filter((field) => field.kind === 'text' && meetsCondition(field.visibleWhen, values));
  const pick = (field: FormField | undefined): string | undefined => {
    const value = field ? values[field.key] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return (
    pick(fields.find((field) => SIGNER_KEY.test(field.key))) ??
    pick(fields.find((field) => SIGNER_LABEL.test(field.label.normalize('NFC'))))
  );
};
