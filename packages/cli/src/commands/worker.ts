import { parseArgs } from 'node:util';
import { loadConfig, openRuntimeContext } from '@motcua/server';
import type { Command } from '../io.js';

/**
 * The background job handlers (notifications, receipts stored as issued, the statistics fold, due-date
 * recomputation, historical imports) in a process of their own, beside API processes started with
 * `motcua serve --workers off`: the jobs live in the database, so any number of either kind share them.
 * The embedded database belongs to one process: with PGlite, `motcua serve` runs them itself.
 */
export const workerCommand: Command = {
  path: ['worker'],
  summary: 'Run the background jobs without the web server (beside `motcua serve --workers off`)',
  usage: 'motcua worker   (environment: DATABASE_URL, MOTCUA_JOB_BATCH_SIZE, MOTCUA_JOB_CONCURRENCY, …)',
  run: async (args, io) => {
    parseArgs({ args, options: {}, strict: true });
    const config = loadConfig(io.env);
    const runtime = await openRuntimeContext(config, { workers: true });
    const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`;
    io.err(`motcua: running the background jobs (database: ${where}); press Ctrl-C to stop`);
    let signalled = false;
    const onSignal = () => {
      if (signalled) {
        // A second Ctrl-C means "now".
        process.exit(130);
      }
      signalled = true;
      io.err('motcua: stopping: the running jobs finish or go back to the queue');
      const timer = setTimeout(() => {
        io.err('motcua: graceful stop timed out after 15 s');
        process.exit(1);
      }, 15_000);
      timer.unref();
      runtime.close().then(
        () => process.exit(0),
        (error: unknown) => {
          io.err(`motcua: error while stopping: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return undefined;
  },
};
