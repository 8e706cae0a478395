import { createHash } from 'node:crypto';
import { canonicalizeJson } from '@motcua/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeChainHash } from './chain-hash.js';

describe('computeChainHash', () => {
  it('is SHA-256 of the previous hash, a newline and the canonical JSON, instants as ISO strings', () => {
    const at = new Date('2026-03-05T02:00:00.000Z');
    const expected = createHash('sha256')
      .update('abc')
      .update('\n')
      .update(canonicalizeJson({ seq: 1, at: at.toISOString(), note: null }))
      .digest('hex');
    expect(computeChainHash('abc', { note: null, at, seq: 1 })).toBe(expected);
  });

  it('changes when any field or the previous hash changes, and not with the order of the keys', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), fc.string(), (note, seq, prev) => {
        const base = computeChainHash(prev, { seq, note });
        expect(computeChainHash(prev, { note, seq })).toBe(base);
        expect(computeChainHash(prev, { seq: seq + 1, note })).not.toBe(base);
        expect(computeChainHash(`${prev}x`, { seq, note })).not.toBe(base);
        expect(computeChainHash(null, { seq, note })).toBe(computeChainHash('', { seq, note }));
      }),
    );
  });
});
