// Public tracking (GET /api/v1/public/dossiers/:code?factor=PIN) on a 1,000,000-dossier PostgreSQL
// database: autocannon at 10 and 50 clients over random existing codes with their correct PIN, against
// an API process of its own, beside the raw rate of PostgreSQL answering the same statement through pg
// at the same concurrency (and a plain select of the dossier row by its unique code), in the same run.
//
//   node scripts/bench/tracking.mjs            (needs `npm run build`; `npm run bench tracking` builds first)
//
// Environment:
//   BENCH_DATABASE_URL          server to use (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_TRACKING_DB           database to create and keep (default motcua_bench_tracking)
//   BENCH_TRACKING_DOSSIERS     dossiers wanted (default 1000000)
//   BENCH_TRACKING_SECONDS      seconds per measurement (default 15)
// The database is kept between runs and reused while its marker (a comment on the database naming the
// data version and the dossier count) matches; otherwise it is dropped and generated again.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { findTrackedDossier, generateSyntheticHistory, openDatabase } from '../../packages/db/dist/index.js';
import {
  DEFAULT_DEMO_PASSWORD,
  deriveTrackingPin,
  getInstallationSecret,
  loadConfig,
  openRuntimeContext,
  seedDemo,
  seedSyntheticDossiers,
} from '../../packages/server/dist/index.js';
import { dbUrl, withClient } from './database.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PROVINCE = '33';
const DATA_VERSION = 1;
const SAMPLE = 20_000;
const CLIENTS = [10, 50];
/** Open-loop paces, as fractions of the saturated rate at 50 clients. */
const PACED_FRACTIONS = [0.25, 0.5, 0.75];

const n = (value) => Math.round(Number(value)).toLocaleString('en-US');
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** The database with its marker, generated when missing or stale. */
const prepareDatabase = async ({ databaseUrl, name, wanted, log }) => {
  const marker = `motcua tracking bench v${DATA_VERSION}: ${wanted} dossiers`;
  const url = dbUrl(databaseUrl, name);
  const current = await withClient(databaseUrl, async (c) => {
    const { rows } = await c.query(
      `select shobj_description(oid, 'pg_database') as marker from pg_database where datname = $1`,
      [name],
    );
    return rows[0];
  });
  if (current?.marker === marker) {
    log(`tracking: reusing ${name} (${marker})`);
    return { url, generated: null };
  }
  await withClient(databaseUrl, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  const started = performance.now();
  const runtime = await openRuntimeContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  try {
    const { ctx } = runtime;
    await seedDemo(ctx, { password: DEFAULT_DEMO_PASSWORD });
    const existing = await withClient(url, async (c) =>
      Number((await c.query('select count(*) as n from dossier')).rows[0].n),
    );
    log(`tracking: generating ${n(wanted - existing)} dossiers…`);
    let last = 0;
    await seedSyntheticDossiers(ctx.db, {
      provinceCode: PROVINCE,
      dossiers: wanted - existing,
      fromYear: 2025,
      toYear: 2026,
      now: new Date(),
      batchSize: 200_000,
      onProgress: (p) => {
        if (p.generated - last >= 200_000 || p.generated === p.total) {
          last = p.generated;
          log(`tracking: generated ${n(p.generated)}/${n(p.total)} (${n(p.rowsPerSecond)}/s)`);
        }
      },
    });
    log('tracking: writing their steps and history…');
    const history = await generateSyntheticHistory(ctx.db, { provinceCode: PROVINCE });
    log(`tracking: ${n(history.steps)} steps, ${n(history.events)} events`);
    await getInstallationSecret(ctx);
  } finally {
    await runtime.close();
  }
  await withClient(url, (c) => c.query('vacuum analyze'));
  await withClient(databaseUrl, (c) => c.query(`comment on database ${name} is '${marker}'`));
  return { url, generated: { seconds: (performance.now() - started) / 1000 } };
};

/** Random existing codes of received dossiers with their receipt PIN. */
const sampleLookups = async (url) => {
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
  try {
    const ctx = { database, db: database.db };
    const secret = await getInstallationSecret(ctx);
    const { rows } = await withClient(url, (c) =>
      c.query(
        `select code from dossier tablesample system (5) repeatable (16) where received_at is not null limit ${SAMPLE}`,
      ),
    );
    return rows.map(({ code }) => ({ code, pin: deriveTrackingPin(secret, code) }));
  } finally {
    await database.close();
  }
};

/** The API in a process of its own (as deployed), ready when /readyz answers. */
const startApi = async (url) => {
  const port = await freePort();
  const child = spawn(process.execPath, [`${root}packages/cli/bin/motcua.js`, 'serve'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) {
        return {
          base,
          cpuMs: () => cpuMsOf(child.pid),
          stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')),
        };
      }
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not become ready in 60 s');
};

const httpRun = (base, lookups, connections, seconds, overallRate = undefined) => {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        ...(overallRate ? { overallRate } : {}),
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const { code, pin } = lookups[next++ % lookups.length];
              return { ...request, path: `/api/v1/public/dossiers/${code}?factor=${pin}` };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
};

/**
 * Open loop at a fixed pace: request i is sent at start + i / rate, whether or not earlier answers
 * have come (a keep-alive pool of `connections` sockets; a request finding every socket busy waits
 * for one, and that wait counts). Latency runs from the request's planned instant to the end of its
 * answer, so a late send is not hidden (no coordinated omission). This is the latency a citizen
 * sees when lookups arrive independently at that rate; autocannon's `overallRate` instead lets each
 * connection send back to back until its share of the second is used, then wait for the next second,
 * so its "paced" load arrives in bursts at the start of every second.
 */
const pacedRun = async (base, lookups, connections, seconds, rate) => {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  const total = Math.round(rate * seconds);
  const ms = [];
  let failed = 0;
  let sent = 0;
  let next = 0;
  const one = (plannedAt) =>
    new Promise((resolve) => {
      const { code, pin } = lookups[next++ % lookups.length];
      const req = httpRequest(
        { agent, hostname, port, path: `/api/v1/public/dossiers/${code}?factor=${pin}` },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) {
              ms.push(performance.now() - plannedAt);
            } else {
              failed += 1;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end();
    });
  const inFlight = [];
  const started = performance.now() + 20;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + (sent * 1000) / rate <= now) {
        inFlight.push(one(started + (sent * 1000) / rate));
        sent += 1;
      }
      if (sent >= total) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, started + (sent * 1000) / rate - performance.now()));
    };
    setTimeout(tick, 20);
  });
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  ms.sort((a, b) => a - b);
  return {
    rate: ms.length / elapsed,
    p50: percentile(ms, 50),
    p90: percentile(ms, 90),
    p99: percentile(ms, 99),
    failed,
  };
};

