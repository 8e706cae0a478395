// Statistics at national scale: a province-year statistics report and the Decision 766 index over
// millions of dossiers, answered from the aggregates (stat_series/stat_day/stat_month, kept in the
// dossier's own transaction), beside the naive GROUP BY over the raw rows in the same run.
//
//   node scripts/bench/statistics.mjs            (needs `npm run build`; `npm run bench statistics` builds first)
//
// Environment:
//   BENCH_DATABASE_URL            server to use (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_STATISTICS_DB           database to create and keep (default motcua_bench)
//   BENCH_STATISTICS_DOSSIERS     dossiers wanted in province 33 (default 10000000)
//   BENCH_STATISTICS_FRESH=1      drop and regenerate the database
// The generated database is kept: a later run reuses it and only tops it up to the wanted count
// (generating 10 million dossiers takes a while; the progress is printed).
import { sumStatisticsNaive } from '../../packages/db/dist/index.js';
import {
  DEFAULT_DEMO_PASSWORD,
  getServiceIndexReport,
  getStatisticsReport,
  loadConfig,
  openRuntimeContext,
  seedDemo,
  seedSyntheticDossiers,
  startServer,
} from '../../packages/server/dist/index.js';
import { dbUrl, withClient } from './database.mjs';

const PROVINCE = '33';
const YEAR = '2025';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const time = async (runs, fn, { warmUp = true } = {}) => {
  if (warmUp) {
    await fn();
  }
  const ms = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    ms.push(performance.now() - started);
  }
  return { median: percentile(ms, 50), p95: percentile(ms, 95), runs };
};

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const n = (value) => Number(value).toLocaleString('en-US');

