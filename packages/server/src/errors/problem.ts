import type { ProblemParams } from './app-error.js';
import { isProblemCode, PROBLEM_CATALOG, type ProblemCode } from './catalog.js';

export type Language = 'vi' | 'en';

/**
 * Picks the response language from Accept-Language: English when the client prefers it over
 * Vietnamese, Vietnamese otherwise (the default for a Vietnamese public service).
 */
export const negotiateLanguage = (header: string | undefined): Language => {
  if (!header) {
    return 'vi';
  }
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) {
      return 'vi';
    }
    if (tag === 'en' || tag.startsWith('en-')) {
      return 'en';
    }
  }
  return 'vi';
};

const interpolate = (template: string, params: ProblemParams, language: Language): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) {
      return match;
    }
    return typeof value === 'object' ? value[language] : String(value);
  });

/** RFC 9457 problem details, as motcua answers them. */
export type ProblemDocument = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: { in: string; pointer: string; code: string; message: string }[];
  [extension: string]: unknown;
};

export const problemTypeUri = (code: string): string => `/problems/${code.toLowerCase().replace(/_/g, '-')}`;

export const findProblemCodeBySlug = (slug: string): ProblemCode | undefined => {
  const code = slug.toUpperCase().replace(/-/g, '_');
  return isProblemCode(code) ? code : undefined;
};

export const buildProblem = (
  code: ProblemCode,
  options: { language: Language; params?: ProblemParams; instance?: string; requestId?: string },
): ProblemDocument => {
  const definition = PROBLEM_CATALOG[code];
  const texts = definition[options.language];
  const params = options.params ?? {};
  return {
    type: problemTypeUri(code),
    title: texts.title,
    status: definition.status,
    detail: interpolate(texts.detail, params, options.language),
    code,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
  };
};
