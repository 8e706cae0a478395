import { CalendarError } from './calendar-error.js';
import type { ComputeDueInput, DurationRule } from './duration.js';
import { computeDue } from './duration.js';
import { getDayStartInstant, getYearStartDayNumber, MS_PER_MINUTE } from './local-date.js';
import { createDayOffCalendar } from './schedule.js';
import { DEFAULT_WORKING_HOURS, WorkingTimeCalendar } from './working-time.js';

/**
 * A pure workload for the due-date benchmark (`npm run bench` times it; timing is not done here
 * because the domain package has no clock). Same seed → same inputs → same checksum.
 */

export interface DueDateBenchmarkResult {
  readonly iterations: number;
  /** Depends on every computed due instant, so the work cannot be optimised away. */
  readonly checksum: number;
}

const INPUT_COUNT = 4096;

/** xorshift32: a tiny deterministic generator (quality is irrelevant here, determinism is not). */
const createRandom = (seed: number): (() => number) => {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
};

const RULES: readonly DurationRule[] = [
  { unit: 'working_days', value: 1 },
  { unit: 'working_days', value: 0.5 },
  { unit: 'working_days', value: 3 },
  { unit: 'working_days', value: 5, cutoff: '15:00' },
  { unit: 'working_days', value: 10 },
  { unit: 'working_days', value: 15 },
  { unit: 'working_days', value: 30 },
  { unit: 'working_hours', value: 4 },
  { unit: 'working_hours', value: 24 },
  { unit: 'calendar_days', value: 7 },
  { unit: 'calendar_days', value: 30 },
  { unit: 'same_day', cutoff: '15:00' },
];

/** Varied receipts 2020–2027 (published and fallback years), any time of day, some paused. */
export const createBenchmarkInputs = (count: number, seed: number): ComputeDueInput[] => {
  const random = createRandom(seed);
  const firstDay = getYearStartDayNumber(2020);
  const days = getYearStartDayNumber(2028) - firstDay;
  const inputs: ComputeDueInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = firstDay + Math.floor(random() * days);
    const start = getDayStartInstant(day) + Math.floor(random() * 1440) * MS_PER_MINUTE;
    const rule = RULES[Math.floor(random() * RULES.length)] ?? { unit: 'working_days', value: 1 };
    if (random() < 0.1) {
      const pauseStart = start + Math.floor(random() * 3 * 1440) * MS_PER_MINUTE;
      const pauseEnd = pauseStart + Math.floor(random() * 10 * 1440) * MS_PER_MINUTE;
      inputs.push({ start, rule, pauses: [{ start: pauseStart, end: pauseEnd }] });
    } else {
      inputs.push({ start, rule });
    }
  }
  return inputs;
};

/** Runs `iterations` due-date computations over pre-generated inputs and returns a checksum. */
export const runDueDateBenchmark = (iterations: number, seed = 20250124): DueDateBenchmarkResult => {
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new CalendarError('INVALID_DURATION', 'iterations must be an integer ≥ 0', { value: String(iterations) });
  }
  const calendar = new WorkingTimeCalendar(createDayOffCalendar(), DEFAULT_WORKING_HOURS);
  const inputs = createBenchmarkInputs(INPUT_COUNT, seed);
  let checksum = 0;
  for (let i = 0; i < iterations; i += 1) {
    const input = inputs[i % INPUT_COUNT] ?? inputs[0];
    if (input) {
      const { dueAt } = computeDue(calendar, input);
      checksum = (Math.imul(checksum, 31) + Math.floor((dueAt ?? 0) / 1000)) | 0;
    }
  }
  return { iterations, checksum: checksum >>> 0 };
};
