import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliDataDir } from './testing.js';

/** `motcua signing …` run as a user would (the compiled CLI, as cli.test.ts). */
const cli = useCliDataDir('signing', { timeout: 120_000 });
const run = cli.run;

describe('motcua signing', { timeout: 240_000 }, () => {
  it('creates the test CA once, writes its certificate, trusts roots and verifies files', () => {
    const out = join(cli.dir, 'ca.pem');
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

    const unsigned = join(cli.dir, 'unsigned.pdf');
    writeFileSync(unsigned, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const verified = run(['signing', 'verify', unsigned]);
    expect(verified.status).toBe(1);
    expect(verified.stdout).toContain('no signatures');

    expect(run(['signing', 'test-ca', '--official', 'someone']).status).toBe(2);
  });
});
