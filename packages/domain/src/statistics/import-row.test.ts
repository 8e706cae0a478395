import { describe, expect, it } from 'vitest';
import { formatInstant } from '../calendar/local-date.js';
import { foldColumnName, mapImportColumns, parseImportDateTime, validateImportRow } from './import-row.js';

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
