import multipart from '@fastify/multipart';
import { PAR_ROUND_STAGES, PAR_UNIT_GROUPS } from '@motcua/domain';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { findRequestProvince, getPublicProvince } from '../http/request-site.js';
import { Problem } from '../http/schemas.js';
import { readUploadedFile } from '../http/uploads.js';
import { renderParResultsPdf } from '../reports/par-results-pdf.js';
import { buildParResultsWorkbook } from '../reports/par-results-workbook.js';
import { fileNamePart } from '../reports/report-meta.js';
import {
  getParNationalTable,
  readNationalWorkbook,
  saveParNationalTable,
} from '../usecases/par/results/national-table.js';
import { publishParRound } from '../usecases/par/results/publish-round.js';
import { resultsMeta } from '../usecases/par/results/results-meta.js';
import {
  getParRoundProgress,
  getParRoundResults,
  getParUnitProfile,
  getPublishedParResults,
  listParRoundsForOrganiser,
  listPublishedParRounds,
  type ParRoundResults,
  resolveOrganiserProvince,
  summarizeRound,
} from '../usecases/par/results/round-results.js';

const ProvinceCode = z.string().regex(/^\d{2}$/);
/** A public read's province; absent: the province of the request's host (another's on a province's host: 404). */
const OwnProvince = ProvinceCode.optional().describe('the 2-digit province code; absent: the province of the host');
const Year = z.coerce.number().int().min(2000).max(2999);
const Text = z.object({ vi: z.string(), en: z.string() });

const ParRoundSummary = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    year: z.number().int(),
    title: z.string(),
    stage: z.enum(PAR_ROUND_STAGES),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    publishedAt: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'ParRoundSummary', description: 'A yearly PAR Index round of a province' });

const ParAreaPoints = z
  .object({
    code: z.string(),
    title: z.string(),
    points: z.number().int().describe('Hundredths of a point'),
    applicableMax: z.number().int().describe('Hundredths of a point; 0 when the area is excluded for the unit'),
    indexBp: z.number().int().nullable().describe('Hundredths of a percent; null when the area is excluded'),
  })
  .meta({ id: 'ParAreaPoints' });

const ParResultUnit = z
  .object({
    agencyId: z.uuid(),
    unitName: z.string(),
    points: z.number().int().describe('Hundredths of a point (88,78 điểm = 8878)'),
    applicableMax: z.number().int(),
    indexBp: z.number().int().nullable().describe('Hundredths of a percent (94,49 % = 9449)'),
    rank: z.number().int().describe('Standard competition rank inside the group (1, 2, 2, 4)'),
    band: z.string().nullable(),
    bonusPoints: z.number().int(),
    penaltyPoints: z.number().int(),
    areas: z.array(ParAreaPoints),
    previous: z
      .object({
        year: z.number().int(),
        rank: z.number().int(),
        points: z.number().int(),
        indexBp: z.number().int().nullable(),
        groupSize: z.number().int(),
      })
      .nullable(),
    change: z.object({
      pointsChange: z.number().int().nullable(),
      indexBpChange: z.number().int().nullable(),
      areas: z.array(
        z.object({
          code: z.string(),
          pointsChange: z.number().int().nullable(),
          indexBpChange: z.number().int().nullable(),
        }),
      ),
      rankPlaces: z.number().int().nullable(),
      rankPhrase: Text,
    }),
  })
  .meta({ id: 'ParResultUnit', description: 'A unit’s PAR Index result: points, index, rank, band, change' });

const ParRoundResultsSchema = z
  .object({
    round: ParRoundSummary,
    published: z.boolean().describe('false: provisional figures from the scores so far (organiser only)'),
    groups: z.array(
      z.object({
        unitGroup: z.enum(PAR_UNIT_GROUPS),
        label: Text,
        areas: z.array(z.object({ code: z.string(), title: z.string() })),
        units: z.array(ParResultUnit),
      }),
    ),
  })
  .meta({ id: 'ParRoundResults', description: 'The ranking of every unit group of a round' });

