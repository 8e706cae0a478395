import { FormDefinition } from '@motcua/domain';
import { z } from 'zod';

/** Page-number pagination for search results ranked by relevance (keyset is used for inboxes). */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

export const IsoDate = z.iso.date();

/** A dossier code in a path (receiving agency code, day YYMMDD, sequence). */
export const DossierCode = z
  .string()
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/, { message: 'msg:DOSSIER_CODE' });

// Loose: problems may carry extension members (RFC 9457 §3.2), e.g. `rule` for a broken dossier rule.
export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ in: z.string(), pointer: z.string(), code: z.string(), message: z.string() }))
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable code' });

// --- application forms (eForms) --------------------------------------------------------------------------

/** The definition of an application form (tờ khai as data), as the procedure version carries it. */
export const FormDefinitionSchema = FormDefinition.meta({
  id: 'FormDefinition',
  description: 'An application form (tờ khai) as data: sections and typed fields (@motcua/domain eforms)',
});

const FormAddressValue = z
  .object({ communeCode: z.string().optional(), detail: z.string().optional(), abroad: z.string().optional() })
  .meta({ id: 'FormAddressValue', description: 'A 2025 commune code with the rest of the address, or a place abroad' });
const FormScalarValue = z.union([z.string(), z.number(), z.boolean(), FormAddressValue]);

/** The values of a filled form: one member per field key; a repeating group is an array of item objects. */
export const FormValuesSchema = z
  .record(z.string(), z.union([FormScalarValue, z.array(z.record(z.string(), FormScalarValue.optional()))]).optional())
  .meta({ id: 'FormValues', description: 'The values of a filled application form, keyed by field key' });

/** The filled form of a dossier: the definition of the dossier's procedure version, the values, the printed PDF. */
export const FilledApplicationForm = z
  .object({
    definition: FormDefinitionSchema,
    values: FormValuesSchema,
    pdfUrl: z.string().describe('The printed tờ khai (PDF)'),
    places: z
      .record(z.string(), z.string())
      .describe('The communes the addresses name, written in full as printed ("xã X, tỉnh Y"), by commune code'),
  })
  .meta({ id: 'FilledApplicationForm' });
