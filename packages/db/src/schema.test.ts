import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CamelCasePlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * The table types (tables/*.ts) are written by hand, next to the migrations; they are checked against
 * the migrations in two steps, so that neither can change without the other:
 * 1. this test migrates a fresh database (PGlite, or PostgreSQL with DATABASE_URL), reads every column
 *    of the public schema from information_schema, and fails unless generated/columns.ts says exactly
 *    that — a migration that adds, drops or renames a column, or changes its type or nullability, fails
 *    here until the file is regenerated:
 *      UPDATE_DB_COLUMNS=1 npx vitest run packages/db/src/schema.test.ts   (or npm run db:columns)
 * 2. schema-matches-migrations.ts makes tsc (npm run typecheck, the build) fail unless the `Database`
 *    type has the same tables, each with the same columns (camelCased by the CamelCasePlugin), `| null`
 *    exactly where the column is nullable, and a TypeScript type that fits the column's SQL type.
 * A generated list plus type-level checks, rather than generating the table types themselves: our
 * table types are narrower than a generator can know (text columns with a union of values, JSON
 * documents with their shape, Generated<> for defaults), and that precision is worth keeping.
 */

/** The migration bookkeeping of migrate.ts, read with plain SQL there, not through Kysely. */
const NOT_IN_KYSELY = new Set(['schema_migration']);

const GENERATED_FILE = join(import.meta.dirname, 'generated', 'columns.ts');

type ColumnRow = { tableName: string; columnName: string; dataType: string; udtName: string; isNullable: string };

class Names extends CamelCasePlugin {
  toCamel(name: string): string {
    return this.camelCase(name);
  }
}
const names = new Names();

/** The SQL type as the file writes it: the type's name, `[]` for an array. */
const typeOf = (row: ColumnRow) => (row.dataType === 'ARRAY' ? `${row.udtName.replace(/^_/, '')}[]` : row.dataType);

const readColumns = async (database: TestDatabase): Promise<ColumnRow[]> => {
  const result = await database.pool.query<ColumnRow>(
    `select c.table_name as "tableName", c.column_name as "columnName", c.data_type as "dataType",
        c.udt_name as "udtName", c.is_nullable as "isNullable"
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
  );
  return result.rows.filter((row) => !NOT_IN_KYSELY.has(row.tableName));
};

/** The text of generated/columns.ts for these columns (formatted as biome would). */
const renderColumns = (rows: readonly ColumnRow[]): string => {
  const tables = new Map<string, ColumnRow[]>();
  for (const row of rows) {
    tables.set(row.tableName, [...(tables.get(row.tableName) ?? []), row]);
  }
  const lines = [
    '// Generated from the migrated database by packages/db/src/schema.test.ts; do not edit.',
    '// Regenerate after a migration: UPDATE_DB_COLUMNS=1 npx vitest run packages/db/src/schema.test.ts',
    '// schema-matches-migrations.ts checks the table types against this list.',
    '',
    '/** Every column of every table of the public schema, by table, as the CamelCasePlugin names them. */',
    'export const DATABASE_COLUMNS = {',
  ];
  for (const [table, columns] of tables) {
    lines.push(`  ${names.toCamel(table)}: {`);
    for (const column of columns) {
      lines.push(
        `    ${names.toCamel(column.columnName)}: { type: '${typeOf(column)}', nullable: ${column.isNullable === 'YES'} },`,
      );
    }
    lines.push('  },');
  }
  lines.push('} as const;', '');
  return lines.join('\n');
};

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('the table types follow the migrations', () => {
  it('generated/columns.ts lists exactly the columns the migrations create', async () => {
    const expected = renderColumns(await readColumns(database));
    if (process.env.UPDATE_DB_COLUMNS === '1') {
      writeFileSync(GENERATED_FILE, expected);
    }
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(expected);
  });

  it('maps every column name back to itself (the CamelCasePlugin round trip)', async () => {
    // A name like `line_1` would read as `line1` and be written back as `line1`: a column Kysely cannot reach.
    const rows = await readColumns(database);
    class RoundTrip extends CamelCasePlugin {
      check(name: string): string {
        return this.snakeCase(this.camelCase(name));
      }
    }
    const roundTrip = new RoundTrip();
    const broken = rows
      .flatMap((row) => [row.tableName, row.columnName])
      .filter((name) => roundTrip.check(name) !== name);
    expect(broken).toEqual([]);
  });
});
