/**
 * The failures of the sync to the national portal as an Excel workbook (issue 21 item 2): the parked and failing
 * dossiers with their last error, and the failed attempts by reason over 24 hours and 7 days. At most 10,000
 * dossiers (a province repairs its backlog long before), so the workbook is built in memory.
 */
import type ExcelJS from 'exceljs';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export type DvcqgFailuresWorkbookInput = {
  provinceCode: string;
  asOf: string;
  rows: {
    code: string;
    procedureName: string;
    state: 'pending' | 'failing' | 'parked';
    deliveredSeq: number;
    targetSeq: number;
    attempts: number;
    pendingSince: string | null;
    nextAttemptAt: string;
    lastErrorCode: string | null;
    lastErrorMessage: string | null;
  }[];
  reasons: { period: string; errorCode: string; outcome: 'rejected' | 'failed'; count: number }[];
};

const STATE_VI = { pending: 'Chờ gửi', failing: 'Gửi lỗi, đang thử lại', parked: 'Bị từ chối, chờ xử lý' } as const;
const OUTCOME_VI = { rejected: 'Cổng từ chối', failed: 'Lỗi kết nối, hết thời gian, lỗi máy chủ' } as const;

/** Writes the failures workbook and answers its bytes. */
export const buildDvcqgFailuresWorkbook = async (input: DvcqgFailuresWorkbookInput): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const addSheet = (name: string, title: string, headers: string[], rows: (string | number)[][], widths: number[]) => {
    const sheet = workbook.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }],
    });
    sheet.mergeCells(1, 1, 1, headers.length);
    const heading = sheet.getCell(1, 1);
    heading.value = title;
    heading.font = { name: FONT, size: 14, bold: true };
    heading.alignment = { horizontal: 'center' };
    sheet.getCell(2, 1).value = `Tỉnh ${input.provinceCode} — lập lúc ${input.asOf}`;
    sheet.getCell(2, 1).font = { name: FONT, size: 10, italic: true };
    const header = sheet.getRow(3);
    headers.forEach((text, index) => {
      const cell = header.getCell(index + 1);
      cell.value = text;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    for (const values of rows) {
      sheet.addRow(values).eachCell({ includeEmpty: true }, (cell) => {
        cell.font = { name: FONT, size: 11 };
        cell.border = BORDER;
        cell.alignment = { vertical: 'top', wrapText: true };
      });
    }
    sheet.columns.forEach((column, index) => {
      column.width = widths[index] ?? 14;
    });
  };
  addSheet(
    'Hồ sơ lỗi',
    'HỒ SƠ ĐỒNG BỘ CỔNG DVCQG BỊ LỖI HOẶC BỊ TỪ CHỐI',
    [
      'STT',
      'Mã hồ sơ',
      'Thủ tục',
      'Tình trạng',
      'Đã gửi đến thay đổi',
      'Thay đổi mới nhất',
      'Số lần thử',
      'Chờ từ',
      'Lần thử tới',
      'Mã lỗi',
      'Nội dung lỗi',
    ],
    input.rows.map((row, index) => [
      index + 1,
      row.code,
      row.procedureName,
      STATE_VI[row.state],
      row.deliveredSeq,
      row.targetSeq,
      row.attempts,
      row.pendingSince ?? '',
      row.state === 'parked' ? '' : row.nextAttemptAt,
      row.lastErrorCode ?? '',
      row.lastErrorMessage ?? '',
    ]),
    [6, 30, 40, 22, 12, 12, 10, 26, 26, 14, 50],
  );
  addSheet(
    'Theo nguyên nhân',
    'LẦN GỬI KHÔNG THÀNH CÔNG THEO NGUYÊN NHÂN',
    ['Khoảng thời gian', 'Loại', 'Mã lỗi', 'Số lần'],
    input.reasons.map((reason) => [
      reason.period,
      OUTCOME_VI[reason.outcome],
      reason.errorCode || '(không có mã)',
      reason.count,
    ]),
    [22, 40, 20, 12],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
