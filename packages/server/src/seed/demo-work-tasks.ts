import {
  findAgencyByCode,
  findAppSetting,
  findDemoIncomingBeingHandled,
  findUserCredentials,
  insertAppSettingIfMissing,
} from '@motcua/db';
import { type LocalDate, type TaskAction, toLocalDate } from '@motcua/domain';
import type { AppContext, Clock } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { type CreateTaskInput, changeTask, createTask } from '../usecases/work/tasks/change-task.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

const MARKER = 'demo.work.tasks';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (instant: number): Clock => ({ now: () => new Date(instant) });
const REFORM_UNIT_CODE = '000.03.05.H31';

type Step = {
  /** Days after the assignment (fractions allowed), never after the demo's today. */
  after: number;
  by: 'giamdoc.snv' | 'truongphong.snv' | 'chuyenvien.snv';
  action: TaskAction;
  note?: string;
  percent?: number;
  /** request_extension: the new deadline, days after the demo's today (negative: in the past). */
  extendToDays?: number;
};

type DemoTask = {
  /** Days before the demo's today the task was assigned. */
  daysAgo: number;
  input: Omit<CreateTaskInput, 'agencyId' | 'leadUserId' | 'leadUnitId' | 'cooperatorUserIds'> & {
    lead: 'chuyenvien.snv' | 'truongphong.snv' | 'unit';
    cooperators?: ('chuyenvien.snv' | 'truongphong.snv')[];
  };
  steps: Step[];
};

/**
 * Tasks of the demo Sở Nội vụ in every state (labelled demo in their titles), the demo's dates relative to the
 * demo's today: one assigned from a demo incoming document, one extended once and completed late, one overdue,
 * one waiting for acceptance, one asking for an extension, one completed on time, one cancelled, one for a unit
 * still to dispatch. Through the use-cases (createTask, changeTask), so each has its hash-chained history.
 * Idempotent by its own marker setting; answers how many tasks were written.
 */
