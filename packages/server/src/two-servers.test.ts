import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, TEST_PASSWORD, type World } from './testing/fixtures.js';
import { startTestS3Server, type TestS3Server } from './testing/s3-server.js';
import { multipartFile, samplePdf } from './usecases/portal/test-support.js';

/**
 * Two `motcua serve` processes on one PostgreSQL database and one S3-compatible file store, behind
 * one port: a round-robin HTTP proxy in this test sends each request to the next process (or to the
 * one a request names in `x-motcua-backend`, and says in the answer which one answered). What one
 * process did, the other must see — sessions, idempotency keys, jobs, throttles, files — and nothing
 * may be lost or done twice under concurrent load. PostgreSQL only: PGlite is an embedded,
 * single-process database (one process owns its data directory), so there is no second process to run.
 */
// The real launcher, as an operator runs it (built by `npm run build`, which `npm test` runs first).
const bin = fileURLToPath(new URL('../../cli/bin/motcua.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url)));
const adminUrl = process.env.DATABASE_URL;

type Backend = { child: ChildProcess; port: number; output: () => string };

const baseEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('MOTCUA_') || key === 'PORT' || key === 'DATABASE_URL') {
      delete env[key];
    }
  }
  return env;
};

const startBackend = (env: Record<string, string>): Promise<Backend> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...baseEnv(), PORT: '0', LOG_LEVEL: 'warn', MOTCUA_DB_POOL_SIZE: '6', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // Only a bound for a hang: a start is awaited by its "listening" line.
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on http:\/\/localhost:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });

const stopBackend = (backend: Backend): Promise<void> =>
  new Promise((resolve) => {
    if (backend.child.exitCode !== null) {
      resolve();
      return;
    }
    backend.child.once('exit', () => resolve());
    backend.child.kill('SIGTERM');
  });

