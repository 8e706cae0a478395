import {
  findAgencyByCode,
  findAppSetting,
  findUserCredentials,
  insertAppSettingIfMissing,
  insertUser,
  insertUserRole,
  listConsultationComments,
  type OfficialRole,
} from '@motcua/db';
import type { CommentResponse } from '@motcua/domain';
import type { OfficialActor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import {
  answerConsultation,
  closeConsultation,
  createConsultation,
  openConsultation,
  respondToComment,
  summariseConsultation,
  uploadConsultationDraft,
} from '../usecases/work/consultations/consultation-steps.js';
import { renderDemoDraftPdf } from './demo-eoffice-outgoing.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

const MARKER = 'demo.work.consultations';
const DAY = 86_400_000;

/**
 * Demo consultations on drafts (lấy ý kiến dự thảo) of Sở Nội vụ: a draft regulation sent to Sở Tư pháp, Sở Tài
 * chính and Sở Xây dựng, answered (comments per article, one "thống nhất"), every comment answered by the drafter
 * and the summary finalised; and one still open with one answer in. The answering officials of the three
 * departments are created when missing (password: the demo password). Runs once (its marker setting).
 */
export const DEMO_CONSULTATION_OFFICIALS: {
  username: string;
  fullName: string;
  title: string;
  role: OfficialRole;
  agency: keyof typeof DEMO_AGENCY_CODES;
}[] = [
  {
    username: 'chuyenvien.snv',
    fullName: 'Lê Văn Hùng',
    title: 'Chuyên viên Sở Nội vụ',
    role: 'specialist',
    agency: 'homeAffairs',
  },
  {
    username: 'truongphong.snv',
    fullName: 'Đỗ Thị Minh Hạnh',
    title: 'Trưởng phòng Cải cách hành chính, Sở Nội vụ',
    role: 'unit_head',
    agency: 'homeAffairs',
  },
  {
    username: 'chuyenvien.stp',
    fullName: 'Ngô Thị Bích Ngọc',
    title: 'Chuyên viên Phòng Xây dựng và kiểm tra văn bản, Sở Tư pháp',
    role: 'specialist',
    agency: 'justice',
  },
  {
    username: 'chuyenvien.stc',
    fullName: 'Vũ Đức Anh',
    title: 'Chuyên viên Sở Tài chính',
    role: 'specialist',
    agency: 'finance',
  },
  {
    username: 'chuyenvien.sxd',
    fullName: 'Hoàng Thị Mai',
    title: 'Chuyên viên Sở Xây dựng',
    role: 'specialist',
    agency: 'construction',
  },
];

const ensureOfficial = async (
  ctx: AppContext,
  agencyId: string,
  official: (typeof DEMO_CONSULTATION_OFFICIALS)[number],
  password: string,
): Promise<OfficialActor> => {
  let userId = (await findUserCredentials(ctx.db, official.username))?.id;
  if (!userId) {
    userId = (
      await insertUser(ctx.db, {
        username: official.username,
        fullName: official.fullName,
        title: official.title,
        email: null,
        phone: null,
        passwordHash: await hashPassword(password),
        provinceCode: '33',
        now: ctx.clock.now(),
      })
    )?.id;
  }
  if (!userId) {
    throw new Error(`demo seed: ${official.username} could not be created`);
  }
  await insertUserRole(ctx.db, { userId, agencyId, role: official.role, includeSubagencies: false, grantedBy: null });
  const actor = await loadOfficial(ctx, userId, 'session');
  if (!actor) {
    throw new Error(`demo seed: ${official.username} cannot act`);
  }
  return actor;
};

export const seedDemoWorkConsultations = async (
  ctx: AppContext,
  options: { password: string },
): Promise<{ created: number }> => {
  const home = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  if (!home || (await findAppSetting(ctx.db, MARKER))) {
    return { created: 0 };
  }
  const actors: Record<string, OfficialActor> = {};
  const agencyIds: Partial<Record<keyof typeof DEMO_AGENCY_CODES, string>> = {};
  for (const official of DEMO_CONSULTATION_OFFICIALS) {
    const agency = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES[official.agency]);
    if (!agency) {
      return { created: 0 };
    }
    agencyIds[official.agency] = agency.id;
    actors[official.username] = await ensureOfficial(ctx, agency.id, official, options.password);
  }
  const as = (username: string) => actors[username] as OfficialActor;
  const now = ctx.clock.now().getTime();
  const at = (offset: number): AppContext => ({ ...ctx, clock: { now: () => new Date(now + offset) } });
  const recipients = [
    { agencyId: agencyIds.justice },
    { agencyId: agencyIds.finance },
    { agencyId: agencyIds.construction },
  ];

  const upload = async (subject: string) =>
    uploadConsultationDraft(ctx, as('chuyenvien.snv'), {
      content: await renderDemoDraftPdf({
        type: 'QĐ',
        subject,
        body: [
          'Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng.',
          'Điều 2. Nguyên tắc làm việc.',
          'Điều 3. Trách nhiệm, thời hạn xử lý công việc.',
          '(Dự thảo mẫu của bản trình diễn motcua.)',
        ],
      }),
      fileName: 'du-thao-lay-y-kien.pdf',
    });

  // 1. Summarised: sent 20 days ago, deadline 6 days ago, all comments answered, the summary finalised.
  const title1 = 'Dự thảo Quy chế làm việc của Sở Nội vụ (dữ liệu minh họa)';
  let row = await createConsultation(at(-20 * DAY), as('chuyenvien.snv'), {
    agencyId: home.id,
    title: title1,
    requestText: 'Đề nghị các cơ quan góp ý bằng văn bản, nêu rõ điều, khoản góp ý.',
    deadlineAt: new Date(now - 6 * DAY),
    draftFile: await upload(title1),
    recipients: recipients.map((r) => ({ agencyId: r.agencyId as string })),
  });
  row = await openConsultation(at(-20 * DAY), as('chuyenvien.snv'), { id: row.id, expectedVersion: row.version });
  row = await answerConsultation(at(-12 * DAY), as('chuyenvien.stp'), {
    id: row.id,
    agree: false,
    comments: [
      {
        articleRef: 'khoản 2 Điều 3',
        body: 'Đề nghị quy định rõ thời hạn trình lãnh đạo ký văn bản theo ngày làm việc.',
      },
      { articleRef: 'Điều 1', body: 'Đề nghị bổ sung đối tượng áp dụng là người lao động hợp đồng.' },
      { body: 'Đề nghị rà soát căn cứ ban hành, cập nhật Nghị định số 30/2020/NĐ-CP.' },
    ],
  });
  row = await answerConsultation(at(-10 * DAY), as('chuyenvien.stc'), { id: row.id, agree: true, comments: [] });
  row = await answerConsultation(at(-8 * DAY), as('chuyenvien.sxd'), {
    id: row.id,
    agree: false,
    comments: [
      { articleRef: 'điểm a khoản 1 Điều 2', body: 'Đề nghị làm rõ nguyên tắc "một việc một người chủ trì".' },
    ],
  });
  row = await closeConsultation(at(-6 * DAY + 3_600_000), as('chuyenvien.snv'), {
    id: row.id,
    expectedVersion: row.version,
  });
  const responses: { response: CommentResponse; text: string }[] = [
    { response: 'accepted', text: 'Đã bổ sung tại khoản 3 Điều 1.' },
    { response: 'partly_accepted', text: 'Đã làm rõ; giữ nội dung phân công tại Điều 2.' },
    { response: 'explained', text: 'Thời hạn trình ký đã quy định tại Quy chế công tác văn thư của Sở.' },
    { response: 'accepted', text: 'Đã cập nhật căn cứ ban hành.' },
  ];
  const comments = await listConsultationComments(ctx.db, row.id);
  for (const [index, comment] of comments.entries()) {
    const response = responses[index] ?? { response: 'accepted' as const, text: 'Tiếp thu.' };
    row = await respondToComment(at(-5 * DAY), as('chuyenvien.snv'), {
      id: row.id,
      commentId: comment.id,
      expectedVersion: row.version,
      response: response.response,
      responseText: response.text,
    });
  }
  await summariseConsultation(at(-4 * DAY), as('truongphong.snv'), { id: row.id, expectedVersion: row.version });

  // 2. Still open: sent 2 days ago, deadline in 5 days; Sở Tư pháp has answered.
  const title2 = 'Dự thảo Kế hoạch kiểm tra công tác cải cách hành chính năm 2027 (dữ liệu minh họa)';
  let open = await createConsultation(at(-2 * DAY), as('chuyenvien.snv'), {
    agencyId: home.id,
    title: title2,
    deadlineAt: new Date(now + 5 * DAY),
    draftFile: await upload(title2),
    recipients: recipients.map((r) => ({ agencyId: r.agencyId as string })),
  });
  open = await openConsultation(at(-2 * DAY), as('chuyenvien.snv'), { id: open.id, expectedVersion: open.version });
  await answerConsultation(at(-1 * DAY), as('chuyenvien.stp'), {
    id: open.id,
    agree: false,
    comments: [{ articleRef: 'Điều 4', body: 'Đề nghị bổ sung kiểm tra việc số hóa hồ sơ, kết quả giải quyết TTHC.' }],
  });
  await insertAppSettingIfMissing(ctx.db, MARKER, { seededAt: new Date(now).toISOString(), consultations: 2 });
  return { created: 2 };
};
