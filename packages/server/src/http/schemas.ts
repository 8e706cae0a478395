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
