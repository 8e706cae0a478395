import {
  type Database,
  findCriteriaTree,
  findParEvidence,
  findParRoundUnit,
  insertParEvidence,
  listParAdjustments,
  listParEvidence,
  listParRoundSets,
  listParScoreEventsWithActors,
  listParScores,
  type ParRoundRecord,
  type ParRoundUnitRecord,
  type ParScoreRecord,
  withdrawParEvidence,
  writeParAdjustment,
  writeParScore,
} from '@motcua/db';
import {
  checkAdjustment,
  checkLeafScore,
  computeApplicableLeaves,
  decideUnitTransition,
  decideWrite,
  defaultFinalPoints,
  evidenceStageOf,
  PAR_DEADLINE_FIELDS,
  PAR_UNIT_TRANSITIONS,
  PAR_WRITE_RULES,
  type ParActor,
  type ParAdjustmentKind,
  type ParCriterion,
  type ParRoundStage,
  type ParScoreField,
  type ParSystemMeasure,
  type ParUnitAction,
  type ParUnitGroup,
  type ParUnitStatus,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { checkAndStoreFile, DOSSIER_FILE_TYPES, type UploadedFile } from '../../portal/uploads.js';
import { changeParUnit, PAR_UNIT, type ParEventInput } from './change-par-unit.js';
import { authorizeParUnit } from './par-access.js';

/** The scored set of a unit: its group's criteria set with the tree and the caps. */
const loadUnitCriteria = async (
  db: AppContext['db'] | Transaction<Database>,
  round: ParRoundRecord,
  unitGroup: string,
) => {
  const set = (await listParRoundSets(db, round.id)).find((s) => s.unitGroup === unitGroup);
  if (!set) {
    throw new AppError('PAR_ROUND_NO_SETS', { year: round.year });
  }
  const nodes = await findCriteriaTree(db, set.setId);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const parents = new Set(nodes.map((n) => n.parentCode).filter((c): c is string => c !== null));
  return { set, nodes, byCode, isLeaf: (code: string) => byCode.has(code) && !parents.has(code) };
};
type UnitCriteria = Awaited<ReturnType<typeof loadUnitCriteria>>;

/** Whether a node applies to the unit: a leaf that applies, or a parent with a leaf that applies. */
const applicabilityOf = (criteria: UnitCriteria, unit: Pick<ParRoundUnitRecord, 'tags' | 'excludedCodes'>) => {
  const leaves = new Set(
    computeApplicableLeaves(criteria.nodes, unit.tags, unit.excludedCodes).leaves.map((l) => l.code),
  );
  return (code: string) =>
    criteria.isLeaf(code) ? leaves.has(code) : [...leaves].some((leaf) => leaf.startsWith(`${code}.`));
};

const POINT_COLUMNS = {
  self: { points: 'selfPoints', note: 'selfNote' },
  appraisal_1: { points: 'appraisal1Points', note: 'appraisal1Note' },
  appraisal_2: { points: 'appraisal2Points', note: 'appraisal2Note' },
  final: { points: 'finalPoints', note: 'finalNote' },
  explanation: { points: null, note: 'explanationNote' },
} as const satisfies Record<ParScoreField, { points: string | null; note: string }>;

const sumOf = (values: (number | null | undefined)[]): number | null =>
  values.some((v) => v !== null && v !== undefined) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

/**
 * A unit's scorecard (issue 17 items 2 and 6): the tree with each leaf's maximum, applicability, points
 * and notes per stage, the system figure, evidence; totals per area over the applicable maximum; the
 * bonus and penalty; what the caller may do now. Only the unit itself, its assigned appraisers and the
 * organiser reach it (404 for anyone else).
 */
export const getParScorecard = async (ctx: AppContext, actor: Actor, input: { roundId: string; agencyId: string }) => {
  const { round, actors } = await authorizeParUnit(ctx, actor, input);
  const unit = await findParRoundUnit(ctx.db, input);
  if (!unit) {
    throw new AppError('NOT_FOUND', { resource: PAR_UNIT });
  }
  const criteria = await loadUnitCriteria(ctx.db, round, unit.unitGroup);
  const applies = applicabilityOf(criteria, unit);
  const scores = new Map((await listParScores(ctx.db, input)).map((s) => [s.criterionCode, s]));
  const evidence = await listParEvidence(ctx.db, input);
  const adjustments = await listParAdjustments(ctx.db, input);
  const nodes = criteria.nodes.map((node) => {
    const leaf = criteria.isLeaf(node.code);
    const score = scores.get(node.code);
    return {
      code: node.code,
      parentCode: node.parentCode,
      kind: node.kind,
      title: node.title,
      maxPoints: node.maxPoints,
      scoringRule: node.scoringRule,
      evidenceRequired: node.evidenceRequired,
      surveyScored: node.surveyScored,
      systemMeasure: node.systemMeasure as ParSystemMeasure | null,
      isLeaf: leaf,
      applicable: applies(node.code),
      score: score ? presentScore(score) : null,
      evidence: evidence
        .filter((e) => e.criterionCode === node.code)
        .map((e) => ({
          id: e.id,
          stage: e.stage,
          kind: e.kind,
          title: e.title,
          fileName: e.fileName,
          mediaType: e.mediaType,
          sizeBytes: e.sizeBytes === null ? null : Number(e.sizeBytes),
          url:
            e.kind === 'link' ? e.url : `/api/v1/par/rounds/${round.id}/units/${unit.agencyId}/evidence/${e.id}/file`,
          createdAt: e.createdAt.toISOString(),
          withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
        })),
    };
  });
  const areas = nodes
    .filter((n) => n.kind === 'area')
    .map((area) => {
      const leaves = nodes.filter(
        (n) => n.isLeaf && n.applicable && (n.code === area.code || n.code.startsWith(`${area.code}.`)),
      );
      return {
        code: area.code,
        title: area.title,
        applicableMax: leaves.reduce((s, n) => s + n.maxPoints, 0),
        self: sumOf(leaves.map((l) => l.score?.selfPoints)),
        appraisal1: sumOf(leaves.map((l) => l.score?.appraisal1Points)),
        appraisal2: sumOf(leaves.map((l) => l.score?.appraisal2Points)),
        final: sumOf(leaves.map((l) => l.score?.finalPoints)),
      };
    });
  const total = (key: 'applicableMax' | 'self' | 'appraisal1' | 'appraisal2' | 'final') =>
    key === 'applicableMax' ? areas.reduce((s, a) => s + a.applicableMax, 0) : sumOf(areas.map((a) => a[key]));
  const stage = round.stage as ParRoundStage;
  const status = unit.status as ParUnitStatus;
  return {
    round: {
      id: round.id,
      year: round.year,
      title: round.title,
      stage,
      deadlines: Object.fromEntries(PAR_DEADLINE_FIELDS.map((f) => [f, round[f] ?? null])) as Record<
        (typeof PAR_DEADLINE_FIELDS)[number],
        string | null
      >,
    },
    unit: {
      agencyId: unit.agencyId,
      agencyName: unit.agencyName,
      unitGroup: unit.unitGroup as ParUnitGroup,
      tags: unit.tags,
      excludedCodes: unit.excludedCodes,
      status,
      version: unit.rowVersion,
      eventCount: unit.eventCount,
    },
    set: {
      id: criteria.set.setId,
      title: criteria.set.title,
      bonusCap: criteria.set.bonusCap,
      penaltyCap: criteria.set.penaltyCap,
    },
    actors,
    can: {
      write: PAR_WRITE_RULES.filter((r) => decideWrite({ field: r.field, actors, stage, status }).ok).map(
        (r) => r.field,
      ),
      actions: PAR_UNIT_TRANSITIONS.filter(
        (t) => decideUnitTransition({ action: t.action, actors, stage, status, reason: 'x' }).ok,
      ).map((t) => t.action),
    },
    nodes,
    adjustments: adjustments.map((a) => ({
      kind: a.kind,
      selfPoints: a.selfPoints,
      selfNote: a.selfNote,
      appraisal1Points: a.appraisal1Points,
      appraisal1Note: a.appraisal1Note,
      appraisal2Points: a.appraisal2Points,
      appraisal2Note: a.appraisal2Note,
      finalPoints: a.finalPoints,
      finalNote: a.finalNote,
      version: a.rowVersion,
    })),
    totals: {
      areas,
      applicableMax: total('applicableMax') as number,
      self: total('self'),
      appraisal1: total('appraisal1'),
      appraisal2: total('appraisal2'),
      final: total('final'),
    },
  };
};

const presentScore = (score: ParScoreRecord) => ({
  selfPoints: score.selfPoints,
  selfNote: score.selfNote,
  appraisal1Points: score.appraisal1Points,
  appraisal1Note: score.appraisal1Note,
  explanationNote: score.explanationNote,
  appraisal2Points: score.appraisal2Points,
  appraisal2Note: score.appraisal2Note,
  finalPoints: score.finalPoints,
  finalNote: score.finalNote,
  system:
    score.systemDenominator === null
      ? null
      : {
          numerator: Number(score.systemNumerator),
          denominator: Number(score.systemDenominator),
          points: score.systemPoints,
          formula: score.systemFormula,
          computedAt: score.systemComputedAt?.toISOString() ?? null,
        },
  overrideReason: score.overrideReason,
  version: score.rowVersion,
});

const refuse = (code: string, params: Record<string, string | number> = {}): never => {
  throw new AppError(code as never, params);
};

/**
 * Writes one leaf's points and note for a stage (self-assessment, appraisal 1 or 2, the council's final
 * points) or the unit's explanation note — version-guarded per leaf (`expectedVersion` null for the first
 * write). An appraiser may take the system figure's points (`acceptSystem`) or give others with a reason
 * (`overrideReason`); the figure and the override both stay. Score row + history event + outbox job in one
 * transaction (changeParUnit).
 */
export const writeParLeaf = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    roundId: string;
    agencyId: string;
    code: string;
    field: ParScoreField;
    points?: number | null | undefined;
    note?: string | null | undefined;
    acceptSystem?: boolean | undefined;
    overrideReason?: string | null | undefined;
    expectedVersion: number | null;
  },
) => {
  const { official, round, actors } = await authorizeParUnit(ctx, actor, input);
  const now = ctx.clock.now();
  const { result } = await ctx.db.transaction().execute((trx) =>
    changeParUnit(ctx, trx, {
      roundId: round.id,
      agencyId: input.agencyId,
      actorUserId: official.userId,
      at: now,
      apply: async (unit) => {
        const write = decideWrite({
          field: input.field,
          actors,
          stage: round.stage as ParRoundStage,
          status: unit.status as ParUnitStatus,
        });
        if (!write.ok) {
          refuse(write.code);
        }
        const criteria = await loadUnitCriteria(trx, round, unit.unitGroup);
        const node = criteria.byCode.get(input.code);
        if (!node) {
          return refuse('PAR_CRITERION_UNKNOWN', { code: input.code });
        }
        const existing = (await listParScores(trx, { roundId: round.id, agencyId: unit.agencyId })).find(
          (s) => s.criterionCode === input.code,
        );
        const isAppraisal = input.field === 'appraisal_1' || input.field === 'appraisal_2' || input.field === 'final';
        let points = input.points ?? null;
        let overrideReason: string | null | undefined;
        if (isAppraisal && existing?.systemPoints !== null && existing?.systemPoints !== undefined) {
          if (input.acceptSystem) {
            points = existing.systemPoints;
            overrideReason = null;
          } else if (points !== null && points !== existing.systemPoints) {
            if (!input.overrideReason?.trim()) {
              refuse('PAR_REASON_REQUIRED');
            }
            overrideReason = input.overrideReason?.trim() ?? null;
          }
        } else if (input.acceptSystem) {
          refuse('PAR_NO_SYSTEM_FIGURE', { code: input.code });
        }
        const check = checkLeafScore({
          leaf: { maxPoints: node.maxPoints, surveyScored: node.surveyScored, isLeaf: criteria.isLeaf(node.code) },
          applicable: applicabilityOf(criteria, unit)(node.code),
          field: input.field,
          points,
        });
        if (!check.ok) {
          refuse(check.code, { code: node.code, max: formatPoints(node.maxPoints) });
        }
        const columns = POINT_COLUMNS[input.field];
        const saved = await writeParScore(trx, {
          key: {
            roundId: round.id,
            agencyId: unit.agencyId,
            criterionCode: node.code,
            provinceCode: unit.provinceCode,
          },
          expectedVersion: input.expectedVersion,
          values: {
            ...(columns.points ? { [columns.points]: points } : {}),
            [columns.note]: input.note?.trim() || null,
            ...(overrideReason !== undefined ? { overrideReason } : {}),
            updatedBy: official.userId,
          },
          at: now,
        });
        if (!saved) {
          throw new AppError('VERSION_CONFLICT', {
            current: existing?.rowVersion ?? 0,
            sent: input.expectedVersion ?? 0,
          });
        }
        const event: ParEventInput = {
          criterionCode: node.code,
          action: input.acceptSystem ? 'accept_system' : overrideReason ? 'override_system' : 'score',
          field: input.field,
          points: columns.points ? points : null,
          note: input.note?.trim() || null,
          detail: overrideReason ? { overrideReason, systemPoints: existing?.systemPoints ?? null } : null,
        };
        return { events: [event], result: presentScore(saved) };
      },
    }),
  );
  return result;
};

