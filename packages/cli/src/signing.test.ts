import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteDataDir } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `motcua signing …` run as a user would (the compiled CLI, as cli.test.ts). */
const bin = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)));

let dir: string;

const run = (args: string[]) => {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('MOTCUA_') || key === 'PORT' || key === 'DATABASE_URL') {
      delete env[key];
    }
  }
  return spawnSync(process.execPath, [bin, ...args], {
    env: { ...env, MOTCUA_DATA_DIR: join(dir, 'data') },
    encoding: 'utf8',
    timeout: 120_000,
  });
};

beforeAll(async () => {
  if (!built) {
    throw new Error('packages/cli is not built; run "npm run build" before these tests');
  }
  dir = mkdtempSync(join(tmpdir(), 'motcua-cli-signing-'));
  await createPgliteDataDir(join(dir, 'data', 'pglite'));
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('motcua signing', { timeout: 240_000 }, () => {
  it('creates the test CA once, writes its certificate, trusts roots and verifies files', () => {
    const out = join(dir, 'ca.pem');
    const first = run(['signing', 'test-ca', '--province', '33', '--out', out, '--json']);
    expect(first.status, first.stderr).toBe(0);
    const second = run(['signing', 'test-ca', '--json']);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).sha256).toBe(JSON.parse(first.stdout).sha256);
    const ca = new X509Certificate(readFileSync(out));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('motcua TEST CA — không có giá trị pháp lý');

    const trusted = run(['signing', 'trust-root', out]);
    expect(trusted.status, trusted.stderr).toBe(0);
    expect(trusted.stdout).toContain('trusted: CN=motcua TEST CA');

    const unsigned = join(dir, 'unsigned.pdf');
    writeFileSync(unsigned, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const verified = run(['signing', 'verify', unsigned]);
    expect(verified.status).toBe(1);
    expect(verified.stdout).toContain('no signatures');

    expect(run(['signing', 'test-ca', '--official', 'someone']).status).toBe(2);
  });
});
