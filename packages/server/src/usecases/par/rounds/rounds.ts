import {
  countParRoundUnitStatuses,
  deleteParAppraiser,
  findParRoundOfYear,
  insertParAppraiser,
  insertParRound,
  insertParRoundEvent,
  insertParRoundSets,
  insertParRoundUnits,
  listParAppraiserCandidates,
  listParAppraisers,
  listParRoundSets,
  listParRounds,
  listParRoundUnits,
  listParSetsInForce,
  listProvinceAgenciesOfKinds,
  listUserGrants,
  lockParRound,
  type ParRoundRecord,
  type ParRoundUnitRow,
  updateParRound,
} from '@motcua/db';
import {
  type AgencyKind,
  checkDeadlines,
  foldVietnamese,
  isAllowed,
  isLate,
  PAR_DEADLINE_FIELDS,
  PAR_DEADLINE_STAGES,
  type ParDeadlineField,
  type ParDeadlines,
  type ParRoundAction,
  type ParRoundStage,
  type ParUnitGroup,
  type ParUnitStatus,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getWorkingCalendar } from '../../calendar/calendar-service.js';
import { changeParRound } from './change-par-round.js';
import { changeParUnit, PAR_UNIT } from './change-par-unit.js';
import { authorizeParOrganiser, getParRound, isParOrganiser, resolveParActors } from './par-access.js';

/** Which agencies make up each unit group (QĐ 876/QĐ-BNV; provincial decisions: khối sở, khối xã). */
export const PAR_GROUP_AGENCY_KINDS: Record<ParUnitGroup, readonly AgencyKind[]> = {
  department: ['province_department'],
  commune: ['commune_committee'],
  province: ['province_committee'],
};

const toDeadlineProblem = (deadlines: ParDeadlines, problem: ReturnType<typeof checkDeadlines>[number]) =>
  new AppError(problem.code, { field: problem.field, date: deadlines[problem.field] ?? '' });

const checkRoundDeadlines = async (ctx: AppContext, provinceCode: string, deadlines: ParDeadlines) => {
  const calendar = await getWorkingCalendar(ctx, { provinceCode });
  const [problem] = checkDeadlines(deadlines, calendar);
  if (problem) {
    throw toDeadlineProblem(deadlines, problem);
  }
};

/** A round as the API shows it, with its units' progress. */
const presentRound = async (ctx: AppContext, round: ParRoundRecord) => {
  const counts = await countParRoundUnitStatuses(ctx.db, round.id);
  const sets = await listParRoundSets(ctx.db, round.id);
  return {
    id: round.id,
    provinceCode: round.provinceCode,
    year: round.year,
    title: round.title,
    stage: round.stage as ParRoundStage,
    deadlines: Object.fromEntries(PAR_DEADLINE_FIELDS.map((f) => [f, round[f] ?? null])) as Record<
      ParDeadlineField,
      string | null
    >,
    openedAt: round.openedAt?.toISOString() ?? null,
    decisionNumber: round.decisionNumber,
    decisionDate: round.decisionDate,
    publishedAt: round.publishedAt?.toISOString() ?? null,
    isDemo: round.isDemo,
    version: round.rowVersion,
    sets: sets.map((s) => ({
      unitGroup: s.unitGroup as ParUnitGroup,
      setId: s.setId,
      title: s.title,
      status: s.status as string,
      bonusCap: s.bonusCap,
      penaltyCap: s.penaltyCap,
      totalMax: s.totalMax,
    })),
    progress: counts as Partial<Record<ParUnitStatus, number>>,
  };
};
export type ParRoundView = Awaited<ReturnType<typeof presentRound>>;

/**
 * Creates the round of a year (organiser): the published set of each unit group, the units (agencies of the
 * province by kind for every group with a set), the deadlines (working days of the province, in order).
 */