const formatPoints = (p: number) => `${Math.floor(p / 100)},${String(p % 100).padStart(2, '0')}`;

/** A bonus or penalty of the unit for a stage, within the set's cap; version-guarded. */
export const writeParAdjustmentPoints = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    roundId: string;
    agencyId: string;
    kind: ParAdjustmentKind;
    field: Exclude<ParScoreField, 'explanation'>;
    points: number;
    note?: string | null | undefined;
    expectedVersion: number | null;
  },
) => {
  const { official, round, actors } = await authorizeParUnit(ctx, actor, input);
  const now = ctx.clock.now();
  const { result } = await ctx.db.transaction().execute((trx) =>
    changeParUnit(ctx, trx, {
      roundId: round.id,
      agencyId: input.agencyId,
      actorUserId: official.userId,
      at: now,
      apply: async (unit) => {
        const write = decideWrite({
          field: input.field,
          actors,
          stage: round.stage as ParRoundStage,
          status: unit.status as ParUnitStatus,
        });
        if (!write.ok) {
          refuse(write.code);
        }
        const { set } = await loadUnitCriteria(trx, round, unit.unitGroup);
        const check = checkAdjustment({ kind: input.kind, points: input.points, caps: set });
        if (!check.ok) {
          refuse(check.code, { max: formatPoints(check.cap) });
        }
        const columns = POINT_COLUMNS[input.field];
        const saved = await writeParAdjustment(trx, {
          key: { roundId: round.id, agencyId: unit.agencyId, kind: input.kind, provinceCode: unit.provinceCode },
          expectedVersion: input.expectedVersion,
          values: {
            [columns.points]: input.points,
            [columns.note]: input.note?.trim() || null,
            updatedBy: official.userId,
          },
          at: now,
        });
        if (!saved) {
          throw new AppError('VERSION_CONFLICT', { current: 0, sent: input.expectedVersion ?? 0 });
        }
        return {
          events: [
            {
              criterionCode: null,
              action: input.kind,
              field: input.field,
              points: input.points,
              note: input.note?.trim() || null,
            },
          ],
          result: { kind: saved.kind, version: saved.rowVersion },
        };
      },
    }),
  );
  return result;
};

