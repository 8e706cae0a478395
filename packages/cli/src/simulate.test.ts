import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Runs the real launcher (needs the compiled CLI, as cli.test.ts does). */
const bin = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)));

describe('motcua simulate dvcqg', { timeout: 120_000 }, () => {
  it('prints where it listens and answers the portal contract there', async () => {
    if (!built) {
      throw new Error('packages/cli is not built; run "npm run build" before these tests');
    }
    const child = spawn(process.execPath, [bin, 'simulate', 'dvcqg', '--port', '0', '--password', 'thu-nghiem'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) {
            resolve(match[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const refused = await fetch(`${address}/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'motcua', password: 'motcua-sim' }),
      });
      expect(((await refused.json()) as { error_code: string }).error_code).toBe('401');
      const accepted = await fetch(`${address}/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'motcua', password: 'thu-nghiem' }),
      });
      expect(await accepted.json()).toMatchObject({ error_code: 0, session: expect.any(String) });
      expect(await (await fetch(`${address}/_sim/stats`)).json()).toMatchObject({ sessionsIssued: 1, mode: 'ok' });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