export const createParRound = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    provinceCode: string;
    year: number;
    title: string;
    unitGroups?: readonly ParUnitGroup[] | undefined;
    deadlines?: ParDeadlines | undefined;
  },
) => {
  const official = requireOfficial(actor);
  if (!isParOrganiser(official, input.provinceCode)) {
    throw new AppError('FORBIDDEN');
  }
  await checkRoundDeadlines(ctx, input.provinceCode, input.deadlines ?? {});
  const sets = (await listParSetsInForce(ctx.db, { provinceCode: input.provinceCode, year: input.year })).filter(
    (s) => !input.unitGroups || input.unitGroups.includes(s.unitGroup),
  );
  if (sets.length === 0) {
    throw new AppError('PAR_ROUND_NO_SETS', { year: input.year });
  }
  if (await findParRoundOfYear(ctx.db, input)) {
    throw new AppError('PAR_ROUND_EXISTS', { year: input.year });
  }
  const now = ctx.clock.now();
  const round = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertParRound(trx, {
      provinceCode: input.provinceCode,
      year: input.year,
      title: input.title,
      stage: 'draft',
      ...Object.fromEntries(PAR_DEADLINE_FIELDS.map((f) => [f, input.deadlines?.[f] ?? null])),
      createdBy: official.userId,
    });
    await insertParRoundSets(
      trx,
      sets.map((s) => ({ roundId: created.id, unitGroup: s.unitGroup, setId: s.id })),
    );
    for (const set of sets) {
      const agencies = await listProvinceAgenciesOfKinds(trx, {
        provinceCode: input.provinceCode,
        kinds: PAR_GROUP_AGENCY_KINDS[set.unitGroup],
      });
      await insertParRoundUnits(
        trx,
        agencies.map((agency) => ({
          roundId: created.id,
          agencyId: agency.id,
          provinceCode: input.provinceCode,
          unitGroup: set.unitGroup,
          status: 'self_draft' as const,
        })),
      );
    }
    await insertParRoundEvent(trx, {
      roundId: created.id,
      provinceCode: input.provinceCode,
      action: 'create',
      fromStage: null,
      toStage: 'draft',
      detail: { sets: sets.map((s) => ({ unitGroup: s.unitGroup, setId: s.id })) },
      actorUserId: official.userId,
      at: now,
    });
    return created;
  });
  return presentRound(ctx, round);
};

/** The rounds the official reaches: every round of the provinces they organise or appraise in, or their units'. */
export const listParRoundsForActor = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  const provinces = [
    ...new Set(
      official.grants
        .filter(
          (g) =>
            g.provinceCode !== null && isAllowed([g], 'par.read', { kind: 'province', provinceCode: g.provinceCode }),
        )
        .map((g) => g.provinceCode as string),
    ),
  ];
  const unitProvinces = [
    ...new Set(
      official.grants
        .filter((g) => ['par_focal', 'approver'].includes(g.role) && g.provinceCode !== null)
        .map((g) => g.provinceCode as string),
    ),
  ];
  const rounds = await listParRounds(ctx.db, {
    provinceCodes: [...new Set([...provinces, ...unitProvinces])],
    limit: 50,
  });
  return { items: await Promise.all(rounds.map((r) => presentRound(ctx, r))) };
};

/** One round: its stage, deadlines, sets and progress (any official of the province who takes part in PAR). */
export const getParRoundView = async (ctx: AppContext, actor: Actor, roundId: string) => {
  const { rounds } = { rounds: await listParRoundsForActor(ctx, actor) };
  const round = rounds.items.find((r) => r.id === roundId);
  if (!round) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'đợt đánh giá Chỉ số CCHC', en: 'PAR Index round' } });
  }
  return round;
};

/** Changes the title or the deadlines of a round (organiser), guarded by its version. */
export const updateParRoundSettings = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; expectedVersion: number; title?: string | undefined; deadlines?: ParDeadlines | undefined },
) => {
  const { official, round } = await authorizeParOrganiser(ctx, actor, input.roundId);
  const deadlines: ParDeadlines = {
    ...Object.fromEntries(PAR_DEADLINE_FIELDS.map((f) => [f, round[f]])),
    ...input.deadlines,
  };
  await checkRoundDeadlines(ctx, round.provinceCode, deadlines);
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockParRound(trx, round.id);
    if (!locked || locked.rowVersion !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: locked?.rowVersion ?? 0, sent: input.expectedVersion });
    }
    const saved = await updateParRound(trx, {
      id: round.id,
      expectedVersion: input.expectedVersion,
      set: { ...(input.title ? { title: input.title } : {}), ...deadlines },
      at: now,
    });
    if (!saved) {
      throw new AppError('VERSION_CONFLICT', { current: locked.rowVersion + 1, sent: input.expectedVersion });
    }
    await insertParRoundEvent(trx, {
      roundId: round.id,
      provinceCode: round.provinceCode,
      action: 'update_settings',
      fromStage: round.stage,
      toStage: round.stage,
      detail: { title: input.title ?? null, deadlines: input.deadlines ?? null },
      actorUserId: official.userId,
      at: now,
    });
    return saved;
  });
  return presentRound(ctx, updated);
};

