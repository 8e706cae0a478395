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
    include: ['packages/*/src/**/*.test.ts', 'packages/web/e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    globals: false,
    pool: 'forks',
    // Generous: CI machines have 2 cores and several suites spawn real processes and databases.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: reportFile ? ['default', ['json', { outputFile: reportFile }]] : ['default'],
  },
});
