import { z } from 'zod';

/** An attachment of a portal article, as the console lists it (shared by the content and media routes). */
export const PortalAttachment = z
  .object({
    position: z.number().int(),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    typeLabel: z.string(),
    sizeBytes: z.number().int(),
    sizeLabel: z.string(),
    publicPath: z.string().describe('Where the public downloads it once the article is published and visible'),
    createdAt: z.string(),
  })
  .meta({ id: 'PortalAttachment' });
