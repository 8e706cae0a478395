import {
  findAppSetting,
  insertWorkNotices,
  listOpenTasksDueBefore,
  listProvincesWithOpenTasks,
  listTaskAssignees,
} from '@motcua/db';
import {
  formatInstant,
  TASK_DEFAULT_WARNING_SETTINGS,
  type TaskWarningSettings,
  taskWarningAt,
  type WorkingTimeCalendar,
} from '@motcua/domain';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';

/** A province's task-warning settings in app_setting `work.tasks.<province>` ({ "dueSoonWorkingHours": 8 }). */
export const taskSettingKey = (provinceCode: string) => `work.tasks.${provinceCode}`;

const Settings = z.object({ dueSoonWorkingHours: z.number().int().min(0).max(200) });

export const loadTaskWarningSettings = async (ctx: AppContext, provinceCode: string): Promise<TaskWarningSettings> => {
  const parsed = Settings.partial().safeParse((await findAppSetting(ctx.db, taskSettingKey(provinceCode))) ?? {});
  return { ...TASK_DEFAULT_WARNING_SETTINGS, ...(parsed.success ? parsed.data : {}) };
};

/** How far ahead open tasks are read: more than any due-soon setting (200 working hours is 25 working days). */
const HORIZON_MS = 60 * 86_400_000;

/**
 * The task warnings (issue 20 item 2: "warnings before and after the deadline"): for every open task, a
 * due-soon notice to its lead and co-operators when N working hours or fewer remain (the province's setting,
 * default 8), and an overdue notice to them and the assigner once the deadline has passed — each once per
 * person and deadline (work_notice dedupe key 'task-due-soon:<id>:<due instant>'), so an extension warns again
 * and a re-run writes nothing new. Queued hourly by jobs/workers.ts; answers how many notices were new.
 */
export const runTaskWarnings = async (ctx: AppContext, input: { now?: Date } = {}): Promise<number> => {
  const now = input.now ?? ctx.clock.now();
  let written = 0;
  for (const provinceCode of await listProvincesWithOpenTasks(ctx.db)) {
    const settings = await loadTaskWarningSettings(ctx, provinceCode);
    const calendars = new Map<string, WorkingTimeCalendar>();
    const tasks = await listOpenTasksDueBefore(ctx.db, provinceCode, new Date(now.getTime() + HORIZON_MS));
    const assignees = await listTaskAssignees(
      ctx.db,
      tasks.map((task) => task.id),
    );
    const rows = [];
    for (const task of tasks) {
      let calendar = calendars.get(task.agencyId);
      if (!calendar) {
        calendar = (await getAgencyWorkingCalendar(ctx, task.agencyId)).calendar;
        calendars.set(task.agencyId, calendar);
      }
      const warning = taskWarningAt(
        calendar,
        { status: task.status, dueAt: task.dueAt.getTime() },
        now.getTime(),
        settings,
      );
      if (warning === 'none') {
        continue;
      }
      const due = formatInstant(task.dueAt.getTime());
      const people = new Set(
        assignees.filter((row) => row.taskId === task.id && row.userId).map((row) => row.userId as string),
      );
      if (task.leadUserId) {
        people.add(task.leadUserId);
      }
      if (warning === 'overdue') {
        people.add(task.assignedBy);
      }
      for (const userId of people) {
        rows.push({
          provinceCode,
          userId,
          kind: warning === 'overdue' ? 'task-overdue' : 'task-due-soon',
          recordKind: 'task',
          recordId: task.id,
          dedupeKey: `${warning === 'overdue' ? 'task-overdue' : 'task-due-soon'}:${task.id}:${due}`,
          title: (warning === 'overdue' ? `Quá hạn: ${task.title}` : `Sắp đến hạn: ${task.title}`).slice(0, 300),
          body: `Hạn xử lý: ${due}`,
        });
      }
    }
    for (let start = 0; start < rows.length; start += 500) {
      written += await insertWorkNotices(ctx.db, rows.slice(start, start + 500));
    }
  }
  return written;
};
