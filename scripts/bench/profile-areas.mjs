// Sums the self time of V8 CPU profiles (`node --cpu-prof`, e.g. BENCH_INTAKE_CPU_PROF=<folder> npm run bench
// intake) by area — fastify, zod, kysely, the pg driver, pg-boss, pino, PDF, our packages, Node's own
// http/net/crypto, the garbage collector — and lists the functions with the most self time.
//   node scripts/bench/profile-areas.mjs <file.cpuprofile | folder> [top N]
// PROFILE_SKIP=<regexp>: leave out samples whose function matches (e.g. '^(writev|writeBuffer)$': V8 samples
// wall time, so on a busy machine a socket write that yields to the process it wakes looks far dearer than
// the CPU it costs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const AREAS = [
  [
    /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|fast-querystring)\b/,
    'fastify',
  ],
  [/node_modules\/(zod|fastify-type-provider-zod)\//, 'zod'],
  [/node_modules\/kysely\/|\/dist\/bundle\/.*kysely/, 'kysely'],
  [/node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-array|postgres-date|pgpass)\//, 'pg driver'],
  [/node_modules\/pg-boss\//, 'pg-boss'],
  [/node_modules\/(pino|sonic-boom|thread-stream|fast-redact|@pinojs)/, 'pino'],
  [/node_modules\/(pdfkit|fontkit|@swc|restructure|linebreak|png-js|jpeg-exif|crypto-js|brotli|unicode-)/, 'PDF'],
  [/node_modules\/(nodemailer|qrcode)/, 'notifications/QR'],
  [/node_modules\/(@electric-sql)/, 'PGlite'],
  [/node_modules\//, 'other dependencies'],
  [/packages\/domain\//, 'motcua domain'],
  [/packages\/db\//, 'motcua db'],
  [/packages\/server\/dist\/pdf\//, 'motcua PDF'],
  [/packages\/server\/dist\/(http|app)/, 'motcua http'],
  [/packages\/server\/dist\/(auth|usecases\/auth)/, 'motcua auth'],
  [/packages\/server\//, 'motcua server (use-cases, jobs)'],
  [/packages\/cli\//, 'motcua cli'],
  [/^node:internal\/(http|_http|streams|net|stream)|^node:(http|net|_http)/, 'node http/net/streams'],
  [/^node:internal\/crypto|^node:crypto/, 'node crypto'],
  [/^node:/, 'node other'],
];

const areaOf = ({ url, functionName }) => {
  if (!url) {
    if (functionName === '(garbage collector)') {
      return 'garbage collector';
    }
    if (functionName === '(idle)') {
      return 'idle';
    }
    if (functionName === '(program)') {
      return 'program (V8/native, unattributed)';
    }
    if (/^(stringify|parse)$/.test(functionName)) {
      return `JSON.${functionName} (native)`;
    }
    return `native: ${functionName || '(anonymous)'}`;
  }
  return AREAS.find(([pattern]) => pattern.test(url))?.[1] ?? 'other';
};

const target = process.argv[2];
const top = Number(process.argv[3] ?? 30);
const skip = process.env.PROFILE_SKIP ? new RegExp(process.env.PROFILE_SKIP) : undefined;
if (!target) {
  console.error('usage: node scripts/bench/profile-areas.mjs <file.cpuprofile | folder> [top N]');
  process.exit(2);
}
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
  : [target];

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const byArea = new Map();
  const byFunction = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = nodes.get(id).callFrame;
    const area = areaOf(frame);
    if (area === 'idle' || skip?.test(frame.functionName)) {
      continue;
    }
    busy += micros;
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^.*packages\//, '')}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const pct = (micros) => `${((100 * micros) / busy).toFixed(1)} %`;
  console.log(`\n${file}: ${(busy / 1e6).toFixed(2)} s busy (idle excluded)\n\nby area:`);
  for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${pct(micros).padStart(7)}  ${(micros / 1e3).toFixed(0).padStart(7)} ms  ${area}`);
  }
  console.log(`\ntop ${top} functions by self time:`);
  for (const [key, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${pct(micros).padStart(7)}  ${key}`);
  }
}
