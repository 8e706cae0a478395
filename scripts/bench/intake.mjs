// Counter intake through HTTP with 200 concurrent clients (autocannon) on PostgreSQL, spread over 104 agencies
// and at one agency, beside raw PostgreSQL writing the same rows in ONE round trip per dossier (one statement
// with CTEs) in the same run, spread and at one agency; then PGlite at one agency.
//
// On PostgreSQL the API runs as deployed, in a process of its own (`motcua serve --workers off`), the job
// handlers in another (`motcua worker`) and the load generator in a third (intake-load.mjs). Each Node
// process reports its CPU time and the statements it sent (process-probe.mjs); PostgreSQL's CPU is read
// from /proc. PGlite is one process: its API and job handlers share the bench's process, the load
// generator still runs apart.
//
// Environment: BENCH_INTAKE_SECONDS (20), BENCH_INTAKE_RAW_SECONDS (10), BENCH_INTAKE_DB (motcua_bench_intake,
// created and dropped), BENCH_INTAKE_PGLITE=0 (skip the PGlite run), BENCH_INTAKE_WORKERS_DURING_LOAD=1 (let
// the worker process run during the load instead of pausing it), BENCH_INTAKE_CPU_PROF=<folder> (the API
// and worker processes write V8 CPU profiles there: `node --cpu-prof`, unbundled so every function keeps
// its file; `node scripts/bench/profile-areas.mjs <folder>` sums their self time by area).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertAgency, insertUserRole } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import pg from 'pg';
import { loadConfig, openRuntimeContext, startServer } from '../../packages/server/dist/index.js';
import { seedProcedure, seedWorld } from '../../packages/server/dist/testing/fixtures.js';
import { dbUrl, withClient } from './database.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DURATION_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 20);
const RAW_SECONDS = Number(process.env.BENCH_INTAKE_RAW_SECONDS ?? 10);
const PROFILE_DIR = process.env.BENCH_INTAKE_CPU_PROF;
const WORKERS_DURING_LOAD = process.env.BENCH_INTAKE_WORKERS_DURING_LOAD === '1';
const CONNECTIONS = 200;
const POOL_SIZE = 20;
const EXTRA_AGENCIES = 103;
const BENCH_DB = process.env.BENCH_INTAKE_DB ?? 'motcua_bench_intake';

const applicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên' },
};

/** Counts every statement this process sends (the PGlite run: request path, workers and pg-boss polling alike). */
const countStatements = () => {
  const query = pg.Client.prototype.query;
  const counter = { n: 0, restore: () => (pg.Client.prototype.query = query) };
  pg.Client.prototype.query = function (...args) {
    counter.n += 1;
    return query.apply(this, args);
  };
  return counter;
};

const intakeBody = (agencyId) =>
  JSON.stringify({
    receivingAgencyId: agencyId,
    procedureCode: '1.001193',
    applicant,
    components: [
      { key: 'to-khai', originals: 1, copies: 0 },
      { key: 'giay-chung-sinh', originals: 1, copies: 0 },
    ],
    outcome: 'receive',
  });

/** The world, 103 more receiving desks (104 in all) where the bench official is a receptionist, the procedure. */
const seedDatabase = async (database) => {
  const t = { database };
  const world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  const province = world.agencies.province;
  const agencies = [world.agencies.centre];
  for (let i = 0; i < EXTRA_AGENCIES; i++) {
    const name = `Bộ phận một cửa số ${i + 1}`;
    const agency = await insertAgency(
      t.database.db,
      {
        code: `${String(100 + i).padStart(3, '0')}.00.20.H31`,
        name,
        kind: 'division',
        parentId: province.id,
        provinceCode: '33',
        validFrom: '2025-07-01',
        searchText: foldVietnamese(name),
      },
      province.path,
    );
    await insertUserRole(t.database.db, {
      userId: world.users.motcua.id,
      agencyId: agency.id,
      role: 'receptionist',
      includeSubagencies: false,
      grantedBy: null,
    });
    agencies.push(agency);
  }
  return agencies;
};

