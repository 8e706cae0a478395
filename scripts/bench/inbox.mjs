// The official's inbox at province scale: a PostgreSQL database of 10 million dossiers spread over a
// province's agencies (generated in SQL by insertLoadDossiers), an official whose scope is five of
// them, and the inbox over HTTP at 10 concurrent clients — first page and a later page of each box.
// The EXPLAIN (ANALYZE, BUFFERS) plans of the main list queries go into the section beside the
// figures, with the plan of the former query (one sort over the whole scope) for comparison.
//
//   node scripts/bench/inbox.mjs            (needs `npm run build`; `npm run bench inbox` builds first)
//
// Environment:
//   BENCH_DATABASE_URL       server to use (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_INBOX_DB           database to create and keep (default motcua_bench_inbox)
//   BENCH_INBOX_DOSSIERS     dossiers to generate (default 10000000)
//   BENCH_INBOX_SECONDS      seconds of load per measured request (default 10)
//   BENCH_INBOX_FRESH=1      drop and regenerate the database
// The database is kept: a later run reuses it when its marker (comment on the database) says it
// holds the same generation; otherwise it is dropped and generated again.
import autocannon from 'autocannon';
import { sql } from 'kysely';
import {
  citizenDossiersQuery,
  explainQueryText,
  inboxCountQuery,
  inboxPageQuery,
  insertAgency,
  insertLoadDossiers,
  insertUser,
  insertUserRole,
  searchInbox,
  trackingBookQueries,
  withInboxPlanner,
} from '../../packages/db/dist/index.js';
import { hashPassword } from '../../packages/server/dist/auth/passwords.js';
import { loadConfig, openRuntimeContext, startServer } from '../../packages/server/dist/index.js';
import { seedProcedure, TEST_PROCEDURE_CONTENT } from '../../packages/server/dist/testing/fixtures.js';
import { dbUrl, withClient } from './database.mjs';

const PROVINCE = '33';
const GENERATION = 'inbox-bench/1';
const DEPARTMENTS = 26;
const COMMUNES = 104;
const OPEN_SHARE = 0.08;
const CLIENTS = 10;
const PAGE = 20;
const USERNAME = 'bench.namdonvi';
const PASSWORD = 'Mat-khau-bench-2026';
const BATCH = 250_000;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const n = (value) => Number(value).toLocaleString('en-US');
const ms = (value) => `${value.toFixed(1)} ms`;

/** Agencies of a province (departments and the service centre, then communes) and the bench official. */
const seedProvince = async (db) => {
  const agencies = [];
  for (let i = 0; i < DEPARTMENTS + COMMUNES; i += 1) {
    const commune = i >= DEPARTMENTS;
    const code = commune
      ? `000.${String(20 + Math.floor((i - DEPARTMENTS) / 100)).padStart(2, '0')}.${String((i - DEPARTMENTS) % 100).padStart(2, '0')}.H${PROVINCE}`
      : `000.00.${String(10 + i).padStart(2, '0')}.H${PROVINCE}`;
    const name = commune ? `Ủy ban nhân dân xã thử tải ${i - DEPARTMENTS + 1}` : `Sở thử tải ${i + 1}`;
    const agency = await insertAgency(
      db,
      {
        code,
        name,
        kind: commune ? 'commune_committee' : 'province_department',
        parentId: null,
        provinceCode: PROVINCE,
        adminUnitLevel: commune ? 'commune' : null,
        validFrom: '2025-07-01',
        searchText: name.toLowerCase(),
      },
      null,
    );
    agencies.push({ id: agency.id, code });
  }
  const user = await insertUser(db, {
    username: USERNAME,
    fullName: 'Cán bộ năm đơn vị (thử tải)',
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(PASSWORD),
    provinceCode: PROVINCE,
    now: new Date(),
  });
  for (const agency of agencies.slice(0, 5)) {
    for (const role of ['processor', 'approver']) {
      await insertUserRole(db, {
        userId: user.id,
        agencyId: agency.id,
        role,
        includeSubagencies: false,
        grantedBy: null,
      });
    }
  }
  const procedure = await seedProcedure({ database: { db } }, { catalog: PROVINCE, code: '1.001193' });
  return { agencies, procedure };
};

/** Latencies of one GET under CLIENTS concurrent clients, measured per response. */
const load = async (url, headers, seconds) => {
  const latencies = [];
  let errors = 0;
  const instance = autocannon({ url, connections: CLIENTS, duration: seconds, headers });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) {
      latencies.push(responseTime);
    } else {
      errors += 1;
    }
  });
  const result = await instance;
  return {
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    rate: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
};