/** Advances the round's stage (organiser) through the shared path. */
export const advanceParRound = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; expectedVersion: number; action: Exclude<ParRoundAction, 'publish'> },
) => {
  const { official } = await authorizeParOrganiser(ctx, actor, input.roundId);
  const updated = await ctx.db.transaction().execute((trx) =>
    changeParRound(ctx, trx, {
      roundId: input.roundId,
      action: input.action,
      expectedVersion: input.expectedVersion,
      actorUserId: official.userId,
      at: ctx.clock.now(),
    }),
  );
  return presentRound(ctx, updated);
};

const presentUnit = (
  unit: ParRoundUnitRow,
  round: ParRoundRecord,
  facts: { now: Date; calendar: Parameters<typeof isLate>[0]['calendar'] },
) => ({
  agencyId: unit.agencyId,
  agencyCode: unit.agencyCode,
  agencyName: unit.agencyName,
  unitGroup: unit.unitGroup as ParUnitGroup,
  tags: unit.tags,
  excludedCodes: unit.excludedCodes,
  status: unit.status as ParUnitStatus,
  statusChangedAt: unit.statusChangedAt.toISOString(),
  selfSubmittedAt: unit.selfSubmittedAt?.toISOString() ?? null,
  explanationSubmittedAt: unit.explanationSubmittedAt?.toISOString() ?? null,
  version: unit.rowVersion,
  late: lateness(unit, round, facts),
});

/**
 * Late units (shown to the organiser): the self-assessment sent after the end of its due date's working
 * day, or not sent once that moment passed; the same for the explanation while its stage is open.
 */
const lateness = (
  unit: ParRoundUnitRow,
  round: ParRoundRecord,
  facts: { now: Date; calendar: Parameters<typeof isLate>[0]['calendar'] },
): ParDeadlineField[] => {
  const late: ParDeadlineField[] = [];
  if (
    round.stage !== 'draft' &&
    isLate({
      due: round.selfAssessmentDue,
      doneAt: unit.selfSubmittedAt,
      now: facts.now,
      calendar: facts.calendar,
    })
  ) {
    late.push('selfAssessmentDue');
  }
  if (
    (round.stage === 'explanation' || unit.explanationSubmittedAt) &&
    isLate({ due: round.explanationDue, doneAt: unit.explanationSubmittedAt, now: facts.now, calendar: facts.calendar })
  ) {
    late.push('explanationDue');
  }
  return late;
};

/**
 * The units of a round the official reaches (organiser: all; appraiser: assigned; a unit: its own),
 * keyset-paginated by (group, agency), each with its status and lateness.
 */
export const listParRoundUnitsForActor = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; after?: string | undefined; limit: number; lateOnly?: boolean | undefined },
) => {
  const official = requireOfficial(actor);
  const round = await getParRoundView(ctx, actor, input.roundId);
  const record = await getParRound(ctx, round.id);
  let agencyIds: string[] | null = null;
  if (!isParOrganiser(official, round.provinceCode)) {
    const candidates = await listParRoundUnits(ctx.db, { roundId: round.id, agencyIds: null, limit: 5000 });
    const reachable: string[] = [];
    for (const unit of candidates) {
      if ((await resolveParActors(ctx, official, record, unit.agencyId)).length > 0) {
        reachable.push(unit.agencyId);
      }
    }
    agencyIds = reachable;
  }
  const [group, agencyId] = input.after ? input.after.split(':') : [];
  const rows = await listParRoundUnits(ctx.db, {
    roundId: round.id,
    agencyIds,
    after: group && agencyId ? { unitGroup: group, agencyId } : undefined,
    limit: input.limit + 1,
  });
  const calendar = await getWorkingCalendar(ctx, { provinceCode: round.provinceCode });
  const now = ctx.clock.now();
  const page = rows.slice(0, input.limit);
  const items = page.map((u) => presentUnit(u, record, { now, calendar }));
  const last = page.at(-1);
  return {
    items: input.lateOnly ? items.filter((u) => u.late.length > 0) : items,
    nextCursor: rows.length > input.limit && last ? `${last.unitGroup}:${last.agencyId}` : null,
  };
};