/** CPU time (user + system, all threads) a process has used so far, from /proc (Linux); undefined elsewhere. */
const cpuMsOf = (pid) => {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) {
    return undefined;
  }
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

/** `connections` loops on a pool of that size, each sending `query(lookup)` back to back. */
const rawRun = async (url, lookups, connections, seconds, query) => {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const ms = [];
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const lookup = lookups[next++ % lookups.length];
      const started = performance.now();
      const { rows } = await pool.query(query(lookup));
      if (rows.length !== 1) {
        throw new Error(`no row for ${lookup.code}`);
      }
      ms.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  ms.sort((a, b) => a - b);
  return { rate: ms.length / elapsed, p50: percentile(ms, 50), p99: percentile(ms, 99) };
};

/**
 * The statement the API sends for one lookup, as text and values, with the code and throttle keys of
 * the sampled lookup swapped in for each call: the same statement, by the same keys.
 */
const captureTrackingStatement = async (url, sample) => {
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
  const seen = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (...args) {
    if (typeof args[0] === 'string') {
      seen.push({ text: args[0], values: Array.isArray(args[1]) ? args[1] : [] });
    } else if (args[0]?.text) {
      seen.push({ name: args[0].name, text: args[0].text, values: args[0].values ?? [] });
    }
    return query.apply(this, args);
  };
  try {
    await findTrackedDossier(database, { code: sample.code, throttleKeys: ['bench-address', 'bench-code'] });
  } finally {
    pg.Client.prototype.query = query;
    await database.close();
  }
  const statement = seen.find((s) => s.values?.includes(sample.code));
  if (!statement) {
    throw new Error('the tracking statement was not seen');
  }
  return ({ code }) => ({
    ...(statement.name ? { name: statement.name } : {}),
    text: statement.text,
    values: statement.values.map((v) =>
      v === sample.code
        ? code
        : v === 'bench-address'
          ? 'track-addr:bench'
          : v === 'bench-code'
            ? `track-code:${code}`
            : v,
    ),
  });
};

