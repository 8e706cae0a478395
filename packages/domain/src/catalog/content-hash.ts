import type { ProcedureVersionContent } from './procedure.js';

/**
 * Canonical JSON: object keys sorted, `undefined` members dropped, arrays kept in order (their
 * order is meaningful: components are listed in the published order). Two contents that differ
 * only in key order or in absent-vs-undefined optional fields serialise identically.
 */
export const canonicalizeJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify gives the canonical form of strings, finite numbers and booleans; values
    // JSON cannot represent (undefined, functions, NaN) become null, as inside arrays.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalizeJson(item === undefined ? null : item)).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalizeJson(member)}`).join(',')}}`;
};

/**
 * cyrb53 (public domain, bryc): a fast 53-bit non-cryptographic string hash. Enough to tell
 * whether an imported version changed; it is not a security boundary (the domain package has no
 * node:crypto, and nothing here needs collision resistance against an attacker).
 */
export const hashString53 = (input: string, seed = 0): string => {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
};

/** Stable canonical JSON of a procedure version, e.g. for storing next to the hash. */
export const canonicalizeProcedureContent = (content: ProcedureVersionContent): string => canonicalizeJson(content);

/**
 * A 14-hex-digit fingerprint of a procedure version. Importing the same national record twice
 * gives the same hash, so an import can skip unchanged versions instead of creating new ones.
 */
export const hashProcedureContent = (content: ProcedureVersionContent): string =>
  hashString53(canonicalizeProcedureContent(content));
