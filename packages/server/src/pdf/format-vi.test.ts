import { describe, expect, it } from 'vitest';
import {
  formatDateLongVi,
  formatDateShortVi,
  formatDateTimeVi,
  formatPlaceDateVi,
  formatTimeVi,
  vietnamInstant,
  yearOf,
} from './format-vi.js';

describe('Vietnamese date wording', () => {
  it('pads days below 10 and the months 1 and 2 only (Decree 30/2020 Appendix I)', () => {
    expect(formatDateLongVi('2026-11-22')).toBe('ngày 22 tháng 11 năm 2026');
    expect(formatDateLongVi('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatDateLongVi('2026-01-09')).toBe('ngày 09 tháng 01 năm 2026');
    expect(formatDateLongVi('2026-03-01')).toBe('ngày 01 tháng 3 năm 2026');
    expect(formatPlaceDateVi('Hưng Yên', '2026-11-22')).toBe('Hưng Yên, ngày 22 tháng 11 năm 2026');
  });

  it('writes times and short dates with two digits', () => {
    expect(formatTimeVi('09:30')).toBe('09 giờ 30 phút');
    expect(formatTimeVi('14:05:59')).toBe('14 giờ 05 phút');
    expect(formatDateShortVi('2026-03-01')).toBe('01/03/2026');
    expect(formatDateTimeVi({ date: '2026-11-22', time: '09:30' })).toBe('09 giờ 30 phút, ngày 22/11/2026');
    expect(yearOf('2027-01-04')).toBe(2027);
  });

  it('reads a Vietnam local time as UTC+7', () => {
    expect(vietnamInstant({ date: '2026-11-22', time: '06:30' }).toISOString()).toBe('2026-11-21T23:30:00.000Z');
  });

  it('rejects what is not a date or a time', () => {
    expect(() => formatDateLongVi('2026-02-30')).toThrow(RangeError);
    expect(() => formatDateLongVi('22/11/2026')).toThrow(RangeError);
    expect(() => formatTimeVi('24:00')).toThrow(RangeError);
    expect(() => formatTimeVi('9:30')).toThrow(RangeError);
  });
});
