import { z } from 'zod';

/**
 * An application form (tờ khai) as data: the typed definition of the form a procedure version asks the
 * applicant to fill in. Decree 63/2010/NĐ-CP Art. 8(1)(h) (as amended by Decree 92/2017/NĐ-CP) makes the
 * form part of a published procedure, and Decree 45/2020/NĐ-CP Art. 9 and 11 asks that an online dossier
 * take the applicant's data as an interactive e-form instead of a scanned paper form. The definition is
 * versioned with the procedure version that carries it: a dossier keeps the form version it was
 * submitted with because it keeps its procedure version.
 *
 * One definition serves every side: the citizen portal and the counter render it, the server validates
 * with the zod schema built from it (`buildFormValuesSchema`, values.ts), the printed tờ khai lays it out.
 * Schemas only validate (no transforms), so a parse round trip keeps content hashes stable.
 */

/** Text stored as entered: non-empty and without leading or trailing whitespace. */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim() === value, { message: 'must not start or end with whitespace' });

/** Keys of fields: camelCase identifiers, unique in the whole form (values are a flat object of them). */
export const FORM_FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9]{0,63}$/;
const FieldKey = z.string().regex(FORM_FIELD_KEY_PATTERN, 'must be a camelCase key such as "childFullName"');

/** Keys of forms, sections and choice values: lower-case slugs, like the catalogue's component keys. */
const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a lower-case slug such as "to-khai-khai-sinh"');

/** Show a field only when another field (of the form, or of the same repeating item) has one of these values. */
export const FieldCondition = z.object({
  field: FieldKey,
  /** The other field's value (a choice's value, or true/false for a checkbox) that shows this one. */
  equals: z.union([z.string().max(64), z.boolean(), z.array(z.string().max(64)).min(1).max(50)]),
});
export type FieldCondition = z.infer<typeof FieldCondition>;

const fieldBase = {
  key: FieldKey,
  /** The label as printed on the official form, e.g. "Họ, chữ đệm, tên". */
  label: text(300),
  /** A hint under the field (how to write it), shown on screen, not printed. */
  help: text(1000).optional(),
  required: z.boolean(),
  visibleWhen: FieldCondition.optional(),
  /** Room the field takes on a wide screen; every field is full width on a phone. */
  width: z.enum(['full', 'half', 'third']).optional(),
};

export const ChoiceOption = z.object({ value: Slug, label: text(300) });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** Fields that hold one value. */
const SCALAR_FIELDS = [
  /** One line of text. */
  z.object({ ...fieldBase, kind: z.literal('text'), maxLength: z.number().int().positive().max(2000).optional() }),
  /** Several lines of text. */
  z.object({
    ...fieldBase,
    kind: z.literal('textarea'),
    maxLength: z.number().int().positive().max(10_000).optional(),
  }),
  /** A calendar date, stored as YYYY-MM-DD; `notInFuture` for births, deaths, issue dates. */
  z.object({ ...fieldBase, kind: z.literal('date'), notInFuture: z.boolean().optional() }),
  /** One of a fixed list of options. */
  z.object({
    ...fieldBase,
    kind: z.literal('choice'),
    options: z.array(ChoiceOption).min(1).max(300),
    display: z.enum(['radio', 'select']).optional(),
  }),
  /** A tick box (true / false), e.g. "Đề nghị cấp bản sao". */
  z.object({ ...fieldBase, kind: z.literal('checkbox') }),
  /**
   * An address in the administrative units in force since 1 July 2025 (province and commune, Resolution
   * 202/2025/QH15 and the Standing Committee's resolutions on communes): the commune's 5-digit code and
   * the house number, street, hamlet. `foreignAllowed`: a free text instead (a place abroad).
   */
  z.object({ ...fieldBase, kind: z.literal('address'), foreignAllowed: z.boolean().optional() }),
  /**
   * A personal identification number (số định danh cá nhân, CCCD), checked as the law defines it
   * (checkCitizenIdNumber); `dateOfBirthField` / `sexField` name the fields of the same person it must
   * agree with (the century/sex digit and the year digits).
   */
  z.object({
    ...fieldBase,
    kind: z.literal('cccd'),
    dateOfBirthField: FieldKey.optional(),
    sexField: FieldKey.optional(),
  }),
  /** An amount in whole đồng. */
  z.object({ ...fieldBase, kind: z.literal('money'), max: z.number().int().positive().max(1e15).optional() }),
  /** A whole number (a count, an area in m² rounded, a number of copies). */
  z.object({
    ...fieldBase,
    kind: z.literal('number'),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    unit: text(50).optional(),
  }),
  /** A Vietnamese phone number (PHONE_PATTERN). */
  z.object({ ...fieldBase, kind: z.literal('phone') }),
  z.object({ ...fieldBase, kind: z.literal('email') }),
] as const;

