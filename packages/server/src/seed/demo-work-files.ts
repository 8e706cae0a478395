import { findAgencyByCode, findAppSetting, findUserCredentials, insertAppSettingIfMissing } from '@motcua/db';
import { foldVietnamese, toLocalDate } from '@motcua/domain';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AppContext } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { findIncomingInbox } from '../usecases/eoffice/incoming/read-incoming.js';
import { addWorkFileItem, changeWorkFile, openWorkFile } from '../usecases/work/files/change-work-file.js';
import { addFileListEntry } from '../usecases/work/files/file-list.js';
import { getWorkFile } from '../usecases/work/files/read-work-files.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

const MARKER = 'demo.work.files';
const REFORM_UNIT_CODE = '000.03.05.H31';
const OFFICE_UNIT_CODE = '000.01.05.H31';
const DEMO_NOTE = 'Dữ liệu mẫu (demo).';

/** Sở Nội vụ's file list of the demo year (danh mục hồ sơ; codes and titles illustrative, labelled demo). */
const FILE_LIST: { code: string; title: string; retentionYears: number | null; unit: 'office' | 'reform' | null }[] = [
  { code: '01.VP', title: 'Hồ sơ tổng kết công tác năm của Sở Nội vụ', retentionYears: null, unit: 'office' },
  { code: '02.VP', title: 'Hồ sơ hội nghị cán bộ, công chức, viên chức năm', retentionYears: 10, unit: 'office' },
  { code: '03.VP', title: 'Hồ sơ về công tác văn thư, lưu trữ của cơ quan', retentionYears: 20, unit: 'office' },
  { code: '04.VP', title: 'Tập lưu văn bản đi của Sở', retentionYears: 50, unit: 'office' },
  {
    code: '05.CCHC',
    title: 'Hồ sơ triển khai Kế hoạch cải cách hành chính của tỉnh',
    retentionYears: null,
    unit: 'reform',
  },
  { code: '06.CCHC', title: 'Hồ sơ kiểm tra công tác cải cách hành chính', retentionYears: 10, unit: 'reform' },
  { code: '07.CCHC', title: 'Hồ sơ xác định Chỉ số cải cách hành chính', retentionYears: 20, unit: 'reform' },
  { code: '08.CCHC', title: 'Hồ sơ hướng dẫn nghiệp vụ văn thư, lưu trữ', retentionYears: 10, unit: 'reform' },
];

const demoPdf = async (title: string): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  page.drawText('HO SO CONG VIEC - DU LIEU MINH HOA (DEMO)', { x: 72, y: 760, size: 14, font });
  page.drawText(foldVietnamese(title).slice(0, 80), { x: 72, y: 730, size: 11, font });
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  return Buffer.from(await pdf.save());
};

/**
 * The demo of work files (hồ sơ công việc) at Sở Nội vụ, after its incoming documents: the year's file list,
 * and four files made through the use-cases — the specialist's open one with notes and a minutes PDF, the
 * director's open one holding incoming documents, the clerk's closed one, the unit head's archived one.
 * Idempotent by its own marker; every file says it is demo data.
 */