const ParRoundProgress = z
  .object({
    round: ParRoundSummary,
    deadlines: z.array(z.object({ stage: z.string(), due: z.string().nullable(), passed: z.boolean() })),
    units: z.array(
      z.object({
        agencyId: z.uuid(),
        unitName: z.string(),
        unitGroup: z.enum(PAR_UNIT_GROUPS),
        status: z.string(),
        statusChangedAt: z.string(),
        selfSubmittedAt: z.string().nullable(),
        evidenceCount: z.number().int(),
        scoredLeaves: z.number().int(),
        applicableLeaves: z.number().int(),
        late: z.boolean(),
      }),
    ),
    counts: z.array(z.object({ status: z.string(), units: z.number().int() })),
  })
  .meta({ id: 'ParRoundProgress', description: 'Every unit’s progress through an open round, late units marked' });

const ParUnitProfile = z
  .object({
    agencyId: z.uuid(),
    unitName: z.string(),
    years: z.array(
      z.object({
        year: z.number().int(),
        roundId: z.uuid(),
        unitGroup: z.enum(PAR_UNIT_GROUPS),
        points: z.number().int(),
        applicableMax: z.number().int(),
        indexBp: z.number().int(),
        rank: z.number().int(),
        groupSize: z.number().int(),
        band: z.string().nullable(),
        areas: z.array(ParAreaPoints),
        rankPhrase: Text,
      }),
    ),
  })
  .meta({ id: 'ParUnitProfile', description: 'A unit’s published PAR Index results over the years' });

const ParNationalTable = z
  .object({
    provinceCode: z.string(),
    year: z.number().int(),
    source: z.string().nullable(),
    rows: z.array(
      z.object({
        provinceCode: z.string(),
        provinceName: z.string(),
        points: z.number().int(),
        indexBp: z.number().int(),
        rank: z.number().int(),
      }),
    ),
    own: z
      .object({ rank: z.number().int(), of: z.number().int(), points: z.number().int(), phrase: z.string() })
      .nullable(),
    years: z.array(z.number().int()),
  })
  .meta({ id: 'ParNationalTable', description: 'The national PAR Index table of provinces, and the province in it' });

const ParNationalInput = z
  .object({
    province: ProvinceCode.optional(),
    source: z.string().trim().min(1).max(1000),
    rows: z
      .array(
        z.object({
          provinceCode: z.union([z.string().max(10), z.number()]),
          provinceName: z.string().max(300),
          points: z.union([z.string().max(20), z.number()]).describe('"81,93", "81.93" or 81.93'),
          rank: z.union([z.string().max(10), z.number()]).optional(),
        }),
      )
      .max(100),
  })
  .meta({ id: 'ParNationalInput', description: 'A national table entered row by row (all or nothing)' });

const PublicationInput = z
  .object({
    expectedVersion: z.number().int().min(1),
    decisionNumber: z.string().trim().min(1).max(100),
    decisionDate: z.iso.date(),
  })
  .meta({
    id: 'ParPublicationInput',
    examples: [{ expectedVersion: 7, decisionNumber: '512/QĐ-UBND', decisionDate: '2026-03-20' }],
  });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${name}"`;
const fileName = (results: ParRoundResults, kind: string) =>
  `${kind}-chi-so-cchc-${results.round.year}-${fileNamePart(results.round.provinceCode)}`;