/**
 * Moves a unit through its statuses (submit, approve/return, lock late, appraisal done, explanation,
 * final). Appraisal is done only when every applicable leaf scored by appraisers has points; the council's
 * finalisation fills every leaf without final points with the last appraisal (its default), each as an event.
 */
export const actOnParUnit = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    roundId: string;
    agencyId: string;
    action: ParUnitAction;
    expectedVersion: number;
    reason?: string | undefined;
  },
) => {
  const { official, round, actors } = await authorizeParUnit(ctx, actor, input);
  const now = ctx.clock.now();
  const { unit } = await ctx.db.transaction().execute((trx) =>
    changeParUnit(ctx, trx, {
      roundId: round.id,
      agencyId: input.agencyId,
      expectedVersion: input.expectedVersion,
      actorUserId: official.userId,
      at: now,
      apply: async (locked) => {
        const decision = decideUnitTransition({
          action: input.action,
          actors: actors as ParActor[],
          stage: round.stage as ParRoundStage,
          status: locked.status as ParUnitStatus,
          reason: input.reason,
        });
        if (!decision.ok) {
          refuse(decision.code);
        }
        const events: ParEventInput[] = [];
        if (
          input.action === 'complete_appraisal_1' ||
          input.action === 'complete_appraisal_2' ||
          input.action === 'finalise'
        ) {
          const criteria = await loadUnitCriteria(trx, round, locked.unitGroup);
          const applies = applicabilityOf(criteria, locked);
          const scores = new Map(
            (await listParScores(trx, { roundId: round.id, agencyId: locked.agencyId })).map((s) => [
              s.criterionCode,
              s,
            ]),
          );
          const leaves = criteria.nodes.filter((n) => criteria.isLeaf(n.code) && applies(n.code));
          if (input.action === 'finalise') {
            events.push(
              ...(await fillFinalDefaults(trx, {
                round,
                unit: locked,
                leaves,
                scores,
                userId: official.userId,
                at: now,
              })),
            );
          } else {
            const column = input.action === 'complete_appraisal_1' ? 'appraisal1Points' : 'appraisal2Points';
            const missing = leaves.filter((n) => !n.surveyScored && (scores.get(n.code)?.[column] ?? null) === null);
            if (missing.length > 0 && input.action === 'complete_appraisal_1') {
              throw new AppError('PAR_POINTS_REQUIRED', {}, { extensions: { missing: missing.map((n) => n.code) } });
            }
          }
        }
        const transition = PAR_UNIT_TRANSITIONS.find((t) => t.action === input.action);
        const to = transition?.to as ParUnitStatus;
        events.push({
          criterionCode: null,
          action: input.action,
          field: 'status',
          points: null,
          note: input.reason?.trim() || null,
          detail: { from: locked.status, to },
        });
        return {
          events,
          status: {
            status: to,
            ...(input.action === 'submit_self' ? { selfSubmittedAt: now } : {}),
            ...(input.action === 'approve_self' || input.action === 'lock_late'
              ? { selfLockedAt: now, selfLockedBy: official.userId }
              : {}),
            ...(input.action === 'submit_explanation' ? { explanationSubmittedAt: now } : {}),
          },
          result: null,
        };
      },
    }),
  );
  return { agencyId: unit.agencyId, status: unit.status as ParUnitStatus, version: unit.rowVersion };
};

