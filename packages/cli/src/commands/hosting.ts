import { parseArgs } from 'node:util';
import { createHostingAdmin, createProvince, describeAppError, loadConfig, openRuntimeContext } from '@motcua/server';
import { type Command, EXIT_FAILURE, EXIT_OK, type Io, UsageError } from '../io.js';

const USERNAME = /^[a-z0-9._-]{3,64}$/;

const checkUsername = (value: string | undefined, what: string): string => {
  const username = value?.trim().toLowerCase() ?? '';
  if (!USERNAME.test(username)) {
    throw new UsageError(`${what} must be 3–64 characters of a-z, 0-9, ".", "_" or "-"`);
  }
  return username;
};

/** Runs a use-case; a problem it answers (host taken, province exists…) is printed and exits 1. */
const runUseCase = async <T>(io: Io, action: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await action();
  } catch (error) {
    const problem = describeAppError(error);
    if (problem === undefined) {
      throw error;
    }
    io.err(`motcua: ${problem}`);
    return undefined;
  }
};

export const hostingAdminCreateCommand: Command = {
  path: ['hosting-admin', 'create'],
  summary: 'Create a hosting-centre administrator (prints a one-time password)',
  usage: 'motcua hosting-admin create <username> --name "<full name>" [--json]',
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { name: { type: 'string' }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    const username = checkUsername(positionals[0], 'the username');
    const fullName = values.name?.trim() ?? '';
    if (positionals.length !== 1 || fullName.length < 2) {
      throw new UsageError('give one username and --name "<full name>"');
    }
    const runtime = await openRuntimeContext(loadConfig(io.env));
    try {
      const admin = await runUseCase(io, () => createHostingAdmin(runtime.ctx, { username, fullName }));
      if (!admin) {
        return EXIT_FAILURE;
      }
      if (values.json) {
        io.out(JSON.stringify(admin));
      } else {
        io.out(`Created hosting-centre administrator ${admin.username} (${admin.fullName}).`);
        io.out(`One-time password (shown once): ${admin.oneTimePassword}`);
        io.out('It must be changed at the first sign-in (Đổi mật khẩu) before anything else.');
      }
      return EXIT_OK;
    } finally {
      await runtime.close();
    }
  },
};

export const provinceCreateCommand: Command = {
  path: ['province', 'create'],
  summary: 'Open a province on this install: site, host names, committee, centre, first administrator',
  usage:
    'motcua province create <code> --host <h> [--host <h2>] [--public-url <url>] [--agency-code H31] --admin <username> --admin-name "<name>" [--json]',
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        host: { type: 'string', multiple: true },
        'public-url': { type: 'string' },
        'agency-code': { type: 'string' },
        admin: { type: 'string' },
        'admin-name': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    const code = positionals[0] ?? '';
    if (positionals.length !== 1 || !/^\d{2}$/.test(code)) {
      throw new UsageError('give one province code of 2 digits (the 2025 units, e.g. 31)');
    }
    const hosts = values.host ?? [];
    if (hosts.length === 0) {
      throw new UsageError('give at least one --host');
    }
    const adminUsername = checkUsername(values.admin, '--admin');
    const adminFullName = values['admin-name']?.trim() ?? '';
    if (adminFullName.length < 2) {
      throw new UsageError('give --admin-name "<full name>"');
    }
    const agencyCodeSuffix = values['agency-code'];
    if (agencyCodeSuffix !== undefined && !/^H\d{2}$/.test(agencyCodeSuffix)) {
      throw new UsageError('--agency-code is the province’s level-1 code of Decision 20/2020/QĐ-TTg, e.g. H31');
    }
    const runtime = await openRuntimeContext(loadConfig(io.env));
    try {
      const created = await runUseCase(io, () =>
        createProvince(runtime.ctx, null, {
          provinceCode: code,
          hosts,
          publicUrl: values['public-url'],
          adminUsername,
          adminFullName,
          agencyCodeSuffix,
        }),
      );
      if (!created) {
        return EXIT_FAILURE;
      }
      if (values.json) {
        io.out(JSON.stringify(created));
      } else {
        io.out(`Opened ${created.name} (${created.provinceCode}) on ${created.hosts.join(', ')}.`);
        io.out(`  ${created.committee.name} (${created.committee.code})`);
        io.out(`  ${created.centre.name} (${created.centre.code})`);
        io.out(`Province administrator ${created.admin.username} (${created.admin.fullName}).`);
        io.out(`One-time password (shown once): ${created.admin.oneTimePassword}`);
        io.out('It must be changed at the first sign-in (Đổi mật khẩu) before anything else.');
      }
      return EXIT_OK;
    } finally {
      await runtime.close();
    }
  },
};
