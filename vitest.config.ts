import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const reportFile = process.env.MOTCUA_TEST_REPORT;

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of sibling packages, not their build output.
    alias: [
      {
        find: /^@motcua\/(domain|db|server|cli)(\/.*)?$/,
        replacement: `${resolve(root, 'packages')}/$1/src$2`,
      },
    ],
  },
  test: {
    globals: false,
    pool: 'forks',
    // Two workers, also on a 2-core machine (vitest's default there is one): a worker spends much of
    // its time waiting on a child process, PostgreSQL or the browser, and the main process is idle.
    maxWorkers: 2,
    // Generous: CI machines have 2 cores and several suites spawn real processes and databases.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: reportFile ? ['default', ['json', { outputFile: reportFile }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The files of a worker share one module graph: the server's modules are loaded once per
          // worker, not once per file (that was a third of the run). Each file still gets its own
          // database and app; nothing else is process-wide (caches are kept per database).
          isolate: false,
        },
      },
      {
        // The browser suites: one web build and one Chromium for the run (global-setup.ts), each
        // file with its own server. Skipped on the PostgreSQL pass (they run once per CI run).
        extends: true,
        test: {
          name: 'browser',
          include: ['packages/web/e2e/**/*.test.ts'],
          globalSetup: ['packages/web/e2e/global-setup.ts'],
          // Pages answer within seconds on a busy machine: a poll gives up after 15 s, not 1 s. A test
          // (a whole user journey, screenshots at two widths) may take minutes when the machine is
          // loaded: a bound for a hung test, not a wait.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 300_000,
        },
      },
    ],
  },
});
