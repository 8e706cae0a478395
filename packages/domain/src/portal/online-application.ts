import { z } from 'zod';
import type { ProcedureVersionContent } from '../catalog/procedure.js';
import { Applicant } from '../dossier/applicant.js';

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

const baseApplication = (replaceable: readonly string[]) =>
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
    })
    .strict();

/** The server-side schema of the form of a procedure version. */
export const buildOnlineApplicationSchema = (content: ProcedureVersionContent) =>
  baseApplication(content.components.filter((c) => c.group === 'submit' && c.replaceableByData).map((c) => c.key));
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
};

/**
 * The form of a procedure version: the JSON Schema of the application (draft 2020-12, generated from
 * the zod schema the server validates with) and the components to upload.
 */
export const describeOnlineForm = (content: ProcedureVersionContent) => ({
  schema: z.toJSONSchema(buildOnlineApplicationSchema(content), { io: 'input', unrepresentable: 'any' }),
  components: content.components
    .filter((c) => c.group === 'submit')
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
      }),
    ),
  /** Papers shown at the desk, not uploaded (giấy tờ xuất trình), and notes. */
  notes: content.components.filter((c) => c.group !== 'submit').map((c) => c.name),
});