/** Signs the bench official in and sends one intake per desk, so every run starts with warm caches. */
const signInAndWarm = async (url, agencies) => {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'motcua', password: 'Mat-khau-thu-2026' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = await login.json();
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  // As a centre does after its first minute.
  for (const agency of agencies) {
    const answer = await fetch(`${url}/api/v1/dossiers`, { method: 'POST', headers, body: intakeBody(agency.id) });
    if (answer.status !== 201) {
      throw new Error(`warm-up intake answered ${answer.status}: ${await answer.text()}`);
    }
  }
  return headers;
};

const countDossiers = async (db) =>
  Number(
    (
      await db
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );

const DRAIN_CAP_SECONDS = 120;

/**
 * Waits until the dossier-changed queue (notifications, then the statistics fold) and the form-issued queue
 * (each receipt's PDF stored as issued) are empty, at most DRAIN_CAP_SECONDS in all; the seconds each took
 * (NaN: not within the cap).
 */
const drainQueues = async (boss, log) => {
  const started = Date.now();
  const drained = {};
  for (;;) {
    const seconds = (Date.now() - started) / 1000;
    for (const queue of ['dossier-changed', 'form-issued']) {
      if (drained[queue] === undefined && (await boss.getQueueSize(queue, { before: 'completed' })) === 0) {
        drained[queue] = seconds;
      }
    }
    if (drained['dossier-changed'] !== undefined && drained['form-issued'] !== undefined) {
      return { notifications: drained['dossier-changed'], receipts: drained['form-issued'] };
    }
    if (seconds > DRAIN_CAP_SECONDS) {
      log(`  queues not drained after ${DRAIN_CAP_SECONDS} s`);
      return {
        notifications: drained['dossier-changed'] ?? Number.NaN,
        receipts: drained['form-issued'] ?? Number.NaN,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** The load generator in a process of its own: CONNECTIONS clients for DURATION_SECONDS; autocannon's result. */
const generateLoad = (url, headers, agencies) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'scripts/bench/intake-load.mjs'),
        JSON.stringify({
          url: `${url}/api/v1/dossiers`,
          connections: CONNECTIONS,
          seconds: DURATION_SECONDS,
          headers,
          bodies: agencies.map((agency) => intakeBody(agency.id)),
        }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`the load generator exited with ${code}`)),
    );
  });

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The CPU time so far of every PostgreSQL backend connected to `database` (Linux /proc: a backend's process
 * title names its database), in ticks by pid; other databases' backends (other work on the same server) and
 * PostgreSQL's own background processes are left out. Empty where /proc cannot be read.
 */
const readBackendTicks = (database) => {
  const ticks = new Map();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) {
        continue;
      }
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') {
          continue;
        }
        if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${database} `)) {
          continue;
        }
        // After the name: state(3) ppid(4) … utime(14) stime(15), numbered as in proc(5).
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(entry, Number(fields[11]) + Number(fields[12]));
      } catch {}
    }
  } catch {}
  return ticks;
};

/** The backends' CPU seconds between two readings (a backend that exited in between is not counted). */
const backendCpuSeconds = (start, end) => {
  let ticks = 0;
  for (const [pid, value] of end) {
    ticks += value - (start.get(pid) ?? 0);
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
};

/**
 * Starts `motcua <args>` with the statement and CPU probe preloaded; resolves once its stderr shows
 * `ready` (the match is returned). With PROFILE_DIR it runs the unbundled modules under --cpu-prof.
 */
const startMotcua = (args, env, ready) =>
  new Promise((resolve, reject) => {
    const probe = join(root, 'scripts/bench/process-probe.mjs');
    const entry = PROFILE_DIR
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${PROFILE_DIR}`,
          '--input-type=module',
          '-e',
          `const { run } = await import(${JSON.stringify(join(root, 'packages/cli/dist/main.js'))}); await run(${JSON.stringify(args)});`,
        ]
      : [join(root, 'packages/cli/bin/motcua.js'), ...args];
    const child = spawn(process.execPath, ['--import', probe, ...entry], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        child.stderr.off('data', onData);
        child.stderr.resume();
        child.off('exit', onExit);
        resolve({
          match,
          probe: () =>
            new Promise((answer) => {
              child.once('message', answer);
              child.send('probe');
            }),
          pause: () => child.kill('SIGSTOP'),
          resume: () => child.kill('SIGCONT'),
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGCONT');
              child.kill('SIGTERM');
            }),
        });
      }
    };
    const onExit = (code) => reject(new Error(`motcua ${args.join(' ')} exited with ${code}:\n${output}`));
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });

const msPer = (micros, n) => (n > 0 ? micros / 1000 / n : Number.NaN);

/**
 * One HTTP run against the API process: the load, then the queues drained by the worker process; the
 * rates, the CPU of each process per intake, and every statement both sent per dossier written. The
 * worker process is paused during the load (as if the job handlers ran on another machine: the rate is
 * the API's alone) unless BENCH_INTAKE_WORKERS_DURING_LOAD=1, and drains the queues after it.
 */
const loadHttp = async ({ url, api, worker, runtime, headers, agencies, label, log }) => {
  const load = loadavg()[0];
  log(
    `${label}: ${CONNECTIONS} clients for ${DURATION_SECONDS} s over ${agencies.length} agencies (load ${load.toFixed(2)})…`,
  );
  const before = await countDossiers(runtime.ctx.db);
  const [apiStart, workerStart] = [await api.probe(), await worker.probe()];
  const pgStart = readBackendTicks(BENCH_DB);
  if (!WORKERS_DURING_LOAD) {
    worker.pause();
  }
  const result = await generateLoad(url, headers, agencies);
  const apiLoaded = await api.probe();
  const pgLoaded = readBackendTicks(BENCH_DB);
  const writtenDuringLoad = (await countDossiers(runtime.ctx.db)) - before;
  worker.resume();
  const workerLoaded = await worker.probe();
  // The outbox jobs of the run (notifications, receipts stored as issued) and the statistics fold finish
  // before the next run starts; their CPU and statements count per dossier.
  const drained = await drainQueues(runtime.ctx.jobs.boss, log);
  const [apiEnd, workerEnd] = [await api.probe(), await worker.probe()];
  const pgEnd = readBackendTicks(BENCH_DB);
  const written = (await countDossiers(runtime.ctx.db)) - before;
  const ok = result['2xx'];
  const row = {
    label,
    load,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    non2xx: result.non2xx,
    // Non-2xx answers by status code (e.g. "503×3"), so an overload never hides a 500.
    non2xxCodes: Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, stat]) => `${code}×${stat.count}`)
      .join(', '),
    timeouts: result.timeouts,
    dossiers: written,
    drained,
    statementsPerDossier:
      written > 0
        ? (apiEnd.statements - apiStart.statements + workerEnd.statements - workerStart.statements) / written
        : 0,
    // ÷ dossiers written, not 2xx answers: a request the client gave up on still cost the API its CPU.
    apiCpuMs: msPer(apiLoaded.cpuMicros - apiStart.cpuMicros, writtenDuringLoad),
    workerCpuMsDuringLoad: msPer(workerLoaded.cpuMicros - workerStart.cpuMicros, writtenDuringLoad),
    workerCpuMs: msPer(workerEnd.cpuMicros - workerStart.cpuMicros, written),
    postgresCpuMsDuringLoad: (backendCpuSeconds(pgStart, pgLoaded) * 1000) / Math.max(1, writtenDuringLoad),
    postgresCpuMs: (backendCpuSeconds(pgStart, pgEnd) * 1000) / Math.max(1, written),
  };
  log(
    `  ${row.requestsPerSecond.toFixed(0)}/s, p99 ${row.p99} ms; CPU per intake: API ${row.apiCpuMs.toFixed(2)} ms, ` +
      `workers ${row.workerCpuMs.toFixed(2)} ms, PostgreSQL ${row.postgresCpuMs.toFixed(2)} ms; drained ` +
      `${row.drained.notifications.toFixed(1)} s / ${row.drained.receipts.toFixed(1)} s`,
  );
  return row;
};

/**
 * Raw PostgreSQL: the rows of one intake (counter upsert, dossier, event, four steps, statistics delta, two
 * outbox jobs) in ONE statement per dossier — the same rows as a warm-up dossier, copied with a new id and
 * code — from 200 concurrent callers over a pool of 20 connections, for RAW_SECONDS.
 */
