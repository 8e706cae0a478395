import {
  findAgencyByCode,
  findAppSetting,
  findUserCredentials,
  insertAppSettingIfMissing,
  insertUser,
  insertUserRole,
  type OfficialRole,
  setDocumentAbbreviationIfMissing,
} from '@motcua/db';
import * as fontkit from 'fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { OfficialActor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import {
  createOutgoingDraft,
  decideOutgoingReview,
  editOutgoingDraft,
  submitOutgoing,
  uploadOutgoingVersion,
} from '../usecases/eoffice/outgoing/drafting.js';
import { issueOutgoing, sealOutgoing, signOutgoing } from '../usecases/eoffice/outgoing/signing.js';
import {
  AGENCY_COLUMN_CENTRE,
  DEFAULT_NUMBER_PLACEMENT,
  loadFontBytes,
} from '../usecases/eoffice/outgoing/stamp-number.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

/**
 * Demo outgoing documents of Sở Nội vụ (văn bản đi, Decree 30/2020): one waiting for the director's
 * approval, one approved and waiting for his signature, and one signed, sealed and issued to Sở Tư pháp
 * (delivered through the system). The officials are those of the incoming-documents and signing demos,
 * created here with the same usernames when missing; everything runs once (the demo documents mark it).
 */
export const DEMO_OUTGOING_OFFICIALS: { username: string; fullName: string; title: string; role: OfficialRole }[] = [
  { username: 'vanthu.snv', fullName: 'Nguyễn Thị Thu Trang', title: 'Văn thư Sở Nội vụ', role: 'clerk' },
  { username: 'giamdoc.snv', fullName: 'Phạm Văn Thành', title: 'Giám đốc Sở Nội vụ', role: 'agency_head' },
  {
    username: 'truongphong.snv',
    fullName: 'Đỗ Thị Minh Hạnh',
    title: 'Trưởng phòng Cải cách hành chính, Sở Nội vụ',
    role: 'unit_head',
  },
  { username: 'chuyenvien.snv', fullName: 'Lê Văn Hùng', title: 'Chuyên viên Sở Nội vụ', role: 'specialist' },
];

const A4: [number, number] = [595.28, 841.89];

/** A one-page draft in the Decree 30 layout, with the blanks the system fills when it is signed. */
export const renderDemoDraftPdf = async (input: { type: string; subject: string; body: string[] }) => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit as never);
  const fonts = await loadFontBytes();
  const regular = await doc.embedFont(fonts.regular, { subset: false });
  const italic = await doc.embedFont(fonts.italic, { subset: false });
  const page = doc.addPage(A4);
  const centred = (text: string, centre: number, y: number, size: number, font = regular) =>
    page.drawText(text, { x: centre - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: rgb(0, 0, 0) });
  const top = A4[1] - 57;
  centred('UBND TỈNH HƯNG YÊN', AGENCY_COLUMN_CENTRE, top, 12);
  centred('SỞ NỘI VỤ', AGENCY_COLUMN_CENTRE, top - 15, 12);
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 400, top, 12);
  centred('Độc lập - Tự do - Hạnh phúc', 400, top - 15, 13);
  const { number, placeDate } = DEFAULT_NUMBER_PLACEMENT;
  centred(`Số:      /${input.type}-SNV`, number.x, number.y, 13);
  page.drawText('Hưng Yên, ngày      tháng      năm', { x: placeDate.x, y: placeDate.y, size: 14, font: italic });
  centred(input.type === 'QĐ' ? 'QUYẾT ĐỊNH' : 'CÔNG VĂN', 297, 640, 14);
  centred(input.subject, 297, 620, 13);
  let y = 580;
  for (const line of input.body) {
    page.drawText(line, { x: 85, y, size: 13, font: regular, maxWidth: 450 });
    y -= 20;
  }
  centred('GIÁM ĐỐC', 420, 250, 13);
  centred('Phạm Văn Thành', 420, 150, 13);
  page.drawText('Nơi nhận:', { x: 85, y: 250, size: 12, font: italic });
  page.drawText('- Sở Tư pháp;', { x: 85, y: 235, size: 11, font: regular });
  page.drawText('- Lưu: VT, CCHC.', { x: 85, y: 220, size: 11, font: regular });
  return Buffer.from(await doc.save());
};

const ensureOfficial = async (
  ctx: AppContext,
  agencyId: string,
  official: (typeof DEMO_OUTGOING_OFFICIALS)[number],
  options: { provinceCode: string; password: string },
): Promise<string> => {
  let userId = (await findUserCredentials(ctx.db, official.username))?.id;
  if (!userId) {
    userId = (
      await insertUser(ctx.db, {
        username: official.username,
        fullName: official.fullName,
        title: official.title,
        email: null,
        phone: null,
        passwordHash: await hashPassword(options.password),
        provinceCode: options.provinceCode,
        now: ctx.clock.now(),
      })
    )?.id;
    userId ??= (await findUserCredentials(ctx.db, official.username))?.id;
  }
  if (!userId) {
    throw new Error(`demo seed: ${official.username} could not be created`);
  }
  await insertUserRole(ctx.db, { userId, agencyId, role: official.role, includeSubagencies: false, grantedBy: null });
  return userId;
};

