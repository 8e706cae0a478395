import { listOpenDossiersForCalendar } from '@motcua/db';
import {
  type DossierState,
  formatInstant,
  readClock,
  type ScheduleEntryInput,
  type WorkingTimeCalendar,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { authorizeProvinceAction } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import type { CalendarEntryInput } from '../calendar/calendar.js';
import { buildHypotheticalWorkingCalendar, getWorkingCalendar } from '../calendar/calendar-service.js';
import { reprojectDossier } from './change-dossier.js';

const PAGE = 500;

export const toScheduleEntries = (entries: CalendarEntryInput[]): ScheduleEntryInput[] =>
  entries.map((entry) =>
    'remove' in entry
      ? { date: entry.date, removed: true as const, source: entry.source }
      : {
          date: entry.date,
          kind: entry.kind,
          period: entry.period,
          status: entry.status ?? 'confirmed',
          source: entry.source,
        },
  );

const dueOf = (calendar: WorkingTimeCalendar, state: DossierState): number | null =>
  readClock(calendar, state.clock).dueAt;

/**
 * Which open dossiers of a province would get a different appointment if these day-off entries
 * were applied, and by how much (working minutes under the new calendar). Reads the province's
 * open dossiers page by page; returns the first `limit` moved ones and the total.
 */
export const previewCalendarChange = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; entries: CalendarEntryInput[]; limit?: number },
) => {
  authorizeProvinceAction(actor, 'calendar.manage', input.provinceCode);
  const after = await buildHypotheticalWorkingCalendar(ctx, {
    provinceCode: input.provinceCode,
    extra: toScheduleEntries(input.entries),
  });
  const limit = input.limit ?? 200;
  const moved: { code: string; before: string; after: string; deltaMinutes: number }[] = [];
  let total = 0;
  let scanned = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await listOpenDossiersForCalendar(ctx.db, { provinceCode: input.provinceCode, afterId, limit: PAGE });
    if (page.length === 0) {
      break;
    }
    for (const row of page) {
      scanned += 1;
      const state = row.state as DossierState;
      const current = await getWorkingCalendar(ctx, {
        provinceCode: input.provinceCode,
        workingHours: row.workingHours,
      });
      const next = after(row.workingHours);
      const before = dueOf(current, state);
      const then = dueOf(next, state);
      if (before !== null && then !== null && before !== then) {
        total += 1;
        if (moved.length < limit) {
          const delta = Math.round(
            then > before ? next.getWorkingMinutesBetween(before, then) : -next.getWorkingMinutesBetween(then, before),
          );
          moved.push({
            code: row.code,
            before: formatInstant(before),
            after: formatInstant(then),
            deltaMinutes: delta,
          });
        }
      }
    }
    afterId = page.at(-1)?.id ?? afterId;
  }
  return { scanned, total, moved };
};

/**
 * After a schedule change has been saved: every open dossier of the province whose appointment
 * moves gets its new due instant and an event recording the change (actor: the system, on behalf
 * of the administrator). Each dossier is its own transaction, guarded by its version.
 */
export const recomputeProvinceDueDates = async (
  ctx: AppContext,
  input: { provinceCode: string; actorUserId: string | null; reason: string },
): Promise<{ scanned: number; moved: number }> => {
  let scanned = 0;
  let moved = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await listOpenDossiersForCalendar(ctx.db, { provinceCode: input.provinceCode, afterId, limit: PAGE });
    if (page.length === 0) {
      break;
    }
    for (const row of page) {
      scanned += 1;
      const calendar = await getWorkingCalendar(ctx, {
        provinceCode: input.provinceCode,
        workingHours: row.workingHours,
      });
      const state = row.state as DossierState;
      const due = dueOf(calendar, state);
      if (due === (row.dueAt?.getTime() ?? null)) {
        continue;
      }
      // A dossier changed meanwhile is skipped: its own transition already used the new calendar.
      const changed = await ctx.db.transaction().execute((trx) =>
        reprojectDossier(ctx, trx, {
          dossierId: row.id,
          expectedVersion: row.version,
          calendar,
          describe: (locked) => ({
            at: ctx.clock.now(),
            actorKind: 'system',
            actorUserId: input.actorUserId,
            actorRole: null,
            agencyId: null,
            action: 'due_recomputed',
            fromStatus: locked.status,
            toStatus: locked.status,
            note: input.reason,
            payload: {
              before: locked.dueAt ? formatInstant(locked.dueAt.getTime()) : null,
              after: due === null ? null : formatInstant(due),
            },
          }),
        }),
      );
      if (changed) {
        moved += 1;
      }
    }
    afterId = page.at(-1)?.id ?? afterId;
  }
  return { scanned, moved };
};
