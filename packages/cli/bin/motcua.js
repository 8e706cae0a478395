#!/usr/bin/env node
// Launcher for the motcua command line. The TypeScript sources are compiled by `npm run build`
// (run automatically by `npm ci` and `npm start`), which also bundles them into one module that
// loads faster (scripts/bundle-cli.mjs). The bundle runs only while every file it was made from is
// unchanged; otherwise the compiled modules run.
import { existsSync, readFileSync, statSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
const bundle = new URL('../dist/bundle/motcua.js', import.meta.url);

const isBundleCurrent = () => {
  try {
    const sources = JSON.parse(readFileSync(new URL('../dist/bundle/sources.json', import.meta.url), 'utf8'));
    return sources.every(([path, size, mtimeMs]) => {
      const stat = statSync(new URL(path, bundle));
      return stat.size === size && stat.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
};

if (!existsSync(entry)) {
  console.error('motcua: the command line is not built yet; run "npm run build" in the repository first.');
  process.exit(1);
}
const { run } = await import((isBundleCurrent() ? bundle : entry).href);
const code = await run(process.argv.slice(2));
if (typeof code === 'number') {
  process.exitCode = code;
}
