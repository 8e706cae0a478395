import {
  type AgencyRecord,
  findAgencyByCode,
  findAppSetting,
  findUserCredentials,
  insertAgency,
  insertAppSettingIfMissing,
  insertDocumentDelivery,
  insertUser,
  insertUserRole,
} from '@motcua/db';
import {
  type Confidentiality,
  foldVietnamese,
  type IncomingAction,
  type OfficialRole,
  ROLE_DEFINITIONS,
  type Urgency,
} from '@motcua/domain';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext, Clock } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { changeIncoming } from '../usecases/eoffice/incoming/change-incoming.js';
import {
  registerDeliveredIncoming,
  registerPaperIncoming,
  uploadIncomingScan,
} from '../usecases/eoffice/incoming/register-incoming.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

const MARKER = 'demo.eoffice.incoming';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (instant: number): Clock => ({ now: () => new Date(instant) });

/** The units of the demo Sở Nội vụ that incoming documents are directed to (codes illustrative). */
const UNITS = [
  { key: 'office', code: '000.01.05.H31', name: 'Văn phòng Sở Nội vụ' },
  { key: 'organisation', code: '000.02.05.H31', name: 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ' },
  { key: 'reform', code: '000.03.05.H31', name: 'Phòng Cải cách hành chính và văn thư, lưu trữ' },
] as const;
type UnitKey = (typeof UNITS)[number]['key'];

/** The officials of the demo's document work at Sở Nội vụ (password: the demo password). */
export const DEMO_INCOMING_USERS: {
  username: string;
  fullName: string;
  title: string;
  role: OfficialRole;
  unit: UnitKey | null;
}[] = [
  { username: 'vanthu.snv', fullName: 'Nguyễn Thị Thu Hà', title: 'Văn thư Sở Nội vụ', role: 'clerk', unit: null },
  { username: 'giamdoc.snv', fullName: 'Trần Quốc Hưng', title: 'Giám đốc Sở Nội vụ', role: 'agency_head', unit: null },
  {
    username: 'truongphong.snv',
    fullName: 'Lê Minh Tuấn',
    title: 'Trưởng phòng Cải cách hành chính và văn thư, lưu trữ',
    role: 'unit_head',
    unit: 'reform',
  },
  {
    username: 'chuyenvien.snv',
    fullName: 'Phạm Thị Lan',
    title: 'Chuyên viên Phòng Cải cách hành chính và văn thư, lưu trữ',
    role: 'specialist',
    unit: 'reform',
  },
];

/** A one-page PDF standing for the scan of a demo document (the demo's documents are labelled demo). */
const demoPdf = async (title: string): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  page.drawText('VAN BAN DEN - DU LIEU MINH HOA (DEMO)', { x: 72, y: 760, size: 14, font });
  page.drawText(foldVietnamese(title).slice(0, 80), { x: 72, y: 730, size: 11, font });
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  return Buffer.from(await pdf.save());
};

type Step = { action: IncomingAction; by: string; hours: number; presentTo?: string; note?: string; units?: UnitKey[] };
type Spec = {
  issuerName: string;
  numberSymbol: string;
  documentType: string;
  subject: string;
  urgency?: Urgency;
  confidentiality?: Confidentiality;
  daysAgo: number;
  steps: Step[];
};

const present: Step = { action: 'present', by: 'vanthu.snv', hours: 1, presentTo: 'giamdoc.snv' };
const direct = (units: UnitKey[], note: string): Step => ({
  action: 'direct',
  by: 'giamdoc.snv',
  hours: 3,
  units,
  note,
});
const start: Step = { action: 'start', by: 'chuyenvien.snv', hours: 24 };
const finish: Step = { action: 'finish', by: 'chuyenvien.snv', hours: 72 };

