import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to PGlite under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.database.kind === 'pglite' && config.database.dataDir.endsWith('/data')).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.seedDemo).toBe(false);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/motcua', MOTCUA_DB_POOL_SIZE: '20' });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/motcua',
      poolSize: 20,
      namedStatements: true,
      replicaUrl: undefined,
    });
    const behindOldPooler = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/motcua',
      MOTCUA_DB_NAMED_STATEMENTS: 'off',
    });
    expect(behindOldPooler.database).toMatchObject({ kind: 'postgres', namedStatements: false });
  });

  it('reads reports from a replica only beside a PostgreSQL primary', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/motcua',
      DATABASE_REPLICA_URL: 'postgres://u@db2/motcua',
    });
    expect(config.database).toMatchObject({ kind: 'postgres', replicaUrl: 'postgres://u@db2/motcua' });
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://u@db2/motcua' })).toThrow(
      'invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL (the embedded database has no replica)',
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_REPLICA_URL', 'http://replica'],
    ['MOTCUA_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['MOTCUA_PUBLIC_URL', 'ftp://x'],
    ['MOTCUA_BODY_LIMIT_BYTES', '-1'],
    ['MOTCUA_STORAGE', 'ftp'],
    ['MOTCUA_S3_ENDPOINT', 'minio:9000'],
    ['MOTCUA_S3_BUCKET', 'Bad_Bucket'],
    ['MOTCUA_S3_FORCE_PATH_STYLE', 'sometimes'],
    ['MOTCUA_S3_PREFIX', '/abs//path'],
  ])('rejects %s=%s with one line naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message.startsWith(`invalid configuration: ${variable} `)).toBe(true);
    expect(message).toContain(JSON.stringify(value));
    expect(message).not.toContain('\n');
  });

  it('keeps files on local disk by default, under the data directory', () => {
    expect(loadConfig({ MOTCUA_DATA_DIR: '/srv/motcua' }).storage).toEqual({ kind: 'local', dir: '/srv/motcua/files' });
    expect(loadConfig({ MOTCUA_STORAGE_DIR: '/mnt/shared/files' }).storage).toEqual({
      kind: 'local',
      dir: '/mnt/shared/files',
    });
  });

  it('reads an S3-compatible store, path-style when it has its own endpoint', () => {
    const config = loadConfig({
      MOTCUA_STORAGE: 's3',
      MOTCUA_S3_BUCKET: 'motcua-33',
      MOTCUA_S3_PREFIX: 'prod/files',
      MOTCUA_S3_ENDPOINT: 'https://objects.example.gov.vn/',
      MOTCUA_S3_ACCESS_KEY_ID: 'key',
      MOTCUA_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.storage).toEqual({
      kind: 's3',
      bucket: 'motcua-33',
      prefix: 'prod/files/',
      region: 'us-east-1',
      endpoint: 'https://objects.example.gov.vn',
      forcePathStyle: true,
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    });
    // AWS itself: virtual-hosted style, credentials from the SDK's own chain.
    expect(
      loadConfig({ MOTCUA_STORAGE: 's3', MOTCUA_S3_BUCKET: 'motcua-33', MOTCUA_S3_REGION: 'ap-southeast-1' }).storage,
    ).toEqual({
      kind: 's3',
      bucket: 'motcua-33',
      prefix: '',
      region: 'ap-southeast-1',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it.each([
    [{ MOTCUA_STORAGE: 's3' }, 'invalid configuration: MOTCUA_S3_BUCKET is required when MOTCUA_STORAGE=s3'],
    [
      { MOTCUA_STORAGE: 's3', MOTCUA_S3_BUCKET: 'motcua', MOTCUA_S3_ACCESS_KEY_ID: 'key' },
      'invalid configuration: MOTCUA_S3_SECRET_ACCESS_KEY is required when MOTCUA_S3_ACCESS_KEY_ID is set',
    ],
  ])('names the missing S3 setting (%o)', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
