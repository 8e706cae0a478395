import { describe, expect, it } from 'vitest';
import {
  parseCriteriaSheet,
  type SheetCell,
  type SheetRow,
  toCapSheetRows,
  toCriteriaSheetRows,
} from './criteria-sheet.js';

const HEADER = [
  'STT',
  'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
  'Điểm tối đa',
  'Cách chấm điểm',
  'Tài liệu kiểm chứng',
  'Điều tra XHH (x)',
  'Không áp dụng cho',
  'Số liệu từ hệ thống',
];

/** Rows as a province types them: a title row, the header, then the tree (row numbers from 1). */
const sheet = (body: SheetCell[][]): SheetRow[] =>
  [['BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC'], HEADER, ...body].map((cells, i) => ({ rowNumber: i + 1, cells }));

const good: SheetCell[][] = [
  ['I', 'Công tác chỉ đạo, điều hành CCHC', '10', '', '', '', '', ''],
  ['1.1', 'Kế hoạch CCHC năm', '4', 'Ban hành đúng hạn: 4 điểm', 'Kế hoạch', '', '', ''],
  ['1.1.1', 'Ban hành kịp thời', '2,5', '', '', '', '', 'dossier_on_time_rate'],
  ['1.1.2', 'Đầy đủ nhiệm vụ', 1.5, '', '', '', 'no_procedures', ''],
  ['1.2', 'Đánh giá của lãnh đạo', '6', '', '', 'x', '', ''],
  [],
  ['2', 'Cải cách TTHC', 5, '', '', '', 'no_procedures, special', ''],
  ['2.1', 'Công khai TTHC', '5.0', '', '', '', '', ''],
];

describe('parseCriteriaSheet', () => {
  it('reads the published layout: Roman areas, decimal commas, survey marks, tags and system measures', () => {
    const parsed = parseCriteriaSheet(sheet(good), [
      { rowNumber: 1, cells: ['Loại', 'Điểm tối đa'] },
      { rowNumber: 2, cells: ['Điểm thưởng', '3'] },
      { rowNumber: 3, cells: ['Điểm trừ', '2,5'] },
    ]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) {
      return;
    }
    expect(parsed.totalMax).toBe(1500);
    expect(parsed.caps).toEqual({ bonusCap: 300, penaltyCap: 250 });
    expect(parsed.nodes.map((n) => [n.code, n.kind, n.maxPoints, n.position])).toEqual([
      ['1', 'area', 1000, 0],
      ['1.1', 'criterion', 400, 0],
      ['1.1.1', 'component', 250, 0],
      ['1.1.2', 'component', 150, 1],
      ['1.2', 'criterion', 600, 1],
      ['2', 'area', 500, 1],
      ['2.1', 'criterion', 500, 0],
    ]);
    const byCode = new Map(parsed.nodes.map((n) => [n.code, n]));
    expect(byCode.get('1.2')?.surveyScored).toBe(true);
    expect(byCode.get('1.1.1')?.systemMeasure).toBe('dossier_on_time_rate');
    expect(byCode.get('2')?.notApplicableTo).toEqual(['no_procedures', 'special']);
    expect(byCode.get('1.1')?.scoringRule).toBe('Ban hành đúng hạn: 4 điểm');
  });

  it('lists every bad row with its number and reason, and imports nothing', () => {
    const bad: SheetCell[][] = [
      ['1', 'Công tác chỉ đạo', '10', '', '', '', '', ''],
      ['1.1', 'Kế hoạch', '', '', '', '', '', ''], // row 4: no maximum
      ['1.2', 'Báo cáo', '1,555', '', '', '', '', ''], // row 5: three decimals
      ['1.2', 'Trùng mã', '2', '', '', '', '', ''], // row 6: duplicate
      ['3.1', 'Không có lĩnh vực 3', '1', '', '', '', '', ''], // row 7: unknown parent
      ['2', 'Cải cách TTHC', '5', '', '', 'có thể', 'Không TTHC', 'on_time'], // row 8
      ['2.1', 'Công khai', '6', '', '', '', '', ''], // row 9: over its parent
    ];
    const parsed = parseCriteriaSheet(sheet(bad));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) {
      return;
    }
    expect(parsed.errors.map((e) => [e.rowNumber, e.code])).toEqual([
      [3, 'SUM_MISMATCH'],
      [4, 'MAX_MISSING'],
      [5, 'MAX_FORMAT'],
      [6, 'CODE_DUPLICATE'],
      [7, 'PARENT_MISSING'],
      [8, 'SURVEY_FLAG_FORMAT'],
      [8, 'TAG_FORMAT'],
      [8, 'SYSTEM_MEASURE_UNKNOWN'],
      [8, 'SUM_MISMATCH'],
      [9, 'CHILD_OVER_PARENT'],
    ]);
    const duplicate = parsed.errors.find((e) => e.code === 'CODE_DUPLICATE');
    expect(duplicate?.message.vi).toBe('Mã 1.2 bị trùng (đã có ở dòng 5).');
    expect(parsed.errors.find((e) => e.code === 'SUM_MISMATCH')?.message).toEqual({
      vi: 'Điểm tối đa của 1 là 10 nhưng tổng điểm tối đa các mục con là 0.',
      en: 'The maximum of 1 is 10 but its children add up to 0.',
    });
  });

  it('refuses a sheet without the required columns', () => {
    const parsed = parseCriteriaSheet([{ rowNumber: 1, cells: ['STT', 'Nội dung'] }]);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.code)).toEqual(['COLUMNS_MISSING']);
    expect(parsed.ok ? '' : parsed.errors[0]?.message.vi).toContain('Điểm tối đa');
  });

  it('checks the total against the scale when asked', () => {
    const parsed = parseCriteriaSheet(sheet(good), [], { expectedTotal: 10_000 });
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.rowNumber, e.code])).toEqual([[null, 'TOTAL_MISMATCH']]);
  });

  it('reads back what it writes: export then import gives the same tree and caps', () => {
    const first = parseCriteriaSheet(sheet(good), [{ rowNumber: 1, cells: ['Điểm thưởng', 2] }]);
    if (!first.ok) {
      throw new Error('the sample must parse');
    }
    const written = toCriteriaSheetRows(first.nodes).map((cells, i) => ({ rowNumber: i + 1, cells }));
    const caps = toCapSheetRows(first.caps).map((cells, i) => ({ rowNumber: i + 1, cells }));
    const again = parseCriteriaSheet(written, caps);
    expect(again).toEqual(first);
  });
});
