import { resolve } from 'node:path';
import { DEFAULT_RANKING_MIN_DOSSIERS } from '@motcua/domain';
import { z } from 'zod';
import type { S3StorageConfig } from './storage/s3-file-storage.js';

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

/** Jobs each background worker fetches at once (MOTCUA_JOB_BATCH_SIZE). */
export const DEFAULT_JOB_BATCH_SIZE = 50;
/** Jobs of one queue handled at the same time by this process (MOTCUA_JOB_CONCURRENCY). */
export const DEFAULT_JOB_CONCURRENCY = 10;

/** Every environment variable motcua reads, with its default. Documented in README.md. */
const EnvironmentSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: databaseUrl.optional(),
  DATABASE_REPLICA_URL: databaseUrl.optional(),
  MOTCUA_DATA_DIR: z.string().min(1).default('./data'),
  MOTCUA_PUBLIC_URL: httpUrl.optional(),
  MOTCUA_WEB_DIR: z.string().min(1).optional(),
  MOTCUA_STORAGE_DIR: z.string().min(1).optional(),
  MOTCUA_STORAGE: z.enum(['local', 's3'], { error: 'must be local or s3' }).default('local'),
  MOTCUA_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be a bucket name (3–63 of a-z 0-9 . -)' })
    .optional(),
  MOTCUA_S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*\/?$/, {
      error: 'must be a key prefix such as motcua/files/ (letters, digits, - _ . and / between parts)',
    })
    .transform((value) => (value.endsWith('/') ? value : `${value}/`))
    .optional(),
  MOTCUA_S3_ENDPOINT: httpUrl.optional(),
  MOTCUA_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, { error: 'must be a region name such as us-east-1' })
    .default('us-east-1'),
  MOTCUA_S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  MOTCUA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  MOTCUA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  MOTCUA_BODY_LIMIT_BYTES: positiveInteger.default(1_048_576),
  MOTCUA_DEMO: booleanFlag.default(false),
  MOTCUA_DEMO_PASSWORD: z.string().min(10, { error: 'must have at least 10 characters' }).optional(),
  MOTCUA_TRUST_PROXY: booleanFlag.default(false),
  MOTCUA_DB_POOL_SIZE: positiveInteger.default(10),
  // Named prepared statements for the hot statements (docs/scaling.md §6): off only behind a pooler that cannot
  // keep them (PgBouncer in transaction mode before 1.21).
  MOTCUA_DB_NAMED_STATEMENTS: booleanFlag.default(true),
  MOTCUA_766_MIN_DOSSIERS: positiveInteger.default(DEFAULT_RANKING_MIN_DOSSIERS),
  MOTCUA_JOB_BATCH_SIZE: positiveInteger.default(DEFAULT_JOB_BATCH_SIZE),
  MOTCUA_JOB_CONCURRENCY: positiveInteger.default(DEFAULT_JOB_CONCURRENCY),
  // The national portal's dossier sync worker (docs/integration.md "Đồng bộ hồ sơ / Dossier sync").
  MOTCUA_DVCQG_SYNC_INTERVAL_MS: positiveInteger.default(2_000),
  MOTCUA_DVCQG_SYNC_BATCH: positiveInteger.default(20),
  MOTCUA_DVCQG_SYNC_LEASE_SECONDS: positiveInteger.default(60),
  MOTCUA_DVCQG_RETRY_BASE_MS: positiveInteger.default(5_000),
  MOTCUA_DVCQG_RETRY_MAX_MS: positiveInteger.default(600_000),
  MOTCUA_DVCQG_TIMEOUT_MS: positiveInteger.default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The citizen portal (see PortalConfig).
  MOTCUA_UPLOAD_MAX_BYTES: positiveInteger.default(10 * 1024 * 1024),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value) && URL.canParse(value), {
      error: 'must be an smtp:// or smtps:// URL',
    })
    .optional(),
  MAIL_FROM: z.string().min(3).default('motcua <no-reply@localhost>'),
  SMS_PROVIDER: z.enum(['disabled', 'webhook']).default('disabled'),
  SMS_WEBHOOK_URL: httpUrl.optional(),
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: httpUrl.optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/)
    .default('openid profile'),
  OIDC_TOKEN_AUTH: z.enum(['client_secret_basic', 'client_secret_post', 'none']).default('client_secret_basic'),
  PAYMENT_PROVIDER: z.enum(['sandbox', 'dvcqg']).default('sandbox'),
  PAYMENT_PARTNER_CODE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,50}$/, { error: 'must be 1–50 letters, digits, . _ -' })
    .default('MOTCUA'),
  PAYMENT_SECRET: z.string().min(16, { error: 'must have at least 16 characters' }).optional(),
  PAYMENT_INIT_URL: httpUrl.optional(),
  // Webhooks (docs/webhooks.md): allow http:// and loopback receivers on private networks (off by default).
  MOTCUA_WEBHOOKS_ALLOW_PRIVATE_HTTP: booleanFlag.default(false),
});

