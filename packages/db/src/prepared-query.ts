import { type Compilable, CompiledQuery, type Kysely, type QueryResult, type Transaction } from 'kysely';
import { nameStatement } from './named-statements.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stands for one value of a prepared query while it is built; each call's value is picked from its input. */
class QueryValue {
  constructor(readonly pick: (values: never) => unknown) {}
}

/** Hands the builder a stand-in for the value `pick` takes from each call's input, typed as that value. */
export type ValueOf<V> = <T>(pick: (values: V) => T) => T;

export type PreparedQuery<V, R> = {
  /** Runs the SQL text built once, with this call's values; rows come back as Kysely returns them (camelCase). */
  execute: (db: Db, values: V) => Promise<QueryResult<R>>;
};

/**
 * A query of fixed shape built and compiled by Kysely ONCE, then run with each call's values: building the
 * operation tree, running the plugins over it and compiling it to text costs more CPU than the statement's
 * own round trip on a hot path (an intake), and gives the same text every time. `build` receives `value`:
 * `value((v) => v.tokenHash)` stands for that value of each call; the compiled parameters are those stand-ins
 * (in the order the text numbers them) and the constants the builder wrote itself. Every Kysely of this package has the
 * same dialect and plugins (client.ts, replica.ts), so the text is compiled with whichever runs it first.
 * The compiled text is registered to be sent as a named prepared statement (named-statements.ts).
 * A value must reach Kysely as a value (a where operand, an inserted value, an `sql` parameter): a
 * stand-in that the builder inspects or transforms (JSON.stringify, a branch on it) would not be the call's.
 */
export const prepareQuery = <V, R>(build: (db: Db, value: ValueOf<V>) => Compilable<R>): PreparedQuery<V, R> => {
  let compiled: { sql: string; parameters: readonly unknown[] } | undefined;
  return {
    execute: (db, values) => {
      if (compiled === undefined) {
        compiled = build(db, ((pick: (values: V) => unknown) => new QueryValue(pick)) as ValueOf<V>).compile();
        // Sent by name: each connection parses and plans it once (named-statements.ts).
        nameStatement(compiled.sql);
      }
      const source = compiled.parameters;
      const parameters = new Array<unknown>(source.length);
      for (let i = 0; i < source.length; i++) {
        const parameter = source[i];
        parameters[i] =
          parameter instanceof QueryValue ? (parameter.pick as (values: V) => unknown)(values) : parameter;
      }
      return db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>);
    },
  };
};

/**
 * Like prepareQuery for a query whose shape depends on its input (how many rows it inserts, which
 * optional parts it has): one compiled text per shape, named by `shapeOf`. `build` receives the first input
 * of the shape too, to decide the shape only — every value must come through `value`.
 */
export const prepareQueryByShape = <V, R>(
  shapeOf: (input: V) => string,
  build: (db: Db, value: ValueOf<V>, input: V) => Compilable<R>,
  maxShapes = 200,
): PreparedQuery<V, R> => {
  const shapes = new Map<string, PreparedQuery<V, R>>();
  return {
    execute: (db, input) => {
      const shape = shapeOf(input);
      let prepared = shapes.get(shape);
      if (!prepared) {
        if (shapes.size >= maxShapes) {
          shapes.clear();
        }
        prepared = prepareQuery<V, R>((kysely, value) => build(kysely, value, input));
        shapes.set(shape, prepared);
      }
      return prepared.execute(db, input);
    },
  };
};
