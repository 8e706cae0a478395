// Builds what `npm start` and `npx motcua` need: the TypeScript packages (incremental, tsc -b),
// the web's API types (from the server's OpenAPI document) and the web client (Vite). Safe to run
// repeatedly; prints one line per step.
//
// A step whose inputs have not changed since it last succeeded is skipped without spawning anything:
// its fingerprint (path, size and mtime of every input file) is kept in node_modules/.cache/motcua/
// (so `npm ci` starts afresh), and its outputs must still exist. `--force` (or CI=true) runs every step.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const stampFile = `${root}node_modules/.cache/motcua/build-stamps.json`;
const force = process.argv.includes('--force') || Boolean(process.env.CI);

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'e2e', '.vite']);

/**
 * The lines (path, size, mtime) of every file under one input path. Several steps share inputs (the
 * TypeScript sources are inputs of three), so a path is walked once per run and its lines reused,
 * until a step runs: a step may write another step's inputs (the API types are the web's), so the
 * walks are forgotten then. On an unchanged tree this is most of the check `npm start` makes.
 */
const walked = new Map();
const linesOf = (relative) => {
  const known = walked.get(relative);
  if (known) {
    return known;
  }
  const lines = [];
  const visit = (path) => {
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (!stat) {
      lines.push(`${path}\0missing\n`);
      return;
    }
    if (!stat.isDirectory()) {
      lines.push(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      return;
    }
    for (const entry of readdirSync(join(root, path), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (!(entry.isDirectory() && SKIPPED_DIRS.has(entry.name))) {
        visit(join(path, entry.name));
      }
    }
  };
  visit(relative);
  walked.set(relative, lines);
  return lines;
};

/** Every file under the given paths (files or folders, relative to the root), with size and mtime. */
const fingerprint = (paths) => {
  const hash = createHash('sha256');
  for (const path of paths) {
    for (const line of linesOf(path)) {
      hash.update(line);
    }
  }
  return hash.digest('hex');
};

const readStamps = () => {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
};
const stamps = readStamps();
const writeStamp = (label, value) => {
  stamps[label] = value;
  mkdirSync(join(stampFile, '..'), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify(stamps, null, 2)}\n`);
};

const TS_PACKAGES = ['domain', 'db', 'server', 'cli'];
const TS_INPUTS = [
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  ...TS_PACKAGES.flatMap((name) => [`packages/${name}/src`, `packages/${name}/tsconfig.json`]),
];

/**
 * Runs a step unless its inputs are unchanged since its last success and its outputs exist. The
 * fingerprint is taken before the step runs, so a file edited during a build is seen next time.
 */
const step = ({ label, command, args, cwd = root, inputs, outputs, isOutputCurrent = () => true }) => {
  const started = Date.now();
  const print = (what) => console.error(`build: ${label} ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const current = fingerprint(inputs);
  // The outputs are part of the stamp too: an output replaced from outside (a merge, a checkout) reruns the step.
  if (
    !force &&
    outputs.every((file) => existsSync(join(root, file))) &&
    stamps[label] === `${current}:${fingerprint(outputs)}` &&
    isOutputCurrent()
  ) {
    print('up to date (checked)');
    return;
  }
  walked.clear();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  walked.clear();
  writeStamp(label, `${current}:${fingerprint(outputs)}`);
  print('done');
};

step({
  label: 'TypeScript packages',
  command: bin('tsc'),
  args: ['-b', 'tsconfig.json'],
  inputs: TS_INPUTS,
  outputs: TS_PACKAGES.map((name) => `packages/${name}/dist/index.js`).concat('packages/cli/dist/main.js'),
});
// The command line as one module (scripts/bundle-cli.mjs), current while every file it was made from
// is unchanged (bin/motcua.js checks the same before it uses it).
const BUNDLE_DIR = join(root, 'packages/cli/dist/bundle');
step({
  label: 'command-line bundle',
  command: process.execPath,
  args: [`${root}scripts/bundle-cli.mjs`],
  inputs: [...TS_INPUTS, 'scripts/bundle-cli.mjs'],
  outputs: ['packages/cli/dist/bundle/motcua.js'],
  isOutputCurrent: () => {
    try {
      const sources = JSON.parse(readFileSync(join(BUNDLE_DIR, 'sources.json'), 'utf8'));
      return sources.every(([path, size, mtimeMs]) => {
        const stat = statSync(join(BUNDLE_DIR, path));
        return stat.size === size && stat.mtimeMs === mtimeMs;
      });
    } catch {
      return false;
    }
  },
});
// The web's API types come from the server's OpenAPI document; the web type-check reads them. In CI
// (CI=true, .ci/run) the committed file is checked instead of rewritten, so a server change that the
// committed types do not reflect fails the build.
step({
  label: 'API types',
  command: process.execPath,
  args: [`${root}scripts/generate-api-types.mjs`, ...(process.env.CI ? ['--check'] : [])],
  inputs: [...TS_INPUTS, 'scripts/generate-api-types.mjs'],
  outputs: ['packages/web/src/api/generated/openapi.d.ts'],
});
step({
  label: 'web client',
  command: bin('vite'),
  args: ['build', '--logLevel', 'warn'],
  cwd: `${root}packages/web`,
  inputs: ['package-lock.json', 'packages/domain/src', 'packages/web'],
  outputs: ['packages/web/dist/index.html'],
});
