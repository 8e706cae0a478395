import type { Component, FormDefinition, ProcedureVersionContent, ScalarField } from '@motcua/domain';

/**
 * A real application form (tờ khai, đơn, giấy đề nghị) as data, for one procedure of the demo
 * catalogue. The fields follow the official form cited in `legalSource`; the catalogue component
 * the filled form replaces is found by its published name when the province adopts the procedure,
 * because component keys are derived from the national text (normalize-components) and change
 * when the text changes.
 */
export type DemoApplicationForm = {
  /** The national code of the procedure the form belongs to. */
  procedureCode: string;
  /**
   * The catalogue component (to submit) that is the paper form: its name starts with `name`, and
   * its section with `section` when a procedure lists the form once per case. `null`: the
   * procedure publishes no paper form (the form only collects what the law asks the applicant).
   */
  replaces: { name: string; section?: string } | null;
  /**
   * The national text's interactive e-form component ("Mẫu (hộ tịch) điện tử tương tác …", to be
   * filled on the public-service portal, Decree 45/2020/NĐ-CP Art. 9 and 11), whose name starts with
   * this text: the application form is that e-form, so the province's copy no longer lists it as a
   * paper to hand in or a file to upload. `null`: the national text lists none.
   */
  interactiveForm: string | null;
  definition: Omit<FormDefinition, 'replacesComponent'>;
};

/** The submit components whose name (and section) start with the given text. */
export const findReplacedComponents = (
  components: readonly Component[],
  replaces: NonNullable<DemoApplicationForm['replaces']>,
): Component[] =>
  components.filter(
    (component) =>
      component.group === 'submit' &&
      component.name.startsWith(replaces.name) &&
      (replaces.section === undefined || (component.section ?? '').startsWith(replaces.section)),
  );

/**
 * The content with the form attached, `replacesComponent` resolved to the one component that
 * matches. Throws when none or several match: the national text changed and the form must be
 * looked at again, which a silent form without its component would hide.
 */
export const attachApplicationForm = (
  content: ProcedureVersionContent,
  form: DemoApplicationForm,
): ProcedureVersionContent => {
  const fail = (count: number, what: string) =>
    new Error(
      `application form "${form.definition.key}" of ${form.procedureCode}: ${count} components match ${what}, expected one`,
    );
  let components = content.components;
  if (form.interactiveForm !== null) {
    const eForms = findReplacedComponents(components, { name: form.interactiveForm });
    if (eForms.length !== 1) {
      throw fail(eForms.length, `"${form.interactiveForm}"`);
    }
    components = components.filter((component) => component !== eForms[0]);
  }
  if (form.replaces === null) {
    return { ...content, components, applicationForm: { ...form.definition } };
  }
  const matches = findReplacedComponents(components, form.replaces);
  if (matches.length !== 1) {
    throw fail(
      matches.length,
      `"${form.replaces.name}"${form.replaces.section ? ` in "${form.replaces.section}"` : ''}`,
    );
  }
  return { ...content, components, applicationForm: { ...form.definition, replacesComponent: matches[0]?.key } };
};

// --- fields the civil-status and other forms share ---------------------------------------------------

/** Sex as the CCCD check reads it (values "male" / "female"). */
export const SEX_OPTIONS = [
  { value: 'male', label: 'Nam' },
  { value: 'female', label: 'Nữ' },
];

/** Who asks for a civil-status entry, as the forms of Circular 04/2020/TT-BTP ask for them. */
export const civilStatusApplicantFields = (relationshipLabel: string): ScalarField[] => [
  { key: 'applicantFullName', kind: 'text', label: 'Họ, chữ đệm, tên người yêu cầu', required: true, maxLength: 100 },
  {
    key: 'applicantIdNumber',
    kind: 'cccd',
    label: 'Số định danh cá nhân',
    help: 'Số Căn cước công dân hoặc thẻ Căn cước (12 chữ số).',
    required: true,
    width: 'half',
  },
  { key: 'applicantResidence', kind: 'address', label: 'Nơi cư trú', required: true },
  { key: 'applicantRelationship', kind: 'text', label: relationshipLabel, required: true, maxLength: 100 },
];

/** "Đề nghị cấp bản sao": a tick and the number of copies. */
export const copyRequestFields = (what: string): ScalarField[] => [
  { key: 'copiesRequested', kind: 'checkbox', label: `Đề nghị cấp bản sao ${what}`, required: false },
  {
    key: 'copyCount',
    kind: 'number',
    label: 'Số lượng bản sao',
    required: true,
    min: 1,
    max: 20,
    unit: 'bản',
    width: 'third',
    visibleWhen: { field: 'copiesRequested', equals: true },
  },
];

/** The civil-status declaration printed above the signature. */
export const CIVIL_STATUS_DECLARATION =
  'Tôi cam đoan nội dung đề nghị trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan ' +
  'theo quy định pháp luật, và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.';

/**
 * Where the civil-status forms (tờ khai hộ tịch) are published. Circular 04/2020/TT-BTP issued them;
 * Circular 04/2024/TT-BTP replaced the forms of the tờ khai (adding the personal identification
 * number). The annex and form numbers inside those circulars are not cited because they could not
 * be checked here; the national catalogue (2026) also lists Circular 08/2025/TT-BTP among the legal
 * bases of these procedures, and whether it replaced a form again was not checked either.
 */
export const CIVIL_STATUS_FORMS_SOURCE =
  'ban hành kèm theo Thông tư số 04/2020/TT-BTP, được thay thế bởi mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP';