/**
 * The citizen portal: upload limit, outgoing mail and SMS, citizen sign-in through the national
 * identity provider (VNeID / DVCQG single sign-on, OpenID Connect) and the payment platform.
 */
export type PortalConfig = {
  uploadMaxBytes: number;
  /** Email is not sent (notifications are recorded as skipped) while smtpUrl is unset. */
  mail: { smtpUrl: string | undefined; from: string };
  sms: { provider: 'disabled' } | { provider: 'webhook'; url: string };
  /** Undefined: citizen sign-in through OIDC is off (the local demo account still works). */
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        redirectUri: string;
        scopes: string;
        tokenAuth: 'client_secret_basic' | 'client_secret_post' | 'none';
      }
    | undefined;
  /** The sandbox signs with PAYMENT_SECRET, or with a secret derived from the installation secret. */
  payment: {
    provider: 'sandbox' | 'dvcqg';
    partnerCode: string;
    secret: string | undefined;
    initUrl: string | undefined;
  };
};

/**
 * Where uploaded and issued files are kept: a folder on this machine (one API process, or a folder
 * every process mounts), or an S3-compatible object store that several processes share.
 */
export type StorageConfig = { kind: 'local'; dir: string } | ({ kind: 's3' } & S3StorageConfig);

/** Largest historical-dossier file the API accepts (a province's year is a few hundred thousand rows, ~100 MB of CSV). */
export const DOSSIER_IMPORT_MAX_BYTES = 200 * 1024 * 1024;

