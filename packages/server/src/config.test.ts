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
      replicaUrl: undefined,
    });
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

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
