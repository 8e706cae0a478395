import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutKeysetPage } from './keyset-page.js';

describe('cutKeysetPage', () => {
  it('answers at most limit items, and a cursor exactly when a row beyond them was read', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 30 }), fc.integer({ min: 1, max: 25 }), (rows, limit) => {
        const page = cutKeysetPage(
          rows,
          limit,
          (row) => row * 2,
          (row) => `after:${row}`,
        );
        expect(page.items).toEqual(rows.slice(0, limit).map((row) => row * 2));
        expect(page.nextCursor).toBe(rows.length > limit ? `after:${rows[limit - 1]}` : null);
      }),
    );
  });
});