const loadRaw = async ({ url, agencies, label, log }) => {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  try {
    const columns = async (table, skip) =>
      (
        await pool.query(
          `select column_name from information_schema.columns
           where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' and column_name <> all($2)
           order by ordinal_position`,
          [table, skip],
        )
      ).rows.map((row) => `"${row.column_name}"`);
    const dossierColumns = await columns('dossier', ['id', 'code', 'receiving_agency_id', 'created_at']);
    const eventColumns = await columns('dossier_event', ['id', 'dossier_id']);
    const stepColumns = await columns('dossier_step', ['dossier_id']);
    const templates = new Map();
    for (const agency of agencies) {
      const { rows } = await pool.query(
        'select id, code from dossier where receiving_agency_id = $1 order by created_at limit 1',
        [agency.id],
      );
      templates.set(agency.id, rows[0]);
    }
    const delta = {
      series: [
        {
          key: 'p|33|handling|receiving|v:version|direct',
          provinceCode: '33',
          handlingAgencyId: agencies[0].id,
          receivingAgencyId: agencies[0].id,
          procedureVersionId: agencies[0].id,
          procedureCode: '1.001193',
          procedureName: 'Đăng ký khai sinh',
          fieldName: 'Hộ tịch',
          channel: 'direct',
        },
      ],
      cells: [{ seriesKey: 'p|33|handling|receiving|v:version|direct', day: '2026-12-06', counts: { received: 1 } }],
    };
    const text = `
      with seq as (
        insert into dossier_code_counter (agency_id, day, last_seq) values ($2, $7::date, 1)
        on conflict (agency_id, day) do update set last_seq = dossier_code_counter.last_seq + 1
        returning last_seq),
      d as (
        insert into dossier (id, code, receiving_agency_id, ${dossierColumns.join(', ')})
        select $1, $4 || case when seq.last_seq < 10000 then lpad(seq.last_seq::text, 4, '0') else seq.last_seq::text end, $2, ${dossierColumns.map((c) => `t.${c}`).join(', ')}
        from dossier t, seq where t.id = $3
        returning id),
      e as (
        insert into dossier_event (dossier_id, ${eventColumns.join(', ')})
        select $1, ${eventColumns.join(', ')} from dossier_event where dossier_id = $3),
      s as (
        insert into dossier_step (dossier_id, ${stepColumns.join(', ')})
        select $1, ${stepColumns.join(', ')} from dossier_step where dossier_id = $3),
      x as (insert into stat_delta (province_code, series, cells) values ('33', $5, $6)),
      j as (
        insert into pgboss.job (name, data) values
          ('dossier-changed', jsonb_build_object('dossierId', $1::text, 'seq', 1, 'action', 'receive', 'toStatus', 'received')),
          ('form-issued', jsonb_build_object('dossierId', $1::text, 'seq', 1, 'form', 'receipt')))
      select id from d`;
    const load = loadavg()[0];
    log(
      `${label}: ${CONNECTIONS} callers for ${RAW_SECONDS} s over ${agencies.length} agencies (load ${load.toFixed(2)})…`,
    );
    let written = 0;
    let next = 0;
    const stopAt = Date.now() + RAW_SECONDS * 1000;
    const started = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const pgStart = readBackendTicks(BENCH_DB);
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < stopAt) {
          const agency = agencies[next % agencies.length];
          next += 1;
          const template = templates.get(agency.id);
          // The template's own day and prefix: the counter goes on from the HTTP runs' numbers.
          const yymmdd = template.code.split('-')[1];
          await pool.query(text, [
            crypto.randomUUID(),
            agency.id,
            template.id,
            template.code.slice(0, -4),
            JSON.stringify(delta.series),
            JSON.stringify(delta.cells),
            `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`,
          ]);
          written += 1;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    const postgresCpuMs = (backendCpuSeconds(pgStart, readBackendTicks(BENCH_DB)) * 1000) / Math.max(1, written);
    const row = {
      label,
      load,
      rowsPerSecond: written / seconds,
      written,
      clientCpuMs: msPer(cpu.user + cpu.system, written),
      postgresCpuMs,
    };
    log(
      `  ${row.rowsPerSecond.toFixed(0)}/s; CPU per dossier: writer ${row.clientCpuMs.toFixed(2)} ms, PostgreSQL ${postgresCpuMs.toFixed(2)} ms`,
    );
    return row;
  } finally {
    await pool.end();
  }
};