/** The council's default: each applicable leaf without final points takes its last appraisal. */
const fillFinalDefaults = async (
  trx: Transaction<Database>,
  input: {
    round: ParRoundRecord;
    unit: ParRoundUnitRecord;
    leaves: ParCriterion[];
    scores: Map<string, ParScoreRecord>;
    userId: string;
    at: Date;
  },
): Promise<ParEventInput[]> => {
  const events: ParEventInput[] = [];
  for (const leaf of input.leaves) {
    const score = input.scores.get(leaf.code);
    if (!score || score.finalPoints !== null) {
      continue;
    }
    const points = defaultFinalPoints(score);
    if (points === null) {
      continue;
    }
    await writeParScore(trx, {
      key: {
        roundId: input.round.id,
        agencyId: input.unit.agencyId,
        criterionCode: leaf.code,
        provinceCode: input.unit.provinceCode,
      },
      expectedVersion: score.rowVersion,
      values: { finalPoints: points, updatedBy: input.userId },
      at: input.at,
    });
    events.push({ criterionCode: leaf.code, action: 'final_default', field: 'final', points, note: null });
  }
  for (const adjustment of await listParAdjustments(trx, { roundId: input.round.id, agencyId: input.unit.agencyId })) {
    if (adjustment.finalPoints !== null) {
      continue;
    }
    const points = defaultFinalPoints(adjustment);
    if (points === null) {
      continue;
    }
    await writeParAdjustment(trx, {
      key: {
        roundId: input.round.id,
        agencyId: input.unit.agencyId,
        kind: adjustment.kind,
        provinceCode: input.unit.provinceCode,
      },
      expectedVersion: adjustment.rowVersion,
      values: { finalPoints: points, updatedBy: input.userId },
      at: input.at,
    });
    events.push({ criterionCode: null, action: adjustment.kind, field: 'final', points, note: null });
  }
  return events;
};