export const seedDemoWorkTasks = async (ctx: AppContext): Promise<number> => {
  if (await findAppSetting(ctx.db, MARKER)) {
    return 0;
  }
  const homeAffairs = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  const reform = await findAgencyByCode(ctx.db, REFORM_UNIT_CODE);
  const ids = new Map<string, string>();
  for (const username of ['giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv']) {
    const user = await findUserCredentials(ctx.db, username);
    if (user) {
      ids.set(username, user.id);
    }
  }
  if (!homeAffairs || !reform || ids.size < 3) {
    return 0;
  }
  const now = ctx.clock.now().getTime();
  const today = (offsetDays: number): LocalDate => toLocalDate(now + offsetDays * DAY);
  const actor = async (username: string) => {
    const official = await loadOfficial(ctx, ids.get(username) ?? '', 'session');
    if (!official) {
      throw new Error(`demo official ${username} is missing`);
    }
    return official;
  };
  const incoming = await findDemoIncomingBeingHandled(ctx.db, homeAffairs.id);
  const tasks: DemoTask[] = [
    {
      daysAgo: 6,
      input: {
        title: `[Demo] Tham mưu thực hiện văn bản đến: ${incoming?.subject ?? 'rà soát thủ tục hành chính'}`.slice(
          0,
          500,
        ),
        description: 'Giao từ ý kiến chỉ đạo của Giám đốc Sở trên văn bản đến.',
        lead: 'chuyenvien.snv',
        cooperators: ['truongphong.snv'],
        workingDays: 10,
        ...(incoming ? { sourceKind: 'incoming_document' as const, sourceId: incoming.id } : {}),
      },
      steps: [
        { after: 0.2, by: 'chuyenvien.snv', action: 'start' },
        { after: 2, by: 'chuyenvien.snv', action: 'report_progress', percent: 40, note: 'Đã rà soát 8/20 thủ tục.' },
      ],
    },
    {
      daysAgo: 24,
      input: {
        title: '[Demo] Báo cáo kết quả cải cách hành chính quý',
        lead: 'chuyenvien.snv',
        workingDays: 5,
      },
      steps: [
        { after: 0.1, by: 'chuyenvien.snv', action: 'start' },
        { after: 3, by: 'chuyenvien.snv', action: 'report_progress', percent: 60, note: 'Chờ số liệu các phòng.' },
        {
          after: 5,
          by: 'chuyenvien.snv',
          action: 'request_extension',
          note: 'Các phòng chuyên môn chưa gửi đủ số liệu.',
          extendToDays: -14,
        },
        { after: 5.2, by: 'giamdoc.snv', action: 'approve_extension', note: 'Đồng ý gia hạn một lần.' },
        { after: 12, by: 'chuyenvien.snv', action: 'submit', note: 'Đã hoàn thành báo cáo.' },
        { after: 13, by: 'giamdoc.snv', action: 'accept', note: 'Đạt yêu cầu, nhưng chậm so với hạn đã gia hạn.' },
      ],
    },
    {
      daysAgo: 15,
      input: { title: '[Demo] Rà soát danh mục hồ sơ năm của các phòng', lead: 'chuyenvien.snv', workingDays: 3 },
      steps: [
        { after: 0.5, by: 'chuyenvien.snv', action: 'start' },
        { after: 2, by: 'chuyenvien.snv', action: 'report_progress', percent: 30 },
      ],
    },
    {
      daysAgo: 4,
      input: { title: '[Demo] Dự thảo kế hoạch kiểm tra công tác văn thư', lead: 'chuyenvien.snv', workingDays: 8 },
      steps: [
        { after: 0.2, by: 'chuyenvien.snv', action: 'start' },
        { after: 2, by: 'chuyenvien.snv', action: 'submit', note: 'Gửi dự thảo kế hoạch.' },
      ],
    },
    {
      daysAgo: 3,
      input: { title: '[Demo] Tổng hợp ý kiến về đề án vị trí việc làm', lead: 'truongphong.snv', workingDays: 4 },
      steps: [
        { after: 0.3, by: 'truongphong.snv', action: 'start' },
        {
          after: 1,
          by: 'truongphong.snv',
          action: 'request_extension',
          note: 'Chờ ý kiến của các sở, ngành.',
          extendToDays: 10,
        },
      ],
    },
    {
      daysAgo: 20,
      input: { title: '[Demo] Cập nhật quy chế làm việc của Sở', lead: 'chuyenvien.snv', workingDays: 7 },
      steps: [
        { after: 0.1, by: 'chuyenvien.snv', action: 'start' },
        { after: 4, by: 'chuyenvien.snv', action: 'submit' },
        { after: 4.5, by: 'giamdoc.snv', action: 'accept', note: 'Đạt.' },
      ],
    },
    {
      daysAgo: 1,
      input: {
        title: '[Demo] Chuẩn bị tài liệu giao ban tuần',
        lead: 'unit',
        workingDays: 3,
        urgent: true,
      },
      steps: [],
    },
    {
      daysAgo: 2,
      input: { title: '[Demo] Khảo sát nhu cầu đào tạo (đã hủy)', lead: 'chuyenvien.snv', workingDays: 5 },
      steps: [{ after: 1, by: 'giamdoc.snv', action: 'cancel', note: 'Gộp vào kế hoạch đào tạo năm.' }],
    },
    {
      daysAgo: 0.05,
      input: { title: '[Demo] Góp ý dự thảo quy định về thi đua, khen thưởng', lead: 'chuyenvien.snv', workingDays: 5 },
      steps: [],
    },
  ];
  let written = 0;
  for (const task of tasks) {
    const assignedAt = now - task.daysAgo * DAY;
    const { lead, cooperators, ...rest } = task.input;
    const created = await createTask({ ...ctx, clock: at(assignedAt) }, await actor('giamdoc.snv'), {
      ...rest,
      agencyId: homeAffairs.id,
      ...(lead === 'unit' ? { leadUnitId: reform.id } : { leadUserId: ids.get(lead) ?? '' }),
      cooperatorUserIds: (cooperators ?? []).map((username) => ids.get(username) ?? ''),
    });
    let version = created.version;
    for (const step of task.steps) {
      const when = Math.min(assignedAt + step.after * DAY, now);
      const changed = await changeTask({ ...ctx, clock: at(when) }, await actor(step.by), {
        id: created.id,
        action: step.action,
        expectedVersion: version,
        ...(step.note ? { note: step.note } : {}),
        ...(step.percent !== undefined ? { percent: step.percent } : {}),
        ...(step.extendToDays !== undefined ? { requestedDueOn: today(step.extendToDays) } : {}),
      });
      version = changed.version;
    }
    written += 1;
  }
  await insertAppSettingIfMissing(ctx.db, MARKER, { seededAt: new Date(now).toISOString(), tasks: written });
  return written;
};
