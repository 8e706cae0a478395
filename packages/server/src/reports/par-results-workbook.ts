/**
 * The summary table of a PAR Index round (bảng tổng hợp kết quả chấm điểm Chỉ số CCHC) as an Excel workbook:
 * the Decree 30/2020 agency block and national motto, the title with the year and decision, then one sheet per
 * unit group — units × areas (points over the applicable maximum), total points, applicable maximum, index %,
 * rank (Roman numerals as provincial reports write them), band and the rank move against last year.
 */
import { formatParIndex, formatParPoints, toRoman } from '@motcua/domain';
import ExcelJS from 'exceljs';
import type { ParRoundResults } from '../usecases/par/results/round-results.js';
import type { ReportMeta } from './report-meta.js';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const POINTS = '0.00';

/** Hundredths to the number Excel shows with two decimals (88,78). */
const asNumber = (hundredths: number | null) => (hundredths === null ? null : hundredths / 100);

export const buildParResultsWorkbook = async (results: ParRoundResults, meta: ReportMeta): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  for (const group of results.groups) {
    const sheet = workbook.addWorksheet(group.label.vi.slice(0, 31), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const width = 8 + group.areas.length;
    sheet.columns = [
      { width: 6 },
      { width: 40 },
      ...group.areas.map(() => ({ width: 11 })),
      { width: 10 },
      { width: 10 },
      { width: 10 },
      { width: 8 },
      { width: 12 },
      { width: 24 },
    ];
    const line = (row: number, text: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}) => {
      sheet.mergeCells(row, 1, row, width);
      const cell = sheet.getCell(row, 1);
      cell.value = text;
      cell.font = {
        name: FONT,
        size: options.size ?? 12,
        bold: options.bold ?? false,
        italic: options.italic ?? false,
      };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    };
    line(1, meta.issuer.agencyName.toLocaleUpperCase('vi-VN'), { bold: true });
    line(2, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc', { bold: true });
    line(4, `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${results.round.year}`, {
      bold: true,
      size: 14,
    });
    line(
      5,
      `${group.label.vi}${
        results.round.decisionNumber
          ? ` — kèm theo Quyết định số ${results.round.decisionNumber} ngày ${results.round.decisionDate?.split('-').reverse().join('/') ?? ''}`
          : ' — kết quả tạm tính, chưa công bố'
      }${results.round.isDemo ? ' — DỮ LIỆU MINH HỌA' : ''}`,
      { italic: true },
    );
    const header = sheet.getRow(7);
    header.values = [
      'STT',
      'Đơn vị',
      ...group.areas.map((area) => `${area.code}. ${area.title}`),
      'Tổng điểm',
      'Điểm tối đa áp dụng',
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
      `So với năm ${results.round.year - 1}`,
    ];
    header.height = 60;
    header.eachCell((cell) => {
      cell.font = { name: FONT, size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    group.units.forEach((unit, index) => {
      const row = sheet.getRow(8 + index);
      row.values = [
        index + 1,
        unit.unitName,
        ...group.areas.map((area) => asNumber(unit.areas.find((a) => a.code === area.code)?.points ?? null)),
        asNumber(unit.points),
        asNumber(unit.applicableMax),
        asNumber(unit.indexBp),
        toRoman(unit.rank),
        unit.band ?? '',
        unit.change.rankPhrase.vi,
      ];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.font = { name: FONT, size: 11 };
        cell.border = BORDER;
        if (column > 2 && column <= 5 + group.areas.length) {
          cell.numFmt = POINTS;
        }
        cell.alignment = {
          vertical: 'middle',
          horizontal: column === 2 || column === width ? 'left' : 'center',
          wrapText: true,
        };
      });
    });
    const notes = 8 + group.units.length + 1;
    line(
      notes,
      'Điểm tính đến hai chữ số thập phân; Chỉ số (%) = Tổng điểm / Điểm tối đa áp dụng × 100, làm tròn đến 0,01 %.',
      {
        italic: true,
        size: 10,
      },
    );
    sheet.getCell(notes, 1).alignment = { horizontal: 'left', wrapText: true };
    sheet.views = [{ state: 'frozen', ySplit: 7, xSplit: 2 }];
    sheet.pageSetup.printTitlesRow = '7:7';
  }
  if (results.groups.length === 0) {
    workbook.addWorksheet('Kết quả').getCell(1, 1).value = 'Chưa có đơn vị nào được xếp hạng.';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** One line of the summary as text (used by the PDF appendix and the tests). */
export const summarizeUnitLine = (unit: ParRoundResults['groups'][number]['units'][number]): string =>
  `${unit.unitName}: ${formatParPoints(unit.points)} điểm, ${formatParIndex(unit.indexBp)}, hạng ${toRoman(unit.rank)}`;
