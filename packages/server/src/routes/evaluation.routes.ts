import {
  EVALUATION_ACTIONS,
  EVALUATION_BANDS,
  EVALUATION_ITEM_SOURCES,
  EVALUATION_PERIOD_KINDS,
  EVALUATION_SHEET_STATUSES,
  EVALUATION_VETOES,
  LEADER_FORMULAS,
} from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { changeEvaluationSheet, decidePeriod } from '../usecases/evaluation/change-evaluation.js';
import { changePeriod, listPeriods, openPeriod } from '../usecases/evaluation/evaluation-periods.js';
import { getEvaluationSettings, setEvaluationSettings } from '../usecases/evaluation/evaluation-settings.js';
import { exportEvaluationCsdl, exportEvaluationWorkbook, toCsdlCsv } from '../usecases/evaluation/export-evaluation.js';
import { gatherPeriod } from '../usecases/evaluation/gather-evaluation.js';
import { getPeriodQuota, getSheet, listMySheets, listPeriodSheets } from '../usecases/evaluation/read-evaluation.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const TAGS = ['evaluation'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${name}"`;

const Band = z.enum(EVALUATION_BANDS);
const Label = z.object({ vi: z.string(), en: z.string() });
const Hundredths = z.number().int().describe('hundredths (of a point or of a per cent: 10000 = 100 %)');

const Criterion = z.object({
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(300),
  maxPoints: z.number().int().min(0).max(3000).describe('hundredths of a point'),
});
const SettingsValues = z.object({
  periodKind: z.enum(['month', 'quarter']).describe('The tracking period (theo dõi theo tháng hoặc quý)'),
  coefficients: z
    .record(z.string().min(1).max(40), z.number().min(0).max(100))
    .describe('Conversion coefficient (quy đổi) per kind of work item (task work_kind, "dossier_step"); 1 = one item'),
  quotaPercent: z.number().int().min(0).max(100),
  quotaPercentExcellentUnit: z.number().int().min(0).max(100),
  generalCriteria: z.array(Criterion).max(20).describe('≤ 30 points in all'),
  leaderFormula: z
    .enum(LEADER_FORMULAS)
    .describe(
      "'three_part': (quantity + quality + timeliness)/3 as staff; 'six_part': adds the unit's results, organising, team-building [SEC]",
    ),
});
const EvaluationSettings = SettingsValues.extend({
  agencyId: z.uuid(),
  version: z.number().int().describe('0: none saved yet (the defaults); a write sends it back'),
  updatedAt: z.string().nullable(),
  mayChange: z.boolean().describe('Whether the caller may change them (evaluation.manage: the personnel officer)'),
  defaults: SettingsValues.omit({ periodKind: true }),
}).meta({ id: 'EvaluationSettings', description: 'An agency’s evaluation rules with motcua’s documented defaults' });

const Period = z
  .object({
    id: z.uuid(),
    agencyId: z.uuid(),
    kind: z.enum(EVALUATION_PERIOD_KINDS),
    year: z.number().int(),
    number: z.number().int().describe('1–12 month, 1–4 quarter, 0 year'),
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(['open', 'closed']),
    unitBand: Band.nullable().describe('the unit’s own rating: "excellent" raises the quota to 25 %'),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'EvaluationPeriod' });

