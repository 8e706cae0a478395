import multipart from '@fastify/multipart';
import {
  PAR_CRITERIA_COLUMNS,
  PAR_CRITERIA_ISSUE_CODES,
  PAR_NODE_KINDS,
  PAR_SET_STATUSES,
  PAR_SYSTEM_MEASURES,
  PAR_UNIT_GROUPS,
} from '@motcua/domain';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { readUploadedFile } from '../http/uploads.js';
import {
  createParCriteriaSet,
  deleteParCriteriaSet,
  editParCriteria,
  getParCriteriaSet,
  listParCriteriaSets,
  publishParCriteriaSet,
  updateParCriteriaSet,
} from '../usecases/par/criteria-sets/criteria-sets.js';
import {
  exportParCriteriaSet,
  importParCriteriaSet,
  PAR_SHEET_MAX_BYTES,
} from '../usecases/par/criteria-sets/criteria-sheet-file.js';

const Text = z.object({ vi: z.string(), en: z.string() });
const Province = z
  .string()
  .regex(/^\d{2}$/)
  .describe('2-digit province code; default: the province of the caller’s PAR role');
const UnitGroup = z.enum(PAR_UNIT_GROUPS);
const Points = z.number().int().min(0).max(1_000_000).describe('Hundredths of a point (1,5 điểm = 150)');
const Tag = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

const ParCriteriaSet = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    year: z.number().int(),
    unitGroup: UnitGroup,
    unitGroupLabel: Text,
    version: z.number().int(),
    status: z.enum(PAR_SET_STATUSES),
    title: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    bonusCap: Points,
    penaltyCap: Points,
    totalMax: Points.describe('Sum of the areas’ maxima, hundredths'),
    isDemo: z.boolean().describe('Demo data shipped with the demo province'),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    rowVersion: z.number().int().describe('Send it back as expectedVersion with every change'),
  })
  .meta({ id: 'ParCriteriaSet', description: 'A PAR Index criteria set (bộ tiêu chí) of a year and unit group' });

const ParCriterionNode = z
  .object({
    code: z.string().describe('Dotted numbering as published: "3", "3.2", "3.2.1"'),
    parentCode: z.string().nullable(),
    kind: z.enum(PAR_NODE_KINDS),
    position: z.number().int(),
    title: z.string(),
    maxPoints: Points,
    scoringRule: z.string().nullable(),
    evidenceRequired: z.string().nullable(),
    surveyScored: z.boolean().describe('Scored by the sociological survey, never self-assessed'),
    systemMeasure: z.enum(PAR_SYSTEM_MEASURES).nullable(),
    notApplicableTo: z.array(z.string()).describe('Unit tags the criterion does not apply to'),
    isLeaf: z.boolean(),
  })
  .meta({ id: 'ParCriterionNode' });

const ParCriteriaIssue = z
  .object({ code: z.enum(PAR_CRITERIA_ISSUE_CODES), nodeCode: z.string().nullable(), message: Text })
  .meta({ id: 'ParCriteriaIssue', description: 'What stops a set from being published' });

const ParCriteriaSetDetail = ParCriteriaSet.extend({
  criteria: z.array(ParCriterionNode),
  issues: z.array(ParCriteriaIssue),
  leafCount: z.number().int(),
  surveyMax: Points.describe('Sum of the survey-scored leaves'),
  canPublish: z.boolean(),
}).meta({ id: 'ParCriteriaSetDetail' });

const ParSheetRowError = z
  .object({
    rowNumber: z.number().int().nullable().describe('The row in the file (null: the whole sheet)'),
    column: z.enum(PAR_CRITERIA_COLUMNS).nullable(),
    code: z.enum(PAR_CRITERIA_ISSUE_CODES),
    message: Text,
  })
  .meta({ id: 'ParSheetRowError' });

const ParSheetProblem = Problem.extend({
  rows: z.array(ParSheetRowError).optional().describe('PAR_SET_SHEET_INVALID: every bad row with its reason'),
  issues: z.array(ParCriteriaIssue).optional().describe('PAR_SET_INVALID: what stops publication'),
}).meta({ id: 'ParSheetProblem' });

