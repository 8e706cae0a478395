import {
  findAppSetting,
  insertParReminders,
  listParAppraisers,
  listParProvinceRoleHolders,
  listParRecipients,
  listParRemindersOfUser,
  listParRoundsUnderWay,
  listParRoundUnits,
  type ParRoundRecord,
  updateParReminder,
} from '@motcua/db';
import {
  getReminderDate,
  PAR_DEADLINE_FIELDS,
  PAR_DEADLINE_STAGES,
  PAR_REMINDER_SETTING_KEY,
  PAR_REMINDER_WORKING_DAYS_DEFAULT,
  type ParDeadlineField,
  type ParUnitStatus,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { getWorkingCalendar } from '../../calendar/calendar-service.js';
import { getPortalServices } from '../../portal/services.js';

/** The unit statuses still owing the work a deadline closes. */
const OWING: Record<ParDeadlineField, readonly ParUnitStatus[]> = {
  selfAssessmentDue: ['self_draft', 'self_submitted'],
  appraisal1Due: ['self_locked'],
  explanationDue: ['appraisal_1_done'],
  appraisal2Due: ['appraisal_1_done', 'explanation_submitted'],
  councilDue: ['appraisal_2_done'],
};

const DEADLINE_TEXT: Record<ParDeadlineField, string> = {
  selfAssessmentDue: 'tự đánh giá, chấm điểm',
  appraisal1Due: 'thẩm định lần 1',
  explanationDue: 'giải trình',
  appraisal2Due: 'thẩm định lần 2',
  councilDue: 'Hội đồng thẩm định quyết định điểm',
};

/**
 * How many working days before a deadline the reminders go out: the installation setting
 * `par.reminderWorkingDays` ({ "days": N }), default 3.
 */
export const findReminderWorkingDays = async (ctx: AppContext): Promise<number> => {
  const value = (await findAppSetting(ctx.db, PAR_REMINDER_SETTING_KEY)) as { days?: unknown } | undefined;
  const days = Number(value?.days);
  return Number.isInteger(days) && days >= 0 && days <= 30 ? days : PAR_REMINDER_WORKING_DAYS_DEFAULT;
};

const formatDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The daily reminder run: for every round under way and the deadline of its current stage, from N working
 * days before the due date up to it, remind whoever still owes the work — the unit's focal officers and
 * head (self-assessment, explanation), the assigned appraisers (appraisals), the organisers (council).
 * Each person is reminded once per unit and due date (the unique key of par_reminder); by email when the
 * installation sends mail, and always in the console's reminder list.
 */
export const runParReminders = async (ctx: AppContext, input: { today?: string } = {}) => {
  const today = input.today ?? todayInVietnam(ctx.clock);
  const days = await findReminderWorkingDays(ctx);
  let created = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rounds = await listParRoundsUnderWay(ctx.db, { afterId, limit: 100 });
    if (rounds.length === 0) {
      break;
    }
    for (const round of rounds) {
      created += await remindRound(ctx, round, { today, days });
    }
    afterId = rounds.at(-1)?.id ?? afterId;
  }
  return { created };
};

const remindRound = async (ctx: AppContext, round: ParRoundRecord, input: { today: string; days: number }) => {
  const field = PAR_DEADLINE_FIELDS.find((f) => PAR_DEADLINE_STAGES[f].stage === round.stage);
  const due = field ? round[field] : null;
  if (!field || !due) {
    return 0;
  }
  const calendar = await getWorkingCalendar(ctx, { provinceCode: round.provinceCode });
  const remindOn = getReminderDate(due, input.days, calendar);
  if (input.today < remindOn || input.today > due) {
    return 0;
  }
  const owing = (await listParRoundUnits(ctx.db, { roundId: round.id, agencyIds: null, limit: 10_000 })).filter((u) =>
    OWING[field].includes(u.status as ParUnitStatus),
  );
  if (owing.length === 0) {
    return 0;
  }
  const who = PAR_DEADLINE_STAGES[field].remind;
  const recipients: { userId: string; agencyId: string; email: string | null }[] = [];
  if (who === 'unit') {
    const holders = await listParRecipients(ctx.db, {
      agencyIds: owing.map((u) => u.agencyId),
      roles: field === 'selfAssessmentDue' ? ['par_focal', 'approver'] : ['par_focal', 'approver'],
    });
    recipients.push(...holders);
  } else if (who === 'appraiser') {
    const owingIds = new Set(owing.map((u) => u.agencyId));
    const appraisers = (await listParAppraisers(ctx.db, { roundId: round.id })).filter((a) => owingIds.has(a.agencyId));
    const emails = new Map(
      (await listParProvinceRoleHolders(ctx.db, { provinceCode: round.provinceCode, role: 'par_appraiser' })).map(
        (h) => [h.userId, h.email],
      ),
    );
    recipients.push(
      ...appraisers.map((a) => ({ userId: a.userId, agencyId: a.agencyId, email: emails.get(a.userId) ?? null })),
    );
  } else {
    recipients.push(
      ...(await listParProvinceRoleHolders(ctx.db, { provinceCode: round.provinceCode, role: 'par_organiser' })),
    );
  }
  const unique = [...new Map(recipients.map((r) => [`${r.userId}:${r.agencyId}`, r])).values()];
  const rows = await insertParReminders(
    ctx.db,
    unique.map((r) => ({
      roundId: round.id,
      agencyId: r.agencyId,
      userId: r.userId,
      provinceCode: round.provinceCode,
      deadline: field,
      dueDate: due,
      remindOn,
      status: 'pending' as const,
      skipReason: null,
      sentAt: null,
    })),
  );
  const { mailer } = getPortalServices(ctx);
  const emails = new Map(unique.map((r) => [`${r.userId}:${r.agencyId}`, r.email]));
  for (const row of rows) {
    const email = emails.get(`${row.userId}:${row.agencyId}`);
    if (!mailer.enabled || !email) {
      await updateParReminder(ctx.db, {
        id: row.id,
        status: 'skipped',
        skipReason: mailer.enabled ? 'no_address' : 'channel_disabled',
        sentAt: null,
      });
      continue;
    }
    const text = `${round.title}: hạn ${DEADLINE_TEXT[field]} là ngày ${formatDate(due)}. Vui lòng hoàn thành trên hệ thống trước hạn.`;
    try {
      await mailer.send({
        to: email,
        subject: `Nhắc hạn Chỉ số CCHC: ${DEADLINE_TEXT[field]}`,
        text,
        html: `<p>${text}</p>`,
      });
      await updateParReminder(ctx.db, { id: row.id, status: 'sent', skipReason: null, sentAt: ctx.clock.now() });
    } catch {
      await updateParReminder(ctx.db, { id: row.id, status: 'failed', skipReason: null, sentAt: null });
    }
  }
  return rows.length;
};

