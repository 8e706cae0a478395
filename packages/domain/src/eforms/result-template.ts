import { z } from 'zod';
import type { FormDefinition, ScalarField } from './definition.js';
import { type FormatOptions, formatFieldValue } from './format.js';
import { type FormValues, meetsCondition, type ScalarValue } from './values.js';

/**
 * The template of a procedure's result document (văn bản kết quả: a certificate, a decision, a written
 * answer) as data, carried by the procedure version like its application form and versioned with it:
 * a dossier's result is generated from the template of the dossier's own procedure version.
 *
 * The printed document is an administrative document in the layout of Decree 30/2020/NĐ-CP Appendix I
 * (the issuing agency and its number on the left, the national motto and the place and date on the
 * right, the title, the body, the signature block and "Nơi nhận"); the template gives what varies by
 * procedure: the title, the subject line, the body paragraphs and who signs. Paragraphs hold
 * placeholders `{{applicant.fullName}}`, `{{form.childFullName}}`… resolved from the dossier and its
 * filled application form (RESULT_TEMPLATE_FIELDS lists the dossier's; `form.<key>` names a top-level
 * field of the version's form). A paragraph marked `optional` is left out when one of its placeholders
 * has no value (the father's line when no father is declared); any other empty placeholder stops the
 * generation, because an issued document may not carry a blank.
 */

/** Text stored as entered: non-empty and without leading or trailing whitespace. */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim() === value, { message: 'must not start or end with whitespace' });

const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a lower-case slug such as "giay-khai-sinh"');

export const ResultParagraph = z.object({
  text: text(4000),
  /** Left out when one of its placeholders has no value; otherwise an empty placeholder is an error. */
  optional: z.boolean().optional(),
});
export type ResultParagraph = z.infer<typeof ResultParagraph>;

export const ResultTemplate = z.object({
  key: Slug,
  /** The kind of document, printed as the title (tên loại văn bản): "Giấy khai sinh", "Quyết định". */
  title: text(300),
  /** The subject line under the title (trích yếu nội dung), placeholders allowed. */
  subject: text(500).optional(),
  /** Where the official template is published, printed small at the top right. */
  legalSource: text(500).optional(),
  paragraphs: z.array(ResultParagraph).min(1).max(60),
  /** The signature block: the authority line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") over the title of the signer. */
  signer: z.object({ authority: text(200).optional(), title: text(200) }),
  /** "Nơi nhận" (Decree 30/2020 Appendix I); none for a certificate handed to its holder. */
  recipients: z.array(text(300)).max(10).optional(),
});
export type ResultTemplate = z.infer<typeof ResultTemplate>;

