import { DataDirLockedError } from '@motcua/server';
import { auditVerifyCommand } from './commands/audit.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import {
  calendarBetweenCommand,
  calendarDueCommand,
  calendarHolidaysCommand,
  calendarLunarCommand,
  calendarSolarCommand,
} from './commands/calendar.js';
import { exportProceduresCommand, importProceduresCommand } from './commands/catalog.js';
import { migrateCommand, migrateStatusCommand, seedDemoCommand } from './commands/database.js';
import { hostingAdminCreateCommand, provinceCreateCommand } from './commands/hosting.js';
import {
  importDossiersCommand,
  reportRebuildCommand,
  reportServiceIndexCommand,
  reportStatisticsCommand,
  seedSyntheticCommand,
} from './commands/reports.js';
import { serveCommand } from './commands/serve.js';
import { signingTestCaCommand, signingTrustRootCommand, signingVerifyCommand } from './commands/signing.js';
import { simulateDvcqgCommand } from './commands/simulate.js';
import { workerCommand } from './commands/worker.js';
import { type Command, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Io, processIo, UsageError } from './io.js';
import { VERSION } from './version.js';

/** Every command, most specific path first so "migrate status" wins over "migrate". */
export const COMMANDS: Command[] = [
  serveCommand,
  workerCommand,
  migrateStatusCommand,
  migrateCommand,
  seedDemoCommand,
  calendarLunarCommand,
  calendarSolarCommand,
  calendarHolidaysCommand,
  calendarDueCommand,
  calendarBetweenCommand,
  auditVerifyCommand,
  backupCommand,
  restoreCommand,
  importProceduresCommand,
  exportProceduresCommand,
  seedSyntheticCommand,
  importDossiersCommand,
  reportStatisticsCommand,
  reportServiceIndexCommand,
  reportRebuildCommand,
  signingTestCaCommand,
  signingTrustRootCommand,
  signingVerifyCommand,
  simulateDvcqgCommand,
  hostingAdminCreateCommand,
  provinceCreateCommand,
].sort((a, b) => b.path.length - a.path.length);

const helpText = (): string =>
  [
    'motcua — hệ thống thông tin giải quyết thủ tục hành chính (one-stop administrative procedure system)',
    '',
    'Usage: motcua <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.slice()
      .sort((a, b) => a.path.join(' ').localeCompare(b.path.join(' ')))
      .map((c) => `  ${c.path.join(' ').padEnd(22)} ${c.summary}`),
    '',
    'Options: --help (for any command), --version. Commands that print data accept --json.',
    'Exit codes: 0 success, 1 the operation failed, 2 bad usage or configuration.',
  ].join('\n');

const findCommand = (args: string[]): { command: Command; rest: string[] } | undefined => {
  for (const command of COMMANDS) {
    if (command.path.every((word, index) => args[index] === word)) {
      return { command, rest: args.slice(command.path.length) };
    }
  }
  return undefined;
};

const describeError = (error: unknown): string => {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
};

/** Runs one command line; returns the exit code (undefined while a server keeps running). */
export const run = async (args: string[], io: Io = processIo): Promise<number | undefined> => {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.out(helpText());
    return args.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.out(VERSION);
    return EXIT_OK;
  }
  const found = findCommand(args);
  if (!found) {
    io.err(`motcua: unknown command "${args.join(' ')}". Run "motcua --help" for the list.`);
    return EXIT_USAGE;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.out(`${found.command.summary}\n\nUsage: ${found.command.usage}`);
    return EXIT_OK;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`motcua: ${describeError(error)}\nUsage: ${found.command.usage}`);
      return EXIT_USAGE;
    }
    if (name === 'ConfigError') {
      io.err(`motcua: ${describeError(error)}`);
      return EXIT_USAGE;
    }
    if (error instanceof DataDirLockedError || name === 'MigrationError' || name === 'BackupError') {
      io.err(`motcua: ${describeError(error)}`);
      return EXIT_FAILURE;
    }
    if (code === 'EADDRINUSE') {
      io.err(`motcua: the port is already in use (${describeError(error)}); set PORT to another port.`);
      return EXIT_FAILURE;
    }
    io.err(`motcua: ${describeError(error)}`);
    if (io.env.MOTCUA_DEBUG) {
      io.err(error instanceof Error && error.stack ? error.stack : String(error));
    }
    return EXIT_FAILURE;
  }
};