/** The signed-in official's reminders, newest first. */
export const listMyParReminders = async (ctx: AppContext, actor: Actor, input: { limit: number }) => {
  const official = requireOfficial(actor);
  const rows = await listParRemindersOfUser(ctx.db, { userId: official.userId, limit: input.limit });
  return {
    items: rows.map((r) => ({
      id: r.id,
      roundId: r.roundId,
      roundTitle: r.roundTitle,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      deadline: r.deadline as ParDeadlineField,
      dueDate: r.dueDate,
      remindOn: r.remindOn,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
  };
};

/** Who acts next after a unit reaches a status, and what they are told. */
const NEXT_ACTORS: Partial<Record<ParUnitStatus, { roles: readonly string[] | 'appraisers'; text: string }>> = {
  self_submitted: { roles: ['approver'], text: 'đơn vị đã gửi bảng tự đánh giá, chờ Thủ trưởng phê duyệt' },
  self_draft: { roles: ['par_focal'], text: 'bảng tự đánh giá được trả lại để chỉnh sửa' },
  self_locked: { roles: 'appraisers', text: 'bảng tự đánh giá của đơn vị đã khóa, chờ thẩm định' },
  appraisal_1_done: {
    roles: ['par_focal', 'approver'],
    text: 'đã có kết quả thẩm định lần 1, đơn vị có thể giải trình',
  },
  explanation_submitted: { roles: 'appraisers', text: 'đơn vị đã gửi giải trình, chờ thẩm định lần 2' },
};

/**
 * The par-changed job: tells whoever acts next (the head when the unit submits, the focal officer when it is
 * returned, the appraisers when it is locked or explained) by email when the installation sends mail.
 * Idempotent enough for a retry: a second email repeats the same news.
 */
export const notifyParChange = async (
  ctx: AppContext,
  job: { roundId: string; agencyId: string; toStatus: string },
): Promise<number> => {
  const next = NEXT_ACTORS[job.toStatus as ParUnitStatus];
  const { mailer } = getPortalServices(ctx);
  if (!next || !mailer.enabled) {
    return 0;
  }
  const units = await listParRoundUnits(ctx.db, { roundId: job.roundId, agencyIds: [job.agencyId], limit: 1 });
  const unit = units[0];
  if (!unit) {
    return 0;
  }
  const recipients =
    next.roles === 'appraisers'
      ? (await listParAppraisers(ctx.db, { roundId: job.roundId, agencyId: job.agencyId })).map((a) => a.userId)
      : [];
  const holders =
    next.roles === 'appraisers'
      ? (await listParProvinceRoleHolders(ctx.db, { provinceCode: unit.provinceCode, role: 'par_appraiser' })).filter(
          (h) => recipients.includes(h.userId),
        )
      : await listParRecipients(ctx.db, { agencyIds: [job.agencyId], roles: next.roles });
  let sent = 0;
  for (const email of new Set(holders.map((h) => h.email).filter((e): e is string => !!e))) {
    const text = `Chỉ số CCHC — ${unit.agencyName}: ${next.text}.`;
    await mailer.send({ to: email, subject: 'Chỉ số CCHC: cập nhật bảng điểm', text, html: `<p>${text}</p>` });
    sent += 1;
  }
  return sent;
};