export type Config = {
  port: number;
  host: string;
  database:
    | {
        kind: 'postgres';
        url: string;
        poolSize: number;
        /** Hot statements sent as named prepared statements (MOTCUA_DB_NAMED_STATEMENTS, default on). */
        namedStatements: boolean;
        /** A streaming replica that answers the report and statistics reads (DATABASE_REPLICA_URL). */
        replicaUrl: string | undefined;
      }
    | { kind: 'pglite'; dataDir: string };
  /** The address citizens reach this installation at; printed in QR codes and links. */
  publicUrl: string;
  webDir: string | undefined;
  /** Where uploaded files and result documents are stored (content-addressed). */
  storage: StorageConfig;
  bodyLimitBytes: number;
  /** Largest file of historical dossiers accepted through the API (streamed to disk, never held in memory). */
  importMaxBytes: number;
  seedDemo: boolean;
  /** Password of the demo accounts (demo only; the default is documented in README.md). */
  demoPassword: string | undefined;
  trustProxy: boolean;
  /**
   * Dossiers a unit needs in the period to be ranked by the Decision 766 index (fewer: listed
   * without a rank). A setting of the installation: the decision sets no such threshold.
   */
  serviceIndexMinDossiers: number;
  /** Background workers: jobs fetched per poll and handled at once, per queue and process. */
  jobs: { batchSize: number; concurrency: number };
  /** The national portal's dossier sync worker: poll interval, batch, lease, retry backoff, HTTP timeout. */
  dvcqgSync: {
    intervalMs: number;
    batchSize: number;
    leaseSeconds: number;
    backoff: { baseMs: number; maxMs: number };
    timeoutMs: number;
  };
  logLevel: z.infer<typeof EnvironmentSchema>['LOG_LEVEL'];
  portal: PortalConfig;
  /** Webhooks: whether http:// receivers on private networks and loopback receivers are accepted. */
  webhooks: { allowPrivateHttp: boolean };
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
  if (vars.DATABASE_REPLICA_URL !== undefined && vars.DATABASE_URL === undefined) {
    throw new ConfigError(
      'DATABASE_REPLICA_URL',
      'needs DATABASE_URL (the embedded database has no replica)',
      undefined,
    );
  }
  const port = overrides.port ?? vars.PORT;
  const publicUrl = vars.MOTCUA_PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host: vars.HOST ?? 'localhost',
    database: vars.DATABASE_URL
      ? {
          kind: 'postgres',
          url: vars.DATABASE_URL,
          poolSize: vars.MOTCUA_DB_POOL_SIZE,
          namedStatements: vars.MOTCUA_DB_NAMED_STATEMENTS,
          replicaUrl: vars.DATABASE_REPLICA_URL,
        }
      : { kind: 'pglite', dataDir: resolve(vars.MOTCUA_DATA_DIR) },
    publicUrl,
    webDir: vars.MOTCUA_WEB_DIR ? resolve(vars.MOTCUA_WEB_DIR) : undefined,
    storage: readStorageConfig(vars),
    bodyLimitBytes: vars.MOTCUA_BODY_LIMIT_BYTES,
    importMaxBytes: DOSSIER_IMPORT_MAX_BYTES,
    seedDemo: vars.MOTCUA_DEMO,
    demoPassword: vars.MOTCUA_DEMO_PASSWORD,
    trustProxy: vars.MOTCUA_TRUST_PROXY,
    serviceIndexMinDossiers: vars.MOTCUA_766_MIN_DOSSIERS,
    jobs: { batchSize: vars.MOTCUA_JOB_BATCH_SIZE, concurrency: vars.MOTCUA_JOB_CONCURRENCY },
    dvcqgSync: {
      intervalMs: vars.MOTCUA_DVCQG_SYNC_INTERVAL_MS,
      batchSize: vars.MOTCUA_DVCQG_SYNC_BATCH,
      leaseSeconds: vars.MOTCUA_DVCQG_SYNC_LEASE_SECONDS,
      backoff: { baseMs: vars.MOTCUA_DVCQG_RETRY_BASE_MS, maxMs: vars.MOTCUA_DVCQG_RETRY_MAX_MS },
      timeoutMs: vars.MOTCUA_DVCQG_TIMEOUT_MS,
    },
    logLevel: vars.LOG_LEVEL,
    portal: readPortalConfig(vars, publicUrl),
    webhooks: { allowPrivateHttp: vars.MOTCUA_WEBHOOKS_ALLOW_PRIVATE_HTTP },
    ...overrides,
  };
};

