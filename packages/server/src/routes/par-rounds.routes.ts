import multipart from '@fastify/multipart';
import {
  PAR_ACTORS,
  PAR_ADJUSTMENT_KINDS,
  PAR_NODE_KINDS,
  PAR_ROUND_STAGES,
  PAR_SYSTEM_MEASURES,
  PAR_UNIT_GROUPS,
  PAR_UNIT_STATUSES,
} from '@motcua/domain';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { readUploadedFile, uploadBodyLimit } from '../http/uploads.js';
import { listMyParReminders } from '../usecases/par/rounds/reminders.js';
import {
  advanceParRound,
  assignParAppraiser,
  createParRound,
  findParAppraiserCandidates,
  getParRoundView,
  listParRoundAppraisers,
  listParRoundsForActor,
  listParRoundUnitsForActor,
  setParRoundUnit,
  unassignParAppraiser,
  updateParRoundSettings,
} from '../usecases/par/rounds/rounds.js';
import {
  actOnParUnit,
  addParEvidence,
  getParEvidenceFile,
  getParScorecard,
  listParUnitHistory,
  withdrawParEvidenceItem,
  writeParAdjustmentPoints,
  writeParLeaf,
} from '../usecases/par/rounds/scorecard.js';
import { computeParSystemFigures } from '../usecases/par/rounds/system-figures.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const TAGS = ['par'];

/** Points in hundredths of a point (88,78 điểm = 8878). */
const Points = z.number().int().min(0).max(1_000_000);
const Text = (max: number) => z.string().trim().max(max);
const CriterionCode = z.string().regex(/^[0-9]{1,2}(\.[0-9]{1,2}){0,3}$/);
const DEADLINE_FIELDS = [
  'selfAssessmentDue',
  'appraisal1Due',
  'explanationDue',
  'appraisal2Due',
  'councilDue',
] as const;
const Deadlines = z
  .object({
    selfAssessmentDue: IsoDate.nullable().optional(),
    appraisal1Due: IsoDate.nullable().optional(),
    explanationDue: IsoDate.nullable().optional(),
    appraisal2Due: IsoDate.nullable().optional(),
    councilDue: IsoDate.nullable().optional(),
  })
  .meta({ id: 'ParDeadlines', description: 'The last working day of each stage (working days of the province)' });
const DeadlinesOut = z.object(
  Object.fromEntries(DEADLINE_FIELDS.map((f) => [f, z.string().nullable()])) as Record<
    (typeof DEADLINE_FIELDS)[number],
    z.ZodNullable<z.ZodString>
  >,
);
const UnitStatus = z.enum(PAR_UNIT_STATUSES);
const ScoreField = z.enum(['self', 'appraisal_1', 'explanation', 'appraisal_2', 'final']);

const ParRound = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    year: z.number().int(),
    title: z.string(),
    stage: z.enum(PAR_ROUND_STAGES),
    deadlines: DeadlinesOut,
    openedAt: z.string().nullable(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    publishedAt: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    sets: z.array(
      z.object({
        unitGroup: z.enum(PAR_UNIT_GROUPS),
        setId: z.uuid(),
        title: z.string(),
        status: z.string(),
        bonusCap: z.number().int(),
        penaltyCap: z.number().int(),
        totalMax: z.number().int(),
      }),
    ),
    progress: z.partialRecord(UnitStatus, z.number().int()),
  })
  .meta({ id: 'ParRound', description: 'A yearly PAR Index round: stage, deadlines, criteria sets, units by status' });

const ParRoundUnit = z
  .object({
    agencyId: z.uuid(),
    agencyCode: z.string(),
    agencyName: z.string(),
    unitGroup: z.enum(PAR_UNIT_GROUPS),
    tags: z.array(z.string()),
    excludedCodes: z.array(z.string()),
    status: UnitStatus,
    statusChangedAt: z.string(),
    selfSubmittedAt: z.string().nullable(),
    explanationSubmittedAt: z.string().nullable(),
    version: z.number().int(),
    late: z.array(z.enum(DEADLINE_FIELDS)),
  })
  .meta({ id: 'ParRoundUnit', description: 'A unit of a round: status, applicability, lateness' });

