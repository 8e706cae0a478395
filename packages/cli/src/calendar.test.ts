import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { run } from './main.js';

const capture = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, isTty: false };
  const code = await run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('motcua calendar', () => {
  it('computes 1 working day across Tết 2025 (the issue example)', async () => {
    const result = await capture(['calendar', 'due', '--from', '2025-01-24T10:00:00+07:00', '--working-days', '1']);
    expect(result).toMatchObject({ code: 0, out: '2025-02-03T10:00:00+07:00' });
  });

  it('prints JSON with the rule and the provisional flag', async () => {
    const result = await capture([
      'calendar',
      'due',
      '--from',
      '2026-12-30T16:00:00+07:00',
      '--working-hours',
      '16',
      '--json',
    ]);
    expect(JSON.parse(result.out)).toEqual({
      from: '2026-12-30T16:00:00+07:00',
      rule: { unit: 'working_hours', value: 16 },
      dueAt: expect.stringMatching(/^2027-01-0\dT16:00:00\+07:00$/),
      provisional: true,
    });
  });

  it('supports calendar days and the same-day cut-off', async () => {
    expect(
      (await capture(['calendar', 'due', '--from', '2026-11-19T10:00:00+07:00', '--calendar-days', '2'])).out,
    ).toBe('2026-11-23T17:00:00+07:00');
    expect((await capture(['calendar', 'due', '--from', '2026-11-20T15:30:00+07:00', '--same-day', '15:00'])).out).toBe(
      '2026-11-23T17:00:00+07:00',
    );
  });

  it('converts to and from the lunar calendar', async () => {
    const lunar = await capture(['calendar', 'lunar', '2026-02-17', '--json']);
    expect(JSON.parse(lunar.out)).toMatchObject({
      lunar: { day: 1, month: 1, year: 2026, leap: false },
      canChi: 'Bính Ngọ',
    });
    expect((await capture(['calendar', 'lunar', '2026-02-17'])).out).toBe(
      '2026-02-17 = ngày 01 tháng 01 năm Bính Ngọ (2026) âm lịch',
    );
    expect((await capture(['calendar', 'solar', '2026-01-01'])).out).toBe('2026-02-17');
    // 2025 has a leap 6th month (Ất Tỵ).
    expect((await capture(['calendar', 'solar', '2025-06-01', '--leap'])).out).toBe('2025-07-25');
  });

  it('lists the 2026 days off with their breaks', async () => {
    const result = await capture(['calendar', 'holidays', '2026', '--json']);
    const body = JSON.parse(result.out);
    expect(body).toMatchObject({ year: 2026, published: true });
    expect(body.breaks).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: '2026-02-14', to: '2026-02-22', days: 9 })]),
    );
    const text = await capture(['calendar', 'holidays', '2026']);
    expect(text.out).toContain('Tết Âm lịch (Bính Ngọ)');
  });

  it('measures working time between two instants', async () => {
    const result = await capture([
      'calendar',
      'between',
      '--from',
      '2025-01-24T10:00:00+07:00',
      '--to',
      '2025-02-03T10:00:00+07:00',
      '--json',
    ]);
    expect(JSON.parse(result.out)).toMatchObject({ workingMinutes: 480, workingDays: 1 });
  });

  it.each([
    [['calendar', 'due', '--from', '2025-02-30T10:00:00+07:00', '--working-days', '1'], /INVALID_INSTANT/],
    [['calendar', 'due', '--from', '2025-01-24T10:00:00', '--working-days', '1'], /INVALID_INSTANT/],
    [['calendar', 'due', '--from', '2101-01-01T10:00:00+07:00', '--working-days', '1'], /OUT_OF_RANGE/],
    [['calendar', 'due', '--from', '2025-01-24T10:00:00+07:00', '--working-days=-1'], /non-negative/],
    [['calendar', 'lunar', '2101-01-01'], /OUT_OF_RANGE/],
    [['calendar', 'lunar', '2025-13-01'], /INVALID_DATE/],
    [['calendar', 'solar', '2026-02-30'], /LUNAR_DATE_NOT_FOUND/],
  ])('rejects bad input %j with exit code 2 and a clear message', async (args, message) => {
    const result = await capture(args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\bat .*\.js:\d+/);
  });
});

describe('the motcua launcher', () => {
  const bin = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));
  it.runIf(existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url))))(
    'runs a calendar command in a separate process',
    () => {
      const result = spawnSync(
        process.execPath,
        [bin, 'calendar', 'due', '--from', '2025-01-24T10:00:00+07:00', '--working-days', '1'],
        { encoding: 'utf8' },
      );
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe('2025-02-03T10:00:00+07:00');
    },
  );
});