const CriterionFields = z.object({
  title: z.string().trim().min(1).max(2000),
  maxPoints: Points,
  scoringRule: z.string().max(8000).nullable(),
  evidenceRequired: z.string().max(4000).nullable(),
  surveyScored: z.boolean(),
  systemMeasure: z.enum(PAR_SYSTEM_MEASURES).nullable(),
  notApplicableTo: z.array(Tag).max(20),
});

const ParCriteriaEditInput = z
  .object({
    expectedVersion: z.number().int().min(1),
    edit: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('add'), parentCode: z.string().max(20).nullable(), fields: CriterionFields }),
      z.object({ kind: z.literal('update'), code: z.string().max(20), fields: CriterionFields.partial() }),
      z.object({
        kind: z.literal('move'),
        code: z.string().max(20),
        parentCode: z.string().max(20).nullable(),
        index: z.number().int().min(0).max(99),
      }),
      z.object({ kind: z.literal('delete'), code: z.string().max(20) }),
    ]),
  })
  .meta({
    id: 'ParCriteriaEditInput',
    description:
      'One edit of a draft’s tree. The tree is renumbered as published after it, and a parent’s maximum is ' +
      'always the sum of its children’s.',
    examples: [
      {
        expectedVersion: 3,
        edit: {
          kind: 'add',
          parentCode: '3',
          fields: {
            title: 'Công khai thủ tục hành chính',
            maxPoints: 150,
            scoringRule: null,
            evidenceRequired: null,
            surveyScored: false,
            systemMeasure: null,
            notApplicableTo: [],
          },
        },
      },
    ],
  });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: ParSheetProblem };
const Id = z.object({ id: z.uuid() });
const Version = z.object({ expectedVersion: z.number().int().min(1) });

// Request bodies with a component name are made once, here: a schema given its id inside the route function
// would be a new object for every app instance, and the OpenAPI generator (fastify-type-provider-zod) caches its
// input/output registries by the number of ids, so a second instance in one process named them differently.
const ParCriteriaSetCreateBody = z
  .object({
    province: Province.optional(),
    year: z.number().int().min(2000).max(2999),
    unitGroup: UnitGroup,
    title: z.string().trim().min(1).max(500),
    copyFromId: z.uuid().optional(),
  })
  .meta({ id: 'ParCriteriaSetCreateInput' });
const ParCriteriaSetUpdateBody = Version.extend({
  title: z.string().trim().min(1).max(500).optional(),
  bonusCap: Points.optional(),
  penaltyCap: Points.optional(),
}).meta({ id: 'ParCriteriaSetUpdateInput' });
const ParCriteriaSetPublishBody = Version.extend({
  decisionNumber: z.string().trim().min(1).max(100),
  decisionDate: IsoDate,
}).meta({
  id: 'ParCriteriaSetPublishInput',
  examples: [{ expectedVersion: 7, decisionNumber: '1156/QĐ-UBND', decisionDate: '2026-01-15' }],
});

/**
 * PAR Index criteria sets: read by every PAR role of the province (par.read), written by the organiser
 * (par.organise, Sở Nội vụ). Drafts are edited node by node, imported from the published spreadsheet layout
 * (a new draft, all or nothing), exported in it, and published with the province's decision.
 */
