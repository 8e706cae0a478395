import { LIKERT_LEVELS, listQuestions } from '@motcua/domain';
import type ExcelJS from 'exceljs';
import type { getSipasCampaign } from './campaigns.js';

type Detail = Awaited<ReturnType<typeof getSipasCampaign>>;

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const table = (sheet: ExcelJS.Worksheet, headerRow: number) => {
  sheet.eachRow((row, n) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.font = { name: FONT, size: 11, bold: n <= headerRow };
      if (n >= headerRow) {
        cell.border = BORDER;
        cell.alignment = { vertical: 'middle', wrapText: true };
      }
    });
  });
};

/**
 * The campaign as an Excel workbook: progress and index per agency, level and province (numerator and
 * base beside every percentage, margins of error, responses by channel), the factors of each agency,
 * and the answers per question for the agencies shown.
 */
export const buildSipasWorkbook = async (detail: Detail): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const { campaign } = detail;
  const title = `${campaign.title} (${campaign.statusLabel.vi})`;
  const period = `Kỳ khảo sát: ${campaign.periodFrom} – ${campaign.periodTo}; sai số e = ${campaign.marginBp / 100}%; hạt giống chọn mẫu: ${campaign.seed ?? '—'}`;

  const progress = workbook.addWorksheet('Tiến độ và chỉ số', {
    pageSetup: { paperSize: 9, orientation: 'landscape' },
  });
  progress.addRow([title]);
  progress.addRow([period]);
  progress.addRow([]);
  const headers = [
    'Cơ quan, đơn vị',
    'Cấp',
    'Số hồ sơ trả kết quả (N)',
    'Cỡ mẫu (n)',
    'Số phiếu thu về',
    'Trực tuyến',
    'Phiếu giấy',
    'Điện thoại',
    'Tỷ lệ phản hồi (%)',
    'Số ý kiến hài lòng',
    'Số ý kiến hợp lệ',
    'Chỉ số hài lòng (%)',
    'Sai số (± điểm %, 95%)',
  ];
  progress.addRow(headers);
  const headerRow = progress.rowCount;
  const line = (name: string, level: string, u: Detail['agencies'][number] | NonNullable<Detail['province']>) => [
    name,
    level,
    u.population,
    u.sampleSize,
    u.responses,
    u.online,
    u.paper,
    u.phone,
    u.responseRate ?? '—',
    u.index.numerator,
    u.index.base,
    u.index.percent ?? 'Chưa có dữ liệu',
    u.marginOfError ?? '—',
  ];
  for (const agency of detail.agencies) {
    progress.addRow(line(agency.agencyName, agency.levelName, agency));
  }
  for (const level of detail.levels) {
    progress.addRow(line(`Tổng hợp: ${level.levelName} (${level.agencies} đơn vị)`, level.levelName, level));
  }
  if (detail.province) {
    progress.addRow(line('Toàn tỉnh', '', detail.province));
  }
  progress.columns.forEach((column, index) => {
    column.width = index === 0 ? 42 : 14;
  });
  table(progress, headerRow);
  progress.addRow([]);
  progress.addRow([`Cách tính: ${detail.province?.index.rule ?? detail.agencies[0]?.index.rule ?? ''}`]);

  const factorSheet = workbook.addWorksheet('Theo yếu tố');
  const definition = detail.questionnaire.definition;
  factorSheet.addRow([
    'Cơ quan, đơn vị',
    ...definition.factors.flatMap((f) => [`${f.vi}: hài lòng`, `${f.vi}: hợp lệ`, `${f.vi}: %`]),
  ]);
  for (const agency of detail.agencies) {
    factorSheet.addRow([
      agency.agencyName,
      ...agency.index.factors.flatMap((f) => [f.numerator, f.base, f.percent ?? '—']),
    ]);
  }
  factorSheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 42 : 12;
  });
  table(factorSheet, 1);

  const questionSheet = workbook.addWorksheet('Theo câu hỏi');
  questionSheet.addRow([
    'Yếu tố',
    'Câu hỏi',
    ...Object.values(LIKERT_LEVELS).map((l) => l.vi),
    'Không trả lời',
    'Hài lòng + rất hài lòng',
    'Ý kiến hợp lệ',
    'Tỷ lệ hài lòng (%)',
  ]);
  const scope = detail.province ?? null;
  const questionFigures = new Map(
    (scope ? [scope] : detail.agencies).flatMap((u) =>
      u.index.factors.flatMap((f) => f.criteria.flatMap((c) => c.questions.map((q) => [q.key, q] as const))),
    ),
  );
  for (const { question, factorKey } of listQuestions(definition)) {
    const figures = questionFigures.get(question.key);
    if (!figures) {
      continue;
    }
    questionSheet.addRow([
      definition.factors.find((f) => f.key === factorKey)?.vi ?? '',
      question.vi,
      ...figures.distribution,
      figures.noAnswer,
      figures.numerator,
      figures.base,
      figures.percent ?? '—',
    ]);
  }
  questionSheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 60 : index === 0 ? 28 : 12;
  });
  table(questionSheet, 1);

  const yoy = detail.yearOnYear;
  if (yoy) {
    const before = yoy.previousCampaign.year;
    const now = campaign.year;
    const yoySheet = workbook.addWorksheet('So sánh cùng kỳ');
    yoySheet.addRow([`So sánh với năm ${before}: ${yoy.previousCampaign.title} (đã công bố)`]);
    yoySheet.addRow([]);
    yoySheet.addRow([
      'Yếu tố / cơ quan',
      `Năm ${before}: số ý kiến hài lòng`,
      `Năm ${before}: số ý kiến hợp lệ`,
      `Năm ${before}: chỉ số (%)`,
      `Năm ${now}: số ý kiến hài lòng`,
      `Năm ${now}: số ý kiến hợp lệ`,
      `Năm ${now}: chỉ số (%)`,
      'Tăng (+)/giảm (−), điểm %',
    ]);
    const headerAt = yoySheet.rowCount;
    type Side = { numerator: number; base: number; percent: number | null } | null;
    const cells = (line: { previous: Side; current: Side; difference: number | null }) => [
      line.previous?.numerator ?? '—',
      line.previous?.base ?? '—',
      line.previous?.percent ?? '—',
      line.current?.numerator ?? '—',
      line.current?.base ?? '—',
      line.current?.percent ?? '—',
      line.difference ?? '—',
    ];
    const nameOf = (key: string) =>
      definition.factors.find((f) => f.key === key)?.vi ??
      yoy.previousFactorNames.find((f) => f.key === key)?.vi ??
      key;
    if (yoy.province) {
      for (const line of yoy.province.factors) {
        yoySheet.addRow([nameOf(line.key), ...cells(line)]);
      }
      yoySheet.addRow(['Chỉ số hài lòng chung (toàn tỉnh)', ...cells(yoy.province.overall)]);
    }
    for (const agency of yoy.agencies) {
      yoySheet.addRow([agency.agencyName, ...cells(agency)]);
    }
    yoySheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 42 : 14;
    });
    table(yoySheet, headerAt);
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
};
