import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { listCatalogImportRows } from '@motcua/db';
import {
  type CatalogFile,
  CatalogFileError,
  type CatalogImportProgress,
  loadConfig,
  openConfiguredDatabase,
  parseCatalogFile,
  prepareDatabase,
  runCatalogImport,
  streamCatalogExport,
} from '@motcua/server';
import { type Command, EXIT_FAILURE, EXIT_OK, type Io, UsageError } from '../io.js';

const CATALOG_PATTERN = /^(national|\d{2})$/;

const readCatalogOption = (value: string | undefined): string => {
  const catalog = value ?? 'national';
  if (!CATALOG_PATTERN.test(catalog)) {
    throw new UsageError(`--catalog must be "national" or a 2-digit province code (got "${catalog}")`);
  }
  return catalog;
};

/** Today in Vietnam (UTC+7, no daylight saving): new versions take effect on the import day. */
const todayInVietnam = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

const describeCatalog = (catalog: string): string =>
  catalog === 'national' ? 'the national catalog' : `the catalog of province ${catalog}`;

/**
 * One progress line on stderr. On a terminal it is redrawn in place (cursor up one line, erase it)
 * so a long import shows one moving line; in a log or a pipe every batch gets its own line.
 */
const createProgressPrinter = (io: Io) => {
  let printed = false;
  return (progress: CatalogImportProgress) => {
    const percent = progress.rows === 0 ? 100 : Math.floor((progress.processed / progress.rows) * 100);
    const line =
      `importing ${progress.processed}/${progress.rows} (${percent}%): ${progress.created} created, ` +
      `${progress.updated} updated, ${progress.unchanged} unchanged, ${progress.rejected} rejected`;
    io.err(io.isTty && printed ? `\u001b[1A\u001b[2K${line}` : line);
    printed = true;
  };
};

export const importProceduresCommand: Command = {
  path: ['import', 'procedures'],
  summary: 'Import a procedure catalog file (national TTHC format or a motcua export; .json or .json.gz)',
  usage: 'motcua import procedures <file> [--catalog national|NN] [--json]',
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, catalog: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1 || positionals[0] === undefined) {
      throw new UsageError('give exactly one catalog file');
    }
    const path = positionals[0];
    const catalog = readCatalogOption(values.catalog);
    // A file that is not there is a mistake in the command line (exit 2); a file that is there but
    // is not a catalog is a failed import (exit 1, nothing imported).
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new UsageError(`no such file: ${path}`);
    }
    let file: CatalogFile;
    try {
      file = parseCatalogFile(readFileSync(path));
    } catch (error) {
      if (error instanceof CatalogFileError) {
        io.err(`motcua: cannot import ${path}: ${error.reason.en}`);
        return EXIT_FAILURE;
      }
      throw error;
    }
    const config = loadConfig(io.env);
    const opened = await openConfiguredDatabase(config);
    try {
      await prepareDatabase(opened.database);
      const started = performance.now();
      const report = await runCatalogImport(opened.database.db, {
        catalog,
        file,
        fileName: basename(path),
        actorUserId: null,
        today: todayInVietnam(),
        now: new Date(),
        onProgress: createProgressPrinter(io),
      });
      const ms = Math.round(performance.now() - started);
      const { totals } = report;
      if (values.json) {
        io.out(
          JSON.stringify({
            id: report.id,
            catalog: report.catalog,
            fileName: report.fileName,
            status: report.status,
            ms,
            totals,
          }),
        );
        return EXIT_OK;
      }
      io.out(
        `Imported ${basename(path)} into ${describeCatalog(catalog)} in ${(ms / 1000).toFixed(1)} s: ` +
          `${totals.rows} rows — ${totals.created} created, ${totals.updated} updated, ` +
          `${totals.unchanged} unchanged, ${totals.rejected} rejected (${totals.ok} ok, ${totals.repaired} repaired).`,
      );
      const notable = totals.issues.filter((issue) => issue.severity !== 'info').slice(0, 8);
      if (notable.length > 0) {
        io.out(`Most frequent repairs: ${notable.map((i) => `${i.code} ×${i.count}`).join(', ')}`);
      }
      if (totals.rejected > 0) {
        const rejected = await listCatalogImportRows(opened.database.db, {
          importId: report.id,
          outcome: 'rejected',
          limit: 10,
          offset: 0,
        });
        for (const row of rejected.items) {
          const reasons = row.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message.en);
          io.out(`  row ${row.rowNo}${row.code ? ` (${row.code})` : ''} rejected: ${reasons.join(' ')}`);
        }
        if (rejected.total > rejected.items.length) {
          io.out(`  … and ${rejected.total - rejected.items.length} more rejected rows`);
        }
      }
      io.out(`Per-row report: GET /api/v1/procedures/imports/${report.id}/rows`);
      return EXIT_OK;
    } finally {
      await opened.close();
    }
  },
};

export const exportProceduresCommand: Command = {
  path: ['export', 'procedures'],
  summary: 'Export the current published procedures of a catalog as JSON (re-importable)',
  usage: 'motcua export procedures [--catalog national|NN] [--out file]',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { catalog: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    });
    const catalog = readCatalogOption(values.catalog);
    const config = loadConfig(io.env);
    const opened = await openConfiguredDatabase(config);
    try {
      await prepareDatabase(opened.database);
      let count = 0;
      const chunks = streamCatalogExport(opened.database.db, {
        catalog,
        now: new Date(),
        onPage: (rows) => {
          count += rows;
        },
      });
      if (values.out) {
        const out = createWriteStream(values.out);
        for await (const chunk of chunks) {
          if (!out.write(chunk)) {
            await once(out, 'drain');
          }
        }
        out.end();
        await once(out, 'finish');
        io.err(`exported ${count} procedures of ${describeCatalog(catalog)} to ${values.out}`);
      } else {
        // Page by page to stdout; the line breaks between pages are JSON whitespace.
        for await (const chunk of chunks) {
          io.out(chunk.replace(/\n$/, ''));
        }
        io.err(`exported ${count} procedures of ${describeCatalog(catalog)}`);
      }
      return EXIT_OK;
    } finally {
      await opened.close();
    }
  },
};