/** Evidence a unit adds while it self-assesses or explains: a link into motcua (or a public address), or a file. */
export const addParEvidence = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    roundId: string;
    agencyId: string;
    code: string;
    title: string;
    url?: string | undefined;
    file?: UploadedFile | undefined;
  },
) => {
  const { official, round, actors } = await authorizeParUnit(ctx, actor, input);
  // The file is checked (type from its content, the scanning hook) and stored before the transaction.
  const stored = input.file ? await checkAndStoreFile(ctx, input.file, DOSSIER_FILE_TYPES) : undefined;
  const now = ctx.clock.now();
  const { result } = await ctx.db.transaction().execute((trx) =>
    changeParUnit(ctx, trx, {
      roundId: round.id,
      agencyId: input.agencyId,
      actorUserId: official.userId,
      at: now,
      apply: async (unit) => {
        const field: ParScoreField = round.stage === 'explanation' ? 'explanation' : 'self';
        const write = decideWrite({
          field,
          actors,
          stage: round.stage as ParRoundStage,
          status: unit.status as ParUnitStatus,
        });
        if (!write.ok) {
          refuse(write.code);
        }
        const criteria = await loadUnitCriteria(trx, round, unit.unitGroup);
        if (!criteria.byCode.has(input.code)) {
          refuse('PAR_CRITERION_UNKNOWN', { code: input.code });
        }
        const row = await insertParEvidence(trx, {
          roundId: round.id,
          agencyId: unit.agencyId,
          criterionCode: input.code,
          provinceCode: unit.provinceCode,
          stage: evidenceStageOf(field) ?? 'self_assessment',
          kind: stored ? 'file' : 'link',
          title: input.title.trim(),
          fileSha256: stored?.sha256 ?? null,
          fileName: stored?.fileName ?? null,
          mediaType: stored?.mediaType ?? null,
          sizeBytes: stored?.size ?? null,
          url: stored ? null : (input.url ?? null),
          createdBy: official.userId,
          createdAt: now,
        });
        return {
          events: [
            {
              criterionCode: input.code,
              action: 'add_evidence',
              field: 'evidence',
              points: null,
              note: row.title,
              detail: { evidenceId: row.id, kind: row.kind, sha256: row.fileSha256, url: row.url },
            },
          ],
          result: { id: row.id, kind: row.kind, title: row.title },
        };
      },
    }),
  );
  return result;
};