const SPECS: Spec[] = [
  {
    issuerName: 'Bộ Nội vụ',
    numberSymbol: '5120/BNV-CCHC',
    documentType: 'CV',
    subject: 'Về việc triển khai xác định Chỉ số cải cách hành chính năm 2026',
    daysAgo: 0,
    steps: [],
  },
  {
    issuerName: 'Ủy ban nhân dân tỉnh Hưng Yên',
    numberSymbol: '215/UBND-NC',
    documentType: 'CV',
    subject: 'Về việc rà soát vị trí việc làm trong các cơ quan hành chính',
    urgency: 'khan',
    daysAgo: 0,
    steps: [present],
  },
  {
    issuerName: 'Sở Tài chính tỉnh Hưng Yên',
    numberSymbol: '98/STC-HCSN',
    documentType: 'CV',
    subject: 'Về việc lập dự toán kinh phí chi thường xuyên năm 2027',
    daysAgo: 2,
    steps: [present],
  },
  {
    issuerName: 'Bộ Nội vụ',
    numberSymbol: '44/QĐ-BNV',
    documentType: 'QĐ',
    subject: 'Quyết định ban hành Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2026',
    daysAgo: 3,
    steps: [present, direct(['reform'], 'Giao Phòng CCHC và văn thư, lưu trữ chủ trì tham mưu triển khai.')],
  },
  {
    issuerName: 'Ủy ban nhân dân tỉnh Hưng Yên',
    numberSymbol: '1032/QĐ-UBND',
    documentType: 'QĐ',
    subject: 'Quyết định phê duyệt Đề án vị trí việc làm của Sở Nội vụ',
    daysAgo: 5,
    steps: [
      present,
      direct(['reform', 'organisation'], 'Phòng CCHC chủ trì, Phòng Tổ chức phối hợp; báo cáo trước hạn.'),
      start,
    ],
  },
  {
    issuerName: 'Văn phòng Chính phủ',
    numberSymbol: '8123/VPCP-KSTT',
    documentType: 'CV',
    subject: 'Về việc đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    urgency: 'thuong_khan',
    daysAgo: 9,
    steps: [present, direct(['reform'], 'Khẩn trương tham mưu, báo cáo kết quả.'), start, finish],
  },
  {
    issuerName: 'Ủy ban nhân dân xã Tân Hưng',
    numberSymbol: '77/UBND-VP',
    documentType: 'CV',
    subject: 'Về việc đề nghị hướng dẫn nghiệp vụ lưu trữ',
    daysAgo: 12,
    steps: [present, direct(['reform'], 'Phòng CCHC hướng dẫn bằng văn bản.'), start, finish],
  },
  {
    issuerName: 'Công an tỉnh Hưng Yên',
    numberSymbol: '301/CAT-PV01',
    documentType: 'CV',
    subject: 'Về việc thẩm định tiêu chuẩn chính trị cán bộ',
    confidentiality: 'mat',
    daysAgo: 4,
    steps: [present, direct(['organisation'], 'Phòng Tổ chức xử lý, bảo đảm bí mật.')],
  },
  {
    issuerName: 'Sở Y tế tỉnh Hưng Yên',
    numberSymbol: '12/SYT-VP',
    documentType: 'GM',
    subject: 'Giấy mời dự hội nghị tổng kết công tác y tế',
    daysAgo: 6,
    steps: [
      {
        action: 'return',
        by: 'vanthu.snv',
        hours: 2,
        note: 'Gửi nhầm cơ quan: giấy mời gửi Sở Nội vụ tỉnh khác cùng tên.',
      },
    ],
  },
  {
    issuerName: 'Bộ Nội vụ',
    numberSymbol: '1503/BNV-TCBC',
    documentType: 'CV',
    subject: 'Về việc hướng dẫn quản lý hồ sơ cán bộ, công chức',
    daysAgo: 20,
    steps: [present, direct(['organisation', 'reform'], 'Phòng Tổ chức chủ trì.')],
  },
  {
    issuerName: 'Ủy ban nhân dân tỉnh Hưng Yên',
    numberSymbol: '88/KH-UBND',
    documentType: 'KH',
    subject: 'Kế hoạch tuyên truyền cải cách hành chính năm 2027',
    daysAgo: 1,
    steps: [present, direct(['reform'], 'Phòng CCHC tham mưu.')],
  },
];

