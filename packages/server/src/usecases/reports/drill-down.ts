import {
  type DossierFigure,
  type FigureDossier,
  listFigureDossiers,
  listLateDossierSteps,
  sumOverrunByAgency,
} from '@motcua/db';
import { formatInstant } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../calendar/calendar-service.js';
import { type PeriodInput, resolveReportPeriod } from './period.js';
import { type ReportScopeInput, resolveReportScope } from './scope.js';

export const DOSSIER_FIGURES = [
  'carried_over',
  'received',
  'resolved',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'in_progress',
  'in_progress_not_due',
  'in_progress_overdue',
  'returned',
  'withdrawn',
  'stopped',
  'refused',
  'progress_counted',
  'progress_not_counted',
  'online_full_eligible',
  'online_full_online',
  'data_reuse_eligible',
  'data_reuse_from_data',
] as const satisfies readonly DossierFigure[];

/** Opaque keyset cursors: base64url of the last row's sort key. */
export const encodeCursor = (value: Record<string, string>): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export const decodeCursor = <K extends string>(
  cursor: string | undefined,
  keys: readonly K[],
): Record<K, string> | undefined => {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (keys.every((key) => typeof value[key] === 'string')) {
      return value as Record<K, string>;
    }
  } catch {
    // fall through
  }
  throw new AppError('REPORT_CURSOR_INVALID');
};

const iso = (value: Date | null) => (value === null ? null : formatInstant(new Date(value).getTime()));

const toItem = (row: FigureDossier) => ({
  source: row.source,
  code: row.code,
  procedureCode: row.procedureCode,
  procedureName: row.procedureName,
  agencyName: row.agencyName,
  channel: row.channel,
  status: row.status,
  receivedAt: iso(row.receivedAt),
  legalDueAt: iso(row.legalDueAt),
  completedAt: iso(row.completedAt),
  completionClass: row.completionClass,
  returnedAt: iso(row.returnedAt),
});

export type FigureDossiersQuery = ReportScopeInput &
  PeriodInput & { figure: DossierFigure; cursor?: string | undefined; limit: number };

/**
 * The dossiers behind one figure of the statistics or one score of the service index (drill-down),
 * in the same scope and period, keyset-paginated. Same definitions as the aggregates, row by row.
 */
export const listReportDossiers = async (ctx: AppContext, actor: Actor, input: FigureDossiersQuery) => {
  const scope = await resolveReportScope(ctx, actor, input);
  const { period, asOf } = resolveReportPeriod(input, todayInVietnam(ctx.clock));
  const after = decodeCursor(input.cursor, ['receivedAt', 'code', 'source'] as const);
  const rows = await listFigureDossiers(ctx.reader, {
    figure: input.figure,
    from: period.from,
    to: asOf,
    filter: scope.filter,
    after,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    figure: input.figure,
    period: { from: period.from, to: period.to, asOf },
    items: page.map(toItem),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({
            receivedAt: new Date(last.sortKey ?? last.receivedAt ?? 0).toISOString(),
            code: last.code,
            source: last.source,
          })
        : null,
  };
};

export type LatenessQuery = ReportScopeInput & PeriodInput & { cursor?: string | undefined; limit: number };

/**
 * Lateness attribution: for each late dossier of the period (resolved late, or open past its legal
 * due instant), which steps overran, at which agency, by how much working time; and the agencies
 * ranked by the working time their steps overran. Finished steps carry their overrun from the
 * engine; an active step past its own due instant is measured up to now on the receiving agency's
 * working-time calendar.
 */
export const getLatenessReport = async (ctx: AppContext, actor: Actor, input: LatenessQuery) => {
  const scope = await resolveReportScope(ctx, actor, input);
  const { period, asOf } = resolveReportPeriod(input, todayInVietnam(ctx.clock));
  const now = ctx.clock.now();
  const after = decodeCursor(input.cursor, ['code'] as const);
  const [agencies, stepRows] = [
    await sumOverrunByAgency(ctx.reader, {
      provinceCodes: scope.filter.provinceCodes,
      agencyIds: scope.filter.agencyIds,
      from: period.from,
      to: asOf,
      limit: 200,
    }),
    await listLateDossierSteps(ctx.reader, {
      provinceCodes: scope.filter.provinceCodes,
      agencyIds: scope.filter.agencyIds,
      from: period.from,
      to: asOf,
      now,
      after,
      limit: input.limit + 1,
    }),
  ];
  const codes = [...new Set(stepRows.map((row) => row.code))];
  const pageCodes = codes.slice(0, input.limit);
  const calendars = new Map<string, Awaited<ReturnType<typeof getAgencyWorkingCalendar>>['calendar']>();
  const dossiers = [];
  for (const code of pageCodes) {
    const steps = stepRows.filter((row) => row.code === code);
    const first = steps[0];
    if (!first) {
      continue;
    }
    const overruns = [];
    for (const step of steps) {
      let minutes = step.overrunMinutes ?? 0;
      let running = false;
      if (step.stepStatus === 'active' && step.stepDueAt && new Date(step.stepDueAt) < now) {
        let calendar = calendars.get(step.agencyId);
        if (!calendar) {
          calendar = (await getAgencyWorkingCalendar(ctx, step.agencyId)).calendar;
          calendars.set(step.agencyId, calendar);
        }
        minutes = calendar.getWorkingMinutesBetween(new Date(step.stepDueAt).getTime(), now.getTime());
        running = true;
      }
      overruns.push({
        stepNo: step.stepNo,
        stepName: step.stepName,
        role: step.role,
        agencyId: step.agencyId,
        agencyName: step.agencyName,
        allotmentMinutes: step.allotmentMinutes,
        dueAt: iso(step.stepDueAt),
        completedAt: iso(step.stepCompletedAt),
        overrunMinutes: minutes,
        overrunWorkingDays: Math.round((minutes / 480) * 100) / 100,
        running,
      });
    }
    dossiers.push({
      code,
      procedureName: first.procedureName,
      completionClass: first.completionClass,
      legalDueAt: iso(first.legalDueAt),
      completedAt: iso(first.completedAt),
      overruns,
      totalOverrunMinutes: overruns.reduce((sum, o) => sum + o.overrunMinutes, 0),
    });
  }
  const lastCode = pageCodes[pageCodes.length - 1];
  return {
    period: { from: period.from, to: period.to, asOf },
    agencies: agencies.map((row) => ({
      ...row,
      averageOverrunMinutes: row.steps === 0 ? 0 : Math.round(row.totalOverrunMinutes / row.steps),
      totalOverrunWorkingDays: Math.round((row.totalOverrunMinutes / 480) * 100) / 100,
    })),
    dossiers,
    nextCursor: codes.length > input.limit && lastCode ? encodeCursor({ code: lastCode }) : null,
    notes: [
      {
        vi: 'Thời gian vượt tính bằng phút làm việc (1 ngày làm việc = 8 giờ) theo lịch làm việc của cơ quan, từ hạn của bước đến khi bước hoàn thành (hoặc đến nay với bước đang xử lý).',
        en: 'Overrun is in working minutes (1 working day = 8 hours) on the agency’s calendar, from the step’s due instant to its completion (or to now for an active step).',
      },
    ],
  };
};
