import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import {
  getIncomingSettings,
  INCOMING_SETTING_RANGES,
  setIncomingSettings,
} from '../usecases/eoffice/incoming/incoming-settings.js';

const Values = z.object({
  defaultHandlingWorkingDays: z
    .number()
    .int()
    .min(INCOMING_SETTING_RANGES.defaultHandlingWorkingDays.min)
    .max(INCOMING_SETTING_RANGES.defaultHandlingWorkingDays.max)
    .describe('The handling deadline when the head gives none, in working days after the direction'),
  urgentWorkingMinutes: z
    .number()
    .int()
    .min(INCOMING_SETTING_RANGES.urgentWorkingMinutes.min)
    .max(INCOMING_SETTING_RANGES.urgentWorkingMinutes.max)
    .describe('Registration and presentation of an urgent document, in working minutes after its receipt'),
});
const Source = z.enum(['default', 'province']);
const Range = z.object({ min: z.number().int(), max: z.number().int() });

const IncomingSettings = z
  .object({
    provinceCode: z.string(),
    settings: Values,
    source: z.object({ defaultHandlingWorkingDays: Source, urgentWorkingMinutes: Source }),
    defaults: Values.describe('motcua’s documented defaults (Decree 30/2020 leaves both to the agency)'),
    ranges: z.object({ defaultHandlingWorkingDays: Range, urgentWorkingMinutes: Range }),
    version: z.number().int().describe('the settings’ version (0: none saved yet); a write sends it back'),
    updatedAt: z.string().nullable(),
  })
  .meta({
    id: 'IncomingDocumentSettings',
    description: 'A province’s settings of incoming documents (văn bản đến) with their defaults',
  });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const ProvinceCode = z.string().regex(/^\d{2}$/);

/** The province administrator's settings of incoming documents (app_setting eoffice.incoming.<province>). */
export const registerIncomingSettingsRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/incoming-document-settings',
    {
      config: OFFICIAL,
      schema: {
        tags: ['incoming-documents'],
        summary: 'A province’s settings of incoming documents and their defaults (province administrator)',
        querystring: z.object({ province: ProvinceCode }),
        response: { 200: IncomingSettings, ...errors },
      },
    },
    async (request) => getIncomingSettings(ctx, request.actor, request.query.province),
  );

  api.put(
    '/api/v1/incoming-document-settings',
    {
      config: OFFICIAL,
      schema: {
        tags: ['incoming-documents'],
        summary: 'Set a province’s settings of incoming documents at the version read (province administrator)',
        description: 'They apply to deadlines computed from then on; reset is a write of the defaults.',
        body: z
          .object({ provinceCode: ProvinceCode, settings: Values.strict(), expectedVersion: z.number().int().min(0) })
          .strict(),
        response: { 200: IncomingSettings, ...errors },
      },
    },
    async (request) => setIncomingSettings(ctx, request.actor, request.body),
  );
};
