// The notification queue under a burst: 1,000 counter intakes sent at an even rate for 20 s
// (autocannon, PostgreSQL), each queueing a `dossier-changed` job whose worker sends the applicant an
// email (to a local SMTP sink) and an SMS (to a local webhook). Measures how long after the burst
// the queue is empty and every message sent, with the worker settings in force (config `jobs`).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { loadConfig, startServer } from '../../packages/server/dist/index.js';
import { seedProcedure, seedWorld } from '../../packages/server/dist/testing/fixtures.js';
import { dbUrl, withClient } from './database.mjs';

const INTAKES = Number(process.env.BENCH_NOTIFY_INTAKES ?? 1000);
const BURST_SECONDS = 20;
const DRAIN_LIMIT_SECONDS = 180;
const BENCH_DB = 'motcua_bench_notify';

const applicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên' },
  email: 'tuyet@example.vn',
  phone: '0912345678',
};

const listen = (server, ...args) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', ...args, () => resolve(server.address().port)));

export const run = async ({ databaseUrl, log, machine }) => {
  let mails = 0;
  let texts = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      stream.on('data', () => {});
      stream.on('end', () => {
        mails += 1;
        done();
      });
    },
  });
  const smsServer = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      texts += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const smtpPort = await listen(smtp.server);
  const smsPort = await listen(smsServer);
  await withClient(databaseUrl, async (c) => {
    await c.query(`drop database if exists ${BENCH_DB} with (force)`);
    await c.query(`create database ${BENCH_DB}`);
  });
  const url = dbUrl(databaseUrl, BENCH_DB);
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    MOTCUA_DATA_DIR: dataDir,
    DATABASE_URL: url,
    MOTCUA_DB_POOL_SIZE: '20',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMS_PROVIDER: 'webhook',
    SMS_WEBHOOK_URL: `http://127.0.0.1:${smsPort}/sms`,
  });
  const server = await startServer(config, { handleSignals: false });
  const backlog = () =>
    withClient(url, async (c) => {
      const { rows } = await c.query(
        `select count(*)::int as n from pgboss.job where name = 'dossier-changed' and state in ('created', 'retry', 'active')`,
      );
      return rows[0].n;
    });
  try {
    const t = { database: server.app.motcua.database };
    const world = await seedWorld(t);
    await seedProcedure(t, { catalog: '33', code: '1.001193' });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'motcua', password: 'Mat-khau-thu-2026' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = await login.json();
    const body = JSON.stringify({
      receivingAgencyId: world.agencies.centre.id,
      procedureCode: '1.001193',
      applicant,
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    });
    log(`notifications: ${INTAKES} intakes over ${BURST_SECONDS} s…`);
    let peak = 0;
    const sampler = setInterval(() => {
      backlog().then(
        (n) => {
          peak = Math.max(peak, n);
        },
        () => {},
      );
    }, 1000);
    const loadBefore = loadavg()[0].toFixed(1);
    const started = Date.now();
    const result = await autocannon({
      url: `${server.url}/api/v1/dossiers`,
      method: 'POST',
      connections: 25,
      overallRate: INTAKES / BURST_SECONDS,
      amount: INTAKES,
      timeout: 30,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body,
    });
    const burstEnded = Date.now();
    const loadAfter = loadavg()[0].toFixed(1);
    const atBurstEnd = await backlog();
    peak = Math.max(peak, atBurstEnd);
    let drainedAt;
    while (Date.now() - burstEnded < DRAIN_LIMIT_SECONDS * 1000) {
      if ((await backlog()) === 0) {
        drainedAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    clearInterval(sampler);
    const sent = await withClient(url, async (c) => {
      const { rows } = await c.query(`select status, count(*)::int as n from notification group by status`);
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    });
    const ok = result['2xx'];
    const drainAfterBurst = drainedAt ? ((drainedAt - burstEnded) / 1000).toFixed(1) : `> ${DRAIN_LIMIT_SECONDS}`;
    const total = drainedAt ? ((drainedAt - started) / 1000).toFixed(1) : '—';
    const { batchSize, concurrency } = config.jobs;
    return `
## Notification queue: a burst of intakes

Machine: ${machine}

${INTAKES} counter intakes (\`POST /api/v1/dossiers\`, outcome receive, applicant with email and phone) sent at an
even ${INTAKES / BURST_SECONDS}/s for ${BURST_SECONDS} s on PostgreSQL, while the same process runs its workers
(batch size ${batchSize}, concurrency ${concurrency}: MOTCUA_JOB_BATCH_SIZE / MOTCUA_JOB_CONCURRENCY defaults).
Each intake queues one \`dossier-changed\` job; its worker sends an email to a local SMTP sink and an SMS to a
local webhook, one \`notification\` row per message. Drained = no \`dossier-changed\` job waiting, retrying or running.

| intakes answered 2xx | non-2xx | client timeouts (30 s) | burst took | jobs waiting at its end | peak backlog | drained after the burst | from the first intake | emails | SMS | notifications sent / failed |
|---|---|---|---|---|---|---|---|---|---|---|
| ${ok} | ${result.non2xx} | ${result.timeouts} | ${((burstEnded - started) / 1000).toFixed(1)} s | ${atBurstEnd} | ${peak} | **${drainAfterBurst} s** | ${total} s | ${mails} | ${texts} | ${sent.sent ?? 0} / ${sent.failed ?? 0} |

Load average (1 min) of the machine when the burst started / ended: ${loadBefore} / ${loadAfter} (other
processes share the cores; the intakes, not the queue, set the burst's length when it exceeds ${BURST_SECONDS} s).
A request the client gave up on after 30 s still committed whole (dossier, event, job): emails count them.

Before this change a worker took one job per 2-second poll (0.5 jobs/s): the same burst needed about 33 minutes.
`;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await withClient(databaseUrl, (c) => c.query(`drop database if exists ${BENCH_DB} with (force)`));
    smtp.close();
    smsServer.close();
  }
};