/** The PAR Index results: rankings, publication, the organiser's dashboard, exports, the national table. */
export const registerParResultsRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const sendWorkbook = async (reply: FastifyReply, results: ParRoundResults) =>
    reply
      .type(XLSX)
      .header('content-disposition', attachment(`${fileName(results, 'bang-tong-hop')}.xlsx`))
      .send(await buildParResultsWorkbook(results, await resultsMeta(ctx, results.round.provinceCode)));
  const sendPdf = async (reply: FastifyReply, results: ParRoundResults) =>
    reply
      .type('application/pdf')
      .header('content-disposition', attachment(`${fileName(results, 'phu-luc')}.pdf`))
      .send(await renderParResultsPdf(results, await resultsMeta(ctx, results.round.provinceCode)));

  api.get(
    '/api/v1/par/results/rounds',
    {
      config: OFFICIAL,
      schema: {
        tags: ['par'],
        summary: 'The PAR Index rounds of the organiser’s province, newest first (keyset on the year)',
        querystring: z.object({
          province: ProvinceCode.optional(),
          beforeYear: Year.optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.object({ items: z.array(ParRoundSummary) }), ...errors },
      },
    },
    async (request) => ({ items: await listParRoundsForOrganiser(ctx, request.actor, request.query) }),
  );

  api.get(
    '/api/v1/par/results/rounds/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['par'],
        summary: 'A round’s ranking per unit group, with each unit’s change against last year',
        description:
          'Published rounds: every official. Before publication only the organiser of the province (par.organise) ' +
          'sees the figures, computed from the scores so far (published: false).',
        params: z.object({ id: z.uuid() }),
        response: { 200: ParRoundResultsSchema, ...errors },
      },
    },
    async (request) => getParRoundResults(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/par/results/rounds/:id/summary.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['par'],
        summary: 'The summary table (bảng tổng hợp kết quả chấm điểm) as Excel: units × areas, total, %, rank, band',
        params: z.object({ id: z.uuid() }),
        produces: [XLSX],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => sendWorkbook(reply, await getParRoundResults(ctx, request.actor, request.params.id)),
  );

  api.get(
    '/api/v1/par/results/rounds/:id/appendix.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['par'],
        summary: 'The appendix to the province’s decision announcing the results (PDF, Decree 30/2020 layout)',
        params: z.object({ id: z.uuid() }),
        produces: ['application/pdf'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => sendPdf(reply, await getParRoundResults(ctx, request.actor, request.params.id)),
  );

  api.get(
    '/api/v1/par/results/rounds/:id/progress',
    {
      config: OFFICIAL,
      schema: {
        tags: ['par'],
        summary: 'The organiser’s dashboard: every unit’s status in the round, evidence, scored leaves, late units',
        params: z.object({ id: z.uuid() }),
        response: { 200: ParRoundProgress, ...errors },
      },
    },
    async (request) => getParRoundProgress(ctx, request.actor, request.params.id),
  );

  api.post(
    '/api/v1/par/results/rounds/:id/publication',
    {
      config: OFFICIAL,
      schema: {
        tags: ['par'],
        summary: 'Publish a round after the council: decision number and date; writes the results snapshot',
        description:
          'The organiser of the province (par.organise), from the council stage, guarded by the round version. ' +
          'Idempotent: the same decision again answers the published round.',
        params: z.object({ id: z.uuid() }),
        body: PublicationInput,
        response: {
          200: z.object({ round: ParRoundSummary, units: z.number().int(), replayed: z.boolean() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const result = await publishParRound(ctx, request.actor, { roundId: request.params.id, ...request.body });
      return { round: summarizeRound(result.round), units: result.units, replayed: result.replayed };
    },
  );

  api.put(
    '/api/v1/par/results/national/:year',
    {
      config: OFFICIAL,
      schema: {
        tags: ['par'],
        summary: 'Enter the national PAR Index table of a year (63 or 34 provinces), row by row, all or nothing',
        description:
          'Every row is checked (two-digit code once, name, points 0–100 with two decimals, rank matching the ' +
          'points: ties share a rank). One bad row answers 422 with `issues` (row, code, message) and saves nothing.',
        params: z.object({ year: Year }),
        body: ParNationalInput,
        response: { 200: ParNationalTable, ...errors },
      },
    },
    async (request) => {
      const provinceCode = resolveOrganiserProvince(request.actor, request.body.province);
      return saveParNationalTable(ctx, request.actor, {
        provinceCode,
        year: request.params.year,
        source: request.body.source,
        rows: request.body.rows.map((row, index) => ({ row: index + 1, ...row })),
      });
    },
  );

  const importScope: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/par/results/national/:year/import',
      {
        config: OFFICIAL,
        bodyLimit: 5 * 1024 * 1024 + 256 * 1024,
        schema: {
          tags: ['par'],
          summary: 'Import the national PAR Index table from the Ministry’s spreadsheet (.xlsx; multipart, one file)',
          description:
            'The first sheet; a heading row with "Mã tỉnh", "Tỉnh, thành phố", "Điểm" (and optionally "Xếp hạng"). ' +
            'Checked row by row, all or nothing, as the PUT.',
          consumes: ['multipart/form-data'],
          params: z.object({ year: Year }),
          querystring: z.object({ province: ProvinceCode.optional(), source: z.string().max(1000).optional() }),
          response: { 200: ParNationalTable, ...errors, 413: Problem },
        },
      },
      async (request) => {
        const provinceCode = resolveOrganiserProvince(request.actor, request.query.province);
        const file = await readUploadedFile(request, 5 * 1024 * 1024);
        return saveParNationalTable(ctx, request.actor, {
          provinceCode,
          year: request.params.year,
          source: request.query.source ?? file.fileName ?? 'bang-xep-hang.xlsx',
          rows: await readNationalWorkbook(file.content),
        });
      },
    );
  };
  await app.register(importScope);

  // ——— public: the published results, readable without signing in (the portal) ———

  api.get(
    '/api/v1/public/par/rounds',
    {
      schema: {
        tags: ['par'],
        summary: 'The published PAR Index rounds of a province, newest first (keyset on the year)',
        querystring: z.object({
          province: OwnProvince,
          beforeYear: Year.optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.object({ items: z.array(ParRoundSummary) }), ...errors },
      },
    },
    async (request) => ({
      items: await listPublishedParRounds(ctx, {
        ...request.query,
        provinceCode: await getPublicProvince(ctx, request, request.query.province),
      }),
    }),
  );

  const PublicResultsQuery = z.object({ province: OwnProvince, year: Year });

  api.get(
    '/api/v1/public/par/results',
    {
      schema: {
        tags: ['par'],
        summary: 'The published PAR Index ranking of a province for a year (404 until published)',
        querystring: PublicResultsQuery,
        response: { 200: ParRoundResultsSchema, ...errors },
      },
    },
    async (request) =>
      getPublishedParResults(ctx, {
        provinceCode: await getPublicProvince(ctx, request, request.query.province),
        year: request.query.year,
      }),
  );

  api.get(
    '/api/v1/public/par/results/summary.xlsx',
    {
      schema: {
        tags: ['par'],
        summary: 'The published summary table as Excel',
        querystring: PublicResultsQuery,
        produces: [XLSX],
        response: { 404: Problem },
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        await getPublishedParResults(ctx, {
          provinceCode: await getPublicProvince(ctx, request, request.query.province),
          year: request.query.year,
        }),
      ),
  );

  api.get(
    '/api/v1/public/par/results/appendix.pdf',
    {
      schema: {
        tags: ['par'],
        summary: 'The published appendix to the decision (PDF)',
        querystring: PublicResultsQuery,
        produces: ['application/pdf'],
        response: { 404: Problem },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await getPublishedParResults(ctx, {
          provinceCode: await getPublicProvince(ctx, request, request.query.province),
          year: request.query.year,
        }),
      ),
  );

  api.get(
    '/api/v1/public/par/units/:agencyId',
    {
      schema: {
        tags: ['par'],
        summary: 'A unit’s published PAR Index results over the years',
        params: z.object({ agencyId: z.uuid() }),
        response: { 200: ParUnitProfile, ...errors },
      },
    },
    async (request) => getParUnitProfile(ctx, request.params.agencyId, await findRequestProvince(ctx, request)),
  );

  api.get(
    '/api/v1/public/par/national',
    {
      schema: {
        tags: ['par'],
        summary: 'The national PAR Index table of a year as the province entered it, with the province’s place',
        querystring: z.object({ province: OwnProvince, year: Year }),
        response: { 200: ParNationalTable, ...errors },
      },
    },
    async (request) =>
      getParNationalTable(ctx, {
        provinceCode: await getPublicProvince(ctx, request, request.query.province),
        year: request.query.year,
      }),
  );
};
