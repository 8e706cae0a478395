import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/** Escapes LIKE wildcards so that a user's "%" or "_" match literally. */
export const likeContains = (folded: string): string => `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Accent-insensitive search in two passes over a folded search column: first every result that
 * contains the folded query as written (precise, ranked by position); only when nothing does,
 * results whose words are similar by trigrams (typo tolerance, pg_trgm word_similarity ≥ 0.5).
 * These build the filter for each pass; the column is given as "table.column" SQL.
 */
export type SearchPass = 'contains' | 'similar';

export const containsFilter =
  (column: string, folded: string) =>
  <DB, TB extends keyof DB>(_eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> =>
    sql<SqlBool>`${sql.ref(column)} like ${likeContains(folded)}`;

export const similarFilter =
  (column: string, folded: string) =>
  <DB, TB extends keyof DB>(_eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> =>
    sql<SqlBool>`word_similarity(${folded}, ${sql.ref(column)}) >= 0.5`;