/** One port in front of the processes: round robin per request, or the backend a request names. */
const startProxy = async (ports: () => number[]) => {
  let next = 0;
  const served = [0, 0];
  const server = createServer((incoming, outgoing) => {
    const pinned = Number(incoming.headers['x-motcua-backend']);
    const index = Number.isInteger(pinned) && pinned >= 0 && pinned < ports().length ? pinned : next++ % ports().length;
    served[index] = (served[index] ?? 0) + 1;
    const upstream = httpRequest(
      {
        host: 'localhost',
        port: ports()[index],
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer: IncomingMessage) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-motcua-backend': String(index) });
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served };
};

/** The SMS gateway: records every message the processes' workers send. */
const startSmsSink = async () => {
  const messages: { to: string; text: string; reference: string }[] = [];
  const server = createServer((incoming, outgoing) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    incoming.on('end', () => {
      messages.push(JSON.parse(body));
      outgoing.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, messages };
};

const closeServer = (server: Server | undefined) =>
  new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

const runLimited = async <T>(count: number, limit: number, run: (index: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await run(index);
      }
    }),
  );
  return results;
};

describe.skipIf(!adminUrl)(
  'two motcua serve processes behind one port (PostgreSQL only: PGlite is single-process)',
  { timeout: 120_000 },
  () => {
    let database: TestDatabase;
    let world: World;
    let s3: TestS3Server;
    let sms: Awaited<ReturnType<typeof startSmsSink>>;
    let proxy: Awaited<ReturnType<typeof startProxy>>;
    const backends: Backend[] = [];

    const call = async (
      path: string,
      init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; backend?: number } = {},
    ) => {
      const headers: Record<string, string> = { ...init.headers };
      if (init.backend !== undefined) {
        headers['x-motcua-backend'] = String(init.backend);
      }
      const response = await fetch(`${proxy.url}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
      const bytes = Buffer.from(await response.arrayBuffer());
      return {
        status: response.status,
        backend: Number(response.headers.get('x-motcua-backend')),
        headers: response.headers,
        bytes,
        json: () => JSON.parse(bytes.toString('utf8')),
      };
    };

    const signIn = async (username: string, password = TEST_PASSWORD, backend?: number) => {
      const response = await call('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
        backend,
      });
      const cookie = response.headers
        .getSetCookie()
        .find((line) => line.startsWith('motcua_session='))
        ?.split(';')[0];
      return {
        response,
        headers: { cookie: cookie ?? '', 'x-csrf-token': response.status === 200 ? response.json().csrfToken : '' },
      };
    };

    const intake = (fullName: string) => ({
      receivingAgencyId: world.agencies.centre?.id,
      procedureCode: '1.001193',
      applicant: {
        kind: 'person',
        fullName,
        idNumber: '033080004321',
        dateOfBirth: '1980-02-02',
        phone: '0912345678',
        address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên' },
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    });

    beforeAll(async () => {
      if (!built) {
        throw new Error('packages/cli is not built; run "npm run build" before these tests');
      }
      database = await createTestDatabase();
      world = await seedWorld({ database });
      await seedProcedure({ database }, { catalog: '33', code: '1.001193' });
      s3 = await startTestS3Server();
      sms = await startSmsSink();
      const url = new URL(adminUrl as string);
      url.pathname = `/${database.name}`;
      const env = {
        DATABASE_URL: url.toString(),
        ...s3.env,
        SMS_PROVIDER: 'webhook',
        SMS_WEBHOOK_URL: sms.url,
        MOTCUA_WEB_DIR: '/nonexistent-web-dir',
        // Polled often, so that the test waits little for the outbox to drain.
        MOTCUA_JOB_BATCH_SIZE: '5',
      };
      backends.push(...(await Promise.all([startBackend(env), startBackend(env)])));
      proxy = await startProxy(() => backends.map((backend) => backend.port));
    }, 240_000);

    afterAll(async () => {
      await Promise.all(backends.map(stopBackend));
      await closeServer(proxy?.server);
      await closeServer(sms?.server);
      await s3?.close();
      await database?.close();
    });

    it('keeps a session signed in through one process on the other, and its sign-out on both', async () => {
      const session = await signIn('motcua', TEST_PASSWORD, 0);
      expect(session.response.status).toBe(200);
      const onOther = await call('/api/v1/me', { headers: session.headers, backend: 1 });
      expect(onOther.status).toBe(200);
      expect(onOther.backend).toBe(1);
      expect(onOther.json()).toMatchObject({ username: 'motcua' });
      const out = await call('/api/v1/auth/logout', { method: 'POST', headers: session.headers, backend: 1 });
      expect(out.status).toBeLessThan(300);
      expect((await call('/api/v1/me', { headers: session.headers, backend: 0 })).status).toBe(401);
    });

    it('counts failed sign-ins in one place: an account is locked whichever process the guesses reach', async () => {
      const answers: { status: number; backend: number }[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const { response } = await signIn('thanhtra', 'not-the-password');
        answers.push({ status: response.status, backend: response.backend });
      }
      expect(new Set(answers.map((a) => a.backend))).toEqual(new Set([0, 1]));
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
      for (const backend of [0, 1]) {
        const { response } = await signIn('thanhtra', TEST_PASSWORD, backend);
        expect(response.status).toBe(429);
        expect(response.json().code).toBe('ACCOUNT_LOCKED');
      }
    });

    it('under concurrent intakes loses nothing and doubles nothing: one dossier per key, each job once', async () => {
      const session = await signIn('motcua');
      expect(session.response.status).toBe(200);
      const post = (body: object, key: string) =>
        call('/api/v1/dossiers', {
          method: 'POST',
          headers: { ...session.headers, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
        });
      // 40 different intakes and the same intake sent 8 times with one key, interleaved, 12 at a time.
      const repeated = intake('Người Gửi Lại');
      const sharedKey = `lap-lai-${randomBytes(6).toString('hex')}`;
      const answers = await runLimited(48, 12, (index) =>
        index % 6 === 0
          ? post(repeated, sharedKey).then((answer) => ({ answer, repeated: true }))
          : post(intake(`Công Dân ${index}`), `khac-${index}-${randomBytes(4).toString('hex')}`).then((answer) => ({
              answer,
              repeated: false,
            })),
      );
      for (const { answer } of answers) {
        expect(answer.status, answer.bytes.toString()).toBe(201);
      }
      expect(new Set(answers.map(({ answer }) => answer.backend))).toEqual(new Set([0, 1]));
      const distinct = answers.filter((a) => !a.repeated).map(({ answer }) => answer.json().code as string);
      const again = answers.filter((a) => a.repeated).map(({ answer }) => answer.json().code as string);
      expect(again).toHaveLength(8);
      expect(new Set(again).size).toBe(1);
      expect(new Set([...distinct, ...again]).size).toBe(41);

      const { rows: dossiers } = await database.pool.query<{ id: string; code: string }>(
        'select id, code from dossier',
      );
      expect(dossiers).toHaveLength(41);
      expect(new Set(dossiers.map((d) => d.code))).toEqual(new Set([...distinct, ...again]));

      // The outbox drains: every job done, by one process or the other, and none left or failed.
      const pending = async () =>
        (
          await database.pool.query<{ n: number }>(
            `select count(*)::int as n from pgboss.job
             where name in ('dossier-changed', 'form-issued') and state in ('created', 'retry', 'active')`,
          )
        ).rows[0]?.n;
      for (let attempt = 0; attempt < 600 && (await pending()) !== 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await pending()).toBe(0);
      const { rows: states } = await database.pool.query<{ name: string; state: string; n: number }>(
        `select name, state, count(*)::int as n from pgboss.job
         where name in ('dossier-changed', 'form-issued') group by name, state order by name, state`,
      );
      expect(states).toEqual([
        { name: 'dossier-changed', state: 'completed', n: 41 },
        { name: 'form-issued', state: 'completed', n: 41 },
      ]);
      // Each dossier's receipt SMS went out once (the gateway saw each reference once), and its receipt
      // PDF was stored once.
      const references = sms.messages.map((message) => message.reference);
      expect(references).toHaveLength(41);
      expect(new Set(references)).toEqual(new Set(dossiers.map((d) => `${d.id}:1`)));
      const { rows: forms } = await database.pool.query<{ n: number }>(
        `select count(*)::int as n from issued_form where form = 'receipt'`,
      );
      expect(forms[0]?.n).toBe(41);
    });

    it('serves through one process a file uploaded through the other (the shared S3 store)', async () => {
      const session = await signIn('motcua');
      const created = await call('/api/v1/dossiers', {
        method: 'POST',
        headers: { ...session.headers, 'content-type': 'application/json' },
        body: JSON.stringify(intake('Người Nộp Bản Quét')),
      });
      expect(created.status).toBe(201);
      const code = created.json().code as string;
      const scan = samplePdf(`bản quét ${randomBytes(4).toString('hex')}`);
      const file = multipartFile(scan, 'to-khai.pdf', 'application/pdf');
      const uploaded = await call(
        `/api/v1/dossiers/${code}/documents?kind=component&component=to-khai&name=${encodeURIComponent('Tờ khai')}`,
        { method: 'POST', headers: { ...session.headers, ...file.headers }, body: file.payload, backend: 0 },
      );
      expect(uploaded.status, uploaded.bytes.toString()).toBe(201);
      const download = await call(`/api/v1/dossiers/${code}/documents/${uploaded.json().id}`, {
        headers: session.headers,
        backend: 1,
      });
      expect(download.status).toBe(200);
      expect(download.backend).toBe(1);
      expect(createHash('sha256').update(download.bytes).digest('hex')).toBe(
        createHash('sha256').update(scan).digest('hex'),
      );
    });
  },
);
