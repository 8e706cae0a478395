import { type ExpressionBuilder, type Expression, type SqlBool, sql } from 'kysely';

/** Escapes LIKE wildcards so that a user's "%" or "_" match literally. */
export const likeContains = (folded: string): string => `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Accent-insensitive search in two passes over a folded search column: first every result that
 * contains the folded query as written (precise, ranked by position); only when nothing does,
 * results whose words are similar by trigrams (typo tolerance, pg_trgm word_similarity ≥ 0.5).
 * Returns the filter to apply for the pass that has results.
 */
export type SearchPass = 'contains' | 'similar';

export const containsFilter =
  // biome-ignore lint/suspicious/noExplicitAny: shared across tables; the column reference is raw SQL.
  (column: string, folded: string) => (_eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    sql<SqlBool>`${sql.ref(column)} like ${likeContains(folded)}`;

export const similarFilter =
  // biome-ignore lint/suspicious/noExplicitAny: shared across tables; the column reference is raw SQL.
  (column: string, folded: string) => (_eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    sql<SqlBool>`word_similarity(${folded}, ${sql.ref(column)}) >= 0.5`;
