import type { AgencyRecord } from '@motcua/db';
import type { PaknAction, PaknCategory, PaknChannel, PaknTopic } from '@motcua/domain';
import type { OfficialActor } from '../auth/actor.js';
import type { AppContext, Clock } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { changePakn, findPaknAfterChange, recordPaknRating } from '../usecases/pakn/change-pakn.js';
import { registerPakn } from '../usecases/pakn/register-pakn.js';

/** The demo's PAKN officials (Decree 92/2017: the province office receives; each department handles its own). */
export const DEMO_PAKN_USERS = [
  {
    username: 'pakn',
    fullName: 'Đinh Thị Phương',
    title: 'Chuyên viên Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh',
    roles: [{ agency: 'province', role: 'pakn_officer' as const }],
  },
  {
    username: 'pakn.lanhdao',
    fullName: 'Trịnh Văn Quyết',
    title: 'Phó Chánh Văn phòng UBND tỉnh',
    roles: [{ agency: 'province', role: 'approver' as const }],
  },
  {
    username: 'sxd.pakn',
    fullName: 'Mai Văn Kiên',
    title: 'Chuyên viên Văn phòng Sở Xây dựng',
    roles: [{ agency: 'construction', role: 'pakn_officer' as const }],
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (instant: number): Clock => ({ now: () => new Date(instant) });

type Step = {
  action: PaknAction;
  by: string;
  after: number;
  category?: PaknCategory;
  note?: string;
  target?: string;
  answer?: string;
};
type Spec = {
  topic: PaknTopic;
  channel: Exclude<PaknChannel, 'portal'>;
  regulation: string;
  content: string;
  sender: { name: string; address: string; phone: string; email?: string };
  daysAgo: number;
  steps: Step[];
  rating?: 'very_satisfied' | 'satisfied' | 'dissatisfied';
};

const ADDRESS = 'Phường Phố Hiến, tỉnh Hưng Yên';
const ANSWER =
  'Văn phòng UBND tỉnh đã tiếp nhận và nghiên cứu. Từ ngày 01/01/2027, thành phần hồ sơ không còn yêu cầu bản sao giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư; cơ quan giải quyết tự khai thác.';

const forwardTo = (target: string): Step[] => [
  { action: 'classify', by: 'pakn', after: 2, category: 'not_competent' },
  { action: 'forward', by: 'pakn', after: 3, target },
];

/** One PAKN in every state of the handling table, all labelled demo. */
const SPECS = (construction: string): Spec[] => {
  const own: Step[] = [
    { action: 'classify', by: 'pakn', after: 2, category: 'own_competence' },
    { action: 'start_handling', by: 'pakn', after: 3 },
  ];
  const drafted: Step[] = [...own, { action: 'draft_answer', by: 'pakn', after: 26, answer: ANSWER }];
  const approved: Step[] = [...drafted, { action: 'approve_answer', by: 'qttinh.lanhdao', after: 30 }];
  const answered: Step[] = [...approved, { action: 'send_answer', by: 'pakn', after: 31 }];
  const person = (n: number) => ({
    name:
      ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'][n % 6] ??
      'Ngô Văn Hà',
    address: ADDRESS,
    phone: `09123400${String(10 + n).padStart(2, '0')}`,
  });
  const base = {
    topic: 'regulation' as const,
    channel: 'counter' as const,
    regulation: 'Đăng ký thường trú',
    content: 'Thủ tục đăng ký thường trú còn yêu cầu nộp bản sao giấy tờ chứng minh chỗ ở hợp pháp dù đã có dữ liệu.',
  };
  return [
    { ...base, sender: person(0), daysAgo: 1, steps: [] },
    {
      ...base,
      channel: 'post',
      sender: person(1),
      daysAgo: 2,
      steps: [{ action: 'classify', by: 'pakn', after: 2, category: 'own_competence' }],
    },
    {
      ...base,
      topic: 'conduct',
      channel: 'hotline',
      regulation: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa',
      content: 'Đề nghị xem xét việc người dân phải chờ lâu khi nộp hồ sơ vào buổi sáng thứ Hai hằng tuần.',
      sender: person(2),
      daysAgo: 6,
      steps: [
        { action: 'classify', by: 'pakn', after: 2, category: 'rejected' },
        {
          action: 'reject',
          by: 'pakn',
          after: 3,
          note: 'Nội dung là khiếu nại cá nhân, giải quyết theo Luật Khiếu nại (không thuộc phạm vi Nghị định 20/2008).',
        },
      ],
    },
    {
      ...base,
      regulation: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      content: 'Đề nghị bỏ yêu cầu nộp bản sao chứng thực giấy chứng nhận quyền sử dụng đất khi cấp phép xây dựng.',
      channel: 'email',
      sender: person(3),
      daysAgo: 4,
      steps: forwardTo(construction),
    },
    { ...base, sender: person(4), daysAgo: 8, steps: own },
    {
      ...base,
      sender: person(5),
      daysAgo: 9,
      steps: [
        ...own,
        { action: 'request_clarification', by: 'pakn', after: 27, note: 'Đề nghị ông/bà cho biết mã hồ sơ đã nộp.' },
      ],
    },
    {
      ...base,
      sender: person(6),
      daysAgo: 10,
      steps: [
        ...own,
        { action: 'request_clarification', by: 'pakn', after: 27, note: 'Đề nghị ông/bà cho biết mã hồ sơ đã nộp.' },
        {
          action: 'record_clarification',
          by: 'pakn',
          after: 50,
          note: 'Người gửi cung cấp mã hồ sơ 000.00.10.H31-261020-0004.',
        },
      ],
    },
    { ...base, sender: person(7), daysAgo: 11, steps: drafted },
    { ...base, sender: person(8), daysAgo: 12, steps: approved },
    { ...base, sender: person(9), daysAgo: 14, steps: answered },
    {
      ...base,
      topic: 'initiative',
      sender: person(10),
      daysAgo: 20,
      steps: [...answered, { action: 'publish', by: 'qttinh.lanhdao', after: 32 }],
      rating: 'very_satisfied',
    },
    {
      ...base,
      topic: 'proposal',
      sender: person(11),
      daysAgo: 25,
      steps: [
        ...answered,
        {
          action: 'withhold',
          by: 'qttinh.lanhdao',
          after: 32,
          note: 'Câu trả lời chứa thông tin cá nhân của người gửi.',
        },
      ],
      rating: 'satisfied',
    },
  ];
};

/**
 * PAKN of the demo province in every state, created through the same use-cases an official uses (so
 * each history is a genuine hash chain), at times before `now`, labelled demo on every screen.
 */
export const seedDemoPakn = async (
  ctx: AppContext,
  agencies: Record<string, AgencyRecord>,
  users: Map<string, string>,
): Promise<number> => {
  const province = agencies.province;
  const construction = agencies.construction;
  if (!province || !construction) {
    return 0;
  }
  const officials = new Map<string, OfficialActor>();
  const actor = async (username: string) => {
    const known = officials.get(username);
    if (known) {
      return known;
    }
    const id = users.get(username);
    const official = id ? await loadOfficial(ctx, id, 'session') : undefined;
    if (!official) {
      throw new Error(`demo seed: official ${username} cannot act on PAKN`);
    }
    officials.set(username, official);
    return official;
  };
  const now = ctx.clock.now().getTime();
  let count = 0;
  for (const spec of SPECS(construction.id)) {
    const start = now - spec.daysAgo * DAY - 4 * HOUR;
    const created = await registerPakn({ ...ctx, clock: at(start) }, await actor('pakn'), {
      agencyId: province.id,
      channel: spec.channel,
      kind: spec.topic === 'proposal' || spec.topic === 'initiative' ? 'kien_nghi' : 'phan_anh',
      topic: spec.topic,
      regulation: spec.regulation,
      content: spec.content,
      sender: spec.sender,
      isDemo: true,
    });
    let version = created.version;
    for (const step of spec.steps) {
      // Steps `after` hours from receipt, never later than now.
      const when = Math.min(start + step.after * HOUR, now - HOUR);
      const by = step.by === 'qttinh.lanhdao' ? 'pakn.lanhdao' : step.action === 'accept' ? 'sxd.pakn' : step.by;
      const changed = await changePakn({ ...ctx, clock: at(when) }, await actor(by), {
        code: created.code,
        expectedVersion: version,
        action: step.action,
        category: step.category,
        note: step.note,
        targetAgencyId: step.target,
        answer: step.answer,
      });
      version = changed.version;
    }
    if (spec.rating) {
      const entry = await findPaknAfterChange(ctx, created.code);
      if (entry?.answeredAt) {
        await recordPaknRating(
          { ...ctx, clock: at(Math.min(entry.answeredAt.getTime() + DAY, now)) },
          {
            code: created.code,
            rating: spec.rating,
          },
        );
      }
    }
    count += 1;
  }
  return count;
};