/** The file store: local disk unless MOTCUA_STORAGE=s3, which needs a bucket. */
const readStorageConfig = (vars: z.infer<typeof EnvironmentSchema>): StorageConfig => {
  if (vars.MOTCUA_STORAGE === 'local') {
    return { kind: 'local', dir: resolve(vars.MOTCUA_STORAGE_DIR ?? `${vars.MOTCUA_DATA_DIR}/files`) };
  }
  if (vars.MOTCUA_S3_BUCKET === undefined) {
    throw new ConfigError('MOTCUA_S3_BUCKET', 'is required when MOTCUA_STORAGE=s3', undefined);
  }
  const keyId = vars.MOTCUA_S3_ACCESS_KEY_ID;
  const secret = vars.MOTCUA_S3_SECRET_ACCESS_KEY;
  // Both or neither: neither leaves the SDK's own chain (AWS_* variables, profile, instance role).
  if ((keyId === undefined) !== (secret === undefined)) {
    const missing = keyId === undefined ? 'MOTCUA_S3_ACCESS_KEY_ID' : 'MOTCUA_S3_SECRET_ACCESS_KEY';
    const given = keyId === undefined ? 'MOTCUA_S3_SECRET_ACCESS_KEY' : 'MOTCUA_S3_ACCESS_KEY_ID';
    throw new ConfigError(missing, `is required when ${given} is set`, undefined);
  }
  return {
    kind: 's3',
    bucket: vars.MOTCUA_S3_BUCKET,
    prefix: vars.MOTCUA_S3_PREFIX ?? '',
    region: vars.MOTCUA_S3_REGION,
    endpoint: vars.MOTCUA_S3_ENDPOINT,
    // A service of one's own (an endpoint) rarely has per-bucket host names; AWS itself prefers them.
    forcePathStyle: vars.MOTCUA_S3_FORCE_PATH_STYLE ?? vars.MOTCUA_S3_ENDPOINT !== undefined,
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
  };
};

/** The portal block, with the rules that tie variables together (each failure names one variable). */
const readPortalConfig = (vars: z.infer<typeof EnvironmentSchema>, publicUrl: string): PortalConfig => {
  const requireVariable = (variable: keyof typeof vars, when: string) => {
    if (vars[variable] === undefined) {
      throw new ConfigError(variable, `is required when ${when}`, undefined);
    }
  };
  if (vars.SMS_PROVIDER === 'webhook') {
    requireVariable('SMS_WEBHOOK_URL', 'SMS_PROVIDER=webhook');
  }
  if (vars.OIDC_ISSUER !== undefined) {
    requireVariable('OIDC_CLIENT_ID', 'OIDC_ISSUER is set');
    if (vars.OIDC_TOKEN_AUTH !== 'none') {
      requireVariable('OIDC_CLIENT_SECRET', `OIDC_TOKEN_AUTH=${vars.OIDC_TOKEN_AUTH}`);
    }
  }
  if (vars.PAYMENT_PROVIDER === 'dvcqg') {
    requireVariable('PAYMENT_INIT_URL', 'PAYMENT_PROVIDER=dvcqg');
    requireVariable('PAYMENT_SECRET', 'PAYMENT_PROVIDER=dvcqg');
  }
  return {
    uploadMaxBytes: vars.MOTCUA_UPLOAD_MAX_BYTES,
    mail: { smtpUrl: vars.SMTP_URL, from: vars.MAIL_FROM },
    sms:
      vars.SMS_PROVIDER === 'webhook' && vars.SMS_WEBHOOK_URL
        ? { provider: 'webhook', url: vars.SMS_WEBHOOK_URL }
        : { provider: 'disabled' },
    oidc:
      vars.OIDC_ISSUER && vars.OIDC_CLIENT_ID
        ? {
            issuer: vars.OIDC_ISSUER,
            clientId: vars.OIDC_CLIENT_ID,
            clientSecret: vars.OIDC_CLIENT_SECRET,
            redirectUri: vars.OIDC_REDIRECT_URI ?? `${publicUrl}/api/v1/citizen/auth/callback`,
            scopes: vars.OIDC_SCOPES,
            tokenAuth: vars.OIDC_TOKEN_AUTH,
          }
        : undefined,
    payment: {
      provider: vars.PAYMENT_PROVIDER,
      partnerCode: vars.PAYMENT_PARTNER_CODE,
      secret: vars.PAYMENT_SECRET,
      initUrl: vars.PAYMENT_INIT_URL,
    },
  };
};