/** The dossier's values a template may name, with the words a problem uses for a missing one. */
export const RESULT_TEMPLATE_FIELDS = {
  'applicant.fullName': { vi: 'Họ tên người yêu cầu', en: 'Applicant’s name' },
  'applicant.idNumber': { vi: 'Số định danh / mã số thuế của người yêu cầu', en: 'Applicant’s ID number or tax code' },
  'applicant.dateOfBirth': { vi: 'Ngày sinh của người yêu cầu', en: 'Applicant’s date of birth' },
  'applicant.address': { vi: 'Địa chỉ của người yêu cầu', en: 'Applicant’s address' },
  'dossier.code': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'dossier.procedureName': { vi: 'Tên thủ tục', en: 'Procedure name' },
  'dossier.receivedDate': { vi: 'Ngày tiếp nhận hồ sơ', en: 'Date the dossier was received' },
  'document.number': { vi: 'Số văn bản', en: 'Document number' },
  'document.date': { vi: 'Ngày ký văn bản', en: 'Date of the document' },
  'agency.name': { vi: 'Tên cơ quan ban hành', en: 'Issuing agency' },
} as const satisfies Record<string, { vi: string; en: string }>;
export type ResultTemplateField = keyof typeof RESULT_TEMPLATE_FIELDS;

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** The placeholders a text names, in order, each once. */
export const listPlaceholders = (value: string): string[] => [
  ...new Set([...value.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')),
];

/** Every text of the template that may hold placeholders. */
const templateTexts = (template: ResultTemplate): string[] => [
  ...(template.subject ? [template.subject] : []),
  ...template.paragraphs.map((p) => p.text),
];

const findFormField = (form: FormDefinition | undefined, key: string): ScalarField | undefined => {
  for (const section of form?.sections ?? []) {
    for (const field of section.fields) {
      if (field.key === key && field.kind !== 'group') {
        return field;
      }
    }
  }
  return undefined;
};

/**
 * The placeholders of a template that name nothing: not one of RESULT_TEMPLATE_FIELDS, nor
 * `form.<key>` of a top-level field of the version's application form (a group's fields have many
 * values and cannot fill one line). The procedure version's schema refuses such a template.
 */
export const findUnknownPlaceholders = (template: ResultTemplate, form: FormDefinition | undefined): string[] =>
  [...new Set(templateTexts(template).flatMap(listPlaceholders))].filter((name) => {
    if (name in RESULT_TEMPLATE_FIELDS) {
      return false;
    }
    return !(name.startsWith('form.') && findFormField(form, name.slice('form.'.length)));
  });

export type ResultTemplateInput = {
  /** The dossier's values by RESULT_TEMPLATE_FIELDS name, already written as printed (dates dd/mm/yyyy). */
  dossier: Partial<Record<ResultTemplateField, string | undefined>>;
  /** The dossier's filled application form with the definition of its procedure version, if any. */
  form?: { definition: FormDefinition; values: FormValues } | undefined;
  /** Full names of the communes the form's addresses name (as the printed tờ khai writes them). */
  places: FormatOptions['places'];
};

export type FilledResult = { title: string; subject: string | undefined; paragraphs: string[] };
export type MissingPlaceholder = { placeholder: string; label: { vi: string; en: string } };

/** The printed value of one placeholder, or undefined when the dossier has none. */
const resolve = (name: string, input: ResultTemplateInput): string | undefined => {
  if (name.startsWith('form.')) {
    const field = findFormField(input.form?.definition, name.slice('form.'.length));
    const values = input.form?.values ?? {};
    if (!field || !meetsCondition(field.visibleWhen, values)) {
      return undefined;
    }
    return formatFieldValue(field, values[field.key] as ScalarValue | undefined, { places: input.places });
  }
  const value = input.dossier[name as ResultTemplateField]?.trim();
  return value ? value : undefined;
};

const labelOf = (name: string, input: ResultTemplateInput): { vi: string; en: string } => {
  if (name.startsWith('form.')) {
    const field = findFormField(input.form?.definition, name.slice('form.'.length));
    const label = field?.label ?? name;
    return { vi: `${label} (tờ khai)`, en: `${label} (application form)` };
  }
  return RESULT_TEMPLATE_FIELDS[name as ResultTemplateField] ?? { vi: name, en: name };
};

const fill = (value: string, values: ReadonlyMap<string, string | undefined>): string =>
  value.replace(PLACEHOLDER, (_, name: string) => values.get(name) ?? '');

/**
 * The template filled from the dossier: the title, the subject and the paragraphs as printed. Optional
 * paragraphs with an empty placeholder are left out; any other empty placeholder is reported (every
 * one of them, once) and nothing is filled.
 */
export const fillResultTemplate = (
  template: ResultTemplate,
  input: ResultTemplateInput,
): { ok: true; result: FilledResult } | { ok: false; missing: MissingPlaceholder[] } => {
  const names = [...new Set(templateTexts(template).flatMap(listPlaceholders))];
  const values = new Map(names.map((name) => [name, resolve(name, input)]));
  const isEmpty = (name: string) => values.get(name) === undefined;
  const missing = new Set<string>();
  for (const name of template.subject ? listPlaceholders(template.subject) : []) {
    if (isEmpty(name)) {
      missing.add(name);
    }
  }
  const paragraphs: string[] = [];
  for (const paragraph of template.paragraphs) {
    const empty = listPlaceholders(paragraph.text).filter(isEmpty);
    if (empty.length === 0) {
      paragraphs.push(fill(paragraph.text, values));
    } else if (!paragraph.optional) {
      for (const name of empty) {
        missing.add(name);
      }
    }
  }
  if (missing.size > 0) {
    return {
      ok: false,
      missing: [...missing].map((placeholder) => ({ placeholder, label: labelOf(placeholder, input) })),
    };
  }
  return {
    ok: true,
    result: {
      title: template.title,
      subject: template.subject ? fill(template.subject, values) : undefined,
      paragraphs,
    },
  };
};
