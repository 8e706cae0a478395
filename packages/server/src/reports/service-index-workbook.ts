/**
 * The Decision 766 service index as an Excel workbook: the ranking with the six group scores, the
 * indicators of every unit with their numerator, base and score, and the indicators motcua holds
 * no data for, with why (left out of the maximum, never guessed).
 */

import { SERVICE_INDEX_GROUPS } from '@motcua/domain';
import type ExcelJS from 'exceljs';
import type { ServiceIndexReport } from '../usecases/reports/service-index.js';
import type { ReportMeta } from './report-meta.js';
import { writeDocumentHeader } from './statistics-workbook.js';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const tableStyle = (sheet: ExcelJS.Worksheet, fromRow: number) => {
  sheet.eachRow((row, n) => {
    if (n < fromRow) {
      return;
    }
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 11, bold: n === fromRow };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: n === fromRow ? 'center' : undefined };
      cell.border = BORDER;
    });
  });
};

export const buildServiceIndexWorkbook = async (report: ServiceIndexReport, meta: ReportMeta): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };

  const ranking = workbook.addWorksheet('Xếp hạng', { pageSetup: setup });
  const groupHeaders = SERVICE_INDEX_GROUPS.map((g) => `${g.no}. ${g.name} (${g.max})`);
  const headers = [
    'Hạng',
    report.level === 'province' ? 'Tỉnh, thành phố' : 'Cơ quan, đơn vị',
    'Cấp',
    ...groupHeaders,
    'Tổng điểm',
    'Điểm tối đa có dữ liệu',
    'Tỷ lệ đạt (%)',
  ];
  const last = headers.length;
  let row = writeDocumentHeader(ranking, meta, last, report.title.vi, [`Kỳ đánh giá: ${report.period.label.vi}`]);
  row += 1;
  const headerRow = row;
  ranking.getRow(row).values = headers;
  ranking.getRow(row).height = 48;
  for (const unit of report.units) {
    row += 1;
    ranking.getRow(row).values = [
      unit.rank ?? '—',
      unit.rank === null
        ? `${unit.name} (${unit.dossiers} hồ sơ, chưa đủ ${report.minDossiersToRank} để xếp hạng)`
        : unit.name,
      unit.scope === 'commune' ? 'Cấp xã' : 'Cấp tỉnh',
      ...unit.result.groups.map((g) => (g.maxAvailable === 0 ? 'Chưa có dữ liệu' : g.score)),
      unit.result.score,
      unit.result.maxAvailable,
      unit.result.percentOfAvailable,
    ];
  }
  ranking.columns.forEach((column, index) => {
    column.width = index === 1 ? 40 : index === 0 ? 7 : 13;
  });
  tableStyle(ranking, headerRow);
  for (let r = headerRow + 1; r <= row; r += 1) {
    for (let c = 4; c <= last; c += 1) {
      ranking.getCell(r, c).numFmt = '0.00';
    }
  }
  row += 2;
  for (const note of [...report.notes, { vi: 'Chỉ tiêu chưa có dữ liệu: xem trang "Chưa có dữ liệu".', en: '' }]) {
    ranking.mergeCells(row, 1, row, last);
    const cell = ranking.getCell(row, 1);
    cell.value = note.vi;
    cell.font = { name: FONT, size: 11, italic: true };
    cell.alignment = { wrapText: true };
    ranking.getRow(row).height = 30;
    row += 1;
  }
  ranking.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow }];
  ranking.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  const detail = workbook.addWorksheet('Chỉ tiêu', { pageSetup: setup });
  detail.columns = [
    { header: report.level === 'province' ? 'Tỉnh, thành phố' : 'Cơ quan, đơn vị', width: 34 },
    { header: 'Nhóm', width: 24 },
    { header: 'STT (QĐ 766)', width: 8 },
    { header: 'Chỉ tiêu', width: 60 },
    { header: 'Điểm tối đa', width: 9 },
    { header: 'Tình trạng', width: 16 },
    { header: 'Tử số', width: 11 },
    { header: 'Mẫu số', width: 11 },
    { header: 'Tỷ lệ (%)', width: 9 },
    { header: 'Điểm', width: 9 },
    { header: 'Ghi chú', width: 60 },
  ];
  const statusText = {
    scored: 'Đã tính',
    no_data: 'Chưa có dữ liệu',
    not_applicable: 'Không áp dụng (tính tối đa)',
  } as const;
  for (const unit of report.units) {
    for (const group of unit.result.groups) {
      for (const indicator of group.indicators) {
        detail.addRow([
          unit.name,
          `${group.no}. ${group.name}`,
          indicator.stt,
          indicator.name,
          indicator.max,
          statusText[indicator.status],
          indicator.ratio?.numerator ?? null,
          indicator.ratio?.base ?? null,
          indicator.ratio?.value ?? null,
          indicator.score,
          indicator.note?.vi ?? '',
        ]);
      }
    }
  }
  tableStyle(detail, 1);
  detail.views = [{ state: 'frozen', ySplit: 1 }];

  const missing = workbook.addWorksheet('Chưa có dữ liệu', { pageSetup: setup });
  missing.columns = [
    { header: 'Mã chỉ tiêu', width: 34 },
    { header: 'Chỉ tiêu', width: 60 },
    { header: 'Điểm tối đa', width: 10 },
    { header: 'Lý do chưa có dữ liệu', width: 90 },
  ];
  for (const item of report.notHeld) {
    missing.addRow([item.code, item.name, item.max, item.reason.vi]);
  }
  tableStyle(missing, 1);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
