import { describe, expect, it } from 'vitest';
import { formatInstant } from '../calendar/local-date.js';
import {
  describeImportIssue,
  foldColumnName,
  IMPORT_ISSUE_LABELS,
  mapImportColumns,
  parseImportDateTime,
  type RawImportRow,
  validateImportRow,
} from './import-row.js';

const show = (value: string) => {
  const parsed = parseImportDateTime(value);
  return parsed ? `${formatInstant(parsed.ms)}${parsed.hasTime ? '' : ' (date)'}` : undefined;
};

describe('import dates', () => {
  it('reads Vietnamese, ISO and DVCQG forms in Vietnam time', () => {
    expect(show('22/11/2026')).toBe('2026-11-22T00:00:00+07:00 (date)');
    expect(show('2/9/2021 8:05')).toBe('2021-09-02T08:05:00+07:00');
    expect(show('22-11-2026 14h30')).toBe('2026-11-22T14:30:00+07:00');
    expect(show('2026-11-22T07:30:00Z')).toBe('2026-11-22T14:30:00+07:00');
    expect(show('2026-11-22T14:30:00+0700')).toBe('2026-11-22T14:30:00+07:00');
    expect(show('20261122143005')).toBe('2026-11-22T14:30:05+07:00');
    expect(show('2026-11-22')).toBe('2026-11-22T00:00:00+07:00 (date)');
    expect(show('31/02/2021')).toBeUndefined();
    expect(show('22/11/26')).toBeUndefined();
    expect(show('hôm qua')).toBeUndefined();
  });
});

describe('import columns', () => {
  it('matches Vietnamese, English and DVCQG names, accents and case aside', () => {
    expect(foldColumnName('\uFEFFNgày tiếp nhận')).toBe('ngay_tiep_nhan');
    const { fields, unknown } = mapImportColumns(['Mã hồ sơ', 'NgayHenTra', 'KENH THUC HIEN', 'Cột lạ']);
    expect([...fields.values()]).toEqual(['code', 'dueAt', 'channel']);
    expect(unknown).toEqual(['Cột lạ']);
  });
});

describe('import rows', () => {
  const base = { code: 'HS-1', agencyCode: '000.00.01.H62', receivedAt: '01/09/2021 08:30', procedureCode: '1.001193' };

  it('computes early, on time and late with the engine’s rule when the file does not say', () => {
    const due = '10/09/2021 17:00';
    const classOf = (completedAt: string) =>
      validateImportRow({ ...base, dueAt: due, completedAt, status: '9' }, { defaultProvince: '26' }).row
        ?.completionClass;
    expect(classOf('09/09/2021 16:00')).toBe('early');
    expect(classOf('10/09/2021 16:59')).toBe('on_time');
    expect(classOf('10/09/2021 17:30')).toBe('late');
    // A due date without a time is due by the end of that day.
    expect(
      validateImportRow(
        { ...base, dueAt: '10/09/2021', completedAt: '10/09/2021 17:30', status: '10' },
        { defaultProvince: '26' },
      ).row?.completionClass,
    ).toBe('on_time');
  });

  it('counts each bad value once: an unreadable date is not also reported missing', () => {
    const codes = (raw: RawImportRow) =>
      validateImportRow(raw, { defaultProvince: '26' }).issues.map((i) => `${i.field}:${i.code}`);
    expect(codes({ ...base, receivedAt: '32/08/2021', channel: '1' })).toEqual(['receivedAt:DATE_INVALID']);
    expect(codes({ ...base, receivedAt: '', channel: '1' })).toEqual(['receivedAt:RECEIVED_MISSING']);
    // An unreadable due date of a resolved dossier is not also "no deadline".
    expect(codes({ ...base, dueAt: 'sai', completedAt: '09/09/2021', status: '9', channel: '1' })).toEqual([
      'dueAt:DATE_INVALID',
    ]);
    // Two bad values are two problems.
    expect(codes({ ...base, receivedAt: 'x', dueAt: 'y', channel: '1' })).toEqual([
      'receivedAt:DATE_INVALID',
      'dueAt:DATE_INVALID',
    ]);
  });

  it('keeps the stated result, with a warning when the dates say otherwise', () => {
    const result = validateImportRow(
      {
        ...base,
        dueAt: '10/09/2021 17:00',
        completedAt: '12/09/2021',
        status: 'Đã trả kết quả',
        result: 'Đúng hạn',
        channel: 'Trực tuyến',
      },
      { defaultProvince: '26' },
    );
    expect(result.row).toMatchObject({ completionClass: 'on_time', status: 'returned', channel: 'online' });
    expect(result.issues.map((i) => i.code)).toEqual(['RESULT_DIFFERS_FROM_DATES']);
  });

  it('infers the status from the dates and counts a missing channel as in person', () => {
    const result = validateImportRow(
      { ...base, completedAt: '05/09/2021', returnedAt: '06/09/2021' },
      { defaultProvince: '26' },
    );
    expect(result.row).toMatchObject({ status: 'returned', channel: 'direct', completionClass: null });
    expect(result.issues.map((i) => i.code).sort()).toEqual(['CHANNEL_MISSING', 'NO_DEADLINE']);
  });

  it('rejects rows that cannot be counted, saying why in Vietnamese and English', () => {
    const { row, issues } = validateImportRow(
      {
        code: 'HS-2',
        receivedAt: '05/09/2021',
        completedAt: '04/09/2021',
        status: '9',
        procedureName: 'Cấp phiếu lý lịch tư pháp',
      },
      {},
    );
    expect(row).toBeUndefined();
    expect(
      issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.code)
        .sort(),
    ).toEqual(['AGENCY_MISSING', 'COMPLETED_BEFORE_RECEIVED', 'PROVINCE_MISSING']);
    expect(issues[0]?.message.vi).toBeTruthy();
    expect(validateImportRow({ ...base, status: '1' }, { defaultProvince: '26' }).issues.map((i) => i.code)).toContain(
      'STATUS_NOT_RECEIVED',
    );
    expect(validateImportRow({ ...base, status: '7' }, { defaultProvince: '26' }).issues.map((i) => i.code)).toContain(
      'CLOSED_AT_MISSING',
    );
    expect(
      validateImportRow({ ...base, status: '7', closedAt: '03/09/2021' }, { defaultProvince: '26' }).row?.status,
    ).toBe('withdrawn');
  });
});

