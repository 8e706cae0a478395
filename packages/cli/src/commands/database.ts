import { parseArgs } from 'node:util';
import { getMigrationStatus } from '@motcua/db';
import {
  DEMO_HISTORY_DOSSIERS,
  loadConfig,
  openConfiguredDatabase,
  openRuntimeContext,
  prepareDatabase,
  seedDemo,
} from '@motcua/server';
import { type Command, EXIT_FAILURE, EXIT_OK } from '../io.js';

export const migrateCommand: Command = {
  path: ['migrate'],
  summary: 'Apply pending database migrations and load reference data',
  usage: 'motcua migrate [--json]',
  run: async (args, io) => {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const config = loadConfig(io.env);
    const opened = await openConfiguredDatabase(config);
    try {
      const result = await prepareDatabase(opened.database);
      if (values.json) {
        io.out(JSON.stringify({ applied: result.appliedMigrations, referenceData: result.referenceData }));
      } else if (result.appliedMigrations.length === 0) {
        io.out('Database is up to date.');
      } else {
        for (const m of result.appliedMigrations) {
          io.out(`applied ${String(m.version).padStart(4, '0')}_${m.name}`);
        }
      }
      if (!values.json && result.referenceData.loaded) {
        io.out(`loaded ${result.referenceData.units} administrative units`);
      }
      return EXIT_OK;
    } finally {
      await opened.close();
    }
  },
};

export const migrateStatusCommand: Command = {
  path: ['migrate', 'status'],
  summary: 'Show applied and pending migrations without changing anything',
  usage: 'motcua migrate status [--json]',
  run: async (args, io) => {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const config = loadConfig(io.env);
    const opened = await openConfiguredDatabase(config);
    try {
      const status = await getMigrationStatus(opened.database.pool);
      if (values.json) {
        io.out(
          JSON.stringify({
            isCurrent: status.isCurrent,
            applied: status.applied.map(({ version, name, appliedAt }) => ({ version, name, appliedAt })),
            pending: status.pending.map(({ version, name }) => ({ version, name })),
            modified: status.modified,
            unknown: status.unknown,
          }),
        );
      } else {
        for (const m of status.applied) {
          io.out(`applied  ${String(m.version).padStart(4, '0')}_${m.name}  ${m.appliedAt.toISOString()}`);
        }
        for (const m of status.pending) {
          io.out(`pending  ${String(m.version).padStart(4, '0')}_${m.name}`);
        }
        for (const m of status.modified) {
          io.out(`MODIFIED ${String(m.version).padStart(4, '0')}_${m.name} (edited after it was applied)`);
        }
        io.out(status.isCurrent ? 'Database is up to date.' : 'Database is NOT up to date.');
      }
      return status.isCurrent ? EXIT_OK : EXIT_FAILURE;
    } finally {
      await opened.close();
    }
  },
};

export const seedDemoCommand: Command = {
  path: ['seed', 'demo'],
  summary: 'Seed the demo province (Hưng Yên) if it is not there yet',
  usage: 'motcua seed demo [--json]',
  run: async (args, io) => {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const config = loadConfig(io.env);
    const runtime = await openRuntimeContext(config);
    try {
      const demo = await seedDemo(runtime.ctx, {
        password: config.demoPassword,
        publicUrl: config.publicUrl,
        historyDossiers: DEMO_HISTORY_DOSSIERS,
      });
      if (values.json) {
        io.out(JSON.stringify({ seeded: demo.seeded, details: demo.printed ?? [] }));
      } else if (demo.seeded) {
        for (const line of demo.printed ?? []) {
          io.out(line);
        }
      } else {
        io.out('The demo province is already seeded; nothing to do.');
        for (const line of demo.printed ?? []) {
          io.out(line);
        }
      }
      return EXIT_OK;
    } finally {
      await runtime.close();
    }
  },
};