/** Withdraws evidence (kept, marked withdrawn) while the unit may still write. */
export const withdrawParEvidenceItem = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string; evidenceId: string },
) => {
  const { official, round, actors } = await authorizeParUnit(ctx, actor, input);
  const evidence = await findParEvidence(ctx.db, { ...input, id: input.evidenceId });
  if (!evidence || evidence.withdrawnAt) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'tài liệu kiểm chứng', en: 'evidence' } });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) =>
    changeParUnit(ctx, trx, {
      roundId: round.id,
      agencyId: input.agencyId,
      actorUserId: official.userId,
      at: now,
      apply: async (unit) => {
        const field: ParScoreField = evidence.stage === 'explanation' ? 'explanation' : 'self';
        const write = decideWrite({
          field,
          actors,
          stage: round.stage as ParRoundStage,
          status: unit.status as ParUnitStatus,
        });
        if (!write.ok) {
          refuse(write.code);
        }
        await withdrawParEvidence(trx, { id: evidence.id, userId: official.userId, at: now });
        return {
          events: [
            {
              criterionCode: evidence.criterionCode,
              action: 'withdraw_evidence',
              field: 'evidence',
              points: null,
              note: evidence.title,
              detail: { evidenceId: evidence.id },
            },
          ],
          result: null,
        };
      },
    }),
  );
  return { id: evidence.id, withdrawn: true };
};

/** The stored file of an evidence item (whoever reaches the scorecard). */
export const getParEvidenceFile = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string; evidenceId: string },
) => {
  await authorizeParUnit(ctx, actor, input);
  const evidence = await findParEvidence(ctx.db, { ...input, id: input.evidenceId });
  if (evidence?.kind !== 'file' || !evidence.fileSha256) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'tài liệu kiểm chứng', en: 'evidence' } });
  }
  return {
    sha256: evidence.fileSha256,
    mediaType: evidence.mediaType ?? 'application/octet-stream',
    fileName: evidence.fileName ?? 'tai-lieu',
  };
};

/** A unit's history (who changed what, when), in order, keyset-paginated by seq. */
export const listParUnitHistory = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string; code?: string | undefined; afterSeq: number; limit: number },
) => {
  await authorizeParUnit(ctx, actor, input);
  const rows = await listParScoreEventsWithActors(ctx.db, {
    roundId: input.roundId,
    agencyId: input.agencyId,
    criterionCode: input.code,
    afterSeq: input.afterSeq,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((e) => ({
      seq: e.seq,
      criterionCode: e.criterionCode,
      action: e.action,
      field: e.field,
      points: e.points,
      note: e.note,
      detail: e.detail,
      actorUserId: e.actorUserId,
      actorName: e.actorName,
      at: e.at.toISOString(),
      hash: e.hash,
    })),
    nextAfterSeq: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null,
  };
};