const runPostgres = async ({ databaseUrl, log }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  await withClient(databaseUrl, async (c) => {
    await c.query(`drop database if exists ${BENCH_DB} with (force)`);
    await c.query(`create database ${BENCH_DB}`);
  });
  const url = dbUrl(databaseUrl, BENCH_DB);
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_DB_POOL_SIZE: String(POOL_SIZE),
    DATABASE_URL: url,
  };
  try {
    // The bench's own connection: migrations, the seed, counting dossiers and watching the queues.
    const runtime = await openRuntimeContext(loadConfig(env));
    let spread;
    let one;
    let agencies;
    try {
      agencies = await seedDatabase(runtime.ctx.database);
      const api = await startMotcua(['serve', '--workers', 'off'], env, /listening on (http:\/\/[^\s)]+)/);
      const worker = await startMotcua(['worker'], env, /running the background jobs/);
      try {
        const apiUrl = api.match[1];
        const headers = await signInAndWarm(apiUrl, agencies);
        await drainQueues(runtime.ctx.jobs.boss, () => {});
        const common = { url: apiUrl, api, worker, runtime, headers, log };
        spread = await loadHttp({ ...common, agencies, label: 'HTTP, 104 agencies' });
        one = await loadHttp({ ...common, agencies: agencies.slice(0, 1), label: 'HTTP, one agency' });
      } finally {
        await api.stop();
        await worker.stop();
      }
    } finally {
      await runtime.close();
    }
    const rawSpread = await loadRaw({ url, agencies, label: 'raw, 104 agencies', log });
    const rawOne = await loadRaw({ url, agencies: agencies.slice(0, 1), label: 'raw, one agency', log });
    return { spread, one, rawSpread, rawOne };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await withClient(databaseUrl, (c) => c.query(`drop database if exists ${BENCH_DB} with (force)`));
  }
};

