import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createPgliteDataDir } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, cleanEnv, requireBuiltCli, runCli } from './testing.js';

/**
 * These tests run the real `motcua` launcher in child processes, as a user would. They need the
 * compiled CLI (`npm test` builds it in its type-check step).
 */
let dataDir: string;

beforeAll(() => {
  requireBuiltCli();
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Each test runs one or more commands that open the embedded database (seconds each, more when the
// other worker is busy too): a test may take minutes on a loaded 2-core machine.
describe('motcua command line', { timeout: 180_000 }, () => {
  it('prints help and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: motcua <command>');
    expect(result.stdout).toMatch(/serve\s+Migrate the database/);
  });

  it('runs the background jobs apart: `serve --workers on|off` and `worker` (usage errors exit 2)', () => {
    const help = runCli(['--help']);
    expect(help.stdout).toMatch(/worker\s+Run the background jobs without the web server/);
    expect(runCli(['worker', '--help']).stdout).toContain('Usage: motcua worker');
    expect(runCli(['serve', '--help']).stdout).toContain('--workers off: answer HTTP only');
    const wrong = runCli(['serve', '--workers', 'maybe'], { MOTCUA_DATA_DIR: dataDir });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--workers must be on or off');
    const extra = runCli(['worker', '--now'], { MOTCUA_DATA_DIR: dataDir });
    expect(extra.status).toBe(2);
  });

  it('exits 2 on an unknown command', () => {
    const result = runCli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command');
  });

  it('exits 2 with one line naming PORT when PORT is not a number, without a stack trace', () => {
    const result = runCli(['serve'], { PORT: 'abc', MOTCUA_DATA_DIR: dataDir });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('motcua: invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('migrates and reports in JSON; a second run finds nothing to do', () => {
    const first = runCli(['migrate', '--json'], { MOTCUA_DATA_DIR: dataDir });
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { applied: { version: number }[]; referenceData: { loaded: boolean } };
    expect(report.applied.length).toBeGreaterThan(0);
    expect(report.referenceData.loaded).toBe(true);
    const second = runCli(['migrate', '--json'], { MOTCUA_DATA_DIR: dataDir });
    expect(JSON.parse(second.stdout)).toEqual({ applied: [], referenceData: { loaded: false, units: 0 } });
    const status = runCli(['migrate', 'status', '--json'], { MOTCUA_DATA_DIR: dataDir });
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout).isCurrent).toBe(true);
  }, 180_000);
});