const ParScore = z
  .object({
    selfPoints: z.number().int().nullable(),
    selfNote: z.string().nullable(),
    appraisal1Points: z.number().int().nullable(),
    appraisal1Note: z.string().nullable(),
    explanationNote: z.string().nullable(),
    appraisal2Points: z.number().int().nullable(),
    appraisal2Note: z.string().nullable(),
    finalPoints: z.number().int().nullable(),
    finalNote: z.string().nullable(),
    system: z
      .object({
        numerator: z.number().int(),
        denominator: z.number().int(),
        points: z.number().int().nullable(),
        formula: z.string().nullable(),
        computedAt: z.string().nullable(),
      })
      .nullable(),
    overrideReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ParScore', description: 'A leaf’s points and notes per stage, with the system figure (hundredths)' });

const Totals = z.object({
  applicableMax: z.number().int(),
  self: z.number().int().nullable(),
  appraisal1: z.number().int().nullable(),
  appraisal2: z.number().int().nullable(),
  final: z.number().int().nullable(),
});

const ParScorecard = z
  .object({
    round: z.object({
      id: z.uuid(),
      year: z.number().int(),
      title: z.string(),
      stage: z.enum(PAR_ROUND_STAGES),
      deadlines: DeadlinesOut,
    }),
    unit: z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      unitGroup: z.enum(PAR_UNIT_GROUPS),
      tags: z.array(z.string()),
      excludedCodes: z.array(z.string()),
      status: UnitStatus,
      version: z.number().int(),
      eventCount: z.number().int(),
    }),
    set: z.object({ id: z.uuid(), title: z.string(), bonusCap: z.number().int(), penaltyCap: z.number().int() }),
    actors: z.array(z.enum(PAR_ACTORS)),
    can: z.object({ write: z.array(ScoreField), actions: z.array(z.string()) }),
    nodes: z.array(
      z.object({
        code: z.string(),
        parentCode: z.string().nullable(),
        kind: z.enum(PAR_NODE_KINDS),
        title: z.string(),
        maxPoints: z.number().int(),
        scoringRule: z.string().nullable(),
        evidenceRequired: z.string().nullable(),
        surveyScored: z.boolean(),
        systemMeasure: z.enum(PAR_SYSTEM_MEASURES).nullable(),
        isLeaf: z.boolean(),
        applicable: z.boolean(),
        score: ParScore.nullable(),
        evidence: z.array(
          z.object({
            id: z.uuid(),
            stage: z.enum(['self_assessment', 'explanation']),
            kind: z.enum(['file', 'link']),
            title: z.string(),
            fileName: z.string().nullable(),
            mediaType: z.string().nullable(),
            sizeBytes: z.number().int().nullable(),
            url: z.string().nullable(),
            createdAt: z.string(),
            withdrawnAt: z.string().nullable(),
          }),
        ),
      }),
    ),
    adjustments: z.array(
      z.object({
        kind: z.enum(PAR_ADJUSTMENT_KINDS),
        selfPoints: z.number().int().nullable(),
        selfNote: z.string().nullable(),
        appraisal1Points: z.number().int().nullable(),
        appraisal1Note: z.string().nullable(),
        appraisal2Points: z.number().int().nullable(),
        appraisal2Note: z.string().nullable(),
        finalPoints: z.number().int().nullable(),
        finalNote: z.string().nullable(),
        version: z.number().int(),
      }),
    ),
    totals: Totals.extend({
      areas: z.array(Totals.extend({ code: z.string(), title: z.string() })),
    }),
  })
  .meta({
    id: 'ParScorecard',
    description: 'A unit’s scorecard: the tree, points per stage, evidence, totals, what the caller may do',
  });

const RoundParams = z.object({ roundId: z.uuid() });
const UnitParams = RoundParams.extend({ agencyId: z.uuid() });

/** The yearly PAR Index round (issue 17 items 2, 3, 6): organiser, units, appraisers. */
export const registerParRoundRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const routes: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ctx.config.portal.uploadMaxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    registerRoutes(scope, ctx);
  };
  await app.register(routes);
};

