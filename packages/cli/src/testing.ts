/**
 * What the command-line tests share (used by the tests beside this file only): the compiled launcher run in a
 * child process as a user runs it, on an environment without this machine's motcua settings, and a temporary
 * data folder holding a migrated embedded database.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteDataDir } from '@motcua/db/testing';
import { afterAll, beforeAll } from 'vitest';

/** The launcher `npx motcua` runs. */
export const CLI_BIN = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));

/** Throws unless the CLI is compiled: the launcher runs dist/main.js. */
export const requireBuiltCli = () => {
  if (!existsSync(fileURLToPath(new URL('../dist/main.js', import.meta.url)))) {
    throw new Error('packages/cli is not built; run "npm run build" (npm test does it) before these tests');
  }
};

/** This process's environment without what would point the CLI elsewhere (MOTCUA_*, PORT, DATABASE_URL). */
export const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('MOTCUA_') || key === 'PORT' || key === 'DATABASE_URL') {
      delete env[key];
    }
  }
  return env;
};

/** Runs `motcua <args>` to its end on the clean environment plus `env`. */
export const runCli = (args: string[], env: NodeJS.ProcessEnv = {}, timeout = 60_000) =>
  spawnSync(process.execPath, [CLI_BIN, ...args], { env: { ...cleanEnv(), ...env }, encoding: 'utf8', timeout });

/**
 * A temporary folder for the tests of a file, made before them (the CLI built, a migrated embedded database in
 * data/pglite: each command opens it as is) and removed after them; `run` runs the CLI on that data folder.
 */
export const useCliDataDir = (name: string, options: { env?: NodeJS.ProcessEnv; timeout: number }) => {
  let dir: string | undefined;
  const started = () => {
    if (!dir) {
      throw new Error(`the ${name} data folder has not been made`);
    }
    return dir;
  };
  beforeAll(async () => {
    requireBuiltCli();
    dir = mkdtempSync(join(tmpdir(), `motcua-cli-${name}-`));
    await createPgliteDataDir(join(dir, 'data', 'pglite'));
  });
  afterAll(() => {
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    /** The temporary folder (its data/ is the CLI's data folder). */
    get dir() {
      return started();
    },
    run: (args: string[]) =>
      runCli(args, { MOTCUA_DATA_DIR: join(started(), 'data'), ...options.env }, options.timeout),
  };
};