/** PGlite is one process: the API and its job handlers run in this one, the load generator apart. */
const runPglite = async ({ log }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const env = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', MOTCUA_DATA_DIR: dataDir };
  try {
    const server = await startServer(loadConfig(env), { handleSignals: false });
    try {
      const { db, jobs } = server.app.motcua;
      const agencies = (await seedDatabase(server.app.motcua.database)).slice(0, 1);
      const url = server.url.replace('localhost', '127.0.0.1');
      const headers = await signInAndWarm(url, agencies);
      await drainQueues(jobs.boss, () => {});
      const load = loadavg()[0];
      const label = 'PGlite (embedded), one agency';
      log(`${label}: ${CONNECTIONS} clients for ${DURATION_SECONDS} s (load ${load.toFixed(2)})…`);
      const before = await countDossiers(db);
      const statements = countStatements();
      const cpuStart = process.cpuUsage();
      let result;
      let drained;
      try {
        result = await generateLoad(url, headers, agencies);
        drained = await drainQueues(jobs.boss, log);
      } finally {
        statements.restore();
      }
      const cpu = process.cpuUsage(cpuStart);
      const written = (await countDossiers(db)) - before;
      return {
        label,
        load,
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        ok: result['2xx'],
        non2xx: result.non2xx,
        non2xxCodes: Object.entries(result.statusCodeStats ?? {})
          .filter(([code]) => !code.startsWith('2'))
          .map(([code, stat]) => `${code}×${stat.count}`)
          .join(', '),
        timeouts: result.timeouts,
        dossiers: written,
        drained,
        statementsPerDossier: written > 0 ? statements.n / written : 0,
        // API, job handlers and PGlite's own WebAssembly PostgreSQL in one process, per dossier written.
        processCpuMs: msPer(cpu.user + cpu.system, written),
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const seconds = (value) => (Number.isNaN(value) ? `not within ${DRAIN_CAP_SECONDS} s` : `${value.toFixed(1)} s`);
const ms = (value) => (Number.isNaN(value) ? 'n/a' : value.toFixed(2));

export const run = async ({ databaseUrl, log, machine }) => {
  const { spread, one, rawSpread, rawOne } = await runPostgres({ databaseUrl, log });
  const pglite = process.env.BENCH_INTAKE_PGLITE === '0' ? undefined : await runPglite({ log });
  const row = (r) =>
    `| ${r.label} | ${r.load.toFixed(1)} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx}${r.non2xxCodes ? ` (${r.non2xxCodes})` : ''} | ${r.timeouts} | ${r.dossiers} | ${seconds(r.drained.notifications)} / ${seconds(r.drained.receipts)} | ${r.statementsPerDossier.toFixed(1)} |`;
  const cpuRow = (r) =>
    `| ${r.label} | ${ms(r.apiCpuMs)} | ${ms(r.workerCpuMsDuringLoad)} | ${ms(r.workerCpuMs)} | ${ms(r.postgresCpuMsDuringLoad)} | ${ms(r.postgresCpuMs)} |`;
  const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  return `## Dossier engine: counter intake over HTTP

Machine: ${machine}

\`POST /api/v1/dossiers\` (session, authorisation, completeness check, procedure version in force, routing,
appointment in working time, dossier code, dossier + hash-chained event + 4 step rows + statistics delta + outbox
jobs in one statement), ${CONNECTIONS} concurrent clients (autocannon) for ${DURATION_SECONDS} s, pool of ${POOL_SIZE}
connections; the desks rotate over 104 agencies, then all at one agency (every intake takes the same daily
code counter). One warm-up intake per desk before the runs.

On PostgreSQL three Node processes share the machine with PostgreSQL: the API (\`motcua serve --workers off\`),
the job handlers (\`motcua worker\`: notifications, the statistics fold, each receipt's PDF stored as issued)
and the load generator (\`scripts/bench/intake-load.mjs\`). ${
    WORKERS_DURING_LOAD
      ? 'The job handlers run during the load, on the same two cores.'
      : 'The job handlers are paused during the load (as if they ran on a machine of their own: the rate is the API’s) and drain the queues after it.'
  } PGlite is one process: there the API and the job handlers share the bench's process (during the load too);
the load generator runs apart.

| run | load avg (1 min) before | intakes/s | p50 ms | p99 ms | 2xx | non-2xx | client timeouts (10 s) | dossiers written | drained after the run: notifications / receipts | statements per dossier (all, incl. workers) |
|---|---|---|---|---|---|---|---|---|---|---|
${row(spread)}
${row(one)}
${pglite ? row(pglite) : '| PGlite (embedded), one agency | not run (BENCH_INTAKE_PGLITE=0) | | | | | | | | | |'}

CPU per intake, milliseconds (each Node process's \`process.cpuUsage()\` difference; PostgreSQL's from /proc: the
backends connected to the bench's database, not its background writers nor other databases' work), ÷ dossiers
written: API during the load; workers and PostgreSQL during the load and from the load's start until both
queues drained.

| run | API | workers, during the load | workers, until drained | PostgreSQL, during the load | PostgreSQL, until drained |
|---|---|---|---|---|---|
${cpuRow(spread)}
${cpuRow(one)}
${pglite ? `| ${pglite.label} (one process: API, workers and PGlite, until drained) | ${ms(pglite.processCpuMs)} | | | | |` : ''}

Raw PostgreSQL writing the same rows (counter upsert, dossier, event, four steps, statistics delta, two outbox
jobs) in ONE statement per dossier, ${CONNECTIONS} callers over ${POOL_SIZE} connections for ${RAW_SECONDS} s, in the same run:
**${rawSpread.rowsPerSecond.toFixed(0)} dossiers/s over 104 agencies** (load ${rawSpread.load.toFixed(1)} before; CPU per dossier:
PostgreSQL ${ms(rawSpread.postgresCpuMs)} ms, the Node writer ${ms(rawSpread.clientCpuMs)} ms), **${rawOne.rowsPerSecond.toFixed(0)} dossiers/s at one agency**
(PostgreSQL ${ms(rawOne.postgresCpuMs)} ms per dossier).

| ratio | value | target |
|---|---|---|
| HTTP over 104 agencies / raw over 104 agencies | ${ratio(spread.requestsPerSecond, rawSpread.rowsPerSecond)} | ≥ 0.5 |
| HTTP at one agency / HTTP over 104 agencies | ${ratio(one.requestsPerSecond, spread.requestsPerSecond)} | ≥ 0.8 |
| raw at one agency / raw over 104 agencies | ${ratio(rawOne.rowsPerSecond, rawSpread.rowsPerSecond)} | — |

Statements on the request path of one intake: **2** — the session read (session, official, their grants
revision and the reference revision in one statement; the grants, agency, lineage, calendar, procedure version
and step agencies come from caches those two numbers validate) and ONE statement writing counter, code, dossier,
event, steps, statistics delta and the outbox jobs, sent on its own (no BEGIN, no COMMIT: a statement is atomic by
itself, so the agency's code counter row is locked only while it runs); 6 with an Idempotency-Key (the session read, BEGIN, key
claim, the write, the stored answer, COMMIT) — asserted by
\`packages/server/src/usecases/dossiers/intake-statements.test.ts\`. Both are sent as named prepared statements
(\`packages/db/src/named-statements.ts\`): each connection parses and plans them once. The last column of the first
table counts every statement the API and worker processes sent from the start of the run until both queues were
drained (request path, the notification worker, the statistics fold, the receipts stored as issued, pg-boss
polling), per dossier written.

### Issue 16, item 1: how the ratio was reached (quiet machine, this bench, December 2026)

| build | HTTP, 104 agencies | HTTP, one agency | raw, 104 agencies | HTTP / raw | one / spread | PostgreSQL CPU per intake (load) | statements |
|---|---|---|---|---|---|---|---|
| 04df128 (before) | 333/s | 279/s | 1,147/s | 0.29 | 0.84 | 3.23 ms | 6 |
| grants revision, reference revision in the session read, outbox jobs in the write | 491/s | 286/s | 921/s ¹ | 0.53 ¹ | 0.58 | 2.03 ms | 4 |
| + named statements, the write outside a transaction (this run) | ${spread.requestsPerSecond.toFixed(0)}/s | ${one.requestsPerSecond.toFixed(0)}/s | ${rawSpread.rowsPerSecond.toFixed(0)}/s | ${ratio(spread.requestsPerSecond, rawSpread.rowsPerSecond)} | ${ratio(one.requestsPerSecond, spread.requestsPerSecond)} | ${ms(spread.postgresCpuMsDuringLoad)} ms | 2 |

¹ pg_stat_statements with track_planning was loaded in that run (it slows every statement, the raw writer's too).

Where PostgreSQL's time went before (pg_stat_statements during the run, per call, planning + execution): the
session read 0.97 ms — building the official's 104 grants as JSON (a join, json_agg, md5) on every request —
of which 0.35 ms planning; pg-boss's job insert 0.47 ms; the dossier write 0.27 ms of planning alone; planning
was most of every short statement's time (0.15 ms of the 0.19 ms of a primary-key read). Now: the session read
is two primary-key reads (0.04 ms executing, planned once per connection); the grants are read again only when
the official's grants revision (migration 0033, bumped by triggers on user_role) or the reference revision
(agency names and codes) changed, so they are never stale in any process; the outbox jobs are a part of the
dossier's statement, written as pg-boss 10 writes them (\`outboxJobsInsert\`; \`outbox-jobs.test.ts\` compares a
job column by column with one written by \`boss.insert\`, so an upgrade of pg-boss that changes either fails).
At one agency the code counter row was held from the write until a COMMIT that a saturated API process sent
later; now it is held only inside the statement (the one-agency rate went from 0.58 of the spread rate to the
figure above).

The worker process spends 10–20 ms of CPU per intake: most of it renders each receipt's PDF for the form-issued
job (fontkit glyph decoding, pdfkit layout, zlib), the rest notifications, the statistics fold and pg-boss. On
two shared cores that, not the API, bounds a sustained intake rate: the queues did not drain within 120 s of a
20-second run at these rates; the API's rate is measured with the workers paused, as if they ran elsewhere.

Where the API's CPU goes (V8 CPU profile of the API process during a run, \`BENCH_INTAKE_CPU_PROF\` +
\`PROFILE_SKIP='^(writev|writeBuffer)$' node scripts/bench/profile-areas.mjs\`), profiled before the changes
above: Node's own code about a quarter (streams, http, net), the pg driver 12 % (writing statements, parsing
answers), garbage collection 11 %, motcua's use-case, domain and HTTP code 19 % (the state machine and the
working-time calendar, event hashing, the statistics delta, projections), fastify 6 %, zod validation of the body
5 %, Kysely 5 % (the statements are compiled once, \`packages/db/src/prepared-query.ts\`). Not done: the receipt
PDF in the worker.

"Dossiers written" exceeds the 2xx answers by the requests the client gave up on after its 10 s timeout or
that were still in flight when the run stopped: their transactions committed whole.

PGlite runs PostgreSQL in WebAssembly with a single connection: requests queue for it, so its p99 grows
with the number of clients; it is the embedded default for a small installation, not for 200 counters.`;
};
