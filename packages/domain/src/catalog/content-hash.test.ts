import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeJson, hashString53 } from './content-hash.js';

describe('canonicalizeJson', () => {
  it('sorts keys, drops undefined members and keeps array order', () => {
    expect(canonicalizeJson({ b: 1, a: [3, { d: undefined, c: 'x' }], e: undefined })).toBe(
      '{"a":[3,{"c":"x"}],"b":1}',
    );
  });

  it('is independent of key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalizeJson(reversed)).toBe(canonicalizeJson(value));
      }),
    );
  });

  it('round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalizeJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('hashString53', () => {
  it('is a fixed 14-hex-digit function of its input', () => {
    expect(hashString53('')).toMatch(/^[0-9a-f]{14}$/);
    expect(hashString53('Thủ tục đăng ký khai sinh')).toBe(hashString53('Thủ tục đăng ký khai sinh'));
    expect(hashString53('a')).not.toBe(hashString53('b'));
  });

  it('has no collisions on a sample of distinct strings', () => {
    const inputs = Array.from({ length: 20_000 }, (_, i) => `1.${String(i).padStart(6, '0')}`);
    expect(new Set(inputs.map((input) => hashString53(input))).size).toBe(inputs.length);
  });
});
