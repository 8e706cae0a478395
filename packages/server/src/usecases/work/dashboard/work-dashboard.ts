import {
  countDecidedBands,
  countOfficialWorkload,
  countScopeWorkload,
  countUnitWorkload,
  type DashboardDossierFilter,
  type DashboardTaskFilter,
  findLastDecidedPeriod,
  isOfficialOfUnits,
  listDashboardDossiers,
  listDashboardTasks,
  listDashboardUnits,
  type WorkloadCounts,
} from '@motcua/db';
import {
  bandFigures,
  type DashboardFigure,
  dashboardFigure,
  EVALUATION_BAND_LABELS,
  EVALUATION_BANDS,
  type EvaluationBand,
  formatDocumentRateEn,
  formatDocumentRateVi,
  formatInstant,
  LEADER_ROLES,
  weekOf,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { cutKeysetPage } from '../../keyset-page.js';
import { decodeCursor, encodeCursor } from '../../reports/drill-down.js';
import { AGENCY } from '../../reports/scope.js';

/**
 * The leader's operations dashboard (issue 20 item 6): for the units a head of unit or of agency heads — the
 * agencies of those grants and, when the grant reaches them, their sub-agencies — the workload per unit and per
 * official (open tasks led, one-stop dossiers held now), the overdue tasks and dossiers, the tasks due before the
 * week ends, and the bands of the last period whose sheets were decided. Every figure carries its base; every
 * figure opens the page of records behind it. Read on ctx.reader (a report).
 */

/** A department has tens of units and a few hundred officials: the dashboard shows at most these. */
export const DASHBOARD_MAX_UNITS = 200;
export const DASHBOARD_MAX_OFFICIALS = 500;

const OFFICIAL = { vi: 'công chức', en: 'official' } as const;

type Figure = DashboardFigure & { text: { vi: string; en: string } };
const figure = (count: number, base: number): Figure => {
  const rate = dashboardFigure(count, base);
  return { ...rate, text: { vi: formatDocumentRateVi(rate), en: formatDocumentRateEn(rate) } };
};

const figuresOf = (counts: WorkloadCounts) => ({
  openTasks: counts.openTasks,
  overdueTasks: figure(counts.overdueTasks, counts.openTasks),
  dueThisWeek: figure(counts.dueThisWeek, counts.openTasks),
  heldDossiers: counts.heldDossiers,
  overdueDossiers: figure(counts.overdueDossiers, counts.heldDossiers),
});

/**
 * The units of the actor's leader grants, or — with `unit` — that unit's subtree when one of those grants covers
 * it. No leader grant: 403. A unit outside them: 404 (no existence leak).
 */
const resolveScope = async (ctx: AppContext, actor: Actor, unit?: string | undefined) => {
  const official = requireOfficial(actor);
  const grants = official.grants.filter((g) => LEADER_ROLES.includes(g.role));
  if (grants.length === 0) {
    throw new AppError('FORBIDDEN');
  }
  const units = await listDashboardUnits(ctx.reader, {
    agencyIds: grants.map((g) => g.agencyId),
    subtreeIds: grants.filter((g) => g.includeSubagencies).map((g) => g.agencyId),
    limit: DASHBOARD_MAX_UNITS,
  });
  if (!unit) {
    return { official, units };
  }
  const root = units.find((u) => u.id === unit);
  if (!root) {
    throw new AppError('NOT_FOUND', { resource: AGENCY });
  }
  return { official, units: units.filter((u) => u.path.startsWith(root.path)) };
};

/** The agencies whose evaluation periods may hold the units' sheets: the units and every agency above them. */
const evaluationAgenciesOf = (units: { path: string }[]) => [
  ...new Set(units.flatMap((u) => u.path.split('/').filter((id) => id.length > 0))),
];

const periodLabel = (period: { kind: string; year: number; number: number }) => {
  if (period.kind === 'month') {
    return {
      vi: `Tháng ${period.number}/${period.year}`,
      en: `${period.year}-${String(period.number).padStart(2, '0')}`,
    };
  }
  if (period.kind === 'quarter') {
    return {
      vi: `Quý ${['I', 'II', 'III', 'IV'][period.number - 1]}/${period.year}`,
      en: `Q${period.number} ${period.year}`,
    };
  }
  return { vi: `Năm ${period.year}`, en: `Year ${period.year}` };
};

const evaluationOf = async (ctx: AppContext, unitIds: string[], units: { path: string }[]) => {
  const period = await findLastDecidedPeriod(ctx.reader, { agencyIds: evaluationAgenciesOf(units) });
  if (!period) {
    return null;
  }
  const rows = await countDecidedBands(ctx.reader, { periodId: period.id, agencyId: period.agencyId, unitIds });
  const add = (counts: Partial<Record<EvaluationBand, number>>, band: string, sheets: number) => {
    const key = (EVALUATION_BANDS as readonly string[]).includes(band) ? (band as EvaluationBand) : 'incomplete';
    counts[key] = (counts[key] ?? 0) + sheets;
  };
  const totals: Partial<Record<EvaluationBand, number>> = {};
  const perUnit = new Map<string, Partial<Record<EvaluationBand, number>>>();
  for (const row of rows) {
    add(totals, row.band, row.sheets);
    const counts = perUnit.get(row.unitId) ?? {};
    add(counts, row.band, row.sheets);
    perUnit.set(row.unitId, counts);
  }
  const bands = (counts: Partial<Record<EvaluationBand, number>>) =>
    bandFigures(counts).map(({ band, figure: rate }) => ({
      band,
      label: EVALUATION_BAND_LABELS[band],
      ...figure(rate.numerator, rate.base),
    }));
  return {
    period: { ...period, label: periodLabel(period) },
    bands: bands(totals),
    units: [...perUnit.entries()].map(([unitId, counts]) => ({ unitId, bands: bands(counts) })),
  };
};

/** The dashboard of the actor's units (or of one unit's subtree). */
export const getWorkDashboard = async (ctx: AppContext, actor: Actor, input: { unit?: string | undefined }) => {
  const { units } = await resolveScope(ctx, actor, input.unit);
  const nowMs = ctx.clock.now().getTime();
  const week = weekOf(nowMs);
  const window = { now: new Date(nowMs), weekEnd: new Date(week.end) };
  const unitIds = units.map((u) => u.id);
  const [perUnit, totals, officials, evaluation] = [
    await countUnitWorkload(ctx.reader, { unitIds, ...window }),
    await countScopeWorkload(ctx.reader, { unitIds, ...window }),
    await countOfficialWorkload(ctx.reader, { unitIds, ...window, limit: DASHBOARD_MAX_OFFICIALS }),
    await evaluationOf(ctx, unitIds, units),
  ];
  const byUnit = new Map(perUnit.map((row) => [row.unitId, row]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const depthOf = (path: string) => path.split('/').filter((id) => id.length > 0).length;
  const topDepth = Math.min(...units.map((u) => depthOf(u.path)));
  return {
    generatedAt: formatInstant(nowMs),
    week: { from: formatInstant(week.start), to: formatInstant(week.end) },
    totals: { officials: totals.officials, ...figuresOf(totals) },
    units: units.map((u) => {
      const counts = byUnit.get(u.id) ?? {
        openTasks: 0,
        overdueTasks: 0,
        dueThisWeek: 0,
        heldDossiers: 0,
        overdueDossiers: 0,
        officials: 0,
      };
      return {
        id: u.id,
        code: u.code,
        name: u.name,
        parentId: u.parentId,
        depth: depthOf(u.path) - topDepth,
        officials: counts.officials,
        ...figuresOf(counts),
      };
    }),
    officials: officials.map((o) => ({
      userId: o.userId,
      fullName: o.fullName,
      title: o.title,
      unitId: o.unitId,
      unitName: names.get(o.unitId) ?? '',
      ...figuresOf(o),
    })),
    officialsCapped: officials.length >= DASHBOARD_MAX_OFFICIALS,
    evaluation,
  };
};

export type WorkDashboard = Awaited<ReturnType<typeof getWorkDashboard>>;

type DrillDownInput = {
  unit?: string | undefined;
  user?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

/** Who the drill-down is about: a unit of the scope, or an official holding a role in one of its units. */
const resolveDrillDown = async (ctx: AppContext, actor: Actor, input: DrillDownInput) => {
  if ((input.unit === undefined) === (input.user === undefined)) {
    throw new AppError('BAD_REQUEST');
  }
  const { units } = await resolveScope(ctx, actor);
  if (input.unit !== undefined && !units.some((u) => u.id === input.unit)) {
    throw new AppError('NOT_FOUND', { resource: AGENCY });
  }
  if (
    input.user !== undefined &&
    !(await isOfficialOfUnits(ctx.reader, { userId: input.user, unitIds: units.map((u) => u.id) }))
  ) {
    throw new AppError('NOT_FOUND', { resource: OFFICIAL });
  }
  return { unitId: input.unit, userId: input.user };
};

const afterOf = (cursor: string | undefined) => {
  const key = decodeCursor(cursor, ['at', 'id']);
  return key ? { at: key.at, id: key.id } : undefined;
};

/** The open tasks behind a figure (all open, overdue, due before the week ends). A confidential task shows no title. */
export const listWorkDashboardTasks = async (
  ctx: AppContext,
  actor: Actor,
  input: DrillDownInput & { filter: DashboardTaskFilter },
) => {
  const who = await resolveDrillDown(ctx, actor, input);
  const nowMs = ctx.clock.now().getTime();
  const rows = await listDashboardTasks(ctx.reader, {
    ...who,
    filter: input.filter,
    now: new Date(nowMs),
    weekEnd: new Date(weekOf(nowMs).end),
    after: afterOf(input.cursor),
    limit: input.limit + 1,
  });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => ({
      id: row.id,
      // Confidential tasks are read like confidential documents: counted here, opened only on the task's own page.
      title: row.confidential ? null : row.title,
      confidential: row.confidential,
      status: row.status,
      dueAt: formatInstant(new Date(row.dueAt).getTime()),
      overdue: new Date(row.dueAt).getTime() < nowMs,
      progressPercent: row.progressPercent,
      lead: row.leadName ?? row.leadUnitName,
    }),
    (last) => encodeCursor({ at: new Date(last.dueAt).toISOString(), id: last.id }),
  );
};

/** The open dossiers behind a figure (held now, overdue), in the inbox's order. */
export const listWorkDashboardDossiers = async (
  ctx: AppContext,
  actor: Actor,
  input: DrillDownInput & { filter: DashboardDossierFilter },
) => {
  const who = await resolveDrillDown(ctx, actor, input);
  const nowMs = ctx.clock.now().getTime();
  const rows = await listDashboardDossiers(ctx.reader, {
    ...who,
    filter: input.filter,
    now: new Date(nowMs),
    after: afterOf(input.cursor),
    limit: input.limit + 1,
  });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => ({
      code: row.code,
      procedureName: row.procedureName,
      status: row.status,
      dueAt: row.dueAt ? formatInstant(new Date(row.dueAt).getTime()) : null,
      overdue:
        ['received', 'processing', 'completed'].includes(row.status) &&
        row.dueAt !== null &&
        new Date(row.dueAt).getTime() < nowMs,
      holder: row.holderName,
    }),
    (last) => encodeCursor({ at: last.dueAt ? new Date(last.dueAt).toISOString() : 'infinity', id: last.id }),
  );
};