const DEMO_OUTGOING_MARKER = 'demo.eoffice.outgoing';

export const seedDemoEofficeOutgoing = async (
  ctx: AppContext,
  options: { provinceCode: string; password: string },
): Promise<{ created: number }> => {
  const agency = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  const justice = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.justice);
  // Its own marker: the demo year (demo-eoffice-year.ts) writes demo outgoing documents of the same agency first,
  // so "the agency has demo documents" cannot tell whether these were made.
  if (!agency || (await findAppSetting(ctx.db, DEMO_OUTGOING_MARKER))) {
    return { created: 0 };
  }
  await setDocumentAbbreviationIfMissing(ctx.db, agency.id, 'SNV');
  if (justice) {
    await setDocumentAbbreviationIfMissing(ctx.db, justice.id, 'STP');
  }
  const ids: Record<string, string> = {};
  const actors: Record<string, OfficialActor> = {};
  for (const official of DEMO_OUTGOING_OFFICIALS) {
    ids[official.username] = await ensureOfficial(ctx, agency.id, official, options);
    const actor = await loadOfficial(ctx, ids[official.username] ?? '', 'session');
    if (!actor) {
      throw new Error(`demo seed: ${official.username} cannot act`);
    }
    actors[official.username] = actor;
  }
  const as = (username: string) => actors[username] as OfficialActor;
  const documents = [
    {
      subject: 'Về việc ban hành Kế hoạch cải cách hành chính năm 2027',
      type: 'QĐ' as const,
      until: 'stage1' as const,
    },
    {
      subject: 'Về việc kiện toàn Tổ công tác cải cách thủ tục hành chính của Sở',
      type: 'QĐ' as const,
      until: 'approved' as const,
    },
    {
      subject: 'Về việc phối hợp rà soát thủ tục hành chính lĩnh vực hộ tịch',
      type: 'CV' as const,
      until: 'issued' as const,
    },
  ];
  for (const item of documents) {
    let row = await createOutgoingDraft(ctx, as('chuyenvien.snv'), {
      agencyId: agency.id,
      documentType: item.type,
      isNormative: false,
      subject: item.subject,
      urgency: 'normal',
      confidentiality: 'normal',
      signMode: 'direct',
      signerUserId: ids['giamdoc.snv'] ?? null,
      signerTitle: 'Giám đốc',
      isDemo: true,
    });
    const pdf = await renderDemoDraftPdf({
      type: item.type,
      subject: item.subject,
      body: [
        'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;',
        'Theo đề nghị của Trưởng phòng Cải cách hành chính.',
        '(Văn bản mẫu của bản trình diễn motcua.)',
      ],
    });
    row = await uploadOutgoingVersion(ctx, as('chuyenvien.snv'), {
      id: row.id,
      expectedVersion: row.version,
      content: pdf,
      fileName: 'du-thao.pdf',
    });
    row = await editOutgoingDraft(ctx, as('chuyenvien.snv'), {
      id: row.id,
      expectedVersion: row.version,
      chain: [
        { stage: 1, reviewerUserId: ids['truongphong.snv'] ?? '', kind: 'review' },
        { stage: 2, reviewerUserId: ids['giamdoc.snv'] ?? '', kind: 'approve' },
      ],
      recipients: [
        ...(justice ? [{ agencyId: justice.id }] : []),
        { name: 'Lưu: VT, CCHC', paper: true, purpose: 'archive' as const },
      ],
    });
    row = await submitOutgoing(ctx, as('chuyenvien.snv'), { id: row.id, expectedVersion: row.version });
    row = await decideOutgoingReview(ctx, as('truongphong.snv'), {
      id: row.id,
      expectedVersion: row.version,
      decision: 'approved',
      comment: 'Đồng ý, trình Giám đốc.',
    });
    if (item.until === 'stage1') {
      continue;
    }
    row = await decideOutgoingReview(ctx, as('giamdoc.snv'), {
      id: row.id,
      expectedVersion: row.version,
      decision: 'approved',
    });
    if (item.until === 'approved') {
      continue;
    }
    row = await signOutgoing(ctx, as('giamdoc.snv'), { id: row.id, expectedVersion: row.version });
    row = await sealOutgoing(ctx, as('vanthu.snv'), { id: row.id, expectedVersion: row.version });
    await issueOutgoing(ctx, as('vanthu.snv'), { id: row.id, expectedVersion: row.version });
  }
  await insertAppSettingIfMissing(ctx.db, DEMO_OUTGOING_MARKER, { seededAt: ctx.clock.now().toISOString() });
  return { created: documents.length };
};
