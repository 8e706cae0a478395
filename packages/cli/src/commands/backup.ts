import { parseArgs } from 'node:util';
import {
  createBackup,
  loadConfig,
  openConfiguredDatabase,
  openFileStorage,
  prepareDatabase,
  restoreBackup,
  startJobs,
} from '@motcua/server';
import { type Command, EXIT_OK, UsageError } from '../io.js';
import { VERSION } from '../version.js';

export const backupCommand: Command = {
  path: ['backup'],
  summary: 'Write one archive of the database and the file store, with a manifest of counts and hashes',
  usage: 'motcua backup --out FILE [--json]',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.out) {
      throw new UsageError('--out FILE is required');
    }
    const config = loadConfig(io.env);
    const opened = await openConfiguredDatabase(config);
    try {
      const manifest = await createBackup({
        database: opened.database,
        storage: await openFileStorage(config.storage),
        out: values.out,
        motcuaVersion: VERSION,
      });
      const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
      const files = Object.keys(manifest.files).length;
      io.out(
        values.json
          ? JSON.stringify({ out: values.out, ...manifest })
          : `wrote ${values.out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${files} files (migration ${manifest.migrationLevel})`,
      );
      return EXIT_OK;
    } finally {
      await opened.close();
    }
  },
};

export const restoreCommand: Command = {
  path: ['restore'],
  summary: 'Restore a backup archive into an empty database and file store (verifying counts and hashes)',
  usage: 'motcua restore FILE [--force] [--json]   (--force replaces the data of a non-empty target)',
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) {
      throw new UsageError('give exactly one archive file');
    }
    const config = loadConfig(io.env);
    const opened = await openConfiguredDatabase(config);
    try {
      // An empty PostgreSQL database is migrated first; the backup must be at this version's level.
      // pg-boss's schema and queues are created as a server start would, so its outbox rows have a home.
      await prepareDatabase(opened.database);
      await (await startJobs(opened.database)).stop();
      const report = await restoreBackup({
        database: opened.database,
        storage: await openFileStorage(config.storage),
        archive: positionals[0] as string,
        force: values.force,
      });
      io.out(
        values.json
          ? JSON.stringify({
              tables: report.tables,
              rows: report.rows,
              files: report.files,
              createdAt: report.manifest.createdAt,
            })
          : `restored ${report.rows} rows in ${report.tables} tables and ${report.files} files from the backup of ${report.manifest.createdAt}; every count and hash matched`,
      );
      return EXIT_OK;
    } finally {
      await opened.close();
    }
  },
};
