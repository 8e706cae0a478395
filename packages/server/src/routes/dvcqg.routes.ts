import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { DossierCode, Problem } from '../http/schemas.js';
import { buildDvcqgFailuresWorkbook } from '../reports/dvcqg-failures-workbook.js';
import { resolveProvince } from '../usecases/integration/dvcqg-monitor/access.js';
import {
  getDossierDvcqgSync,
  resendDossierDvcqgSync,
  retryDossierDvcqgSync,
} from '../usecases/integration/dvcqg-monitor/dossier-sync.js';
import {
  getDvcqgMonitor,
  listDvcqgFailureRows,
  listDvcqgSyncDossiers,
  runDvcqgBulkAction,
} from '../usecases/integration/dvcqg-monitor/monitor.js';
import { getDvcqgSettings, saveDvcqgSettings } from '../usecases/integration/dvcqg-monitor/settings.js';

const tags = ['integration'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ProvinceCode = z.string().regex(/^\d{2}$/);
const ProvinceQuery = z.object({
  province: ProvinceCode.optional().describe('The province (two digits); the official’s own when absent'),
});
const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const Code = z.string().trim().min(1).max(100);

const SettingValues = {
  enabled: z.boolean().describe('Deliver dossier changes to the national portal (off by default)'),
  endpointUrl: HttpUrl.nullable().describe('The service endpoint every message is POSTed to'),
  authUrl: HttpUrl.nullable().describe('The authentication endpoint (username + password → session)'),
  username: z.string().trim().min(1).max(200).nullable(),
  dstCode: Code.nullable().describe('The `dstcode` header the portal assigned to the province'),
  unitCode: Code.nullable().describe('The `madonvi` field the portal assigned to the province'),
  agencyCodes: z
    .record(z.uuid(), Code)
    .describe('National codes (MaDonVi) of the province’s agencies where they differ from the agency’s code'),
  onTimeMinutes: z
    .number()
    .int()
    .min(1)
    .max(43_200)
    .describe('Decision 766 indicator 4: a change is synced on time when accepted within this many minutes'),
  backlogAlertMinutes: z.number().int().min(1).max(10_080).describe('Alert when the oldest waiting change is older'),
  catalogPullHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .nullable()
    .describe('Pull the national catalog every N hours (null: on demand only)'),
};

const DvcqgSettings = z
  .object({
    provinceCode: z.string(),
    ...SettingValues,
    username: z.string().nullable(),
    endpointUrl: z.string().nullable(),
    authUrl: z.string().nullable(),
    dstCode: z.string().nullable(),
    unitCode: z.string().nullable(),
    agencyCodes: z.record(z.string(), z.string()),
    passwordSet: z.boolean().describe('Whether a password is stored (it is write-only, sealed, never answered)'),
    version: z.number().int().describe('the settings’ version (0: none saved yet); a write sends it back'),
    updatedAt: z.string().nullable(),
    defaults: z.object({
      onTimeMinutes: z.number().int(),
      backlogAlertMinutes: z.number().int(),
      catalogPullHours: z.number().int().nullable(),
    }),
    canManage: z.boolean(),
  })
  .meta({ id: 'DvcqgSettings', description: 'A province’s connection to the national public-service portal' });

const DvcqgSettingsInput = z
  .object({
    provinceCode: ProvinceCode,
    expectedVersion: z.number().int().min(0),
    ...SettingValues,
    password: z.string().min(1).max(500).optional().describe('A new password (write-only); absent keeps the stored'),
    clearPassword: z.boolean().optional().describe('Remove the stored password'),
  })
  .strict();

const ListState = z.enum(['pending', 'failing', 'parked']);

const Reason = z.object({ errorCode: z.string(), outcome: z.enum(['rejected', 'failed']), count: z.number().int() });

const DvcqgMonitor = z
  .object({
    provinceCode: z.string(),
    enabled: z.boolean(),
    asOf: z.string(),
    pending: z.number().int().describe('Dossiers with changes still to deliver'),
    failing: z.number().int().describe('Of them, those whose last attempt failed (retried with backoff)'),
    parked: z.number().int().describe('Dossiers stopped on a message the portal rejected'),
    lagMinutes: z.number().int().describe('Age of the oldest change not yet accepted (0: none waits)'),
    oldestPendingSince: z.string().nullable(),
    alert: z.object({ active: z.boolean(), thresholdMinutes: z.number().int() }),
    failures: z.object({ last24h: z.array(Reason), last7d: z.array(Reason) }),
    last24h: z.object({ accepted: z.number().int(), rejected: z.number().int(), failed: z.number().int() }),
    throughput: z.array(
      z.object({
        hour: z.string(),
        accepted: z.number().int(),
        rejected: z.number().int(),
        failed: z.number().int(),
        maxDelaySeconds: z.number().int().nullable(),
      }),
    ),
    canManage: z.boolean(),
  })
  .meta({ id: 'DvcqgMonitor', description: 'Backlog, lag, failures by reason and throughput of the sync' });

const DvcqgSyncItem = z
  .object({
    dossierId: z.uuid(),
    code: z.string(),
    procedureName: z.string(),
    dossierStatus: z.string(),
    state: ListState,
    targetSeq: z.number().int(),
    deliveredSeq: z.number().int(),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    pendingSince: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    lastErrorMessage: z.string().nullable(),
  })
  .meta({ id: 'DvcqgSyncItem' });

const DvcqgSyncPage = z
  .object({ items: z.array(DvcqgSyncItem), nextCursor: z.string().nullable() })
  .meta({ id: 'DvcqgSyncPage' });

const DvcqgBulkInput = z
  .object({
    province: ProvinceCode.optional(),
    action: z.enum(['retry', 'resend']),
    dossierIds: z.array(z.uuid()).min(1).max(500).optional().describe('The dossiers chosen; absent: the filter'),
    state: ListState.optional().describe('Filter of the list (retry: parked by default; re-send: pending)'),
    reason: z.string().max(100).optional().describe('The last error code'),
    limit: z.number().int().min(1).max(500).default(100).describe('At most this many dossiers in one call'),
  })
  .strict();

const DvcqgBulkResult = z
  .object({
    action: z.enum(['retry', 'resend']),
    matched: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int().describe('Already due, or held by a delivery under way'),
    more: z.boolean().describe('The filter may match more: call again'),
  })
  .meta({ id: 'DvcqgBulkResult' });

const DossierDvcqgSync = z
  .object({
    code: z.string(),
    provinceCode: z.string(),
    syncEnabled: z.boolean(),
    latestSeq: z.number().int(),
    state: z.enum(['not_marked', 'pending', 'failing', 'parked', 'synced']),
    cursor: z
      .object({
        targetSeq: z.number().int(),
        deliveredSeq: z.number().int(),
        dossierMessageAccepted: z.boolean(),
        remoteExists: z.boolean(),
        attempts: z.number().int(),
        nextAttemptAt: z.string().nullable(),
        pendingSince: z.string().nullable(),
        lastErrorCode: z.string().nullable(),
        lastErrorMessage: z.string().nullable(),
        updatedAt: z.string().nullable(),
      })
      .nullable(),
    lastAcceptedAt: z.string().nullable(),
    lastError: z
      .object({
        at: z.string(),
        outcome: z.enum(['rejected', 'failed']),
        code: z.string().nullable(),
        message: z.string().nullable(),
      })
      .nullable(),
    log: z.array(
      z.object({
        id: z.number().int(),
        eventSeq: z.number().int(),
        eventAt: z.string(),
        service: z.enum(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']),
        isUpdating: z.boolean().nullable(),
        outcome: z.enum(['accepted', 'rejected', 'failed']),
        errorCode: z.string().nullable(),
        message: z.string().nullable(),
        durationMs: z.number().int().nullable(),
        at: z.string(),
      }),
    ),
    canResend: z.boolean(),
  })
  .meta({ id: 'DossierDvcqgSync', description: 'A dossier’s sync to the national portal: cursor and attempts' });

/**
 * The national portal connection's settings and sync monitor (issue 21 item 2): settings per province, the
 * monitor, its lists and bulk actions, the failures workbook, and a dossier's sync with retry and re-send.
 */
export const registerDvcqgRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/integration/dvcqg/settings',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The province’s connection to the national portal (integration.read); the password never',
        querystring: ProvinceQuery,
        response: { 200: DvcqgSettings, ...errors },
      },
    },
    async (request) => getDvcqgSettings(ctx, request.actor, resolveProvince(request.actor, request.query.province)),
  );

  api.put(
    '/api/v1/integration/dvcqg/settings',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Set the province’s connection at the version read (integration.manage)',
        description:
          'A stale expectedVersion answers 409. The password is write-only and stored sealed. Switching the sync ' +
          'on needs both URLs, the username, a password and the unit code (422 DVCQG_SETTING_INCOMPLETE).',
        body: DvcqgSettingsInput,
        response: { 200: DvcqgSettings, ...errors },
      },
    },
    async (request) => saveDvcqgSettings(ctx, request.actor, request.body),
  );

  api.get(
    '/api/v1/integration/dvcqg/monitor',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The sync monitor: backlog, lag, alert, failures by reason (24 h, 7 d), throughput per hour',
        querystring: ProvinceQuery,
        response: { 200: DvcqgMonitor, ...errors },
      },
    },
    async (request) => getDvcqgMonitor(ctx, request.actor, resolveProvince(request.actor, request.query.province)),
  );

  api.get(
    '/api/v1/integration/dvcqg/sync',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Pending, failing or parked dossiers, oldest change first (keyset)',
        querystring: ProvinceQuery.extend({
          state: ListState.default('parked'),
          reason: z.string().max(100).optional().describe('The last error code'),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: DvcqgSyncPage, ...errors },
      },
    },
    async (request) =>
      listDvcqgSyncDossiers(ctx, request.actor, {
        ...request.query,
        province: resolveProvince(request.actor, request.query.province),
      }),
  );

  api.get(
    '/api/v1/integration/dvcqg/failures.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The failures as Excel: parked and failing dossiers with their last error, failures by reason',
        querystring: ProvinceQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const province = resolveProvince(request.actor, request.query.province);
      const rows = await listDvcqgFailureRows(ctx, request.actor, province);
      const monitor = await getDvcqgMonitor(ctx, request.actor, province);
      const bytes = await buildDvcqgFailuresWorkbook({
        provinceCode: province,
        asOf: monitor.asOf,
        rows,
        reasons: [
          ...monitor.failures.last24h.map((r) => ({ ...r, period: '24 giờ qua' })),
          ...monitor.failures.last7d.map((r) => ({ ...r, period: '7 ngày qua' })),
        ],
      });
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="dong-bo-dvcqg-loi-${monitor.asOf.slice(0, 10)}.xlsx"`)
        .send(bytes);
    },
  );

  api.post(
    '/api/v1/integration/dvcqg/bulk',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Retry or re-send many dossiers: those chosen, or the first `limit` of a filter (integration.manage)',
        description:
          'Retry: parked or failing → pending now, attempts 0. Re-send: the latest state again as an update. ' +
          'Bounded and idempotent; rows a delivery holds are skipped (unchanged).',
        body: DvcqgBulkInput,
        response: { 200: DvcqgBulkResult, ...errors },
      },
    },
    async (request) =>
      runDvcqgBulkAction(ctx, request.actor, {
        ...request.body,
        province: resolveProvince(request.actor, request.body.province),
      }),
  );

  api.get(
    '/api/v1/dossiers/:code/dvcqg-sync',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The dossier’s sync to the national portal: state, last accepted, last error, attempts',
        description: 'For every official who may read the dossier.',
        params: z.object({ code: DossierCode }),
        response: { 200: DossierDvcqgSync, ...errors },
      },
    },
    async (request) => getDossierDvcqgSync(ctx, request.actor, request.params.code),
  );

  api.post(
    '/api/v1/dossiers/:code/dvcqg-sync/retry',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Retry the dossier’s failed or rejected message now (integration.manage)',
        params: z.object({ code: DossierCode }),
        response: { 200: DossierDvcqgSync, ...errors },
      },
    },
    async (request) => retryDossierDvcqgSync(ctx, request.actor, request.params.code),
  );

  api.post(
    '/api/v1/dossiers/:code/dvcqg-sync/resend',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Deliver the dossier’s latest state again as an update (integration.manage)',
        params: z.object({ code: DossierCode }),
        response: { 200: DossierDvcqgSync, ...errors },
      },
    },
    async (request) => resendDossierDvcqgSync(ctx, request.actor, request.params.code),
  );
};
