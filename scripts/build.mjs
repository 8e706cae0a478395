// Builds what `npm start` and `npx motcua` need: the TypeScript packages (incremental, tsc -b),
// the web's API types (from the server's OpenAPI document) and the web client (Vite). Safe to run
// repeatedly; prints one line per step.
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
// The web's API types come from the server's OpenAPI document; the web type-check reads them. In CI
// (CI=true, .ci/run) the committed file is checked instead of rewritten, so a server change that the
// committed types do not reflect fails the build.
const apiTypes = [`${root}scripts/generate-api-types.mjs`, ...(process.env.CI ? ['--check'] : [])];
step('API types', process.execPath, apiTypes);
step('web client', bin('vite'), ['build', '--logLevel', 'warn'], `${root}packages/web`);