/** Electronic deliveries to the Sở: some registered through the use-cases, two left pending for the clerk. */
const DELIVERIES = [
  {
    senderKey: 'justice',
    senderName: 'Sở Tư pháp tỉnh Hưng Yên',
    numberSymbol: '402/STP-HCTP',
    documentType: 'CV',
    subject: 'Về việc phối hợp rà soát thủ tục hành chính lĩnh vực hộ tịch',
    urgency: 'normal' as Urgency,
    hoursAgo: 3,
    steps: null,
  },
  {
    senderKey: 'finance',
    senderName: 'Sở Tài chính tỉnh Hưng Yên',
    numberSymbol: '511/STC-NS',
    documentType: 'CV',
    subject: 'Về việc cung cấp số liệu biên chế phục vụ lập dự toán',
    urgency: 'hoa_toc' as Urgency,
    hoursAgo: 1,
    steps: null,
  },
  {
    senderKey: 'construction',
    senderName: 'Sở Xây dựng tỉnh Hưng Yên',
    numberSymbol: '233/SXD-VP',
    documentType: 'CV',
    subject: 'Về việc cử cán bộ tham gia đoàn kiểm tra công vụ',
    urgency: 'normal' as Urgency,
    hoursAgo: 4 * 24,
    steps: [present, direct(['office'], 'Văn phòng Sở cử cán bộ.')],
  },
  {
    senderKey: 'education',
    senderName: 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên',
    numberSymbol: '1207/SGDĐT-TCCB',
    documentType: 'CV',
    subject: 'Về việc đề nghị thẩm định đề án sáp nhập trường học',
    urgency: 'normal' as Urgency,
    hoursAgo: 8 * 24,
    steps: [
      present,
      direct(['reform', 'organisation'], 'Phòng CCHC chủ trì, Phòng Tổ chức phối hợp thẩm định.'),
      start,
    ],
  },
];

/**
 * The demo's incoming documents at Sở Nội vụ (Decree 30/2020 Art. 20–24): its three units, its clerk, head,
 * unit head and specialist, about fifteen documents in every state — registered, presented, directed, in
 * progress, done, returned, a confidential one, electronic deliveries registered and two still pending —
 * each created through the use-cases, so their histories are genuine hash chains. Once (its own marker);
 * nothing when the demo has no Sở Nội vụ. Returns the number of documents created.
 */
