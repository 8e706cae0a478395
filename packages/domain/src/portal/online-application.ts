import { z } from 'zod';
import type { ProcedureVersionContent } from '../catalog/procedure.js';
import { Applicant } from '../dossier/applicant.js';
import type { FormDefinition } from '../eforms/definition.js';
import { buildFormValuesSchema } from '../eforms/values.js';

/**
 * The online application form (tờ khai trực tuyến) of a procedure version: one JSON Schema for the
 * client and the same zod schema on the server, so both sides validate the same rules. Files are
 * uploaded separately, per component; the form lists the components with what each accepts.
 */

/** File types accepted for online components (checked from content, never from the name). */
export const ONLINE_UPLOAD_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type OnlineUploadMediaType = (typeof ONLINE_UPLOAD_MEDIA_TYPES)[number];

/** At most this many files per component (a multi-page paper scanned page by page). */
export const MAX_FILES_PER_COMPONENT = 10;

/** Someone acting for the applicant: an authorised person, or an organisation's representative or employee. */
export const Representation = z
  .object({
    relation: z.enum(['authorised', 'legal_representative', 'employee']),
    /** The authorisation document (number and date), required for an authorised person. */
    authorisation: z.string().trim().min(3).max(500).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.relation === 'authorised' && !value.authorisation) {
      ctx.addIssue({ code: 'custom', path: ['authorisation'], message: 'msg:AUTHORISATION_REQUIRED' });
    }
  });
export type Representation = z.infer<typeof Representation>;

const baseApplication = (
  replaceable: readonly string[],
  applicationForm: FormDefinition | undefined,
  options: OnlineApplicationOptions,
) =>
  z
    .object({
      applicant: Applicant,
      representation: Representation.optional(),
      receivingAgencyId: z.uuid(),
      summary: z.string().trim().max(1000).optional(),
      /** Components taken from a national database instead of a file (only those the procedure allows). */
      fromData:
        replaceable.length > 0
          ? z
              .array(z.enum(replaceable as [string, ...string[]]))
              .max(100)
              .optional()
          : z.array(z.never()).max(0).optional(),
      resultDelivery: z.enum(['online', 'counter', 'post']).default('online'),
      /**
       * The filled application form (tờ khai as data) when the procedure version has one: required, and
       * validated by the schema built from the version's definition; a procedure without one takes none.
       */
      form: applicationForm
        ? buildFormValuesSchema(applicationForm, options)
        : z.undefined({ message: 'this procedure has no application form' }).optional(),
    })
    .strict();

export type OnlineApplicationOptions = {
  /** Today in Vietnam (YYYY-MM-DD), for the form's dates that may not lie in the future. */
  today?: string;
};

/** The server-side schema of the form of a procedure version. */
export const buildOnlineApplicationSchema = (
  content: ProcedureVersionContent,
  options: OnlineApplicationOptions = {},
) =>
  baseApplication(
    content.components.filter((c) => c.group === 'submit' && c.replaceableByData).map((c) => c.key),
    content.applicationForm,
    options,
  );
export type OnlineApplication = z.infer<ReturnType<typeof buildOnlineApplicationSchema>>;

export type OnlineFormComponent = {
  key: string;
  name: string;
  required: boolean;
  /** Originals and copies the paper procedure asks for (online: one electronic copy of each). */
  originals: number;
  copies: number;
  templateName: string | null;
  fromDataAllowed: boolean;
  accept: readonly OnlineUploadMediaType[];
  maxFiles: number;
  /** The "one of" requirement this component is an option of (any one option suffices), or null. */
  alternativeGroup: { key: string; label: string; order: number } | null;
};

/**
 * The form of a procedure version: the JSON Schema of the application (draft 2020-12, generated from
 * the zod schema the server validates with), the application form to fill in (tờ khai as data, or
 * null) and the components to upload — without the one the filled form replaces, which is not asked
 * for as a file online.
 */
export const describeOnlineForm = (content: ProcedureVersionContent) => ({
  schema: z.toJSONSchema(buildOnlineApplicationSchema(content), { io: 'input', unrepresentable: 'any' }),
  applicationForm: content.applicationForm ?? null,
  components: content.components
    .filter((c) => c.group === 'submit' && c.key !== content.applicationForm?.replacesComponent)
    .map(
      (c): OnlineFormComponent => ({
        key: c.key,
        name: c.name,
        required: c.required,
        originals: c.originals,
        copies: c.copies,
        templateName: c.templateName ?? null,
        fromDataAllowed: c.replaceableByData,
        accept: ONLINE_UPLOAD_MEDIA_TYPES,
        maxFiles: MAX_FILES_PER_COMPONENT,
        alternativeGroup: c.alternativeGroup ?? null,
      }),
    ),
  /** Papers shown at the desk, not uploaded (giấy tờ xuất trình), and notes. */
  notes: content.components.filter((c) => c.group !== 'submit').map((c) => c.name),
});

/** What was handed in for a component: papers recorded at intake, data taken from national databases, files. */
export type HandedIn = { originals: number; copies: number; fromData: boolean; files: number };

/** A component of a dossier as its applicant sees it: what the procedure asks for, and what they handed in. */
export type DossierComponentView = { key: string; name: string; required: boolean; handedIn: HandedIn | null };

/**
 * The components of a dossier for its applicant: those the procedure version asks to submit (in its
 * order, with whether each is required), then any other component recorded at intake. What was
 * handed in combines the intake record (paper originals and copies, data taken from national
 * databases) with the electronic files attached since, supplements included (`fileKeys`: the
 * component key of each file). A component nothing was handed in for has `handedIn: null`.
 */
export const describeDossierComponents = (input: {
  asked: readonly Pick<ProcedureVersionContent['components'][number], 'key' | 'name' | 'required' | 'group'>[];
  recorded: readonly { key: string; name: string; originals: number; copies: number; fromData: boolean }[];
  fileKeys: readonly (string | null)[];
}): DossierComponentView[] => {
  const files = new Map<string, number>();
  for (const key of input.fileKeys) {
    if (key !== null) {
      files.set(key, (files.get(key) ?? 0) + 1);
    }
  }
  const recorded = new Map(input.recorded.map((c) => [c.key, c]));
  const view = (key: string, name: string, required: boolean): DossierComponentView => {
    const record = recorded.get(key);
    const count = files.get(key) ?? 0;
    return {
      key,
      name,
      required,
      handedIn:
        record || count > 0
          ? {
              originals: record?.originals ?? 0,
              copies: record?.copies ?? 0,
              fromData: record?.fromData ?? false,
              files: count,
            }
          : null,
    };
  };
  const asked = input.asked.filter((c) => c.group === 'submit');
  const askedKeys = new Set(asked.map((c) => c.key));
  return [
    ...asked.map((c) => view(c.key, c.name, c.required)),
    ...input.recorded.filter((c) => !askedKeys.has(c.key)).map((c) => view(c.key, c.name, false)),
  ];
};
