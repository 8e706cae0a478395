import type { FormDefinition } from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';

/** A dossier's filled application form as the dossier details carry it (officials' and citizen's). */
export type ApplicationFormView = { definition: FormDefinition; values: FormValues; pdfUrl: string };

/**
 * The filled application form of a dossier detail, or null when the dossier has none (its procedure
 * version has no form, or it was handed in on paper). Typed from the domain: the API's generated
 * schema of the form is the same shape, written out by the OpenAPI generator.
 */
export const findApplicationForm = (detail: object): ApplicationFormView | null =>
  'applicationForm' in detail && detail.applicationForm ? (detail.applicationForm as ApplicationFormView) : null;
