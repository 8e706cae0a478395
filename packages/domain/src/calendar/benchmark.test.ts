import { describe, expect, it } from 'vitest';
import { createBenchmarkInputs, runDueDateBenchmark } from './benchmark.js';
import { CalendarError } from './calendar-error.js';

describe('runDueDateBenchmark', () => {
  it('is deterministic for a seed and depends on it', () => {
    const a = runDueDateBenchmark(5000, 7);
    expect(a).toEqual(runDueDateBenchmark(5000, 7));
    expect(a.iterations).toBe(5000);
    expect(runDueDateBenchmark(5000, 8).checksum).not.toBe(a.checksum);
    expect(runDueDateBenchmark(0)).toEqual({ iterations: 0, checksum: 0 });
  });

  it('generates varied, valid inputs', () => {
    const inputs = createBenchmarkInputs(1000, 1);
    expect(inputs).toHaveLength(1000);
    expect(new Set(inputs.map((i) => i.rule.unit)).size).toBe(4);
    expect(inputs.some((i) => i.pauses !== undefined)).toBe(true);
  });

  it('rejects a bad iteration count', () => {
    expect(() => runDueDateBenchmark(-1)).toThrow(CalendarError);
    expect(() => runDueDateBenchmark(1.5)).toThrow(CalendarError);
  });
});
