import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 12: the web's requests live in one hook file per feature (features/<feature>/use*.ts, reports/api.ts);
// components (.tsx) call those and never spell an API path themselves.
const webSrc = join(import.meta.dirname, '..', 'packages', 'web', 'src');

const tsxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? tsxFiles(path) : entry.name.endsWith('.tsx') ? [path] : [];
  });

describe('web data fetching', () => {
  it('keeps API paths out of components', () => {
    const offenders = tsxFiles(webSrc).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/["'`]\/api\/v1/.test(line) ? [`${relative(webSrc, file)}:${index + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