export const registerParSetRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const routes: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: PAR_SHEET_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.get(
      '/api/v1/par/criteria-sets',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'A province’s criteria sets, newest year first (keyset pages)',
          querystring: z.object({
            province: Province.optional(),
            year: z.coerce.number().int().min(2000).max(2999).optional(),
            unitGroup: UnitGroup.optional(),
            status: z.enum(PAR_SET_STATUSES).optional(),
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(50),
          }),
          response: {
            200: z.object({ items: z.array(ParCriteriaSet), nextCursor: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) => listParCriteriaSets(ctx, request.actor, request.query),
    );

    api.post(
      '/api/v1/par/criteria-sets',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'Create a draft set, empty or as a copy of an existing set (a new year or version)',
          body: ParCriteriaSetCreateBody,
          response: { 201: ParCriteriaSetDetail, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await createParCriteriaSet(ctx, request.actor, request.body)),
    );

    api.post(
      '/api/v1/par/criteria-sets/import',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'Import a criteria workbook (.xlsx, the published layout) as a new draft — all or nothing',
          description:
            'multipart/form-data with one file. Columns: STT/Mã | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm tối ' +
            'đa | Cách chấm điểm | Tài liệu kiểm chứng | Điều tra XHH (x) | Không áp dụng cho | Số liệu từ hệ thống; ' +
            'a second sheet "Điểm thưởng, điểm trừ" with the caps. Any bad row refuses the file (422 ' +
            'PAR_SET_SHEET_INVALID, every row with its number and reason in `rows`); nothing is written then. ' +
            'Synchronous: a set has a few hundred rows.',
          querystring: z.object({
            province: Province.optional(),
            year: z.coerce.number().int().min(2000).max(2999),
            unitGroup: UnitGroup,
            title: z.string().trim().min(1).max(500),
          }),
          response: { 201: ParCriteriaSetDetail, 413: Problem, ...errors },
        },
      },
      async (request, reply) => {
        const file = await readUploadedFile(request, PAR_SHEET_MAX_BYTES);
        const detail = await importParCriteriaSet(ctx, request.actor, { ...request.query, content: file.content });
        return reply.code(201).send(detail);
      },
    );

    api.get(
      '/api/v1/par/criteria-sets/:id',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'A criteria set with its tree and what stops it from being published',
          params: Id,
          response: { 200: ParCriteriaSetDetail, ...errors },
        },
      },
      async (request) => getParCriteriaSet(ctx, request.actor, request.params.id),
    );

    api.get(
      '/api/v1/par/criteria-sets/:id/export.xlsx',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'The set as a workbook in the published layout (importing it back gives the same tree)',
          params: Id,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const file = await exportParCriteriaSet(ctx, request.actor, request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.content);
      },
    );

    api.patch(
      '/api/v1/par/criteria-sets/:id',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'Change a draft’s title or its bonus/penalty caps',
          params: Id,
          body: ParCriteriaSetUpdateBody,
          response: { 200: ParCriteriaSetDetail, ...errors },
        },
      },
      async (request) => updateParCriteriaSet(ctx, request.actor, { id: request.params.id, ...request.body }),
    );

    api.post(
      '/api/v1/par/criteria-sets/:id/criteria',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'Add, change, move or delete a node of a draft',
          params: Id,
          body: ParCriteriaEditInput,
          response: {
            200: ParCriteriaSetDetail.extend({ editedCode: z.string().nullable() }).meta({
              id: 'ParCriteriaEditResult',
            }),
            ...errors,
          },
        },
      },
      async (request) => editParCriteria(ctx, request.actor, { id: request.params.id, ...request.body }),
    );

    api.post(
      '/api/v1/par/criteria-sets/:id/publish',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'Publish a draft with the province’s decision (number and date)',
          description:
            'The tree must validate (422 PAR_SET_INVALID with the issues; the national provincial set must total ' +
            '100 points) and no other set of the year and group may be in force (409 PAR_SET_IN_FORCE).',
          params: Id,
          body: ParCriteriaSetPublishBody,
          response: { 200: ParCriteriaSetDetail, ...errors },
        },
      },
      async (request) => publishParCriteriaSet(ctx, request.actor, { id: request.params.id, ...request.body }),
    );

    api.delete(
      '/api/v1/par/criteria-sets/:id',
      {
        config: OFFICIAL,
        schema: {
          tags: ['par'],
          summary: 'Delete a draft',
          params: Id,
          querystring: z.object({ expectedVersion: z.coerce.number().int().min(1) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteParCriteriaSet(ctx, request.actor, { id: request.params.id, ...request.query });
        return reply.code(204).send(null);
      },
    );
  };
  await app.register(routes);
};
