import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcedureVersionContent } from './procedure.js';
import { buildProcedureSearchText, expandSearchQuery } from './search.js';

const content = (overrides: Partial<ProcedureVersionContent> = {}): ProcedureVersionContent => ({
  nationalCode: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  field: { name: 'Hộ tịch' },
  levels: ['commune'],
  applicantTypes: [],
  components: [],
  channels: [],
  onlineLevel: 'none',
  boundaryFree: false,
  resultTypes: [],
  legalBasis: [],
  processSteps: [],
  clockOnSupplement: 'restart',
  autoAccept: false,
  ...overrides,
});

/** How the search column is used: every query token appears as a word of the folded text. */
const matches = (searchText: string, query: string): boolean => {
  const words = ` ${searchText} `;
  return expandSearchQuery(query).tokens.every((token) => words.includes(` ${token} `));
};

describe('buildProcedureSearchText', () => {
  it('folds name, field and code', () => {
    expect(buildProcedureSearchText(content())).toBe('thu tuc dang ky khai sinh ho tich 1 001193 1001193');
    expect(
      buildProcedureSearchText(
        content({ nationalCode: null, localCode: 'H56.14', field: { name: 'Đất đai', code: 'G03-DD10' } }),
      ),
    ).toBe('thu tuc dang ky khai sinh dat dai g03 dd10 h56 14 h5614');
  });

  it.each([
    ['dang ky khai sinh'],
    ['Đăng ký khai sinh'],
    ['ĐĂNG KÝ KHAI SINH'],
    ['khai sinh hộ tịch'],
    ['1.001193'],
    ['1001193'],
    ['  khai   sinh  '],
  ])('finds khai sinh with %j', (query) => {
    expect(matches(buildProcedureSearchText(content()), query)).toBe(true);
  });

  it.each([['khai tử'], ['1.001194']])('does not find khai sinh with %j', (query) => {
    expect(matches(buildProcedureSearchText(content()), query)).toBe(false);
  });
});

describe('expandSearchQuery', () => {
  it('folds the query and splits it into distinct tokens', () => {
    expect(expandSearchQuery('Đăng ký  khai sinh, khai sinh!')).toEqual({
      folded: 'dang ky khai sinh khai sinh',
      tokens: ['dang', 'ky', 'khai', 'sinh'],
    });
    expect(expandSearchQuery('  ')).toEqual({ folded: '', tokens: [] });
  });

  it('finds every procedure by any word of its own name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÀ-ỹĐđ ]{1,40}$/), (name) => {
        const text = buildProcedureSearchText(content({ name: name.trim() === '' ? 'x' : name.trim() }));
        for (const word of name.split(' ').filter((w) => w !== '')) {
          expect(matches(text, word)).toBe(true);
        }
      }),
    );
  });
});
