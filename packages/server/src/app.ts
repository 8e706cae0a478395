import { randomUUID } from 'node:crypto';
import type { DatabaseHandle, ReplicaHandle } from '@motcua/db';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { type AppContext, type Clock, type RuntimeState, systemClock } from './context.js';
import { registerAuth } from './http/auth.js';
import { registerLanguage } from './http/language.js';
import { registerOpenApi, registerOpenApiOnDemand } from './http/openapi.js';
import { registerPortalScope } from './http/portal-scope.js';
import { registerProblemHandlers } from './http/problems.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerTextGuard } from './http/text-guard.js';
import { registerWeb } from './http/web.js';
import type { Jobs } from './jobs/jobs.js';
import { registerAgencyRoutes } from './routes/agencies.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerCalendarRoutes } from './routes/calendar.routes.js';
import { registerCatalogRoutes } from './routes/catalog.routes.js';
import { registerCatalogPullRoutes } from './routes/catalog-pull.routes.js';
import { registerConsultationRoutes } from './routes/consultations.routes.js';
import { registerDocumentExchangeRoutes } from './routes/document-exchange.routes.js';
import { registerDocumentRegisterRoutes } from './routes/document-registers.routes.js';
import { registerDossierRoutes } from './routes/dossiers.routes.js';
import { registerDvcqgRoutes } from './routes/dvcqg.routes.js';
import { registerEvaluationRoutes } from './routes/evaluation.routes.js';
import { registerFeeRoutes } from './routes/fees.routes.js';
import { registerHostingRoutes } from './routes/hosting.routes.js';
import { registerIncomingDocumentRoutes } from './routes/incoming-documents.routes.js';
import { registerIncomingSettingsRoutes } from './routes/incoming-settings.routes.js';
import { registerOutgoingDocumentRoutes } from './routes/outgoing-documents.routes.js';
import { registerPaknRoutes } from './routes/pakn.routes.js';
import { registerParResultsRoutes } from './routes/par-results.routes.js';
import { registerParRoundRoutes } from './routes/par-rounds.routes.js';
import { registerParSetRoutes } from './routes/par-sets.routes.js';
import { registerPortalCitizenRoutes } from './routes/portal-citizen.routes.js';
import { registerPortalContentRoutes } from './routes/portal-content.routes.js';
import { registerPortalDeskRoutes } from './routes/portal-desk.routes.js';
import { registerPortalMediaRoutes } from './routes/portal-media.routes.js';
import { registerPortalPaymentRoutes } from './routes/portal-payments.routes.js';
import { registerPortalPublicRoutes } from './routes/portal-public.routes.js';
import { registerProcedureDecisionRoutes } from './routes/procedure-decisions.routes.js';
import { registerProvinceSiteRoutes } from './routes/province-site.routes.js';
import { registerPublicResultRoutes } from './routes/public-results.routes.js';
import { registerReferenceRoutes } from './routes/reference.routes.js';
import { registerReportImportRoutes } from './routes/report-imports.routes.js';
import { registerReportRoutes } from './routes/reports.routes.js';
import { registerScheduleRoutes } from './routes/schedule.routes.js';
import { registerSigningPublicRoutes, registerSigningRoutes } from './routes/signing.routes.js';
import { registerSipasRoutes } from './routes/sipas.routes.js';
import { registerSystemRoutes } from './routes/system.routes.js';
import { registerTaskRoutes } from './routes/tasks.routes.js';
import { registerUserRoutes } from './routes/users.routes.js';
import { registerWebhookRoutes } from './routes/webhooks.routes.js';
import { registerWorkDashboardRoutes } from './routes/work-dashboard.routes.js';
import { registerWorkFileRoutes } from './routes/work-files.routes.js';
import { registerWorkNoticeRoutes } from './routes/work-notices.routes.js';
import type { FileStorage } from './storage/file-storage.js';

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  /** A streaming replica for the report reads (DATABASE_REPLICA_URL); without one they run on `database`. */
  replica?: ReplicaHandle | undefined;
  state: RuntimeState;
  jobs: Jobs;
  storage: FileStorage;
  clock?: Clock;
  /** Pass false in tests to keep output quiet. */
  logger?: boolean;
  /**
   * 'on-demand' (the default): /openapi.json and /docs are answered by a documented copy of this
   * application built on their first request, so a start does not load @fastify/swagger;
   * 'registered': this application documents itself (the OpenAPI document's builder, the copy).
   */
  openApi?: 'on-demand' | 'registered';
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The context use-cases run with (also used by the job workers). */
    motcua: AppContext;
  }
}