export const seedDemoIncoming = async (
  ctx: AppContext,
  agencies: Record<string, AgencyRecord | undefined>,
  password: string,
): Promise<number> => {
  if (await findAppSetting(ctx.db, MARKER)) {
    return 0;
  }
  const homeAffairs = agencies.homeAffairs ?? (await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs));
  if (!homeAffairs?.provinceCode) {
    return 0;
  }
  const now = ctx.clock.now().getTime();
  const units = {} as Record<UnitKey, AgencyRecord>;
  for (const unit of UNITS) {
    units[unit.key] =
      (await findAgencyByCode(ctx.db, unit.code)) ??
      (await insertAgency(
        ctx.db,
        {
          code: unit.code,
          name: unit.name,
          kind: 'division',
          parentId: homeAffairs.id,
          provinceCode: homeAffairs.provinceCode,
          adminUnitCode: null,
          adminUnitLevel: null,
          validFrom: '2025-07-01',
          searchText: foldVietnamese(`${unit.name} ${unit.code}`),
        },
        homeAffairs.path,
      ));
  }
  // The outgoing documents' demo (seed/demo-eoffice-outgoing.ts) may have created the same officials of the
  // Sở: they are reused, and get the roles the incoming documents need (the unit head and the specialist in
  // their unit).
  const hash = await hashPassword(password);
  const ids = new Map<string, string>();
  for (const spec of DEMO_INCOMING_USERS) {
    let userId = (await findUserCredentials(ctx.db, spec.username))?.id;
    if (!userId) {
      userId = (
        await insertUser(ctx.db, {
          username: spec.username,
          fullName: spec.fullName,
          title: spec.title,
          email: `${spec.username.replace('.', '-')}@hungyen.demo.motcua.vn`,
          phone: null,
          passwordHash: hash,
          provinceCode: homeAffairs.provinceCode,
          now: new Date(now),
        })
      )?.id;
    }
    if (!userId) {
      return 0;
    }
    ids.set(spec.username, userId);
    await insertUserRole(ctx.db, {
      userId,
      agencyId: spec.unit ? units[spec.unit].id : homeAffairs.id,
      role: spec.role,
      includeSubagencies: ROLE_DEFINITIONS[spec.role].defaultIncludeSubagencies,
      grantedBy: null,
    });
  }
  const actor = async (username: string) => {
    const official = await loadOfficial(ctx, ids.get(username) ?? '', 'session');
    if (!official) {
      throw new Error(`demo official ${username} is missing`);
    }
    return official;
  };
  const runSteps = async (created: { id: string; version: number }, registeredAt: number, steps: readonly Step[]) => {
    const id = created.id;
    let when = registeredAt;
    let version = created.version;
    for (const step of steps) {
      when = Math.min(when + step.hours * HOUR, now);
      const changed = await changeIncoming({ ...ctx, clock: at(when) }, await actor(step.by), {
        id,
        action: step.action,
        expectedVersion: version,
        presentTo: step.presentTo ? ids.get(step.presentTo) : undefined,
        note: step.note,
        units: step.units?.map((key, n) => ({ unitId: units[key].id, role: n === 0 ? 'lead' : 'cooperate' })),
      });
      version = changed.version;
    }
  };
  let count = 0;
  // Oldest first, so the numbers of the register follow the time of registration.
  for (const spec of [...SPECS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const receivedAt = now - spec.daysAgo * DAY - 2 * HOUR;
    const registeredAt = Math.min(receivedAt + HOUR, now);
    const content = await demoPdf(`${spec.numberSymbol} ${spec.subject}`);
    const scan = await uploadIncomingScan(ctx, await actor('vanthu.snv'), {
      agencyId: homeAffairs.id,
      file: { content, fileName: 'ban-quet.pdf' },
    });
    const created = await registerPaperIncoming({ ...ctx, clock: at(registeredAt) }, await actor('vanthu.snv'), {
      agencyId: homeAffairs.id,
      receivedAt: new Date(receivedAt).toISOString(),
      issuerName: spec.issuerName,
      numberSymbol: spec.numberSymbol,
      issuedOn: new Date(receivedAt - 2 * DAY).toISOString().slice(0, 10),
      documentType: spec.documentType,
      subject: spec.subject,
      urgency: spec.urgency ?? 'normal',
      confidentiality: spec.confidentiality ?? 'normal',
      pageCount: 1,
      file: { sha256: scan.sha256, fileName: scan.fileName, sizeBytes: scan.sizeBytes, token: scan.token },
      scanDpi: 300,
      isDemo: true,
    });
    await runSteps(created, registeredAt, spec.steps);
    count += 1;
  }
  for (const spec of DELIVERIES) {
    const sender = agencies[spec.senderKey];
    const deliveredAt = now - spec.hoursAgo * HOUR;
    const stored = await ctx.storage.put(await demoPdf(`${spec.numberSymbol} ${spec.subject}`));
    const delivery = await insertDocumentDelivery(ctx.db, {
      provinceCode: homeAffairs.provinceCode,
      recipientAgencyId: homeAffairs.id,
      senderAgencyId: sender?.id ?? null,
      senderCode: sender?.code ?? null,
      senderName: spec.senderName,
      packageSha256: stored.sha256,
      numberSymbol: spec.numberSymbol,
      issuedOn: new Date(deliveredAt - DAY).toISOString().slice(0, 10),
      documentType: spec.documentType,
      subject: spec.subject,
      urgency: spec.urgency,
      signerName: null,
      fileSha256: stored.sha256,
      deliveredAt: new Date(deliveredAt),
      statusAt: new Date(deliveredAt),
    });
    if (spec.steps) {
      const registeredAt = Math.min(deliveredAt + HOUR, now);
      const created = await registerDeliveredIncoming({ ...ctx, clock: at(registeredAt) }, await actor('vanthu.snv'), {
        deliveryId: delivery.id,
        expectedVersion: delivery.version,
        isDemo: true,
      });
      await runSteps(created, registeredAt, spec.steps);
      count += 1;
    }
  }
  await insertAppSettingIfMissing(ctx.db, MARKER, { seededAt: new Date(now).toISOString(), documents: count });
  return count;
};
