import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type RouteDocument = ReturnType<typeof jsonSchemaTransform>;
type JsonSchema = Record<string, unknown>;

const isJson = (mediaType: string) => /^application\/(?:[\w.+-]+\+)?json$/.test(mediaType);

/**
 * What the zod schemas cannot say, added to a route's document only (fastify validates and
 * serializes as before):
 * - a multipart/form-data route reads one file part (http/uploads.ts), which fastify does not parse
 *   into `request.body`, so it has no body schema: the body is documented as that one file;
 * - a route that `produces` files or pages (PDF, spreadsheets, HTML) answers 200 with that content;
 * - failures leave as RFC 9457 `application/problem+json` (http/problems.ts), not as the route's
 *   `produces` or plain JSON.
 */
export const documentRoute = (route: RouteDocument): RouteDocument => {
  const schema = route.schema as JsonSchema | undefined;
  if (!schema || schema.hide) {
    return route;
  }
  const consumes = (schema.consumes as string[] | undefined) ?? [];
  const produces = (schema.produces as string[] | undefined) ?? [];
  const responses: Record<string, JsonSchema> = { ...((schema.response as Record<string, JsonSchema>) ?? {}) };
  const documented: JsonSchema = { ...schema, response: responses };
  if (consumes.includes('multipart/form-data') && !schema.body) {
    documented.body = {
      type: 'object',
      properties: {
        file: {
          type: 'string',
          contentMediaType: 'application/octet-stream',
          description: 'The file: one part, under any field name',
        },
      },
      required: ['file'],
    };
  }
  const files = produces.filter((mediaType) => !isJson(mediaType));
  if (files.length > 0 && !Object.keys(responses).some((status) => status.startsWith('2'))) {
    responses['200'] = {
      description: files.length === 1 ? `The ${files[0]} document` : `The document (${files.join(' or ')})`,
      content: Object.fromEntries(
        files.map((mediaType) => [
          mediaType,
          {
            schema: mediaType.startsWith('text/')
              ? { type: 'string' }
              : { type: 'string', contentMediaType: mediaType },
          },
        ]),
      ),
    };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (/^[45]\d\d$/.test(status) && response.$ref === '#/components/schemas/Problem') {
      responses[status] = {
        description: 'A problem (RFC 9457) with a stable `code`',
        content: { 'application/problem+json': { schema: response } },
      };
    }
  }
  return { ...route, schema: documented };
};

/** OpenAPI 3.1 generated from the zod route schemas, served at /openapi.json with a UI at /docs. */
export const registerOpenApi = async (app: FastifyInstance, options: { publicUrl: string }): Promise<void> => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        version: '0.1.0',
        description:
          'Hệ thống thông tin giải quyết thủ tục hành chính — one-stop administrative procedure system. ' +
          'Errors are RFC 9457 problem+json with a stable `code`; send `Accept-Language: en` for English texts.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: options.publicUrl }],
      tags: [
        { name: 'system', description: 'Health and readiness' },
        { name: 'reference', description: 'Reference data: administrative units' },
        { name: 'auth', description: 'Officials: sign-in, session, API tokens' },
        { name: 'agencies', description: 'Agencies, their history and reorganisations' },
        { name: 'calendar', description: 'Legal working-time calendar: holidays, lunar dates, due instants' },
        { name: 'procedures', description: 'Procedure catalog (TTHC): search, versions, adoption, imports, export' },
        { name: 'users', description: 'Officials and their roles' },
        { name: 'dossiers', description: 'The dossier engine: intake, inbox, actions, history, forms' },
        { name: 'fees', description: 'Fees and charges of a dossier: what is owed, payments at the counter, receipts' },
        {
          name: 'reports',
          description: 'Statistics, tracking book, Decision 766 service index, lateness, drill-down, imports',
        },
        { name: 'portal', description: 'Citizen portal, public: procedure pages, tracking, result verification, PAKN' },
        {
          name: 'citizen',
          description: 'Citizen portal, signed in (VNeID): drafts, uploads, online dossiers, payments, ratings',
        },
        { name: 'payments', description: 'National payment platform: callback and the local sandbox' },
        { name: 'par', description: 'PAR Index (Chỉ số CCHC): criteria sets, rounds, scores, results' },
      ],
    },
    transform: (route) => documentRoute(jsonSchemaTransform(route)),
    // Puts the schemas named with `.meta({ id })` under components.schemas, where the routes' $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
