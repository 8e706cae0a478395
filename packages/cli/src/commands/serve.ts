import { parseArgs } from 'node:util';
import { loadConfig, startServer } from '@motcua/server';
import { type Command, UsageError } from '../io.js';

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'Migrate the database and start the web server',
  usage:
    'motcua serve [--port N] [--demo] [--workers on|off]   (environment: PORT, HOST, DATABASE_URL, MOTCUA_DATA_DIR, …)\n' +
    '  --workers off: answer HTTP only; run the background jobs in `motcua worker` processes (PostgreSQL)',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        demo: { type: 'boolean', default: false },
        workers: { type: 'string', default: 'on' },
      },
      strict: true,
    });
    const env = { ...io.env };
    if (values.port !== undefined) {
      if (!/^\d+$/.test(values.port)) {
        throw new UsageError('--port must be an integer between 0 and 65535');
      }
      env.PORT = values.port;
    }
    if (values.workers !== 'on' && values.workers !== 'off') {
      throw new UsageError('--workers must be on or off');
    }
    if (values.demo && env.MOTCUA_DEMO === undefined) {
      env.MOTCUA_DEMO = 'true';
    }
    const config = loadConfig(env);
    const server = await startServer(config, {
      workers: values.workers === 'on',
      onPrepared: (prepared) => {
        for (const m of prepared.appliedMigrations) {
          io.err(`motcua: applied migration ${String(m.version).padStart(4, '0')}_${m.name}`);
        }
        if (prepared.referenceData.loaded) {
          io.err(`motcua: loaded ${prepared.referenceData.units} administrative units`);
        }
        if (prepared.appliedMigrations.length === 0 && !prepared.referenceData.loaded) {
          io.err('motcua: database current (migrations and reference data checked by version); nothing applied');
        }
      },
      onDemoSeeded: (demo) => {
        if (demo.seeded) {
          io.err('motcua: seeded the demo province (demo only):');
          for (const line of demo.printed ?? []) {
            io.err(`  ${line}`);
          }
        } else {
          io.err('motcua: demo province already seeded; nothing seeded (`motcua seed demo` lists its accounts)');
        }
      },
    });
    const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`;
    const jobs = values.workers === 'on' ? '' : '; background jobs: none here (run `motcua worker`)';
    io.err(`motcua: listening on ${server.url} (database: ${where}${jobs}); press Ctrl-C to stop`);
    const total = server.startup.reduce((sum, phase) => sum + phase.ms, 0);
    const cpuTotal = server.startup.reduce((sum, phase) => sum + phase.cpuMs, 0);
    const phases = server.startup.map((p) => `${p.phase} ${(p.ms / 1000).toFixed(2)}`).join(', ');
    const cpu = server.startup.map((p) => `${p.phase} ${(p.cpuMs / 1000).toFixed(2)}`).join(', ');
    io.err(`motcua: ready ${(total / 1000).toFixed(2)} s after the process started (${phases})`);
    io.err(`motcua: CPU time by then ${(cpuTotal / 1000).toFixed(2)} s (${cpu})`);
    return undefined;
  },
};