const registerRoutes = (scope: FastifyInstance, ctx: AppContext): void => {
  const api = scope.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/par/rounds',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'PAR Index rounds the official takes part in (organiser, appraiser, or a unit), newest first',
        response: { 200: z.object({ items: z.array(ParRound) }), ...errors },
      },
    },
    async (request) => listParRoundsForActor(ctx, request.actor),
  );

  api.post(
    '/api/v1/par/rounds',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Create the round of a year (organiser): the published set per unit group, the units, the deadlines',
        body: z.object({
          provinceCode: z.string().regex(/^[0-9]{2}$/),
          year: z.number().int().min(2000).max(2999),
          title: Text(500).min(1),
          unitGroups: z.array(z.enum(PAR_UNIT_GROUPS)).min(1).optional(),
          deadlines: Deadlines.optional(),
        }),
        response: { 201: ParRound, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createParRound(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/par/rounds/:roundId',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'One PAR Index round',
        params: RoundParams,
        response: { 200: ParRound, ...errors },
      },
    },
    async (request) => getParRoundView(ctx, request.actor, request.params.roundId),
  );

  api.patch(
    '/api/v1/par/rounds/:roundId',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Change the title or the deadlines of a round (organiser; working days only, in stage order)',
        params: RoundParams,
        body: z.object({
          expectedVersion: z.number().int().min(1),
          title: Text(500).min(1).optional(),
          deadlines: Deadlines.optional(),
        }),
        response: { 200: ParRound, ...errors },
      },
    },
    async (request) => updateParRoundSettings(ctx, request.actor, { roundId: request.params.roundId, ...request.body }),
  );

  api.post(
    '/api/v1/par/rounds/:roundId/advance',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Advance the round to its next stage (organiser); opening freezes the criteria sets',
        description: 'Publication (council → published) is the results’ endpoint, through the same stage path.',
        params: RoundParams,
        body: z.object({
          expectedVersion: z.number().int().min(1),
          action: z.enum(['open', 'start_appraisal_1', 'start_explanation', 'start_appraisal_2', 'start_council']),
        }),
        response: { 200: ParRound, ...errors },
      },
    },
    async (request) => advanceParRound(ctx, request.actor, { roundId: request.params.roundId, ...request.body }),
  );

  api.get(
    '/api/v1/par/rounds/:roundId/units',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Units of a round the official reaches (organiser: all; appraiser: assigned; a unit: its own)',
        description: 'Keyset-paginated by (unit group, agency); `late=true` keeps the late units (organiser’s view).',
        params: RoundParams,
        querystring: z.object({
          after: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          late: z.stringbool().optional(),
        }),
        response: { 200: z.object({ items: z.array(ParRoundUnit), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) =>
      listParRoundUnitsForActor(ctx, request.actor, {
        roundId: request.params.roundId,
        after: request.query.after,
        limit: request.query.limit,
        lateOnly: request.query.late,
      }),
  );

  api.put(
    '/api/v1/par/rounds/:roundId/units/:agencyId/applicability',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Tags and excluded criteria of a unit (organiser, while the round is a draft)',
        params: UnitParams,
        body: z.object({
          expectedVersion: z.number().int().min(1),
          tags: z.array(z.string().trim().min(1).max(60)).max(20),
          excludedCodes: z.array(CriterionCode).max(200),
        }),
        response: {
          200: z.object({
            agencyId: z.uuid(),
            tags: z.array(z.string()),
            excludedCodes: z.array(z.string()),
            version: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) => setParRoundUnit(ctx, request.actor, { ...request.params, ...request.body }),
  );

  const Appraisers = z.object({
    items: z.array(z.object({ agencyId: z.uuid(), userId: z.uuid(), fullName: z.string(), assignedAt: z.string() })),
  });

  api.get(
    '/api/v1/par/rounds/:roundId/appraisers',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Appraisers assigned to the units of a round (organiser)',
        params: RoundParams,
        response: { 200: Appraisers, ...errors },
      },
    },
    async (request) => listParRoundAppraisers(ctx, request.actor, request.params),
  );

  api.get(
    '/api/v1/par/rounds/:roundId/appraiser-candidates',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Officials with the PAR appraiser role in the round’s province, found by name (organiser)',
        params: RoundParams,
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          after: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ userId: z.uuid(), username: z.string(), fullName: z.string(), title: z.string().nullable() }),
            ),
            nextAfter: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => findParAppraiserCandidates(ctx, request.actor, { ...request.params, ...request.query }),
  );

  api.post(
    '/api/v1/par/rounds/:roundId/appraisers',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Assign an appraiser (an official with the PAR appraiser role) to a unit (organiser; idempotent)',
        params: RoundParams,
        body: z.object({ agencyId: z.uuid(), userId: z.uuid() }),
        response: { 200: Appraisers, ...errors },
      },
    },
    async (request) => assignParAppraiser(ctx, request.actor, { ...request.params, ...request.body }),
  );

  api.delete(
    '/api/v1/par/rounds/:roundId/appraisers/:agencyId/:userId',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Remove an appraiser from a unit (organiser)',
        params: UnitParams.extend({ userId: z.uuid() }),
        response: { 200: Appraisers, ...errors },
      },
    },
    async (request) => unassignParAppraiser(ctx, request.actor, request.params),
  );

  api.get(
    '/api/v1/par/rounds/:roundId/units/:agencyId/scorecard',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'A unit’s scorecard (the unit itself, its assigned appraisers, the organiser; 404 for anyone else)',
        params: UnitParams,
        response: { 200: ParScorecard, ...errors },
      },
    },
    async (request) => getParScorecard(ctx, request.actor, request.params),
  );

  api.put(
    '/api/v1/par/rounds/:roundId/units/:agencyId/scores/:code',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Enter a leaf’s points and note for a stage (version-guarded per leaf; null for the first write)',
        description:
          'self (focal officer, self-assessment), appraisal_1 / appraisal_2 (assigned appraiser or organiser), ' +
          'explanation (the unit’s note), final (organiser, council). `acceptSystem` takes the system figure’s ' +
          'points; other points than the figure’s need `overrideReason`. Points are hundredths, 0 to the maximum.',
        params: UnitParams.extend({ code: CriterionCode }),
        body: z.object({
          field: ScoreField,
          points: Points.nullable().optional(),
          note: Text(8000).nullable().optional(),
          acceptSystem: z.boolean().optional(),
          overrideReason: Text(4000).nullable().optional(),
          expectedVersion: z.number().int().min(1).nullable(),
        }),
        response: { 200: ParScore, ...errors },
      },
    },
    async (request) =>
      writeParLeaf(ctx, request.actor, {
        roundId: request.params.roundId,
        agencyId: request.params.agencyId,
        code: request.params.code,
        ...request.body,
      }),
  );

  api.put(
    '/api/v1/par/rounds/:roundId/units/:agencyId/adjustments/:kind',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Bonus or penalty points of the unit for a stage, within the criteria set’s cap',
        params: UnitParams.extend({ kind: z.enum(PAR_ADJUSTMENT_KINDS) }),
        body: z.object({
          field: z.enum(['self', 'appraisal_1', 'appraisal_2', 'final']),
          points: Points,
          note: Text(8000).nullable().optional(),
          expectedVersion: z.number().int().min(1).nullable(),
        }),
        response: { 200: z.object({ kind: z.enum(PAR_ADJUSTMENT_KINDS), version: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      writeParAdjustmentPoints(ctx, request.actor, {
        roundId: request.params.roundId,
        agencyId: request.params.agencyId,
        kind: request.params.kind,
        ...request.body,
      }),
  );

  api.post(
    '/api/v1/par/rounds/:roundId/units/:agencyId/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary:
          'Move the unit: submit, approve or return (with a reason), lock late, appraisal done, explain, finalise',
        params: UnitParams,
        body: z.object({
          action: z.enum([
            'submit_self',
            'approve_self',
            'return_self',
            'lock_late',
            'complete_appraisal_1',
            'submit_explanation',
            'complete_appraisal_2',
            'finalise',
          ]),
          expectedVersion: z.number().int().min(1),
          reason: Text(4000).optional(),
        }),
        response: {
          200: z.object({ agencyId: z.uuid(), status: UnitStatus, version: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) => actOnParUnit(ctx, request.actor, { ...request.params, ...request.body }),
  );

  const EvidenceCreated = z.object({ id: z.uuid(), kind: z.enum(['file', 'link']), title: z.string() });

  api.post(
    '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/links',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Evidence as a link: to a document or figure in motcua (a path) or a public address',
        params: UnitParams,
        body: z.object({
          code: CriterionCode,
          title: Text(1000).min(1),
          url: z.union([z.string().regex(/^\/[^\s]{0,1999}$/), z.url({ protocol: /^https?$/ }).max(2000)]),
        }),
        response: { 201: EvidenceCreated, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addParEvidence(ctx, request.actor, { ...request.params, ...request.body })),
  );

  api.post(
    '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/files',
    {
      config: OFFICIAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: TAGS,
        summary: 'Evidence as a file (PDF, JPEG, PNG; type read from the content, scanned, stored by its hash)',
        consumes: ['multipart/form-data'],
        params: UnitParams,
        querystring: z.object({ code: CriterionCode, title: Text(1000).min(1) }),
        response: { 201: EvidenceCreated, 413: Problem, 415: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      return reply
        .code(201)
        .send(await addParEvidence(ctx, request.actor, { ...request.params, ...request.query, file }));
    },
  );

  api.delete(
    '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/:evidenceId',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Withdraw evidence (kept, marked withdrawn) while the unit may still write',
        params: UnitParams.extend({ evidenceId: z.uuid() }),
        response: { 200: z.object({ id: z.uuid(), withdrawn: z.boolean() }), ...errors },
      },
    },
    async (request) => withdrawParEvidenceItem(ctx, request.actor, request.params),
  );

  api.get(
    '/api/v1/par/rounds/:roundId/units/:agencyId/evidence/:evidenceId/file',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The file of an evidence item',
        params: UnitParams.extend({ evidenceId: z.uuid() }),
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await getParEvidenceFile(ctx, request.actor, request.params);
      return sendStoredFile(ctx, reply, { ...file, inline: true });
    },
  );

  api.post(
    '/api/v1/par/rounds/:roundId/units/:agencyId/system-figures',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Compute the figures motcua measures (on-time rate, online share, Decision 766 index) for the unit',
        description:
          'Appraisers and the organiser. Each figure is kept with its counts, points and formula, and links to the ' +
          'dossiers behind it; measures of areas not in motcua yet answer "chưa có dữ liệu".',
        params: UnitParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                measure: z.enum(PAR_SYSTEM_MEASURES),
                label: z.object({ vi: z.string(), en: z.string() }),
                available: z.boolean(),
                reason: z.object({ vi: z.string(), en: z.string() }).nullable(),
                numerator: z.number().int().nullable(),
                denominator: z.number().int().nullable(),
                points: z.number().int().nullable(),
                formula: z.object({ vi: z.string(), en: z.string() }).nullable(),
                drillDown: z.array(z.string()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => computeParSystemFigures(ctx, request.actor, request.params),
  );

  api.get(
    '/api/v1/par/rounds/:roundId/units/:agencyId/history',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The unit’s score history (who changed what, when; hash-chained), in order',
        params: UnitParams,
        querystring: z.object({
          code: CriterionCode.optional(),
          afterSeq: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number().int(),
                criterionCode: z.string().nullable(),
                action: z.string(),
                field: z.string(),
                points: z.number().int().nullable(),
                note: z.string().nullable(),
                detail: z.record(z.string(), z.unknown()).nullable(),
                actorUserId: z.string().nullable(),
                actorName: z.string().nullable(),
                at: z.string(),
                hash: z.string(),
              }),
            ),
            nextAfterSeq: z.number().int().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => listParUnitHistory(ctx, request.actor, { ...request.params, ...request.query }),
  );

  api.get(
    '/api/v1/par/reminders',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The signed-in official’s PAR deadline reminders, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                roundId: z.uuid(),
                roundTitle: z.string(),
                agencyId: z.uuid(),
                agencyName: z.string(),
                deadline: z.enum(DEADLINE_FIELDS),
                dueDate: z.string(),
                remindOn: z.string(),
                status: z.enum(['pending', 'sent', 'skipped', 'failed']),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => listMyParReminders(ctx, request.actor, request.query),
  );
};
