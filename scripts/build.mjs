// Builds what `npm start` and `npx motcua` need: the TypeScript packages (incremental, tsc -b)
// and the web client (Vite). Safe to run repeatedly; prints one line per step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;

const step = (label, command, args, cwd = root) => {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.error(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

step('TypeScript packages', bin('tsc'), ['-b', 'tsconfig.json']);
step('web client', bin('vite'), ['build', '--logLevel', 'warn'], `${root}packages/web`);