/**
 * Every route validates and serializes with its zod schema (set on the root below). Naming the
 * compilers' factories keeps Fastify from loading Ajv and fast-json-stringify at start-up only to
 * replace them; the factory types are written for Ajv, hence the cast.
 */
const ZOD_SCHEMA_CONTROLLER = {
  compilersFactory: { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler },
} as unknown as NonNullable<FastifyServerOptions['schemaController']>;

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * One log line per request: id, method, route pattern (never the raw URL, whose query may carry
 * names or ID numbers), status and time. No bodies, headers or client addresses.
 */
class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: request.routeOptions?.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) {
      reply.log.error({ ...line, err: error }, 'request failed');
    } else {
      reply.log.info(line, 'request');
    }
  }
}

/** Builds the HTTP application without listening, so tests drive it with `inject`. */
export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const { config } = deps;
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            serializers: {
              req: (request) => ({ method: request.method, route: request.routeOptions?.url }),
            },
          },
    logController: new RequestLogController(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    schemaController: ZOD_SCHEMA_CONTROLLER,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: AppContext = {
    config,
    database: deps.database,
    db: deps.database.db,
    reader: deps.replica?.db ?? deps.database.db,
    replica: deps.replica,
    clock: deps.clock ?? systemClock,
    state: deps.state,
    jobs: deps.jobs,
    storage: deps.storage,
  };

  app.decorate('motcua', ctx);
  registerLanguage(app);
  registerProblemHandlers(app, { bodyLimitBytes: config.bodyLimitBytes });
  registerTextGuard(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  registerSecurityHeaders(app, { publicUrl: config.publicUrl });

  if (deps.openApi === 'registered') {
    await registerOpenApi(app, { publicUrl: config.publicUrl });
  } else {
    registerOpenApiOnDemand(app, () => buildApp({ ...deps, logger: false, openApi: 'registered' }));
  }
  await registerAuth(app, ctx);
  registerSystemRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerAgencyRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerDossierRoutes(app, ctx);
  registerFeeRoutes(app, ctx);
  registerReferenceRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerPaknRoutes(app, ctx);
  await registerIncomingDocumentRoutes(app, ctx);
  await registerReportImportRoutes(app, ctx);
  await registerParResultsRoutes(app, ctx);
  await registerParSetRoutes(app, ctx);
  await registerParRoundRoutes(app, ctx);
  registerSipasRoutes(app, ctx);
  registerProcedureDecisionRoutes(app, ctx);
  registerPublicResultRoutes(app, ctx);
  registerDocumentRegisterRoutes(app, ctx);
  await registerDocumentExchangeRoutes(app, ctx);
  await registerOutgoingDocumentRoutes(app, ctx);
  await registerConsultationRoutes(app, ctx);
  registerSigningRoutes(app, ctx);
  registerIncomingSettingsRoutes(app, ctx);
  await registerScheduleRoutes(app, ctx);
  await registerTaskRoutes(app, ctx);
  await registerWorkFileRoutes(app, ctx);
  registerWorkDashboardRoutes(app, ctx);
  registerEvaluationRoutes(app, ctx);
  registerWorkNoticeRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerCatalogPullRoutes(app, ctx);
  registerDvcqgRoutes(app, ctx);
  registerPortalContentRoutes(app, ctx);
  await registerPortalMediaRoutes(app, ctx);
  await registerProvinceSiteRoutes(app, ctx);
  registerHostingRoutes(app, ctx);
  await registerPortalScope(app, ctx, (scope) => {
    registerPortalPublicRoutes(scope, ctx);
    registerPortalCitizenRoutes(scope, ctx);
    registerPortalPaymentRoutes(scope, ctx);
    registerPortalDeskRoutes(scope, ctx);
    registerSigningPublicRoutes(scope, ctx);
  });
  await registerWeb(app, config.webDir);
  return app;
};
