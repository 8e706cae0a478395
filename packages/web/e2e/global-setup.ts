import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, launchBrowserServer, onPostgresPass } from './browser';

/**
 * The browser project's setup, once per run in vitest's main process: builds the web client if its
 * sources changed since the last build, and starts one headless Chromium that every browser suite
 * connects to (each suite still opens its own contexts, so no cookie or storage is shared). On the
 * PostgreSQL pass nothing is started: the browser suites are skipped there.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (onPostgresPass) {
    project.provide('motcuaBrowserEndpoint', '');
    return undefined;
  }
  const started = Date.now();
  const web = await ensureWebBuilt();
  const browser = await launchBrowserServer();
  project.provide('motcuaBrowserEndpoint', browser.wsEndpoint());
  console.log(
    `browser suites: web client ${web === 'built' ? 'built' : 'up to date'}, Chromium started (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return async () => {
    await browser.close();
  };
}
