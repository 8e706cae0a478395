import type { SelectType } from 'kysely';
import type { DATABASE_COLUMNS } from './generated/columns.js';
import type { Database } from './schema.js';

/**
 * Compile-time proof that the hand-written table types (tables/*.ts, joined in schema.ts) follow the
 * migrations, through generated/columns.ts (which schema.test.ts keeps equal to the migrated database).
 * When a table or column is missing on either side, a column's nullability differs, or its TypeScript
 * type does not fit its SQL type, `SchemaMismatches` is not `never` and tsc names each problem, e.g.
 *   Type '"dossier.closedAt: nullable in the database, not `| null` in the table type"' does not
 *   satisfy the constraint 'never'.
 * Nothing here exists at run time.
 */

type Columns = typeof DATABASE_COLUMNS;
type TableName = keyof Columns & keyof Database;

/** What a value read from each SQL type is in TypeScript (client.ts: int8 as number, date as 'YYYY-MM-DD'). */
type ReadAs = {
  text: string;
  uuid: string;
  date: string;
  integer: number;
  bigint: number;
  boolean: boolean;
  'timestamp with time zone': Date;
  jsonb: unknown;
  'text[]': readonly string[];
  'uuid[]': readonly string[];
};

type MissingTables = {
  [T in Exclude<keyof Columns, keyof Database>]: `${T & string}: a table of the migrations, missing from Database`;
}[Exclude<keyof Columns, keyof Database>];

type ExtraTables = {
  [T in Exclude<keyof Database, keyof Columns>]: `${T & string}: in Database, not a table of the migrations`;
}[Exclude<keyof Database, keyof Columns>];

type ColumnMismatches<T extends TableName> =
  | {
      [C in Exclude<
        keyof Columns[T],
        keyof Database[T]
      >]: `${T}.${C & string}: a column of the migrations, missing from the table type`;
    }[Exclude<keyof Columns[T], keyof Database[T]>]
  | {
      [C in Exclude<
        keyof Database[T],
        keyof Columns[T]
      >]: `${T}.${C & string}: in the table type, not a column of the migrations`;
    }[Exclude<keyof Database[T], keyof Columns[T]>]
  | {
      [C in keyof Columns[T] & keyof Database[T]]: Columns[T][C] extends { nullable: infer N; type: infer S }
        ?
            | (N extends true
                ? null extends SelectType<Database[T][C]>
                  ? never
                  : `${T}.${C & string}: nullable in the database, not \`| null\` in the table type`
                : null extends SelectType<Database[T][C]>
                  ? `${T}.${C & string}: not null in the database, \`| null\` in the table type`
                  : never)
            | (S extends keyof ReadAs
                ? [NonNullable<SelectType<Database[T][C]>>] extends [ReadAs[S]]
                  ? never
                  : `${T}.${C & string}: its type does not fit the SQL type ${S}`
                : `${T}.${C & string}: SQL type ${S & string} is unknown to ReadAs in schema-matches-migrations.ts`)
        : never;
    }[keyof Columns[T] & keyof Database[T]];

export type SchemaMismatches = MissingTables | ExtraTables | { [T in TableName]: ColumnMismatches<T> }[TableName];

type ExpectNone<T extends never> = T;
/** Fails to compile, naming each mismatch, unless the table types and the migrations agree. */
export type SchemaMatchesMigrations = ExpectNone<SchemaMismatches>;