export async function run({
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
  log = console.error,
  machine = '',
} = {}) {
  const name = process.env.BENCH_TRACKING_DB ?? 'motcua_bench_tracking';
  const wanted = Number(process.env.BENCH_TRACKING_DOSSIERS ?? 1_000_000);
  const seconds = Number(process.env.BENCH_TRACKING_SECONDS ?? 15);
  const { url, generated } = await prepareDatabase({ databaseUrl, name, wanted, log });
  const size = await withClient(url, async (c) => ({
    dossiers: Number((await c.query('select count(*) as n from dossier')).rows[0].n),
    events: Number(
      (await c.query(`select reltuples::bigint as n from pg_class where relname = 'dossier_event'`)).rows[0].n,
    ),
  }));
  const lookups = await sampleLookups(url);
  log(`tracking: ${n(size.dossiers)} dossiers; ${n(lookups.length)} sampled codes`);
  const sameStatement = await captureTrackingStatement(url, lookups[0]);
  const plainRow = ({ code }) => ({ text: 'select * from dossier where code = $1', values: [code] });

  const load = loadavg()[0];
  const rows = [];
  const paced = [];
  let bursty;
  const api = await startApi(url);
  try {
    // Warm-up: connections, JIT of both processes, the hot part of the indexes.
    await httpRun(api.base, lookups, 10, 3);
    for (const connections of CLIENTS) {
      const cpuBefore = api.cpuMs();
      const http = await httpRun(api.base, lookups, connections, seconds);
      const cpuAfter = api.cpuMs();
      const cpuPerLookup =
        cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / http.requests.total;
      const failures = http.non2xx + http.errors + http.timeouts;
      const raw = await rawRun(url, lookups, connections, seconds, sameStatement);
      const plain = await rawRun(url, lookups, connections, seconds, plainRow);
      log(
        `tracking: ${connections} clients: HTTP ${n(http.requests.average)}/s p99 ${http.latency.p99} ms (${failures} failed, ` +
          `API CPU ${cpuPerLookup?.toFixed(2) ?? 'n/a'} ms per lookup); ` +
          `raw same statement ${n(raw.rate)}/s p99 ${raw.p99.toFixed(1)} ms; plain row ${n(plain.rate)}/s`,
      );
      rows.push({ connections, http, failures, cpuPerLookup, raw, plain });
    }
    // Closed-loop clients wait on each other: at saturation the mean latency is clients / rate (Little's
    // law). The latency of lookups arriving independently is measured open-loop, evenly paced, at
    // fractions of the saturated rate; and once with autocannon's overallRate, for comparison.
    const saturated = rows.find((r) => r.connections === 50)?.http.requests.average ?? 0;
    if (saturated > 0) {
      for (const fraction of PACED_FRACTIONS) {
        const rate = Math.max(1, Math.round(saturated * fraction));
        const run = await pacedRun(api.base, lookups, 50, seconds, rate);
        log(
          `tracking: evenly paced at ${n(rate)}/s (${fraction * 100}% of saturated): p50 ${run.p50.toFixed(1)} ms, ` +
            `p99 ${run.p99.toFixed(1)} ms, ${run.failed} failed`,
        );
        paced.push({ fraction, target: rate, ...run });
      }
      bursty = await httpRun(api.base, lookups, 50, seconds, Math.max(1, Math.round(saturated / 2)));
      log(
        `tracking: autocannon overallRate ${n(saturated / 2)}/s: p50 ${bursty.latency.p50} ms, p99 ${bursty.latency.p99} ms`,
      );
    }
  } finally {
    await api.stop();
  }

  const table = rows
    .map(
      ({ connections, http, failures, cpuPerLookup, raw, plain }) =>
        `| ${connections} | ${n(http.requests.average)}/s | ${http.latency.p50} ms | ${http.latency.p99} ms | ${failures} | ` +
        `${cpuPerLookup === undefined ? 'n/a' : `${cpuPerLookup.toFixed(2)} ms`} | ` +
        `${n(raw.rate)}/s (p99 ${raw.p99.toFixed(1)} ms) | ${(http.requests.average / raw.rate).toFixed(2)} | ` +
        `${n(plain.rate)}/s | ${(http.requests.average / plain.rate).toFixed(2)} |`,
    )
    .join('\n');
  const pacedTable = paced
    .map(
      (run) =>
        `| ${run.fraction * 100}% | ${n(run.target)}/s | ${n(run.rate)}/s | ${run.p50.toFixed(1)} ms | ${run.p90.toFixed(1)} ms | ` +
        `${run.p99.toFixed(1)} ms | ${run.failed} |`,
    )
    .join('\n');
  const at50 = rows.find((r) => r.connections === 50);
  return `
## Public tracking (code + PIN) on ${n(size.dossiers)} dossiers

${machine} · load average ${load.toFixed(1)} when the measurement started${
    load > cpus().length ? ' (a busy machine: other work shared the cores, so these figures are low)' : ''
  }

\`npm run bench tracking\`: \`GET /api/v1/public/dossiers/:code?factor=<PIN>\` through HTTP (autocannon, closed loop, ${seconds} s per
row) against one API process of its own, over ${n(lookups.length)} random existing codes with their correct PIN,
beside PostgreSQL answering the same statement through pg (prepared as the API prepares it; same concurrency,
a pool of that size) and a plain \`select * from dossier where code = $1\`, in the same run. The database
(${n(size.dossiers)} synthetic dossiers of province ${PROVINCE}, ~${n(size.events)} history events, three steps each)
is generated once with SQL and kept; ${generated ? `this run generated it in ${generated.seconds.toFixed(0)} s` : 'this run reused it'}.

One lookup is one statement (dossier, steps, history, agency, rating, latest requests and the failure counters
together, each by a unique key or a primary-key prefix) and writes nothing; a failed lookup adds one upsert of
its failure counters (\`track-dossier.test.ts\` counts them).

| clients | HTTP rate | p50 | p99 | failed | API CPU per lookup | raw, same statement | HTTP / raw | raw, plain row | HTTP / plain |
|---|---|---|---|---|---|---|---|---|---|
${table}

API CPU per lookup: the API process's user + system time (all its threads, from /proc) over the row, divided by
the lookups answered. At 50 closed-loop clients each client sends its next lookup when the last one is answered,
so the mean latency is clients ÷ rate (Little's law)${
    at50
      ? `: 50 ÷ ${n(at50.http.requests.average)}/s = ${((50 / at50.http.requests.average) * 1000).toFixed(1)} ms (measured mean ${at50.http.latency.average} ms)`
      : ''
  }; a p99 of 10 ms with 50 saturating clients would need well over 5,000 lookups/s from one API process.

Where an API lookup's time goes (\`node --cpu-prof\` of the API process under load, samples of its main thread): the
socket writes (one answer to the client, one statement to PostgreSQL: kernel time on the loopback) and node's
HTTP parsing and streams are the larger part; then the pg driver, about a tenth (it parses the statement's row description and
its 25 columns on every execution, dates included), Fastify's routing and hooks, zod (the query's validation and
the answer's: the serializer parses the answer with its schema before \`JSON.stringify\`, so nothing outside the
schema leaves), and motcua's own code (the PIN's HMAC, the use-case, the presentation of steps and dates, the
hooks), about a twentieth each (measured on a busy machine, where the share of the system calls is inflated). What was computed per answer and needed not be — the security headers' policy
(a URL parse, two arrays and a join) and two regular expressions built per request — is now computed once, and the
language, request-id and security-header hooks are synchronous. Zod's answer check and pg's row description are
kept: the first is the guarantee that an answer carries only its schema's fields, the second is how pg runs a
prepared statement.${
    at50 && at50.raw.p99 > 10
      ? ` The target of 10 ms at 50 saturating clients is out of reach for any API in front of this
PostgreSQL on these cores: PostgreSQL alone, answering the same statement to 50 clients with no HTTP at all, has a
p99 of ${at50.raw.p99.toFixed(1)} ms (the raw column).`
      : ''
  }

Lookups that arrive independently (citizens do not wait for each other's answers) are measured open-loop: request
i leaves at start + i ÷ rate, evenly spaced, over a keep-alive pool of 50 sockets, and its latency runs from its
planned instant to the end of its answer (a late send or a wait for a socket counts):

| pace (of saturated) | asked | answered | p50 | p90 | p99 | failed |
|---|---|---|---|---|---|---|
${pacedTable}

${
  bursty
    ? `For comparison, autocannon's \`overallRate\` at half the saturated rate (${n(bursty.requests.average)}/s): p50 ${bursty.latency.p50} ms, p99 ${bursty.latency.p99} ms.
It does not pace evenly: each of its 50 connections sends back to back until its share of the second is used,
then waits for the next second, so the load arrives as a saturating burst at the start of every second.`
    : ''
}

Targets: p99 ≤ 10 ms at 50 clients (closed loop, saturated: ${at50 ? `${at50.http.latency.p99} ms` : 'n/a'}; evenly paced at half the
saturated rate: ${paced.find((run) => run.fraction === 0.5)?.p99.toFixed(1) ?? 'n/a'} ms), ≥ 0.3 of the raw rate of the same statement
(${at50 ? (at50.http.requests.average / at50.raw.rate).toFixed(2) : 'n/a'}).
`;
}
