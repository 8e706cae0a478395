import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareQuery, prepareQueryByShape } from './prepared-query.js';
import type { AgencyKind } from './tables/officials.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** The text of every statement `run` sends (and the name it is sent by, when it has one). */
const captureTexts = async (run: () => Promise<unknown>, names: (string | undefined)[] = []): Promise<string[]> => {
  const texts: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    texts.push(text ?? '');
    names.push(typeof args[0] === 'string' ? undefined : (args[0] as { name?: string } | undefined)?.name);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = query;
  }
  return texts;
};

describe('prepareQuery', () => {
  const byCode = prepareQuery((db, value: <T>(pick: (v: { code: string; kind: AgencyKind }) => T) => T) =>
    db
      .selectFrom('agency')
      .select(['code', 'kind'])
      .where(
        'code',
        '=',
        value((v) => v.code),
      )
      .where(
        'kind',
        '=',
        value((v) => v.kind),
      )
      .where('validTo', 'is', null),
  );

  it('runs the text Kysely compiles, with each call’s values, and answers camelCase rows as Kysely does', async () => {
    const { db } = database;
    await db
      .insertInto('agency')
      .values([
        {
          code: '901.00.20.H31',
          name: 'Một',
          kind: 'division',
          path: '/p1/',
          provinceCode: '33',
          validFrom: '2025-07-01',
          searchText: 'mot',
        },
        {
          code: '902.00.20.H31',
          name: 'Hai',
          kind: 'division',
          path: '/p2/',
          provinceCode: '33',
          validFrom: '2025-07-01',
          searchText: 'hai',
        },
      ] as never)
      .execute();
    const kyselyText = db
      .selectFrom('agency')
      .select(['code', 'kind'])
      .where('code', '=', 'x')
      .where('kind', '=', 'division')
      .where('validTo', 'is', null)
      .compile().sql;
    let answers: unknown[] = [];
    const names: (string | undefined)[] = [];
    const texts = await captureTexts(async () => {
      answers = [
        (await byCode.execute(db, { code: '901.00.20.H31', kind: 'division' })).rows,
        (await byCode.execute(db, { code: '902.00.20.H31', kind: 'division' })).rows,
        (await byCode.execute(db, { code: '902.00.20.H31', kind: 'province_department' })).rows,
        // Another statement of Kysely's goes unnamed, as before.
        await db.selectFrom('agency').select('code').where('code', '=', '901.00.20.H31').execute(),
      ];
    }, names);
    expect(answers).toEqual([
      [{ code: '901.00.20.H31', kind: 'division' }],
      [{ code: '902.00.20.H31', kind: 'division' }],
      [],
      [{ code: '901.00.20.H31' }],
    ]);
    expect(texts.slice(0, 3)).toEqual([kyselyText, kyselyText, kyselyText]);
    // Sent as a named prepared statement: one name for the text, every call; PostgreSQL keeps it prepared.
    expect(names[0]).toMatch(/^motcua_\d+$/);
    expect(names.slice(0, 3)).toEqual([names[0], names[0], names[0]]);
    expect(names[3]).toBeUndefined();
    // The pool hands back the connection it last released: the one that prepared it.
    const { rows: prepared } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
      db,
    );
    expect(prepared.some((row) => row.statement === kyselyText)).toBe(true);
    // The pool's own query(text, values) — which passes pg a callback — sends a registered text by name too.
    const poolNames: (string | undefined)[] = [];
    let poolRows: unknown[] = [];
    await captureTexts(async () => {
      poolRows = (await database.pool.query(kyselyText, ['902.00.20.H31', 'division'])).rows;
    }, poolNames);
    expect(poolNames).toEqual([names[0]]);
    expect(poolRows).toEqual([{ code: '902.00.20.H31', kind: 'division' }]);
  });

  it('compiles a text per shape and fills each with the values of its own call', async () => {
    const { db } = database;
    let built = 0;
    const literals = prepareQueryByShape(
      (input: { values: string[] }) => String(input.values.length),
      (db, value, shape) => {
        built += 1;
        return db.selectNoFrom((eb) =>
          shape.values.map((_, index) => eb.val(value((v) => v.values[index] as string)).as(`v${index}`)),
        );
      },
    );
    const rows = async (values: string[]) => (await literals.execute(db, { values })).rows;
    expect(await rows(['a'])).toEqual([{ v0: 'a' }]);
    expect(await rows(['b', 'c'])).toEqual([{ v0: 'b', v1: 'c' }]);
    expect(await rows(['d'])).toEqual([{ v0: 'd' }]);
    expect(await rows(['e', 'f'])).toEqual([{ v0: 'e', v1: 'f' }]);
    expect(built).toBe(2);
  });
});
