// Cold start on an existing embedded-database folder (issue 16 item 4: `npm start` ready in ≤ 2 s and
// ≤ 1.5× a bare PGlite opening the same folder in a new process). Creates a demo folder once, then
// measures, round after round, in new processes:
//   bare       node opens the folder with PGlite (with pg_trgm, as the server does) and runs `select 1`;
//   serve      `motcua serve --demo` until GET /readyz answers 200;
//   command    `npm start`'s command (`node scripts/start.mjs`): the build check on an unchanged tree,
//              then serve in the same process, until /readyz answers 200;
//   npm start  the same through npm itself;
// and reads the phase line the server prints when it listens.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 7);
const FIRST_START_LIMIT_MS = 20 * 60_000;
const START_LIMIT_MS = 60_000;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** CPU time (user + system, all threads) a process has used so far, from /proc (Linux); undefined elsewhere. */
const cpuMsOf = (pid) => {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) {
    return undefined;
  }
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const serveEnv = (dataDir, port) => ({
  ...process.env,
  MOTCUA_DATA_DIR: dataDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  CI: '',
});

/** Starts a command, polls /readyz every 5 ms until it answers 200, then stops it with SIGINT. */
const timeToReady = async (command, args, { dataDir, limitMs = START_LIMIT_MS }) => {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: serveEnv(dataDir, port),
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so that SIGINT reaches serve behind `sh -c` too.
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let readyMs;
  let cpuMs;
  while (readyMs === undefined) {
    if (child.exitCode !== null) {
      throw new Error(`startup bench: the server exited before it was ready:\n${stderr}`);
    }
    if (performance.now() - started > limitMs) {
      process.kill(-child.pid, 'SIGKILL');
      throw new Error(`startup bench: not ready after ${limitMs} ms:\n${stderr}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.status === 200) {
        readyMs = performance.now() - started;
        cpuMs = cpuMsOf(child.pid);
      }
    } catch {}
    if (readyMs === undefined) {
      await sleep(5);
    }
  }
  process.kill(-child.pid, 'SIGINT');
  await exited;
  return { ms: readyMs, cpuMs, stderr };
};

const bareOpen = async (dataDir) => {
  const script = `
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const db = await PGlite.create(${JSON.stringify(join(dataDir, 'pglite'))}, { extensions: { pg_trgm } });
    await db.query('select 1');
    process.stdout.write('ready\\n');
    // Stay until the bench has read this process's CPU time (it closes stdin).
    process.stdin.resume();
    await new Promise((resolve) => process.stdin.once('end', resolve));
    await db.close();`;
  const started = performance.now();
  // From packages/db, which depends on PGlite, so the import resolves as the server's does.
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(root, 'packages/db'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const result = await new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ ms: performance.now() - started, cpuMs: cpuMsOf(child.pid) }));
    child.on('exit', (code) => reject(new Error(`startup bench: bare PGlite exited with ${code}`)));
  });
  child.stdin.end();
  await new Promise((resolve) => child.on('exit', resolve));
  return result;
};

/**
 * "motcua: ready 0.93 s after the process started (process start and modules 0.41, database open 0.30, …)",
 * or with `prefix` "motcua: CPU time by then ", the CPU time of the same phases.
 */
const parsePhases = (stderr, prefix = 'motcua: ready ') => {
  const line = stderr.split('\n').find((l) => l.startsWith(prefix));
  const inner = line?.match(/\((.*)\)$/)?.[1];
  if (!inner) {
    return undefined;
  }
  return Object.fromEntries(
    inner.split(', ').map((part) => {
      const at = part.lastIndexOf(' ');
      return [part.slice(0, at), Number(part.slice(at + 1)) * 1000];
    }),
  );
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms) => (ms / 1000).toFixed(2);

export const run = async ({ log, machine }) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-startup-'));
  const loadBefore = loadavg()[0];
  try {
    log('startup: creating the demo folder (first start: migrations, reference data, demo seed)…');
    const first = await timeToReady(process.execPath, ['packages/cli/bin/motcua.js', 'serve', '--demo'], {
      dataDir: dir,
      limitMs: FIRST_START_LIMIT_MS,
    });
    log(`startup: first start ready in ${seconds(first.ms)} s`);

    const samples = { bare: [], serve: [], command: [], npmStart: [] };
    const cpu = { bare: [], serve: [] };
    const phaseSamples = [];
    const cpuPhaseSamples = [];
    let secondStartOutput = '';
    for (let round = 0; round < ROUNDS; round++) {
      const bareRun = await bareOpen(dir);
      samples.bare.push(bareRun.ms);
      cpu.bare.push(bareRun.cpuMs);
      const serve = await timeToReady(process.execPath, ['packages/cli/bin/motcua.js', 'serve', '--demo'], {
        dataDir: dir,
      });
      samples.serve.push(serve.ms);
      cpu.serve.push(serve.cpuMs);
      secondStartOutput ||= serve.stderr;
      const phases = parsePhases(serve.stderr);
      if (phases) {
        phaseSamples.push(phases);
      }
      const cpuPhases = parsePhases(serve.stderr, 'motcua: CPU time by then ');
      if (cpuPhases) {
        cpuPhaseSamples.push(cpuPhases);
      }
      const command = await timeToReady(process.execPath, ['scripts/start.mjs'], { dataDir: dir });
      samples.command.push(command.ms);
      const npmStart = await timeToReady('npm', ['start', '--silent'], { dataDir: dir });
      samples.npmStart.push(npmStart.ms);
      log(
        `startup round ${round + 1}: bare PGlite ${seconds(samples.bare.at(-1))} s, serve ${seconds(serve.ms)} s, build check + serve ${seconds(command.ms)} s, npm start ${seconds(npmStart.ms)} s`,
      );
    }
    const loadAfter = loadavg()[0];
    if (/applied migration|seeded the demo province|loaded \d+ administrative units/.test(secondStartOutput)) {
      throw new Error(
        `startup bench: a start on the existing folder applied or seeded something:\n${secondStartOutput}`,
      );
    }

    const bare = median(samples.bare);
    const serve = median(samples.serve);
    const command = median(samples.command);
    const npmStart = median(samples.npmStart);
    const phaseNames = Object.keys(phaseSamples[0] ?? {});
    const phaseRows = phaseNames
      .map(
        (name) =>
          `| ${name} | ${seconds(median(phaseSamples.map((p) => p[name] ?? 0)))} | ${
            cpuPhaseSamples.length > 0 ? seconds(median(cpuPhaseSamples.map((p) => p[name] ?? 0))) : 'n/a'
          } |`,
      )
      .join('\n');
    // Judged by the load before the rounds: the rounds themselves raise the load average.
    const busy = loadBefore > cpus().length * 0.5;
    const hasCpu = (values) => values.every((value) => value !== undefined);
    const cpuCell = (values) => (hasCpu(values) ? `${seconds(median(values))} s` : 'n/a');
    const cpuRatio =
      hasCpu(cpu.bare) && hasCpu(cpu.serve) ? ` (${(median(cpu.serve) / median(cpu.bare)).toFixed(2)}× bare)` : '';
    const ratio = npmStart / bare;
    const met = npmStart <= 2000 && ratio <= 1.5;
    return `## Start-up on an existing embedded-database folder

Machine: ${machine}${busy ? ` — **busy**: load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (other work was running; the ratios are from the same rounds)` : ` — quiet: load average ${loadBefore.toFixed(1)} before the rounds`}

A demo folder is created once (first start ${seconds(first.ms)} s: migrations, reference data, demo seed), then
${ROUNDS} rounds each start new processes on it: **bare** — node opens the folder with PGlite (with pg_trgm, as the
server does) and runs \`select 1\`; **serve** — \`motcua serve --demo\` until \`GET /readyz\` answers 200;
**build check + serve** — \`npm start\`'s command, \`node scripts/start.mjs\` (the build check on an unchanged tree,
then serve in the same process); **npm start** — the same through npm, whose own launch is part of it.

| start | median | best | CPU used by then (median, all threads) |
|---|---|---|---|
| bare PGlite open + \`select 1\` | ${seconds(bare)} s | ${seconds(Math.min(...samples.bare))} s | ${cpuCell(cpu.bare)} |
| \`motcua serve --demo\` to /readyz | ${seconds(serve)} s (${(serve / bare).toFixed(2)}× bare) | ${seconds(Math.min(...samples.serve))} s | ${cpuCell(cpu.serve)}${cpuRatio} |
| build check + serve to /readyz | ${seconds(command)} s (${(command / bare).toFixed(2)}× bare) | ${seconds(Math.min(...samples.command))} s | |
| \`npm start\` to /readyz | ${seconds(npmStart)} s (${ratio.toFixed(2)}× bare) | ${seconds(Math.min(...samples.npmStart))} s | |

The CPU column is the process's own user + system time when it was ready (Linux /proc): on a busy machine it
moves less than the wall-clock time does. PGlite compiles its WebAssembly on background threads, so the bare
open uses more CPU than it takes wall-clock time on a quiet machine.

Where the time of \`serve\` goes (median of the phase lines it prints when it listens; the first phase counts
from the process's start, so it holds node's own start and loading the modules; CPU is the process's user +
system time in the phase, all threads):

| phase | seconds | CPU seconds |
|---|---|---|
${phaseRows}

A start on the existing folder applies nothing: migrations are checked by version in one query, the
reference data and the demo by their setting rows; the job handlers start after the server answers.

Profiled with \`node --cpu-prof\` before this work: the largest share was loading modules — about 480 small ES
modules of motcua and Kysely (now one bundled file, \`scripts/bundle-cli.mjs\`), and Ajv, fast-json-stringify,
PDFKit, ExcelJS and nodemailer, none needed to answer (now not loaded, or loaded on first use); the web client's
~160 built files were registered as one route each (now one wildcard route). Since then: the bundle keeps what is
loaded with \`import()\` in chunks of its own (inlined, the S3 file store had put the AWS SDK into every start);
@fastify/swagger, its UI and YAML are loaded when /openapi.json or /docs is first asked (a documented copy of the
application answers them); \`npm start\` checks the build and serves in one process, walking each input folder
once.

Why ≤ 1.5× bare is not reached. Bare is node's start, importing PGlite and PGlite's open; \`serve\` does the same
and more. For 1.5× everything it adds must fit in half of bare, ${seconds(bare / 2)} s here; loading the modules alone
takes about ${seconds(median(phaseSamples.map((p) => p['process start and modules'] ?? 0)))} s (first phase, node's start included) and the HTTP application ${seconds(median(phaseSamples.map((p) => p['HTTP application'] ?? 0)))} s.
What the modules are: the bundle (1.8 MB) and the packages it imports (Fastify, zod and its Fastify provider, pg,
pg-boss, Kysely's helpers, argon2, openid-client, csv-parse, @fastify/static, multipart and cookie), each needed to
answer a request or to start the queue. In a profile of that phase, compiling ES modules is about a quarter,
evaluating them a fifth, garbage collection a sixth, the ES loader's resolving and reading the rest. A V8 code
cache would remove part of the compiling only: Node 20 has no \`module.enableCompileCache\` or
\`NODE_COMPILE_CACHE\` (Node 22); on Node 20 it would take a CommonJS bundle run through \`vm.Script\` with
\`cachedData\`, covering the bundle but not the packages — not done. Starting PGlite's open before loading the
modules could hide only its WebAssembly compile (the part on background threads, where bare's CPU time exceeds
its wall-clock time); its open itself runs on the main thread. Through npm the target cannot be met at all: npm's
own launch (npm start − the command) was 0.17 s on a quiet machine (2026-12-06: npm start 1.39 s, the command
1.22 s, bare 0.42 s), 40% of bare, which leaves 0.04 s of the 0.21 s that 1.5× allows for everything \`serve\`
adds; in these rounds ${
      npmStart > command
        ? `it was ${seconds(npmStart - command)} s`
        : 'it could not be told apart (the machine was too busy: npm start was not slower than its command)'
    }.

Target: ready in ≤ 2 s and ≤ 1.5× bare — ${met ? 'met' : '**not met**'} (${seconds(npmStart)} s, ${ratio.toFixed(2)}×).`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