const SheetSummary = z
  .object({
    id: z.uuid(),
    periodId: z.uuid(),
    agencyId: z.uuid(),
    userId: z.uuid(),
    fullName: z.string().nullable(),
    position: z.string().nullable(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    groupCode: z.string(),
    isLeader: z.boolean(),
    status: z.enum(EVALUATION_SHEET_STATUSES),
    quantityPct: Hundredths.nullable(),
    qualityPct: Hundredths.nullable(),
    timelinessPct: Hundredths.nullable(),
    taskPoints: Hundredths.nullable(),
    generalPoints: Hundredths.nullable(),
    totalPoints: Hundredths.nullable(),
    proposedBand: Band.nullable(),
    band: Band.nullable(),
    bandReason: Label.nullable().describe('why the band differs from the proposed one (the quota, the unit’s band)'),
    veto: z.enum(EVALUATION_VETOES).nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EvaluationSheetSummary' });

const Item = z.object({
  id: z.uuid(),
  sourceKind: z.enum(EVALUATION_ITEM_SOURCES),
  sourceId: z.uuid().nullable().describe('the task id, or the dossier id of a dossier step'),
  stepNo: z.number().int().nullable(),
  dossierCode: z.string().nullable(),
  link: z.string().nullable().describe('the console page of the source'),
  title: z.string(),
  workKind: z.string(),
  coefficientMilli: z.number().int(),
  assignedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completed: z.boolean(),
  majorErrors: z.number().int(),
  delays: z.number().int(),
  objectiveCause: z.string().nullable(),
  included: z.boolean(),
  assignedPoints: z.number().describe('converted points in thousandths (1000 = one item of coefficient 1)'),
  quantityPoints: z.number(),
  qualityPoints: z.number().describe('after −25 % per major error, unless an objective cause is recorded'),
  progressPoints: z.number().describe('after −25 % per delay, unless an objective cause is recorded'),
});

const SheetDetail = z
  .object({
    sheet: SheetSummary.extend({
      generalSelf: z.record(z.string(), z.number()),
      generalManager: z.record(z.string(), z.number()),
      leaderParts: z.record(z.string(), z.number()),
      selfNote: z.string().nullable(),
      managerNote: z.string().nullable(),
      collectiveNote: z.string().nullable(),
      vetoNote: z.string().nullable(),
      decidedBy: z.uuid().nullable(),
      decidedAt: z.string().nullable(),
    }),
    period: Period,
    figures: z.object({
      assignedMilli: z.number(),
      quantityPct: Hundredths,
      qualityPct: Hundredths,
      timelinessPct: Hundredths,
      scorePct: Hundredths,
      taskPoints: Hundredths,
      generalPoints: Hundredths,
      generalSource: z.enum(['manager', 'self']),
      totalPoints: Hundredths,
      proposedBand: Band.nullable(),
      noItems: z.boolean(),
      leaderFormula: z.enum(LEADER_FORMULAS),
    }),
    generalCriteria: z.array(Criterion),
    items: z.array(Item),
    actions: z.array(z.enum(EVALUATION_ACTIONS)).describe('what the reader may do now'),
    history: z.array(
      z.object({
        seq: z.number().int(),
        at: z.string(),
        actorUserId: z.uuid().nullable(),
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'EvaluationSheet', description: 'A sheet with its figures, the items behind them and its history' });

const QuotaGroup = z.object({
  groupCode: z.string(),
  percent: z.number().int(),
  base: z.number().int().describe('those proposed "good" or better'),
  places: z.number().int().describe('⌊base × percent / 100⌋'),
  ranked: z.array(z.uuid()).describe('sheets proposed "excellent", in the order who keeps it'),
  rankedNames: z.array(z.string()),
  kept: z.array(z.uuid()),
  demoted: z.array(z.uuid()),
  decidedExcellent: z.number().int(),
});

const CsdlRecord = z.object({
  maCoQuan: z.string(),
  tenCoQuan: z.string(),
  maCanBo: z.string(),
  hoTen: z.string(),
  chucVu: z.string(),
  donVi: z.string(),
  kyDanhGia: z.enum(['THANG', 'QUY', 'NAM']),
  nam: z.number().int(),
  so: z.number().int(),
  tuNgay: z.string(),
  denNgay: z.string(),
  diemTieuChiChung: z.number(),
  diemKetQuaNhiemVu: z.number(),
  tongDiem: z.number(),
  xepLoai: z.string(),
  maXepLoai: z.string(),
  truongHopKhongHoanThanh: z.string(),
  ngayQuyetDinh: z.string(),
});

const IdParams = z.object({ id: z.uuid() });

/** Staff evaluation (Decree 335/2025/NĐ-CP; Decree 233/2026/NĐ-CP): settings, periods, sheets, exports. */
export const registerEvaluationRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/evaluation-settings',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'An agency’s evaluation rules (coefficients, quota, general criteria, leader formula)',
        querystring: z.object({ agencyId: z.uuid() }),
        response: { 200: EvaluationSettings, ...errors },
      },
    },
    async (request) => getEvaluationSettings(ctx, request.actor, request.query.agencyId),
  );

  api.put(
    '/api/v1/evaluation-settings',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Set an agency’s evaluation rules at the version read (personnel officer)',
        body: SettingsValues.extend({ agencyId: z.uuid(), expectedVersion: z.number().int().min(0) }).strict(),
        response: { 200: EvaluationSettings, ...errors },
      },
    },
    async (request) => setEvaluationSettings(ctx, request.actor, request.body),
  );

  api.get(
    '/api/v1/evaluation-periods',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The evaluation periods of an agency, newest first',
        querystring: z.object({ agencyId: z.uuid() }),
        response: { 200: z.object({ items: z.array(Period) }), ...errors },
      },
    },
    async (request) => listPeriods(ctx, request.actor, request.query.agencyId),
  );

  api.post(
    '/api/v1/evaluation-periods',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Open a month, a quarter or the year of an agency (personnel officer)',
        body: z
          .object({
            agencyId: z.uuid(),
            kind: z.enum(EVALUATION_PERIOD_KINDS),
            year: z.number().int().min(2000).max(2200),
            number: z.number().int().min(0).max(12),
          })
          .strict(),
        response: { 201: Period, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await openPeriod(ctx, request.actor, request.body)),
  );

  api.post(
    '/api/v1/evaluation-periods/:id/change',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Record the unit’s own band (quota 25 % when "excellent") or close the period (personnel officer)',
        params: IdParams,
        body: z.object({ close: z.boolean().optional(), unitBand: Band.nullable().optional() }).strict(),
        response: { 200: Period, ...errors },
      },
    },
    async (request) => changePeriod(ctx, request.actor, request.params.id, request.body),
  );

  api.post(
    '/api/v1/evaluation-periods/:id/gather',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Gather the work items and figures of every official of the agency (personnel officer)',
        description:
          'Tasks they lead due or completed in the period and dossier steps they completed in it; draft sheets are gathered again, others keep their items. The year averages the period totals.',
        params: IdParams,
        response: {
          200: z.object({ created: z.number().int(), refreshed: z.number().int(), kept: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) => gatherPeriod(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/evaluation-periods/:id/sheets',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The sheets of a period the reader may read (the agency’s, their units’, their own)',
        params: IdParams,
        response: { 200: z.object({ period: Period, items: z.array(SheetSummary) }), ...errors },
      },
    },
    async (request) => listPeriodSheets(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/evaluation-periods/:id/quota',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The "xuất sắc" quota per group as the decision applies it (who keeps it, who is rated "tốt")',
        params: IdParams,
        response: {
          200: z.object({
            period: Period,
            percent: z.number().int(),
            rounding: z.literal('floor'),
            tieRule: z.array(z.string()),
            groups: z.array(QuotaGroup),
          }),
          ...errors,
        },
      },
    },
    async (request) => getPeriodQuota(ctx, request.actor, request.params.id),
  );

  api.post(
    '/api/v1/evaluation-periods/:id/decide',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Decide every collectively reviewed sheet of the period at once, the quota applied (the head)',
        params: IdParams,
        response: {
          200: z.object({
            decided: z.number().int(),
            groups: z.array(QuotaGroup.omit({ rankedNames: true, decidedExcellent: true })),
          }),
          ...errors,
        },
      },
    },
    async (request) => decidePeriod(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/evaluation-periods/:id/results.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary:
          'The period’s results as Excel in the form agencies file (STT, họ tên, chức vụ, đơn vị, điểm, xếp loại)',
        params: IdParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { buffer, name } = await exportEvaluationWorkbook(ctx, request.actor, request.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${name}.xlsx`))
        .send(buffer);
    },
  );

  api.get(
    '/api/v1/evaluation-periods/:id/csdl',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The decided results for the national officials database (CSDL CBCCVC) as JSON (personnel officer)',
        description: 'Fields documented in docs/evaluation.md; the national schema was not in the sources read [INF].',
        params: IdParams,
        response: { 200: z.object({ records: z.array(CsdlRecord) }), ...errors },
      },
    },
    async (request) => ({ records: (await exportEvaluationCsdl(ctx, request.actor, request.params.id)).records }),
  );

  api.get(
    '/api/v1/evaluation-periods/:id/csdl.csv',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The same records as CSV (UTF-8 with BOM, RFC 4180) for the national officials database',
        params: IdParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { period, records } = await exportEvaluationCsdl(ctx, request.actor, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`csdl-cbccvc-${period.kind}-${period.year}-${period.number}.csv`))
        .send(toCsdlCsv(records));
    },
  );

  api.get(
    '/api/v1/evaluation-sheets/mine',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The official’s own evaluation sheets, newest period first',
        response: {
          200: z.object({
            items: z.array(
              SheetSummary.extend({
                periodKind: z.enum(EVALUATION_PERIOD_KINDS),
                periodYear: z.number().int(),
                periodNumber: z.number().int(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => listMySheets(ctx, request.actor),
  );

  api.get(
    '/api/v1/evaluation-sheets/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'A sheet with its figures, every item behind them (with its source) and its history',
        params: IdParams,
        response: { 200: SheetDetail, ...errors },
      },
    },
    async (request) => getSheet(ctx, request.actor, request.params.id),
  );

  api.post(
    '/api/v1/evaluation-sheets/:id/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'A step of the sheet: self-assess, review, collective, decide, waive, veto, return',
        description:
          'self_assess (owner: generalScores, note) → review (the unit head: generalScores, note, leaderParts) → collective (personnel officer: note = the meeting record) → decide (the head: the quota checked; 409 EVALUATION_QUOTA_EXCEEDED unless demote=true). waive (itemId, objectiveCause: the −25 % deductions waived; null clears), veto (veto, note), return (note), add_item (item: a manual work item, by the reviewer or the head before the collective review).',
        params: IdParams,
        body: z
          .object({
            action: z.enum(EVALUATION_ACTIONS),
            expectedVersion: z.number().int().min(1),
            note: z.string().max(4000).optional(),
            generalScores: z.record(z.string(), z.number().int().min(0).max(3000)).optional(),
            leaderParts: z.record(z.string(), z.number().int().min(0).max(10000)).optional(),
            itemId: z.uuid().optional(),
            objectiveCause: z.string().max(2000).nullable().optional(),
            veto: z.enum(EVALUATION_VETOES).nullable().optional(),
            demote: z.boolean().optional(),
            item: z
              .object({
                title: z.string().min(1).max(500),
                workKind: z.string().min(1).max(40).describe('its coefficient comes from the agency’s settings'),
                completed: z.boolean(),
                dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
                completedAt: z.iso.datetime({ offset: true }).nullable().optional(),
                majorErrors: z.number().int().min(0).max(20).optional(),
                delays: z.number().int().min(0).max(20).optional(),
              })
              .strict()
              .optional()
              .describe('add_item: a work item the systems do not record'),
          })
          .strict(),
        response: { 200: SheetDetail, ...errors },
      },
    },
    async (request) => {
      await changeEvaluationSheet(ctx, request.actor, { ...request.body, id: request.params.id });
      return getSheet(ctx, request.actor, request.params.id);
    },
  );
};
