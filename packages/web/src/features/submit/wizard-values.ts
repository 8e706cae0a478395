import type { FormDefinition } from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';
import type { ApplicationData, CitizenMe, Representation, ResultDelivery } from '../../api/portal-types';
import { parseVietnameseDate, toVietnameseDate } from './schema-rules';

/** The wizard's form values: the application as typed (dates as dd/mm/yyyy), plus choices of the UI. */
export type WizardValues = {
  forOther: boolean;
  applicant: {
    kind: 'person' | 'organisation';
    fullName?: string;
    idNumber?: string;
    dateOfBirth?: string;
    gender?: 'male' | 'female';
    name?: string;
    taxCode?: string;
    address: { text?: string; communeCode?: string };
    phone?: string;
    email?: string;
  };
  representation?: { relation?: Representation['relation']; authorisation?: string };
  receivingAgencyId?: string;
  resultDelivery?: ResultDelivery;
  summary?: string;
  /** Components taken from national databases instead of a file, by key. */
  fromData?: Record<string, boolean>;
  declaration?: boolean;
};

export const STEP_KEYS = ['applicant', 'form', 'files', 'agency', 'review'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** The wizard's steps: "Tờ khai" right after the applicant when the procedure version has an application form. */
export const wizardSteps = (hasApplicationForm: boolean): StepKey[] =>
  STEP_KEYS.filter((key) => key !== 'form' || hasApplicationForm);

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

export const toValues = (data: ApplicationData, me: CitizenMe): WizardValues => {
  const applicant = data.applicant ?? {};
  const address = applicant.address ?? {};
  const person = (applicant.kind ?? 'person') === 'person';
  return {
    forOther:
      Boolean(data.representation) ||
      !person ||
      (applicant.idNumber !== undefined && me.idNumber !== null && applicant.idNumber !== me.idNumber),
    applicant: {
      kind: person ? 'person' : 'organisation',
      fullName: applicant.fullName,
      idNumber: applicant.idNumber,
      dateOfBirth: toVietnameseDate(applicant.dateOfBirth) ?? applicant.dateOfBirth,
      gender: applicant.gender,
      name: applicant.name,
      taxCode: applicant.taxCode,
      address: { text: address.text, communeCode: address.communeCode },
      phone: applicant.phone,
      email: applicant.email,
    },
    representation: data.representation,
    receivingAgencyId: data.receivingAgencyId,
    resultDelivery: data.resultDelivery ?? 'online',
    summary: data.summary,
    fromData: Object.fromEntries((data.fromData ?? []).map((key) => [key, true])),
  };
};

/** The application data to save or submit (empty fields left out, the date in ISO form). */
export const toData = (values: WizardValues): ApplicationData => {
  const applicant = values.applicant ?? { kind: 'person', address: {} };
  const address = {
    ...(clean(applicant.address?.text) ? { text: clean(applicant.address?.text) } : {}),
    // Chosen with the address (prefilled from the VNeID residence): it decides where the dossier may go.
    ...(applicant.address?.communeCode ? { communeCode: applicant.address.communeCode } : {}),
  };
  const contact = {
    ...(clean(applicant.phone) ? { phone: clean(applicant.phone) } : {}),
    ...(clean(applicant.email) ? { email: clean(applicant.email) } : {}),
  };
  const person = applicant.kind !== 'organisation';
  const dateOfBirth = parseVietnameseDate(applicant.dateOfBirth) ?? clean(applicant.dateOfBirth);
  const fromData = Object.entries(values.fromData ?? {})
    .filter(([, on]) => on)
    .map(([key]) => key);
  const representation =
    values.forOther && values.representation?.relation
      ? {
          relation: values.representation.relation,
          ...(clean(values.representation.authorisation)
            ? { authorisation: clean(values.representation.authorisation) }
            : {}),
        }
      : undefined;
  return {
    applicant: person
      ? {
          kind: 'person',
          ...(clean(applicant.fullName) ? { fullName: clean(applicant.fullName) } : {}),
          ...(clean(applicant.idNumber) ? { idNumber: clean(applicant.idNumber) } : {}),
          ...(dateOfBirth ? { dateOfBirth } : {}),
          ...(applicant.gender ? { gender: applicant.gender } : {}),
          address,
          ...contact,
        }
      : {
          kind: 'organisation',
          ...(clean(applicant.name) ? { name: clean(applicant.name) } : {}),
          ...(clean(applicant.taxCode) ? { taxCode: clean(applicant.taxCode) } : {}),
          address,
          ...contact,
        },
    ...(representation ? { representation } : {}),
    ...(values.receivingAgencyId ? { receivingAgencyId: values.receivingAgencyId } : {}),
    ...(clean(values.summary) ? { summary: clean(values.summary) } : {}),
    ...(fromData.length > 0 ? { fromData } : {}),
    resultDelivery: values.resultDelivery ?? 'online',
  };
};

/** The step where the field of a problem pointer (/data/applicant/idNumber) is typed. */
export const stepOfPointer = (pointer: string): StepKey => {
  const path = pointer.replace(/^\/data/, '');
  if (path.startsWith('/applicant') || path.startsWith('/representation') || path.startsWith('/receivingAgencyId')) {
    return 'applicant';
  }
  if (path.startsWith('/fromData')) {
    return 'files';
  }
  if (path === '/form' || path.startsWith('/form/')) {
    return 'form';
  }
  return path.startsWith('/resultDelivery') || path.startsWith('/summary') ? 'agency' : 'review';
};

/** The form field of a problem pointer under /data, or undefined (shown above the form instead). */
export const fieldOfPointer = (path: string[]): (string | number)[] | undefined => {
  const rest = path[0] === 'data' ? path.slice(1) : path;
  // The application form is not an antd form: its messages go next to its fields (formErrorsOf).
  if (rest[0] === 'fromData' || rest[0] === 'form') {
    return undefined;
  }
  return rest.length > 0 ? rest : undefined;
};

/** The messages of a problem list that belong to the application form, by JSON pointer under the form. */
export const formErrorsOf = (problems: readonly { pointer: string; message: string }[]): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const { pointer, message } of problems) {
    const path = pointer.replace(/^\/data/, '');
    if (path.startsWith('/form/')) {
      const at = path.slice('/form'.length);
      errors[at] = errors[at] ? `${errors[at]}. ${message}` : message;
    }
  }
  return errors;
};

