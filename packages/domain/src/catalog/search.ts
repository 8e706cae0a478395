import { foldVietnamese } from '../text/fold.js';
import type { ProcedureVersionContent } from './procedure.js';

/**
 * Accent-insensitive procedure search. The stored column and the query go through the same
 * folding (`foldVietnamese`), so "dang ky khai sinh", "Đăng ký khai sinh" and "ĐĂNG KÝ KHAI SINH"
 * all match. Codes fold to their digit groups ("1.001193" → "1 001193"); the digits-only form
 * ("1001193") is added too, because that is how people type a code they read aloud.
 */
export const buildProcedureSearchText = (content: ProcedureVersionContent): string => {
  const codes = [content.nationalCode, content.localCode].filter(
    (code): code is string => code !== null && code !== undefined,
  );
  const parts = [
    content.name,
    content.field.name,
    content.field.code ?? '',
    ...codes,
    ...codes.map((code) => code.replace(/[^\p{L}\p{N}]/gu, '')),
  ];
  return foldVietnamese(parts.join(' '));
};

export interface SearchQuery {
  /** The whole query folded: match it as a phrase. */
  readonly folded: string;
  /** Distinct folded words in query order: match all of them, in any order. */
  readonly tokens: string[];
}

export const expandSearchQuery = (query: string): SearchQuery => {
  const folded = foldVietnamese(query);
  const tokens = folded === '' ? [] : [...new Set(folded.split(' '))];
  return { folded, tokens };
};
