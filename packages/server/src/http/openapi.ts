import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

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
      ],
    },
    transform: jsonSchemaTransform,
    // Puts the schemas named with `.meta({ id })` under components.schemas, where the routes' $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