/** Tags and excluded criteria of a unit (organiser), while the round is a draft; kept in the unit's history. */
export const setParRoundUnit = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string; expectedVersion: number; tags: string[]; excludedCodes: string[] },
) => {
  const { official, round } = await authorizeParOrganiser(ctx, actor, input.roundId);
  if (round.stage !== 'draft') {
    throw new AppError('PAR_ROUND_NOT_DRAFT');
  }
  const tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))].sort();
  const excludedCodes = [...new Set(input.excludedCodes.map((c) => c.trim()).filter(Boolean))].sort();
  const { unit } = await ctx.db.transaction().execute((trx) =>
    changeParUnit(ctx, trx, {
      roundId: round.id,
      agencyId: input.agencyId,
      expectedVersion: input.expectedVersion,
      actorUserId: official.userId,
      at: ctx.clock.now(),
      apply: async () => ({
        events: [
          {
            criterionCode: null,
            action: 'set_applicability',
            field: 'status',
            points: null,
            note: null,
            detail: { tags, excludedCodes },
          },
        ],
        status: { tags, excludedCodes },
        result: null,
      }),
    }),
  );
  return { agencyId: unit.agencyId, tags: unit.tags, excludedCodes: unit.excludedCodes, version: unit.rowVersion };
};

/** Assigns an appraiser (an official holding par_appraiser in the province) to a unit of the round. */
/** Officials the organiser may assign as appraisers: the PAR appraisers of the round's province, by name. */
export const findParAppraiserCandidates = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; q?: string | undefined; after?: string | undefined; limit: number },
) => {
  const { round } = await authorizeParOrganiser(ctx, actor, input.roundId);
  const rows = await listParAppraiserCandidates(ctx.db, {
    provinceCode: round.provinceCode,
    foldedQuery: input.q ? foldVietnamese(input.q) : undefined,
    afterUsername: input.after ?? null,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  return { items, nextAfter: rows.length > input.limit ? (items.at(-1)?.username ?? null) : null };
};

export const assignParAppraiser = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string; userId: string },
) => {
  const { official, round } = await authorizeParOrganiser(ctx, actor, input.roundId);
  const units = await listParRoundUnits(ctx.db, { roundId: round.id, agencyIds: [input.agencyId], limit: 1 });
  if (units.length === 0) {
    throw new AppError('NOT_FOUND', { resource: PAR_UNIT });
  }
  const grants = await listUserGrants(ctx.db, input.userId);
  const eligible = grants.some((g) => g.role === 'par_appraiser' && g.provinceCode === round.provinceCode);
  if (!eligible) {
    throw new AppError('PAR_APPRAISER_NOT_ELIGIBLE');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (await insertParAppraiser(trx, { ...input, assignedBy: official.userId, assignedAt: now })) {
      await insertParRoundEvent(trx, {
        roundId: round.id,
        provinceCode: round.provinceCode,
        action: 'assign_appraiser',
        fromStage: round.stage,
        toStage: round.stage,
        detail: { agencyId: input.agencyId, userId: input.userId },
        actorUserId: official.userId,
        at: now,
      });
    }
  });
  return listParRoundAppraisers(ctx, actor, { roundId: round.id });
};

export const unassignParAppraiser = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string; userId: string },
) => {
  const { official, round } = await authorizeParOrganiser(ctx, actor, input.roundId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (await deleteParAppraiser(trx, input)) {
      await insertParRoundEvent(trx, {
        roundId: round.id,
        provinceCode: round.provinceCode,
        action: 'unassign_appraiser',
        fromStage: round.stage,
        toStage: round.stage,
        detail: { agencyId: input.agencyId, userId: input.userId },
        actorUserId: official.userId,
        at: now,
      });
    }
  });
  return listParRoundAppraisers(ctx, actor, { roundId: round.id });
};

export const listParRoundAppraisers = async (ctx: AppContext, actor: Actor, input: { roundId: string }) => {
  const { round } = await authorizeParOrganiser(ctx, actor, input.roundId);
  const rows = await listParAppraisers(ctx.db, { roundId: round.id });
  return {
    items: rows.map((r) => ({
      agencyId: r.agencyId,
      userId: r.userId,
      fullName: r.fullName,
      assignedAt: r.assignedAt.toISOString(),
    })),
  };
};

/** Which stage each deadline closes (for screens). */
export const PAR_DEADLINE_INFO = PAR_DEADLINE_STAGES;