export const seedDemoWorkFiles = async (ctx: AppContext): Promise<number> => {
  if (await findAppSetting(ctx.db, MARKER)) {
    return 0;
  }
  const agency = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  const reform = await findAgencyByCode(ctx.db, REFORM_UNIT_CODE);
  const office = await findAgencyByCode(ctx.db, OFFICE_UNIT_CODE);
  const people: Record<string, Awaited<ReturnType<typeof loadOfficial>>> = {};
  for (const username of ['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv']) {
    const user = await findUserCredentials(ctx.db, username);
    people[username] = user ? await loadOfficial(ctx, user.id, 'session') : undefined;
  }
  const {
    'vanthu.snv': clerk,
    'giamdoc.snv': director,
    'truongphong.snv': head,
    'chuyenvien.snv': specialist,
  } = people;
  if (!agency || !reform || !clerk || !director || !head || !specialist) {
    return 0;
  }
  const year = Number(toLocalDate(ctx.clock.now().getTime()).slice(0, 4));
  const entries = new Map<string, string>();
  for (const entry of FILE_LIST) {
    const unitId = entry.unit === 'reform' ? reform.id : entry.unit === 'office' ? (office?.id ?? null) : null;
    const added = await addFileListEntry(ctx, clerk, {
      agencyId: agency.id,
      year,
      code: entry.code,
      title: entry.title,
      retentionYears: entry.retentionYears,
      responsibleAgencyId: unitId,
    });
    entries.set(entry.code, added.id);
  }
  const documents = (await findIncomingInbox(ctx, director, { view: 'all', limit: 6 })).items;
  const add = async (
    who: typeof clerk,
    id: string,
    item: Parameters<typeof addWorkFileItem>[2]['item'],
  ): Promise<void> => {
    const file = await getWorkFile(ctx, who, id);
    await addWorkFileItem(ctx, who, { id, expectedVersion: file.version, item });
  };
  const step = async (who: typeof clerk, id: string, action: 'close' | 'archive') => {
    const file = await getWorkFile(ctx, who, id);
    await changeWorkFile(ctx, who, { id, action, expectedVersion: file.version });
  };

  // 1. The specialist's open file of the reform plan: notes and the minutes of a meeting.
  const plan = await openWorkFile(ctx, specialist, {
    agencyId: reform.id,
    fileListEntryId: entries.get('05.CCHC'),
    note: DEMO_NOTE,
  });
  await add(specialist, plan.id, {
    kind: 'note',
    note: 'Đã tổng hợp ý kiến góp ý của các sở, ngành vào dự thảo Kế hoạch.',
  });
  await add(specialist, plan.id, {
    kind: 'file',
    file: { content: await demoPdf('Bien ban hop trien khai Ke hoach CCHC'), fileName: 'bien-ban-hop.pdf' },
  });
  await add(specialist, plan.id, { kind: 'note', note: 'Chờ Giám đốc Sở cho ý kiến trước khi trình UBND tỉnh.' });

  // 2. The director's open file holding incoming documents of the year.
  const review = await openWorkFile(ctx, director, {
    agencyId: agency.id,
    fileListEntryId: entries.get('01.VP'),
    note: DEMO_NOTE,
  });
  for (const doc of documents.slice(0, 3)) {
    await add(director, review.id, { kind: 'incoming_document', itemId: doc.id });
  }
  await add(director, review.id, { kind: 'note', note: 'Giao Văn phòng Sở dự thảo báo cáo tổng kết.' });

  // 3. The clerk's closed file on records work, holding documents: due at the archive a year after closing.
  const records = await openWorkFile(ctx, clerk, {
    agencyId: agency.id,
    fileListEntryId: entries.get('03.VP'),
    note: DEMO_NOTE,
  });
  for (const doc of documents.slice(3, 5)) {
    await add(clerk, records.id, { kind: 'incoming_document', itemId: doc.id });
  }
  await step(clerk, records.id, 'close');

  // 4. The unit head's file of an inspection, closed and handed to the archive.
  const inspection = await openWorkFile(ctx, head, {
    agencyId: reform.id,
    fileListEntryId: entries.get('06.CCHC'),
    note: DEMO_NOTE,
  });
  await add(head, inspection.id, { kind: 'note', note: 'Đã kiểm tra 5 xã, phường; kết quả tại biên bản kèm theo.' });
  await add(head, inspection.id, {
    kind: 'file',
    file: { content: await demoPdf('Bien ban kiem tra cong tac CCHC'), fileName: 'bien-ban-kiem-tra.pdf' },
  });
  await step(head, inspection.id, 'close');
  await step(head, inspection.id, 'archive');

  await insertAppSettingIfMissing(ctx.db, MARKER, { seededAt: ctx.clock.now().toISOString(), files: 4, year });
  return 4;
};
