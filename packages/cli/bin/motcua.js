#!/usr/bin/env node
// Launcher for the motcua command line. The TypeScript sources are compiled by `npm run build`
// (run automatically by `npm ci` and `npm start`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('motcua: the command line is not built yet; run "npm run build" in the repository first.');
  process.exit(1);
}
const { run } = await import(entry.href);
const code = await run(process.argv.slice(2));
if (typeof code === 'number') {
  process.exitCode = code;
}
