import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * OpenAPI 3.1 generated from the zod route schemas, served at /openapi.json with a UI at /docs.
 * @fastify/swagger and its UI (with their YAML library) are imported here, so that an application
 * that answers the documentation on demand (registerOpenApiOnDemand) never loads them at start-up.
 */
export const registerOpenApi = async (app: FastifyInstance, options: { publicUrl: string }): Promise<void> => {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
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
        {
          name: 'sipas',
          description: 'SIPAS satisfaction surveys: questionnaires, campaigns, samples, answers, index',
        },
        { name: 'portal', description: 'Citizen portal, public: procedure pages, tracking, result verification, PAKN' },
        {
          name: 'citizen',
          description: 'Citizen portal, signed in (VNeID): drafts, uploads, online dossiers, payments, ratings',
        },
        { name: 'payments', description: 'National payment platform: callback and the local sandbox' },
        { name: 'par', description: 'PAR Index (Chỉ số CCHC): criteria sets, rounds, scores, results' },
        { name: 'signing', description: 'Digital signatures: certificates of officials and agencies, the test CA' },
      ],
    },
    transform: (route) => documentRoute(jsonSchemaTransform(route)),
    // Puts the schemas named with `.meta({ id })` under components.schemas, where the routes' $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};

/** Headers of the documentation's answer that the forwarding reply sets itself (length, connection). */
const HOP_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/**
 * /openapi.json and /docs answered by a documented application (`registerOpenApi`) built on the first
 * such request, once, and asked through `inject`: the server that starts does not load or run
 * @fastify/swagger for them (≈ 0.1 s of a start, docs/performance.md). The documented application has
 * the same routes, so the document is the same; this application's own hooks (security headers,
 * request id) still run on the forwarded answer.
 */
export const registerOpenApiOnDemand = (app: FastifyInstance, buildDocumented: () => Promise<FastifyInstance>) => {
  let documented: Promise<FastifyInstance> | undefined;
  const documentedApp = () => {
    documented ??= buildDocumented().then(
      async (built) => {
        await built.ready();
        return built;
      },
      (error: unknown) => {
        documented = undefined;
        throw error;
      },
    );
    return documented;
  };
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await (await documentedApp()).inject({
      method: request.method as 'GET' | 'HEAD',
      url: request.url,
      headers: request.headers,
    });
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_HEADERS.has(name)) {
        reply.header(name, value);
      }
    }
    return reply.code(answer.statusCode).send(answer.rawPayload);
  };
  for (const url of ['/openapi.json', '/docs', '/docs/*']) {
    app.get(url, { schema: { hide: true } }, forward);
  }
  app.addHook('onClose', async () => {
    const built = documented;
    documented = undefined;
    await (await built?.catch(() => undefined))?.close();
  });
};
