import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The architecture rules of ARCHITECTURE.md, enforced. Each source file's imports are read with a
 * regular expression (enough for our code: every import is a static `import … from '…'`, `export …
 * from '…'`, `import '…'` or `import('…')`), resolved to files, and checked:
 * - no import cycle between files (type-only imports included: a cycle of types is still a tangle);
 * - no SQL outside packages/db (query builder calls, raw `sql`, CompiledQuery, pool.query, pg);
 * - the domain imports only the domain (and zod): no I/O, no node:, no other package;
 * - routes import no database and no other routes file (shared HTTP helpers live in http/);
 * - the packages depend one way: domain ← db ← server ← cli, and the web on the domain only.
 * Test files (*.test.ts) are read for cycles but not held to the other rules: a test may look at the
 * rows to prove what the code wrote, and a domain test may read its fixtures from disk.
 */

const root = resolve(import.meta.dirname, '..');
const PACKAGES = ['domain', 'db', 'server', 'cli', 'web'] as const;
type PackageName = (typeof PACKAGES)[number];

const listSources = (dir: string): string[] => {
  if (!existsSync(dir)) {
    return [];
  }
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      files.push(...listSources(path));
    } else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files;
};

type SourceFile = { path: string; name: string; pkg: PackageName; text: string; imports: string[]; isTest: boolean };

const IMPORT_PATTERNS = [
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s+['"]([^'"]+)['"]/g,
  /(?:^|[\s;])import\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The text without comments, so that an example in a comment is not taken for an import. */
const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const readImports = (text: string): string[] => {
  const code = stripComments(text);
  const found = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      found.add(match[1] as string);
    }
  }
  return [...found];
};

const files: SourceFile[] = PACKAGES.flatMap((pkg) =>
  listSources(join(root, 'packages', pkg, 'src')).map((path) => {
    const text = readFileSync(path, 'utf8');
    return {
      path,
      name: relative(root, path),
      pkg,
      text,
      imports: readImports(text),
      isTest: /\.test\.tsx?$/.test(path),
    };
  }),
);
const byPath = new Map(files.map((file) => [file.path, file]));

/** The file an import names, or undefined for a third-party module. */
const resolveImport = (from: string, specifier: string): string | undefined => {
  let base: string;
  if (specifier.startsWith('.')) {
    base = resolve(dirname(from), specifier);
  } else {
    const match = /^@motcua\/(domain|db|server|cli)(?:\/(.+))?$/.exec(specifier);
    if (!match) {
      return undefined;
    }
    base = join(root, 'packages', match[1] as string, 'src', match[2] ?? 'index');
  }
  const stem = base.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(stem, 'index.ts'), join(stem, 'index.tsx'), base]) {
    if (byPath.has(candidate)) {
      return candidate;
    }
  }
  return undefined;
};

const edges = new Map(
  files.map((file) => [
    file.path,
    file.imports.map((specifier) => resolveImport(file.path, specifier)).filter((p): p is string => p !== undefined),
  ]),
);

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
const findCycles = (): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) {
        cycles.push(component.map((path) => relative(root, path)).sort());
      }
    }
  };
  for (const file of files) {
    if (!index.has(file.path)) {
      visit(file.path);
    }
  }
  return cycles;
};

const SQL_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: "kysely's sql tag", pattern: /import\s*\{[^}]*(?<!type\s)\bsql\b[^}]*\}\s*from\s*['"]kysely['"]/ },
  { what: 'a query builder call', pattern: /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/ },
  { what: 'CompiledQuery', pattern: /\bCompiledQuery\b/ },
  { what: 'a raw pool or client query', pattern: /\b(pool|client|pglite)\.(query|exec)\s*[<(]/ },
  { what: 'the pg driver', pattern: /from\s+['"]pg['"]/ },
];

const violations = (check: (file: SourceFile) => string[]) =>
  files.flatMap((file) => check(file).map((problem) => `${file.name}: ${problem}`));

describe('architecture', () => {
  it('reads the sources (the checks below are not vacuous)', () => {
    for (const pkg of PACKAGES) {
      expect(files.filter((file) => file.pkg === pkg).length, pkg).toBeGreaterThan(5);
    }
    const appImports = edges.get(join(root, 'packages/server/src/app.ts')) ?? [];
    expect(appImports.map((path) => relative(root, path))).toContain('packages/server/src/routes/dossiers.routes.ts');
  });

  it('has no import cycle between files', () => {
    expect(findCycles()).toEqual([]);
  });

  it('keeps SQL inside packages/db', () => {
    expect(
      violations((file) =>
        file.pkg === 'db' || file.isTest
          ? []
          : SQL_PATTERNS.filter(({ pattern }) => pattern.test(stripComments(file.text))).map(({ what }) => what),
      ),
    ).toEqual([]);
  });

  it('keeps the domain pure: it imports only the domain and zod', () => {
    expect(
      violations((file) =>
        file.pkg !== 'domain' || file.isTest
          ? []
          : file.imports.filter(
              (specifier) =>
                !(specifier === 'zod' || specifier.startsWith('.')) ||
                (specifier.startsWith('.') &&
                  !resolveImport(file.path, specifier)?.startsWith(join(root, 'packages/domain/'))),
            ),
      ),
    ).toEqual([]);
  });

  it('keeps routes thin: no database, and no routes file imports another', () => {
    expect(
      violations((file) =>
        file.pkg !== 'server' || !file.name.startsWith('packages/server/src/routes/') || file.isTest
          ? []
          : file.imports.filter(
              (specifier) =>
                /^(@motcua\/db|kysely|pg|pg-boss|@electric-sql\/pglite)(\/|$)/.test(specifier) ||
                (resolveImport(file.path, specifier) ?? '').endsWith('.routes.ts'),
            ),
      ),
    ).toEqual([]);
  });

  it('reads reports through ctx.reader (the replica when configured), never ctx.db', () => {
    const reportReads = files.filter(
      (file) =>
        file.name.startsWith('packages/server/src/usecases/reports/') &&
        !file.isTest &&
        // The import and the synthetic history write: they belong on the primary; so does the fold of
        // pending statistics deltas that precedes every read of the aggregates.
        !/\/(import|import-runs|synthetic|fold-statistics)\.ts$/.test(file.name),
    );
    expect(reportReads.map((file) => file.name)).toContain('packages/server/src/usecases/reports/statistics.ts');
    expect(reportReads.filter((file) => /\bctx\.db\b/.test(stripComments(file.text))).map((file) => file.name)).toEqual(
      [],
    );
  });

  it('keeps the packages layered: domain ← db ← server ← cli, and the web on the domain only', () => {
    const allowed: Record<PackageName, PackageName[]> = {
      domain: ['domain'],
      db: ['domain', 'db'],
      server: ['domain', 'db', 'server'],
      cli: ['domain', 'db', 'server', 'cli'],
      web: ['domain', 'web'],
    };
    expect(
      violations((file) =>
        file.imports.filter((specifier) => {
          const target = resolveImport(file.path, specifier);
          const pkg = target ? files.find((f) => f.path === target)?.pkg : undefined;
          const named = /^@motcua\/([a-z]+)/.exec(specifier)?.[1] as PackageName | undefined;
          return [pkg, named].some((p) => p !== undefined && !allowed[file.pkg].includes(p));
        }),
      ),
    ).toEqual([]);
  });
});