/** Nothing typed yet (the rule of isEmptyValue in @motcua/domain/eforms/values, without loading its zod schemas). */
const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (typeof value === 'object' && Object.values(value).every((part) => isBlank(part)));

/** "Số 12 phố X, phường Phố Hiến, tỉnh Hưng Yên" → "Số 12 phố X": the commune and province are chosen apart. */
const streetOf = (address: string): string | undefined =>
  clean(address.replace(/,\s*(xã|phường|đặc khu|thị trấn|thị xã|quận|huyện|tỉnh|thành phố)\s.*$/iu, ''));

/**
 * The application form with what is obviously the signed-in citizen's filled in from the VNeID profile
 * (the requester's name, identification number, date of birth and residence), where the form asks for it
 * and it is still empty. The citizen can change every value; nothing else is guessed.
 */
export const prefillFromProfile = (definition: FormDefinition, values: FormValues, me: CitizenMe): FormValues => {
  if (me.accountKind !== 'person') {
    return values;
  }
  const street = me.address ? streetOf(me.address) : undefined;
  const profile: Record<string, FormValues[string] | undefined> = {
    applicantFullName: me.fullName || undefined,
    applicantIdNumber: me.idNumber ?? undefined,
    applicantDateOfBirth: me.dateOfBirth ?? undefined,
    applicantResidence: me.communeCode
      ? { communeCode: me.communeCode, ...(street ? { detail: street } : {}) }
      : undefined,
  };
  const keys = new Set(definition.sections.flatMap((s) => s.fields.map((f) => f.key)));
  const filled: FormValues = { ...values };
  for (const [key, value] of Object.entries(profile)) {
    if (value !== undefined && keys.has(key) && isBlank(filled[key])) {
      filled[key] = value;
    }
  }
  return filled;
};
