import { describe, expect, it } from 'vitest';
import { checkNationalTable, type ParNationalRowInput } from './national-table.js';

/**
 * A 63-row table in which Sơn La (14) has its published 81,93 points and the 22 provinces above it have more:
 * "Chỉ số CCHC tỉnh Sơn La đạt 81,93 điểm, xếp thứ 23/63". The other rows are test figures, not publications.
 */
const sonLaTable = (): ParNationalRowInput[] =>
  Array.from({ length: 63 }, (_, i) => {
    const code = String(i + 1).padStart(2, '0');
    if (code === '14') {
      return { row: i + 2, provinceCode: '14', provinceName: 'Sơn La', points: '81,93', rank: 23 };
    }
    // 22 rows above 81,93 (90,00 down), the rest below it.
    const order = i < 13 ? i : i - 1;
    const points = order < 22 ? 9000 - order * 30 : 8100 - order * 10;
    return { row: i + 2, provinceCode: code, provinceName: `Tỉnh ${code}`, points: points / 100 };
  });

describe('checkNationalTable', () => {
  it('reproduces "xếp thứ 23/63" for Sơn La from the points', () => {
    const result = checkNationalTable(sonLaTable());
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.rows).toHaveLength(63);
    expect(result.rows.find((row) => row.provinceCode === '14')).toEqual({
      provinceCode: '14',
      provinceName: 'Sơn La',
      points: 8193,
      indexBp: 8193,
      rank: 23,
    });
    expect(result.rows.map((row) => row.rank)).toEqual([...result.rows.map((row) => row.rank)].sort((a, b) => a - b));
  });

  it('shares a rank on equal points and skips the next, and checks published ranks against them', () => {
    const rows: ParNationalRowInput[] = [
      { row: 2, provinceCode: '22', provinceName: 'Quảng Ninh', points: '91,5', rank: 1 },
      { row: 3, provinceCode: '31', provinceName: 'Hải Phòng', points: 88, rank: 2 },
      { row: 4, provinceCode: '01', provinceName: 'Hà Nội', points: '88,00', rank: 2 },
      { row: 5, provinceCode: '33', provinceName: 'Hưng Yên', points: '80', rank: 4 },
    ];
    const ok = checkNationalTable(rows);
    expect(ok.ok && ok.rows.map((row) => `${row.provinceCode}:${row.rank}`)).toEqual(['22:1', '31:2', '01:2', '33:4']);
    const wrong = checkNationalTable(rows.map((row) => (row.provinceCode === '33' ? { ...row, rank: 3 } : row)));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.issues.map((i) => [i.row, i.code])).toEqual([[5, 'RANK_MISMATCH']]);
  });

  it('refuses bad rows with their reasons, every one of them', () => {
    const result = checkNationalTable([
      { row: 2, provinceCode: 'ab', provinceName: 'X', points: 50 },
      { row: 3, provinceCode: '01', provinceName: '', points: '101' },
      { row: 4, provinceCode: '1', provinceName: 'Hà Nội', points: '12,345' },
      { row: 5, provinceCode: '02', provinceName: 'Hà Giang', points: 70, rank: 'hai' },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'PROVINCE_CODE_INVALID'],
      [3, 'PROVINCE_NAME_MISSING'],
      [3, 'POINTS_OVER_MAXIMUM'],
      [4, 'PROVINCE_CODE_DUPLICATE'],
      [4, 'POINTS_INVALID'],
      [5, 'RANK_INVALID'],
    ]);
    expect(!result.ok && result.issues[3]?.message.vi).toBe('Dòng 4: mã tỉnh 01 đã có ở dòng 3.');
    expect(checkNationalTable([])).toMatchObject({ ok: false, issues: [{ code: 'TABLE_EMPTY' }] });
  });
});
