// npm run bench — runs every benchmark and writes its section of docs/performance.md (between
// <!-- bench:NAME --> markers, leaving other sections alone). Speed targets live here, never in tests.
//   node scripts/bench.mjs [calendar] [intake] [statistics] [notifications] [inbox] [startup] [tracking]   (default: all)
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = `${root}docs/performance.md`;
const wanted = process.argv.slice(2);
const selected = (name) => wanted.length === 0 || wanted.includes(name);
const log = (line) => process.stderr.write(`bench: ${line}\n`);

const machine = () => {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let pg = 'n/a';
  try {
    pg = execSync('psql -h 127.0.0.1 -U postgres -Atc "show server_version"', { encoding: 'utf8' }).trim();
  } catch {}
  return `${new Date().toISOString().slice(0, 10)} · ${cpu} · ${cpus().length} cores · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · PostgreSQL ${pg}`;
};

const writeSection = (name, markdown) => {
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  let doc = existsSync(docPath)
    ? readFileSync(docPath, 'utf8')
    : '# Performance\n\nMeasured by `npm run bench` on the machine named in each section. Targets live here, never in tests.\n';
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${begin}[\\s\\S]*?${end}`);
  // A function, not the string: a section may hold `$'` or `$&`, which a replacement string would expand.
  doc = pattern.test(doc) ? doc.replace(pattern, () => block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docPath, doc);
  log(`wrote the ${name} section of docs/performance.md`);
};

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benches = {
  calendar: () => import('./bench/calendar.mjs'),
  intake: () => import('./bench/intake.mjs'),
  statistics: () => import('./bench/statistics.mjs'),
  notifications: () => import('./bench/notifications.mjs'),
  inbox: () => import('./bench/inbox.mjs'),
  startup: () => import('./bench/startup.mjs'),
  tracking: () => import('./bench/tracking.mjs'),
};

for (const [name, load] of Object.entries(benches)) {
  if (!selected(name)) {
    continue;
  }
  if (name === 'statistics' && !existsSync(`${root}scripts/bench/statistics.mjs`)) {
    log('statistics benchmark not available yet; skipped');
    continue;
  }
  log(`running ${name}…`);
  const { run } = await load();
  const markdown = await run({ databaseUrl, log, machine: machine() });
  writeSection(name, markdown);
}
