// Counter intake through HTTP with 200 concurrent clients (autocannon), on PostgreSQL and on PGlite,
// beside PostgreSQL's own rate for the same rows written by a plain SQL loop in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig, startServer } from '../../packages/server/dist/index.js';
import { seedProcedure, seedWorld } from '../../packages/server/dist/testing/fixtures.js';

const DURATION_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 20);
const CONNECTIONS = 200;
const BENCH_DB = 'motcua_bench_intake';

const applicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '033190001234',
  dateOfBirth: '1990-05-20',
  address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên' },
};

const withAdmin = async (url, fn) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

const dbUrl = (url, name) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

const runOne = async ({ kind, databaseUrl, log }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const env = { PORT: '0', LOG_LEVEL: 'silent', MOTCUA_DATA_DIR: dataDir, MOTCUA_DB_POOL_SIZE: '20' };
  if (kind === 'postgres') {
    await withAdmin(databaseUrl, async (c) => {
      await c.query(`drop database if exists ${BENCH_DB} with (force)`);
      await c.query(`create database ${BENCH_DB}`);
    });
    env.DATABASE_URL = dbUrl(databaseUrl, BENCH_DB);
  }
  const server = await startServer(loadConfig(env), { handleSignals: false });
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
    log(`${kind}: ${CONNECTIONS} clients for ${DURATION_SECONDS} s…`);
    const result = await autocannon({
      url: `${server.url}/api/v1/dossiers`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body,
    });
    const count = await server.app.motcua.db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return {
      kind,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result['2xx'],
      non2xx: result.non2xx,
      // Non-2xx answers by status code (e.g. "503×3"), so an overload never hides a 500.
      non2xxCodes: Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, stat]) => `${code}×${stat.count}`)
        .join(', '),
      timeouts: result.timeouts,
      errors: result.errors,
      dossiers: Number(count?.n ?? 0),
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') {
      await withAdmin(databaseUrl, (c) => c.query(`drop database if exists ${BENCH_DB} with (force)`));
    }
  }
};

/** The same rows (counter, dossier, event, four steps) written by one PL/pgSQL loop in one session. */
const plainSqlLoop = async ({ databaseUrl, log }) => {
  const name = `${BENCH_DB}_sql`;
  await withAdmin(databaseUrl, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  const client = new pg.Client({ connectionString: dbUrl(databaseUrl, name) });
  await client.connect();
  try {
    await client.query(`
      create table counter (agency text, day date, last_seq int, primary key (agency, day));
      create table d (id uuid primary key default gen_random_uuid(), code text unique, province_code text, agency text,
        status text, applicant jsonb, state jsonb, received_at timestamptz, due_at timestamptz, version int);
      create table e (id bigint generated always as identity primary key, dossier_id uuid, seq int, at timestamptz,
        action text, payload jsonb, prev_hash text, hash text, unique (dossier_id, seq));
      create table s (dossier_id uuid, step_no int, agency text, status text, due_at timestamptz, primary key (dossier_id, step_no));`);
    const n = 20_000;
    log(`plain SQL loop: ${n} dossiers…`);
    const started = process.hrtime.bigint();
    await client.query(`
      do $$
      declare seq int; did uuid;
      begin
        for i in 1..${n} loop
          insert into counter values ('000.00.10.H31', current_date, 1)
            on conflict (agency, day) do update set last_seq = counter.last_seq + 1 returning last_seq into seq;
          insert into d (code, province_code, agency, status, applicant, state, received_at, due_at, version)
            values ('000.00.10.H31-' || to_char(current_date, 'YYMMDD') || '-' || lpad(seq::text, 6, '0'), '33', 'c', 'received',
              '{"kind":"person","fullName":"Nguyễn Thị Ánh Tuyết"}', '{"steps":[]}', now(), now() + interval '5 days', 2)
            returning id into did;
          insert into e (dossier_id, seq, at, action, payload, prev_hash, hash)
            values (did, 1, now(), 'receive', '{}', null, md5(did::text));
          insert into s select did, g, 'c', 'pending', now() from generate_series(0, 3) g;
        end loop;
      end $$;`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rowsPerSecond: n / seconds, n };
  } finally {
    await client.end();
    await withAdmin(databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
};

export const run = async ({ databaseUrl, log, machine }) => {
  const postgres = await runOne({ kind: 'postgres', databaseUrl, log });
  const pglite = await runOne({ kind: 'pglite', databaseUrl, log });
  const loop = await plainSqlLoop({ databaseUrl, log });
  const row = (r) =>
    `| ${r.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx}${r.non2xxCodes ? ` (${r.non2xxCodes})` : ''} | ${r.timeouts} | ${r.errors} | ${r.dossiers} |`;
  return `## Dossier engine: counter intake over HTTP

Machine: ${machine}

\`POST /api/v1/dossiers\` (completeness check, procedure version in force, routing, appointment in working
time, atomic dossier code, dossier + hash-chained event + 4 step rows + outbox job in one transaction),
${CONNECTIONS} concurrent clients (autocannon) for ${DURATION_SECONDS} s, all at ONE receiving agency — the worst
case, since every intake of an agency takes the same daily code counter row lock.

| database | intakes/s | p50 ms | p99 ms | 2xx | non-2xx | client timeouts (10 s) | errors (incl. timeouts) | dossiers written |
|---|---|---|---|---|---|---|---|---|
${row(postgres)}
${row(pglite)}

"Dossiers written" exceeds the 2xx answers by the requests the client gave up on after its 10 s timeout or
that were still in flight when the run stopped: their transactions committed whole (dossier, event, steps, job).

PostgreSQL's own rate for the same rows (counter upsert, dossier, event, four steps) written by a plain
PL/pgSQL loop in one session, in the same run: **${loop.rowsPerSecond.toFixed(0)} dossiers/s** (${loop.n} dossiers) —
the ceiling without HTTP, validation, authorisation, calendar arithmetic, hashing and the job queue.

PGlite runs PostgreSQL in WebAssembly with a single connection: requests queue for it, so its p99 grows
with the number of clients; it is the embedded default for a small installation, not for 200 counters.`;
};
