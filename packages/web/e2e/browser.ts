import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';

/*
 * What the browser suites share, kept apart from the server fixtures so that the browser project's
 * global setup (global-setup.ts, in vitest's main process) loads neither the server nor a database.
 */

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = join(WEB_ROOT, 'dist');
export const REPO_ROOT = resolve(WEB_ROOT, '..', '..');

/** The PostgreSQL pass of CI (npm run test:pg) skips the browser suites: they run once, on PGlite. */
export const onPostgresPass = Boolean(process.env.DATABASE_URL);

const newestMtime = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
};

const isBuilt = (): boolean => {
  const index = join(WEB_DIST, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(WEB_ROOT, p));
  const newestSource = Math.max(...sources.filter((p) => existsSync(p)).map(newestMtime));
  return existsSync(index) && statSync(index).mtimeMs >= newestSource;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the web client with Vite when dist/ is missing or older than any source file. The browser
 * project's global setup calls it once per run; the lock directory keeps two runs at the same time
 * (two work trees, or a file run on its own) from building into the same dist/ together.
 */
export const ensureWebBuilt = async (): Promise<'fresh' | 'built'> => {
  const lock = join(tmpdir(), 'motcua-web-build.lock');
  for (;;) {
    if (isBuilt()) {
      return 'fresh';
    }
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another run is building; a lock older than 3 minutes was left by a killed run.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 180_000) {
        rmSync(lock, { recursive: true, force: true });
      }
      await sleep(500);
    }
  }
  try {
    if (isBuilt()) {
      return 'fresh';
    }
    const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: WEB_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    return 'built';
  } finally {
    rmdirSync(lock);
  }
};

/** Debian's Chromium (installed by .ci/run with apt); never a downloaded browser. */
export const CHROMIUM = process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium';

const LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--font-render-hinting=none',
  ],
};

/** A browser of this process (a suite run without the browser project's global setup). */
export const launchBrowser = (): Promise<Browser> => chromium.launch(LAUNCH);

/** One browser for every suite of the run: the global setup starts it, each suite connects to it. */
export const launchBrowserServer = (): Promise<BrowserServer> => chromium.launchServer(LAUNCH);

export const connectBrowser = (wsEndpoint: string): Promise<Browser> => chromium.connect(wsEndpoint);

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint; empty on the PostgreSQL pass (no browser suite runs). */
    motcuaBrowserEndpoint: string;
  }
}
