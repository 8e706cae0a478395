// Due-date computations per second on one core (issue 3: ≥ 1,000,000/s). Pure domain code, built dist.
import { runDueDateBenchmark } from '../../packages/domain/dist/index.js';

export const run = async ({ log, machine }) => {
  // Warm up (tables are built lazily on first use), then take the best of five timed runs.
  runDueDateBenchmark(200_000, 1);
  const results = [];
  for (let round = 0; round < 5; round++) {
    const iterations = 2_000_000;
    const started = process.hrtime.bigint();
    const { checksum } = runDueDateBenchmark(iterations, round + 7);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    results.push({ rate: iterations / seconds, seconds, checksum });
    log(`calendar round ${round + 1}: ${Math.round(iterations / seconds).toLocaleString('en')} due dates/s`);
  }
  const best = Math.max(...results.map((r) => r.rate));
  const median = results.map((r) => r.rate).sort((a, b) => a - b)[2];
  return `## Calendar: due-date arithmetic

Machine: ${machine}

\`computeDue\` over varied receipt instants (working hours, lunch, evenings, weekends, Tết 2020–2027) and
rules (working days/hours with and without cut-off, calendar days, same-day), one core, after warm-up.

| measure | due dates per second |
|---|---|
| best of 5 runs × 2,000,000 | ${Math.round(best).toLocaleString('en')} |
| median of 5 runs | ${Math.round(median).toLocaleString('en')} |

Target: ≥ 1,000,000 per second on one core — ${median >= 1_000_000 ? 'met' : '**not met**'}.`;
};
