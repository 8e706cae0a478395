import { createHash } from 'node:crypto';
import { canonicalizeJson } from '@motcua/domain';

/**
 * The one rule of every hash-chained history in motcua (dossiers, PAKN, PAR scores, official documents):
 * hash = SHA-256(prev_hash || "\n" || canonical JSON of the event's hashed fields). Each event commits to the
 * whole history before it, so editing, inserting or deleting a row breaks every later link, and the record's
 * anchor (event count + last hash) catches a deleted tail. Instants are hashed as ISO strings.
 */
export const computeChainHash = (prevHash: string | null, content: Readonly<Record<string, unknown>>): string =>
  createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(
      canonicalizeJson(
        Object.fromEntries(
          Object.entries(content).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
        ),
      ),
    )
    .digest('hex');
