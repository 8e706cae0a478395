import {
  type AgencyRecord,
  findAgencyByCode,
  findAppSetting,
  findUserCredentials,
  insertAppSettingIfMissing,
} from '@motcua/db';
import { weekStartOf } from '@motcua/domain';
import type { AppContext } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { changeScheduleEntry, createScheduleEntry } from '../usecases/work/schedule/change-schedule.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

const MARKER = 'demo.work.schedule';
const DEMO_LABEL = 'Dữ liệu minh họa (demo).';

/** The units of Sở Nội vụ that prepare meetings (created by the incoming documents' demo). */
const OFFICE = '000.01.05.H31';
const ORGANISATION = '000.02.05.H31';
const REFORM = '000.03.05.H31';

type Spec = {
  /** Days after the week's Monday, and the local time. */
  day: number;
  time: string;
  hours: number;
  title: string;
  place: string;
  preparing: string | null;
  participantsText: string | null;
  attendees: ('truongphong.snv' | 'chuyenvien.snv')[];
  public: boolean;
};

/** A week of the leaders of Sở Nội vụ, as its office drafts it (illustrative, labelled demo). */
const WEEK: Spec[] = [
  {
    day: 0,
    time: '07:30',
    hours: 1.5,
    title: 'Giao ban lãnh đạo Sở đầu tuần',
    place: 'Phòng họp số 1, trụ sở Sở Nội vụ',
    preparing: OFFICE,
    participantsText: 'Ban Giám đốc Sở, Chánh Văn phòng, Trưởng các phòng',
    attendees: ['truongphong.snv'],
    public: true,
  },
  {
    day: 1,
    time: '14:00',
    hours: 2,
    title: 'Họp thẩm định đề án vị trí việc làm của các cơ quan hành chính',
    place: 'Phòng họp số 2',
    preparing: ORGANISATION,
    participantsText: 'Đại diện các sở, ngành liên quan',
    attendees: [],
    public: false,
  },
  {
    day: 2,
    time: '08:00',
    hours: 3.5,
    title: 'Kiểm tra công tác cải cách hành chính, văn thư, lưu trữ tại UBND xã',
    place: 'UBND xã (theo kế hoạch kiểm tra)',
    preparing: REFORM,
    participantsText: 'Thành viên Đoàn kiểm tra',
    attendees: ['truongphong.snv', 'chuyenvien.snv'],
    public: true,
  },
  {
    day: 3,
    time: '08:00',
    hours: 4,
    title: 'Lãnh đạo Sở tiếp công dân định kỳ',
    place: 'Phòng tiếp công dân, trụ sở Sở Nội vụ',
    preparing: OFFICE,
    participantsText: null,
    attendees: [],
    public: true,
  },
  {
    day: 4,
    time: '15:00',
    hours: 1.5,
    title: 'Làm việc với Phòng Cải cách hành chính về Chỉ số CCHC năm 2026',
    place: 'Phòng làm việc Giám đốc Sở',
    preparing: REFORM,
    participantsText: null,
    attendees: ['truongphong.snv', 'chuyenvien.snv'],
    public: false,
  },
];

/**
 * A month of the Sở Nội vụ leaders' weekly calendar (this week and the next three): drafted by the clerk,
 * submitted, approved and published by the director through the use-cases (each entry's history hash-chained),
 * some public on the portal, one cancelled, one left submitted for approval. Once (marker setting).
 */
export const seedDemoWorkSchedule = async (
  ctx: AppContext,
  agencies: Record<string, AgencyRecord | undefined> = {},
): Promise<number> => {
  if (await findAppSetting(ctx.db, MARKER)) {
    return 0;
  }
  const homeAffairs = agencies.homeAffairs ?? (await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs));
  const clerkId = (await findUserCredentials(ctx.db, 'vanthu.snv'))?.id;
  const directorId = (await findUserCredentials(ctx.db, 'giamdoc.snv'))?.id;
  if (!homeAffairs || !clerkId || !directorId) {
    return 0;
  }
  const clerk = await loadOfficial(ctx, clerkId, 'session');
  const director = await loadOfficial(ctx, directorId, 'session');
  if (!clerk || !director) {
    return 0;
  }
  const attendeeIds = new Map<string, string>();
  for (const username of ['truongphong.snv', 'chuyenvien.snv']) {
    const id = (await findUserCredentials(ctx.db, username))?.id;
    if (id) {
      attendeeIds.set(username, id);
    }
  }
  const units = new Map<string, string>();
  for (const code of [OFFICE, ORGANISATION, REFORM]) {
    const unit = await findAgencyByCode(ctx.db, code);
    if (unit) {
      units.set(code, unit.id);
    }
  }
  const monday = weekStartOf(ctx.clock.now().getTime());
  const dayOf = (week: number, day: number) => {
    const date = new Date(`${monday}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + week * 7 + day);
    return date.toISOString().slice(0, 10);
  };
  let count = 0;
  for (let week = 0; week < 4; week += 1) {
    for (const [index, spec] of WEEK.entries()) {
      const startsAt = new Date(`${dayOf(week, spec.day)}T${spec.time}:00+07:00`);
      const created = await createScheduleEntry(ctx, clerk, {
        agencyId: homeAffairs.id,
        kind: 'agency_leaders',
        title: spec.title,
        content: DEMO_LABEL,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + spec.hours * 3_600_000).toISOString(),
        place: spec.place,
        chairUserId: directorId,
        preparingAgencyId: spec.preparing ? (units.get(spec.preparing) ?? null) : null,
        participantsText: spec.participantsText,
        attendeeUserIds: spec.attendees.flatMap((username) => attendeeIds.get(username) ?? []),
        public: spec.public,
      });
      count += 1;
      let version = created.version;
      const step = async (who: typeof clerk, action: 'submit' | 'approve' | 'publish' | 'cancel', reason?: string) => {
        version = (await changeScheduleEntry(ctx, who, { id: created.id, action, expectedVersion: version, reason }))
          .version;
      };
      await step(clerk, 'submit');
      // The last entry of the last week waits for the director's approval.
      if (week === 3 && index === WEEK.length - 1) {
        continue;
      }
      await step(director, 'approve');
      await step(director, 'publish');
      // One meeting of next week is called off.
      if (week === 1 && index === 1) {
        await step(director, 'cancel', 'Lùi thời gian họp do lãnh đạo Sở đi công tác (demo)');
      }
    }
  }
  await insertAppSettingIfMissing(ctx.db, MARKER, { seededAt: ctx.clock.now().toISOString(), entries: count });
  return count;
};