export const ScalarField = z.discriminatedUnion('kind', SCALAR_FIELDS);
export type ScalarField = z.infer<typeof ScalarField>;

/** A repeating group: a list of items with the same fields (family members, co-owners, works). */
export const GroupField = z.object({
  ...fieldBase,
  kind: z.literal('group'),
  /** The label of one item, numbered on screen and on paper ("Người thứ 1"). */
  itemLabel: text(200),
  minItems: z.number().int().nonnegative().max(100),
  maxItems: z.number().int().positive().max(100),
  fields: z.array(ScalarField).min(1).max(50),
});
export type GroupField = z.infer<typeof GroupField>;

export const FormField = z.discriminatedUnion('kind', [...SCALAR_FIELDS, GroupField]);
export type FormField = z.infer<typeof FormField>;
export type FormFieldKind = FormField['kind'];

export const FormSection = z.object({
  key: Slug,
  /** The section's heading, e.g. "Thông tin người được đăng ký khai sinh". */
  title: text(300),
  fields: z.array(FormField).min(1).max(100),
});
export type FormSection = z.infer<typeof FormSection>;

const FormDefinitionObject = z.object({
  key: Slug,
  /** The form's printed title, e.g. "Tờ khai đăng ký khai sinh". */
  title: text(300),
  /** Where the official form is published, e.g. "Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP". */
  legalSource: text(500),
  /** The catalogue component (thành phần hồ sơ) the filled form replaces: not asked for as an upload online. */
  replacesComponent: Slug.optional(),
  /** The applicant's declaration printed above the signature ("Tôi cam đoan…"). */
  declaration: text(2000).optional(),
  sections: z.array(FormSection).min(1).max(30),
});

/** Every field key of a form, groups' inner fields included, in the form's order. */
export const listFieldKeys = (form: { sections: readonly { fields: readonly FormField[] }[] }): string[] =>
  form.sections.flatMap((section) =>
    section.fields.flatMap((field) =>
      field.kind === 'group' ? [field.key, ...field.fields.map((inner) => inner.key)] : [field.key],
    ),
  );

export const FormDefinition = FormDefinitionObject.superRefine((form, ctx) => {
  const seen = new Set<string>();
  for (const key of listFieldKeys(form)) {
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `field key "${key}" is not unique` });
    }
    seen.add(key);
  }
  const sections = new Set<string>();
  form.sections.forEach((section, s) => {
    if (sections.has(section.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections', s, 'key'],
        message: `section key "${section.key}" is not unique`,
      });
    }
    sections.add(section.key);
    section.fields.forEach((field, f) => {
      const scope = field.kind === 'group' ? field.fields : [];
      if (field.kind === 'group' && field.minItems > field.maxItems) {
        ctx.addIssue({ code: 'custom', path: ['sections', s, 'fields', f], message: 'minItems is more than maxItems' });
      }
      for (const [path, item] of [
        [['sections', s, 'fields', f], field] as const,
        ...scope.map((inner, i) => [['sections', s, 'fields', f, 'fields', i], inner] as const),
      ]) {
        const refs = [
          item.visibleWhen?.field,
          item.kind === 'cccd' ? item.dateOfBirthField : undefined,
          item.kind === 'cccd' ? item.sexField : undefined,
        ];
        for (const ref of refs) {
          if (ref !== undefined && (!seen.has(ref) || ref === item.key)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path],
              message: `field "${item.key}" refers to unknown field "${ref}"`,
            });
          }
        }
      }
    });
  });
});
export type FormDefinition = z.infer<typeof FormDefinition>;
