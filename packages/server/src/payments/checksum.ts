import { createHash, timingSafeEqual } from 'node:crypto';
import {
  buildChecksumInput,
  INIT_CHECKSUM_FIELDS,
  type InitMessage,
  RESULT_CHECKSUM_FIELDS,
  type ResultMessage,
} from '@motcua/domain';

/**
 * MaXacThuc of the national payment platform: SHA-256 in lower-case hex of the message fields
 * joined with "|" and the shared secret (regulations brief §7). Pure functions: the messages and
 * the strings hashed come from @motcua/domain.
 */
export const computeMaXacThuc = (canonical: string): string =>
  createHash('sha256').update(canonical, 'utf8').digest('hex');

export const signInitMessage = (message: InitMessage, secret: string): InitMessage & { MaXacThuc: string } => ({
  ...message,
  MaXacThuc: computeMaXacThuc(buildChecksumInput(message, INIT_CHECKSUM_FIELDS, secret)),
});

export const signResultMessage = (message: ResultMessage, secret: string): ResultMessage & { MaXacThuc: string } => ({
  ...message,
  MaXacThuc: computeMaXacThuc(buildChecksumInput(message, RESULT_CHECKSUM_FIELDS, secret)),
});

/** Whether a message's MaXacThuc matches, compared in constant time. Case-insensitive hex. */
const verify = <K extends string>(
  message: Record<K, string> & { MaXacThuc?: string | undefined },
  fields: readonly K[],
  secret: string,
): boolean => {
  const sent = (message.MaXacThuc ?? '').toLowerCase();
  let expected: string;
  try {
    expected = computeMaXacThuc(buildChecksumInput(message, fields, secret));
  } catch {
    return false;
  }
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const verifyResultMessage = (message: ResultMessage & { MaXacThuc?: string | undefined }, secret: string) =>
  verify(message, RESULT_CHECKSUM_FIELDS, secret);

export const verifyInitMessage = (message: InitMessage & { MaXacThuc?: string | undefined }, secret: string) =>
  verify(message, INIT_CHECKSUM_FIELDS, secret);