export async function run({
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
  log = console.error,
  machine = '',
} = {}) {
  const name = process.env.BENCH_STATISTICS_DB ?? 'motcua_bench';
  const wanted = Number(process.env.BENCH_STATISTICS_DOSSIERS ?? 10_000_000);
  await withClient(databaseUrl, async (client) => {
    if (process.env.BENCH_STATISTICS_FRESH === '1') {
      await client.query(`drop database if exists ${name} with (force)`);
    }
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      log(`statistics: creating database ${name}`);
      await client.query(`create database ${name}`);
    }
  });
  const url = dbUrl(databaseUrl, name);
  const env = { DATABASE_URL: url, LOG_LEVEL: 'silent', MOTCUA_DB_POOL_SIZE: '10', PORT: '0' };

  // 1. Data: the demo province's agencies and catalog, then synthetic dossiers up to the wanted count.
  let generation = null;
  {
    const runtime = await openRuntimeContext(loadConfig(env));
    try {
      const { ctx } = runtime;
      const demo = await seedDemo(ctx, { password: DEFAULT_DEMO_PASSWORD });
      if (demo.seeded) {
        log('statistics: seeded the demo province (Hưng Yên, 33)');
      }
      // Counted from the aggregates (every dossier received or refused), not by scanning 10 million rows.
      const count = await withClient(url, async (c) =>
        Number(
          (
            await c.query(
              `select coalesce(sum(m.received + m.refused), 0) as count from stat_month m
               join stat_series s on s.id = m.series_id where s.grain = 'agency' and s.province_code = $1`,
              [PROVINCE],
            )
          ).rows[0].count,
        ),
      );
      if (count < wanted) {
        log(
          `statistics: ${n(count)} dossiers in province ${PROVINCE}; generating ${n(wanted - count)} more (2024–2026)…`,
        );
        let last = 0;
        const result = await seedSyntheticDossiers(ctx.db, {
          provinceCode: PROVINCE,
          dossiers: wanted - count,
          fromYear: 2024,
          toYear: 2026,
          now: new Date(),
          batchSize: 200_000,
          onProgress: (p) => {
            if (p.generated - last >= 1_000_000 || p.generated === p.total) {
              last = p.generated;
              log(`statistics: generated ${n(p.generated)}/${n(p.total)} (${n(p.rowsPerSecond)}/s)`);
            }
          },
        });
        generation = { dossiers: result.generated, ms: result.ms };
        await withClient(url, (c) => c.query('vacuum analyze'));
      } else {
        log(`statistics: reusing ${n(count)} dossiers of province ${PROVINCE} in ${name}`);
        // Fresh planner statistics (a generator run outside this script may not have left any).
        await withClient(url, (c) => c.query('analyze'));
      }
    } finally {
      await runtime.close();
    }
  }

  const sizes = await withClient(url, async (c) => {
    const q = async (sql) => (await c.query(sql)).rows[0];
    return {
      dossiers: (await q(`select reltuples::bigint as n from pg_class where relname = 'dossier'`)).n,
      series: (await q('select count(*)::bigint as n from stat_series')).n,
      agencySeries: (await q(`select count(*)::bigint as n from stat_series where grain = 'agency'`)).n,
      dayRows: (await q('select count(*)::bigint as n from stat_day')).n,
      monthRows: (await q('select count(*)::bigint as n from stat_month')).n,
      database: (await q(`select pg_size_pretty(pg_database_size('${name}')) as n`)).n,
      dossierTable: (await q(`select pg_size_pretty(pg_total_relation_size('dossier')) as n`)).n,
      statTables: (
        await q(
          `select pg_size_pretty(pg_total_relation_size('stat_day') + pg_total_relation_size('stat_month') + pg_total_relation_size('stat_series')) as n`,
        )
      ).n,
    };
  });

  // 2. The aggregate path: through HTTP as the province administrator (what a dashboard waits for).
  const server = await startServer(loadConfig(env), { handleSignals: false });
  const rows = [];
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'qttinh', password: DEFAULT_DEMO_PASSWORD }),
    });
    if (!login.ok) {
      throw new Error(`login failed: ${login.status}`);
    }
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const get = async (path) => {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
      if (!response.ok) {
        throw new Error(`${path}: ${response.status} ${await response.text()}`);
      }
      return response.json();
    };
    const totals = (await get(`/api/v1/reports/statistics?scope=province&province=${PROVINCE}&period=${YEAR}`)).totals;
    log(
      `statistics: ${YEAR}: ${n(totals.totalToProcess)} to process, ${n(totals.resolved)} resolved, on time ${totals.percentages.earlyOrOnTime.text}`,
    );
    const http = [
      [
        'Statistics, province-year (HTTP)',
        `/api/v1/reports/statistics?scope=province&province=${PROVINCE}&period=${YEAR}`,
      ],
      [
        'Statistics, province-year by agency (HTTP)',
        `/api/v1/reports/statistics?scope=province&province=${PROVINCE}&period=${YEAR}&groupBy=agency`,
      ],
      [
        'Statistics, province-year by month (HTTP)',
        `/api/v1/reports/statistics?scope=province&province=${PROVINCE}&period=${YEAR}&groupBy=month`,
      ],
      [
        'Statistics, 17 Mar–9 Oct (partial months, HTTP)',
        `/api/v1/reports/statistics?scope=province&province=${PROVINCE}&from=${YEAR}-03-17&to=${YEAR}-10-09`,
      ],
      [
        'Decision 766 index, year, every agency ranked (HTTP)',
        `/api/v1/reports/service-index?period=${YEAR}&level=agency`,
      ],
      ['Decision 766 index, year, province (HTTP)', `/api/v1/reports/service-index?period=${YEAR}&level=province`],
    ];
    for (const [label, path] of http) {
      const result = await time(30, () => get(path));
      rows.push({ label, path: 'aggregates', ...result });
      log(`statistics: ${label}: median ${fmt(result.median)}`);
    }
  } finally {
    await server.stop();
  }

  // 3. The naive GROUP BY over the raw dossier rows, same period, same numbers (checked).
  const runtime = await openRuntimeContext(loadConfig(env));
  try {
    const { ctx } = runtime;
    const actor = {
      kind: 'official',
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'bench',
      fullName: 'bench',
      provinceCode: PROVINCE,
      grants: [
        {
          agencyId: '00000000-0000-0000-0000-000000000000',
          role: 'province_admin',
          includeSubagencies: true,
          provinceCode: PROVINCE,
        },
      ],
      via: 'token',
    };
    const direct = await time(30, () =>
      getStatisticsReport(ctx, actor, { scope: 'province', province: PROVINCE, period: YEAR }),
    );
    rows.push({ label: 'Statistics, province-year (use-case, no HTTP)', path: 'aggregates', ...direct });
    const index = await time(30, () =>
      getServiceIndexReport(ctx, actor, { scope: 'province', province: PROVINCE, period: YEAR, level: 'agency' }),
    );
    rows.push({ label: 'Decision 766 index per agency (use-case, no HTTP)', path: 'aggregates', ...index });
    const report = await getStatisticsReport(ctx, actor, { scope: 'province', province: PROVINCE, period: YEAR });
    let naiveTotals;
    // The naive queries scan every dossier of the province: one run each (no warm-up) is enough.
    const naive = await time(
      1,
      async () => {
        naiveTotals = await sumStatisticsNaive(ctx.db, {
          from: `${YEAR}-01-01`,
          to: `${YEAR}-12-31`,
          provinceCodes: [PROVINCE],
          dimension: 'none',
        });
      },
      { warmUp: false },
    );
    rows.push({ label: 'Statistics, province-year: naive GROUP BY over dossier', path: 'raw rows', ...naive });
    log(`statistics: naive GROUP BY: median ${fmt(naive.median)}`);
    const sums = naiveTotals?.[0]?.sums;
    const agree =
      sums && sums.received === report.totals.receivedNew && sums.overdueStock === report.totals.inProgressOverdue;
    const naiveByAgency = await time(
      1,
      () =>
        sumStatisticsNaive(ctx.db, {
          from: `${YEAR}-01-01`,
          to: `${YEAR}-12-31`,
          provinceCodes: [PROVINCE],
          dimension: 'agency',
        }),
      { warmUp: false },
    );
    rows.push({
      label: 'Statistics by agency (766 input): naive GROUP BY over dossier',
      path: 'raw rows',
      ...naiveByAgency,
    });
    const date = new Date().toISOString().slice(0, 10);
    const lines = [
      '## Statistics and the Decision 766 index from aggregates',
      '',
      `${machine || date} — database \`${name}\` (${sizes.database}; dossier table ${sizes.dossierTable}; aggregates ${sizes.statTables}).`,
      '',
      `Data: ${n(sizes.dossiers)} synthetic dossiers in province ${PROVINCE} (2024–2026, \`motcua seed synthetic\`: weighted procedures, ` +
        `${n(sizes.agencySeries)} agency-grain and ${n(Number(sizes.series) - Number(sizes.agencySeries))} procedure-grain series, ` +
        `${n(sizes.monthRows)} month rows, ${n(sizes.dayRows)} day rows).` +
        (generation
          ? ` Generated in this run: ${n(generation.dossiers)} dossiers in ${(generation.ms / 60_000).toFixed(1)} min.`
          : ' Reused from an earlier run.'),
      '',
      `Report: year ${YEAR}, whole province — ${n(report.totals.totalToProcess)} dossiers to process, ${n(report.totals.resolved)} resolved. ` +
        `Aggregates and naive GROUP BY agree: ${agree ? 'yes' : 'NO'}. Target: ≤ 200 ms.`,
      '',
      '| query | reads | median | p95 | runs |',
      '| --- | --- | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.label} | ${r.path} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.runs} |`),
    ];
    return lines.join('\n');
  } finally {
    await runtime.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const markdown = await run({
    databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  process.stdout.write(`${markdown}\n`);
}