const waitForLine = (child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> =>
  new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${buffer}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; output:\n${buffer}`));
    });
  });

const startServe = (dir: string) => {
  const child = spawn(process.execPath, [CLI_BIN, 'serve', '--demo'], {
    env: { ...cleanEnv(), PORT: '0', MOTCUA_DATA_DIR: dir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
};

const stopWithSigint = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

// The embedded database is the same on both passes (the child's environment drops DATABASE_URL): it runs
// on the PGlite pass only. The deadlines below only turn a hang into a failure: the demo seed takes about a
// minute on a quiet 2-core machine, several on a busy one, and a start is awaited by its "listening" line.
describe.skipIf(Boolean(process.env.DATABASE_URL))('motcua serve on the embedded database', () => {
  it('starts, answers /readyz, stops cleanly on Ctrl-C, and keeps its data without seeding twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-serve-'));
    try {
      const first = startServe(dir);
      const [, url] = await waitForLine(first.child, /listening on (http:\/\/localhost:\d+)/, 420_000);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
      expect(first.output()).toContain('seeded the demo province');
      expect(await stopWithSigint(first.child)).toBe(0);
      expect(existsSync(join(dir, 'motcua.lock'))).toBe(false);

      const second = startServe(dir);
      const [, url2] = await waitForLine(second.child, /listening on (http:\/\/localhost:\d+)/, 120_000);
      expect((await fetch(`${url2}/readyz`)).status).toBe(200);
      // The second start on the unchanged folder applies and seeds nothing: it says so, line by line.
      expect(second.output()).not.toContain('seeded the demo province');
      expect(second.output()).not.toContain('applied migration');
      expect(second.output()).not.toContain('administrative units');
      expect(second.output()).toContain('database current (migrations and reference data checked by version)');
      expect(second.output()).toContain('demo province already seeded; nothing seeded');
      expect(second.output()).toMatch(/ready \d+\.\d\d s after the process started \(process start and modules /);

      // A second process on the same embedded data directory is refused instead of corrupting it.
      const intruder = runCli(['migrate'], { MOTCUA_DATA_DIR: dir });
      expect(intruder.status).toBe(1);
      expect(intruder.stderr).toMatch(/in use by another motcua process/);

      expect(await stopWithSigint(second.child)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('motcua import/export procedures', { timeout: 180_000 }, () => {
  const catalogFile = fileURLToPath(new URL('../../../reference-data/tthc-catalog.json', import.meta.url));
  let dir: string;
  let subsetFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-catalog-cli-'));
    // A migrated database to import into (migrating a fresh one is the migrate test's subject).
    await createPgliteDataDir(join(dir, 'data', 'pglite'));
    const { procedures } = JSON.parse(readFileSync(catalogFile, 'utf8')) as { procedures: unknown[] };
    subsetFile = join(dir, 'subset.json');
    writeFileSync(subsetFile, JSON.stringify({ procedures: procedures.slice(0, 300) }));
    writeFileSync(join(dir, 'subset.json.gz'), gzipSync(JSON.stringify(procedures.slice(300, 320))));
    writeFileSync(join(dir, 'broken.json'), '{"procedures": [');
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({ MOTCUA_DATA_DIR: join(dir, 'data') });

  it('imports a file with progress on stderr and the report as JSON; a second import changes nothing', () => {
    const first = runCli(['import', 'procedures', subsetFile, '--json'], env());
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('importing 250/300 (83%)');
    expect(first.stderr).toContain('importing 300/300 (100%): 300 created');
    const report = JSON.parse(first.stdout) as { catalog: string; status: string; totals: Record<string, unknown> };
    expect(report).toMatchObject({ catalog: 'national', status: 'completed' });
    expect(report.totals).toMatchObject({ rows: 300, created: 300, rejected: 0 });

    const second = runCli(['import', 'procedures', subsetFile], env());
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('0 created, 0 updated, 300 unchanged, 0 rejected');
  });

  it('imports gzip into a province catalog, and exports what imports back unchanged', () => {
    const gz = runCli(['import', 'procedures', join(dir, 'subset.json.gz'), '--catalog', '33', '--json'], env());
    expect(gz.status, gz.stderr).toBe(0);
    expect(JSON.parse(gz.stdout)).toMatchObject({ catalog: '33', totals: { created: 20 } });

    const out = join(dir, 'export.json');
    const exported = runCli(['export', 'procedures', '--out', out], env());
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('exported 300 procedures of the national catalog');
    const back = runCli(['import', 'procedures', out, '--json'], env());
    expect(JSON.parse(back.stdout).totals).toMatchObject({ unchanged: 300, created: 0, updated: 0 });
  });

  it('exits 1 with one clear line for a file that is not a catalog, 2 for a missing file or bad option', () => {
    const broken = runCli(['import', 'procedures', join(dir, 'broken.json')], env());
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/cannot import .*broken\.json: The file is not valid JSON/);
    const missing = runCli(['import', 'procedures', join(dir, 'nothing.json')], env());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const option = runCli(['import', 'procedures', subsetFile, '--catalog', 'HY'], env());
    expect(option.status).toBe(2);
  });
});

// The commands on the embedded database (the round trip on PostgreSQL is packages/server/src/backup/backup.test.ts).
describe.skipIf(Boolean(process.env.DATABASE_URL))('motcua backup and restore', { timeout: 300_000 }, () => {
  const catalogFile = fileURLToPath(new URL('../../../reference-data/tthc-catalog.json', import.meta.url));
  let dir: string;
  const scan = Buffer.from('%PDF-1.4 a scanned form, stored by its hash');
  const sha256 = createHash('sha256').update(scan).digest('hex');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-backup-cli-'));
    await createPgliteDataDir(join(dir, 'source', 'pglite'));
    await createPgliteDataDir(join(dir, 'target', 'pglite'));
    const { procedures } = JSON.parse(readFileSync(catalogFile, 'utf8')) as { procedures: unknown[] };
    writeFileSync(join(dir, 'subset.json'), JSON.stringify({ procedures: procedures.slice(0, 20) }));
    const stored = join(dir, 'source', 'files', sha256.slice(0, 2), sha256.slice(2, 4));
    mkdirSync(stored, { recursive: true });
    writeFileSync(join(stored, sha256), scan);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up, restores into an empty install, refuses a non-empty one, and the restored install verifies', () => {
    const source = { MOTCUA_DATA_DIR: join(dir, 'source') };
    const target = { MOTCUA_DATA_DIR: join(dir, 'target') };
    expect(runCli(['import', 'procedures', join(dir, 'subset.json')], source).status).toBe(0);
    const archive = join(dir, 'motcua.backup.gz');
    expect(runCli(['backup'], source).status).toBe(2);
    const backup = runCli(['backup', '--out', archive, '--json'], source);
    expect(backup.status, backup.stderr).toBe(0);
    const manifest = JSON.parse(backup.stdout) as { tables: Record<string, number>; files: Record<string, number> };
    expect(manifest.tables['public.procedure']).toBe(20);
    expect(manifest.files).toEqual({ [sha256]: scan.length });

    const restore = runCli(['restore', archive, '--json'], target);
    expect(restore.status, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ files: 1 });
    expect(readFileSync(join(dir, 'target', 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toEqual(scan);
    // The same procedures, byte for byte (only the export's own timestamp differs).
    const exported = (env: NodeJS.ProcessEnv) =>
      runCli(['export', 'procedures'], env).stdout.replace(/"exportedAt":"[^"]*"/, '');
    expect(exported(target)).toBe(exported(source));

    const again = runCli(['restore', archive], target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/the target is not empty .*--force/);
    expect(runCli(['restore', archive, '--force'], target).status).toBe(0);

    const audit = runCli(['audit', 'verify'], target);
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toContain('every chain intact');
  });
});