export async function run({
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
  log = console.error,
  machine = '',
} = {}) {
  const name = process.env.BENCH_INBOX_DB ?? 'motcua_bench_inbox';
  const wanted = Number(process.env.BENCH_INBOX_DOSSIERS ?? 10_000_000);
  const seconds = Number(process.env.BENCH_INBOX_SECONDS ?? 10);
  const marker = `${GENERATION} dossiers=${wanted} open=${OPEN_SHARE} agencies=${DEPARTMENTS + COMMUNES}`;
  const url = dbUrl(databaseUrl, name);
  const reuse = await withClient(databaseUrl, async (client) => {
    const found = await client.query(
      `select shobj_description(oid, 'pg_database') as marker from pg_database where datname = $1`,
      [name],
    );
    if (found.rowCount > 0 && found.rows[0].marker === marker && process.env.BENCH_INBOX_FRESH !== '1') {
      return true;
    }
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
    return false;
  });
  const env = { DATABASE_URL: url, LOG_LEVEL: 'silent', MOTCUA_DB_POOL_SIZE: '10', PORT: '0' };

  // 1. Data: the province's agencies, the official, a procedure, then the dossiers in batches.
  let generation = null;
  const runtime = await openRuntimeContext(loadConfig(env));
  try {
    const { db } = runtime.ctx;
    if (reuse) {
      log(`inbox: reusing ${name} (${marker})`);
    } else {
      const { agencies, procedure } = await seedProvince(db);
      const started = performance.now();
      for (let start = 1; start <= wanted; start += BATCH) {
        const count = Math.min(BATCH, wanted - start + 1);
        await insertLoadDossiers(db, {
          provinceCode: PROVINCE,
          agencies,
          procedure: {
            ...procedure,
            code: '1.001193',
            name: TEST_PROCEDURE_CONTENT.name,
            fieldName: TEST_PROCEDURE_CONTENT.field.name,
          },
          start,
          count,
          now: new Date(),
          openShare: OPEN_SHARE,
        });
        const done = start + count - 1;
        const rate = done / ((performance.now() - started) / 1000);
        log(`inbox: generated ${n(done)}/${n(wanted)} (${n(Math.round(rate))}/s)`);
      }
      await withClient(url, (c) => c.query('vacuum analyze dossier'));
      generation = { dossiers: wanted, ms: performance.now() - started };
      await withClient(databaseUrl, (c) => c.query(`comment on database ${name} is '${marker}'`));
    }
  } finally {
    await runtime.close();
  }

  const sizes = await withClient(url, async (c) => {
    const q = async (text, values) => (await c.query(text, values)).rows[0];
    const user = await q('select id from app_user where username = $1', [USERNAME]);
    const scope = (
      await c.query('select distinct agency_id from user_role where user_id = $1 order by agency_id', [user.id])
    ).rows.map((r) => r.agency_id);
    return {
      userId: user.id,
      scope,
      dossiers: (await q(`select reltuples::bigint as n from pg_class where relname = 'dossier'`)).n,
      agencies: (await q(`select count(*)::int as n from agency where province_code = $1`, [PROVINCE])).n,
      open: (
        await q(
          `select count(*)::int as n from dossier where (holder_agency_id = any($1) or receiving_agency_id = any($1))
             and status in ('new', 'received', 'processing', 'supplement_requested', 'financial_obligation', 'completed')`,
          [scope],
        )
      ).n,
      database: (await q(`select pg_size_pretty(pg_database_size('${name}')) as n`)).n,
    };
  });
  log(`inbox: ${n(sizes.dossiers)} dossiers; the official's five agencies hold ${n(sizes.open)} open ones`);

  // 2. HTTP: 10 concurrent clients per request, first page and a page deep in each box.
  const server = await startServer(loadConfig(env), { handleSignals: false });
  const rows = [];
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
    });
    if (!login.ok) {
      throw new Error(`login failed: ${login.status}`);
    }
    const headers = { cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '' };
    const get = async (path) => {
      const response = await fetch(`${server.url}${path}`, { headers });
      if (!response.ok) {
        throw new Error(`${path}: ${response.status} ${await response.text()}`);
      }
      return response.json();
    };
    const deepCursor = async (box, pages) => {
      let cursor = null;
      for (let i = 0; i < pages; i += 1) {
        const page = await get(`/api/v1/dossiers?box=${box}&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
        if (!page.nextCursor) {
          break;
        }
        cursor = encodeURIComponent(page.nextCursor);
      }
      return cursor;
    };
    // The same 10 clients on a request that only checks the session: what the machine itself costs.
    const cases = [['baseline: GET /api/v1/me (session only)', '/api/v1/me']];
    for (const box of ['mine', 'agency', 'due_soon', 'overdue', 'all']) {
      cases.push([`${box}, first page`, `/api/v1/dossiers?box=${box}&limit=${PAGE}`]);
      const cursor = await deepCursor(box, 50);
      if (cursor) {
        cases.push([`${box}, page 51`, `/api/v1/dossiers?box=${box}&limit=${PAGE}&cursor=${cursor}`]);
      }
    }
    cases.push(['agency, applicant "nguyen van an"', `/api/v1/dossiers?box=agency&limit=${PAGE}&q=nguyen%20van%20an`]);
    cases.push(['box counts (4 capped counts)', '/api/v1/dossiers/counts']);
    for (const [label, path] of cases) {
      const result = await load(`${server.url}${path}`, headers, seconds);
      rows.push({ label, ...result });
      log(`inbox: ${label}: p95 ${ms(result.p95)}, ${n(Math.round(result.rate))}/s`);
    }
  } finally {
    await server.stop();
  }

  // 3. Plans of the main list queries, run as the use-cases run them.
  const plans = [];
  const direct = [];
  const planRuntime = await openRuntimeContext(loadConfig(env));
  try {
    const { db } = planRuntime.ctx;
    const now = new Date();
    const input = {
      agencyIds: sizes.scope,
      box: 'agency',
      userId: sizes.userId,
      myStepRoles: sizes.scope.flatMap((agencyId) => [
        { agencyId, role: 'processor' },
        { agencyId, role: 'approver' },
      ]),
      now,
      dueSoonUntil: new Date(now.getTime() + 3 * 86_400_000),
      limit: PAGE + 1,
    };
    const explainInbox = (query) => withInboxPlanner(db, (trx) => explainQueryText(trx, query));
    const ids = sizes.scope.map((id) => `'${id}'`).join(', ');
    const former = sql.raw(`select d.id, d.code, d.due_at from dossier d
          where (d.holder_agency_id in (${ids}) or d.receiving_agency_id in (${ids}))
            and d.status in ('new', 'received', 'processing', 'supplement_requested', 'financial_obligation', 'completed')
          order by d.due_at asc nulls last, d.id limit ${PAGE + 1}`);
    // The query alone, one at a time, beside the former query in the same run.
    const timeQuery = async (fn) => {
      await fn();
      const runs = [];
      for (let i = 0; i < 30; i += 1) {
        const started = performance.now();
        await fn();
        runs.push(performance.now() - started);
      }
      return { p50: percentile(runs, 50), p95: percentile(runs, 95) };
    };
    direct.push(['Inbox page, box agency (searchInbox)', await timeQuery(() => searchInbox(db, input))]);
    direct.push(['Former inbox query (one sort over the scope)', await timeQuery(() => former.execute(db))]);
    plans.push(['Inbox, box agency, first page', await explainInbox(inboxPageQuery(input))]);
    plans.push(['Inbox, box mine, first page', await explainInbox(inboxPageQuery({ ...input, box: 'mine' }))]);
    plans.push(['Inbox, box counts (agency, cap 1,000)', await explainInbox(inboxCountQuery(input, 1000))]);
    plans.push([
      'Before (for comparison): the former inbox query, one sort over the whole scope',
      await explainQueryText(db, former),
    ]);
    const year = now.getUTCFullYear();
    plans.push([
      'Tracking book of the five agencies, first page',
      await explainQueryText(
        db,
        trackingBookQueries({ agencyIds: sizes.scope, from: `${year - 1}-01-01`, to: `${year}-12-31`, limit: 50 })
          .engine,
      ),
    ]);
    plans.push([
      "Citizen's dossiers (no citizen holds load dossiers: the plan shape)",
      await explainQueryText(
        db,
        citizenDossiersQuery(db, { citizenId: '00000000-0000-0000-0000-000000000000', limit: 20 }),
      ),
    ]);
  } finally {
    await planRuntime.close();
  }

  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    '## The official’s inbox at province scale',
    '',
    `${machine || date} — database \`${name}\` (${sizes.database}).`,
    '',
    `Data: ${n(sizes.dossiers)} load dossiers (\`insertLoadDossiers\`, ${OPEN_SHARE * 100} % open) over ${n(sizes.agencies)} agencies of province ${PROVINCE}; ` +
      `the official holds roles at five of them, whose open dossiers number ${n(sizes.open)}.` +
      (generation
        ? ` Generated in this run: ${n(generation.dossiers)} dossiers in ${(generation.ms / 60_000).toFixed(1)} min (${n(Math.round(generation.dossiers / (generation.ms / 1000)))}/s, indexes live).`
        : ' Reused from an earlier run.'),
    '',
    `${CLIENTS} concurrent clients over HTTP, ${seconds} s per row, ${PAGE} dossiers a page; page 51 is reached by following the cursor. Target: p95 ≤ 30 ms.`,
    '',
    '| request | p50 | p95 | p99 | requests/s | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) => `| ${r.label} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${n(Math.round(r.rate))} | ${r.errors} |`,
    ),
    '',
    'The query alone, one at a time, on the same database in the same run:',
    '',
    '| query | p50 | p95 |',
    '| --- | ---: | ---: |',
    ...direct.map(([label, r]) => `| ${label} | ${ms(r.p50)} | ${ms(r.p95)} |`),
    '',
    '### Plans (EXPLAIN ANALYZE, BUFFERS)',
    '',
    ...plans.flatMap(([label, text]) => [`**${label}**`, '', '```', text, '```', '']),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const markdown = await run({
    databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  process.stdout.write(`${markdown}\n`);
}
