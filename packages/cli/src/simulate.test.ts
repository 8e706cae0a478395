import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_BIN, requireBuiltCli } from './testing.js';

/** Runs the real launcher (needs the compiled CLI, as cli.test.ts does). */
describe('motcua simulate dvcqg', { timeout: 120_000 }, () => {
  it('prints where it listens and answers the portal contract there', async () => {
    requireBuiltCli();
    const child = spawn(process.execPath, [CLI_BIN, 'simulate', 'dvcqg', '--port', '0', '--password', 'thu-nghiem'], {
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
