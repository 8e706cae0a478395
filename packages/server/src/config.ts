import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration, parsed once from the environment at start-up. Nothing else reads process.env.
 * A bad value stops start-up with one line naming the variable (see ConfigError).
 */

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'must be one of true/false, 1/0, yes/no, on/off',
  })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

// 0 asks the operating system for any free port (used by tests).
const port = z
  .string()
  .regex(/^\d+$/, { error: 'must be an integer between 0 and 65535' })
  .transform(Number)
  .refine((value) => value <= 65535, { error: 'must be an integer between 0 and 65535' });

const positiveInteger = z
  .string()
  .regex(/^\d+$/, { error: 'must be a positive integer' })
  .transform(Number)
  .refine((value) => value > 0, { error: 'must be a positive integer' });

const databaseUrl = z.string().refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
  error: 'must be a postgres:// or postgresql:// URL',
});

const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), { error: 'must be an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

/** Every environment variable motcua reads, with its default. Documented in README.md. */
const EnvironmentSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: databaseUrl.optional(),
  MOTCUA_DATA_DIR: z.string().min(1).default('./data'),
  MOTCUA_PUBLIC_URL: httpUrl.optional(),
  MOTCUA_WEB_DIR: z.string().min(1).optional(),
  MOTCUA_STORAGE_DIR: z.string().min(1).optional(),
  MOTCUA_BODY_LIMIT_BYTES: positiveInteger.default(1_048_576),
  MOTCUA_DEMO: booleanFlag.default(false),
  MOTCUA_DEMO_PASSWORD: z.string().min(10, { error: 'must have at least 10 characters' }).optional(),
  MOTCUA_TRUST_PROXY: booleanFlag.default(false),
  MOTCUA_DB_POOL_SIZE: positiveInteger.default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  /** The address citizens reach this installation at; printed in QR codes and links. */
  publicUrl: string;
  webDir: string | undefined;
  /** Where uploaded files and result documents are stored (content-addressed). */
  storageDir: string;
  bodyLimitBytes: number;
  seedDemo: boolean;
  /** Password of the demo accounts (demo only; the default is documented in README.md). */
  demoPassword: string | undefined;
  trustProxy: boolean;
  logLevel: z.infer<typeof EnvironmentSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly reason: string,
    readonly value: string | undefined,
  ) {
    super(
      `invalid configuration: ${variable} ${reason}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`,
    );
  }
}

/** Parses the environment into a typed Config, or throws ConfigError naming the first bad variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config => {
  const relevant = Object.fromEntries(
    Object.keys(EnvironmentSchema.shape).flatMap((key) => {
      const value = env[key];
      // An empty variable counts as unset, the way shells and .env files are usually written.
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = EnvironmentSchema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'is invalid', relevant[variable]);
  }
  const vars = parsed.data;
  const port = overrides.port ?? vars.PORT;
  return {
    port,
    host: vars.HOST ?? 'localhost',
    database: vars.DATABASE_URL
      ? { kind: 'postgres', url: vars.DATABASE_URL, poolSize: vars.MOTCUA_DB_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(vars.MOTCUA_DATA_DIR) },
    publicUrl: vars.MOTCUA_PUBLIC_URL ?? `http://localhost:${port}`,
    webDir: vars.MOTCUA_WEB_DIR ? resolve(vars.MOTCUA_WEB_DIR) : undefined,
    storageDir: resolve(vars.MOTCUA_STORAGE_DIR ?? `${vars.MOTCUA_DATA_DIR}/files`),
    bodyLimitBytes: vars.MOTCUA_BODY_LIMIT_BYTES,
    seedDemo: vars.MOTCUA_DEMO,
    demoPassword: vars.MOTCUA_DEMO_PASSWORD,
    trustProxy: vars.MOTCUA_TRUST_PROXY,
    logLevel: vars.LOG_LEVEL,
    ...overrides,
  };
};