describe('import issue labels', () => {
  it('names every code a row can raise, in Vietnamese and English', () => {
    const base = { code: 'HS-3', agencyCode: '000.00.01.H62', receivedAt: '01/09/2021 08:30' };
    const rows: RawImportRow[] = [
      {},
      { ...base, code: '*bad*' },
      { ...base, receivedAt: 'hôm qua', status: 'lạ', channel: 'bồ câu', result: 'tốt', agencyLevel: 'thôn' },
      { ...base, onlineLevel: 'mức 9', fromData: 'có lẽ', sets: '-1' },
      { ...base, receivedAt: '' },
      { ...base, status: '9' },
      { ...base, status: '1' },
      { ...base, status: '7' },
      { ...base, status: '7', closedAt: '01/08/2021' },
      { ...base, status: '2', completedAt: '05/09/2021' },
      { ...base, dueAt: '01/08/2021', completedAt: '01/08/2021', returnedAt: '01/07/2021' },
      { ...base, status: '10', returnedAt: '05/09/2021', dueAt: '10/09/2021', result: 'quá hạn' },
      { ...base, completedAt: '05/09/2021' },
    ];
    const codes = new Set(
      rows.flatMap((row) => validateImportRow(row, { defaultProvince: '26' }).issues.map((i) => i.code)),
    );
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) {
      expect(IMPORT_ISSUE_LABELS[code], code).toBeDefined();
    }
    for (const label of Object.values(IMPORT_ISSUE_LABELS)) {
      expect(label.vi.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
    }
  });

  it('names the ignored columns and leaves an unknown code as it is', () => {
    expect(describeImportIssue('IGNORED_COLUMNS:Ghi chú 2,STT')).toEqual({
      vi: 'Cột không dùng đến: Ghi chú 2,STT',
      en: 'Columns ignored: Ghi chú 2,STT',
    });
    expect(describeImportIssue('RECEIVED_MISSING').vi).toBe('Thiếu ngày tiếp nhận');
    expect(describeImportIssue('SOMETHING_NEW')).toEqual({ vi: 'SOMETHING_NEW', en: 'SOMETHING_NEW' });
  });
});
