import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files and result documents live. Content-addressed by SHA-256: the same bytes are
 * stored once, a file cannot change under its address, and the address doubles as the document
 * hash shown on the public verification page. An S3-compatible store can implement this interface.
 */
export type FileStorage = {
  put: (content: Buffer) => Promise<{ sha256: string; size: number }>;
  open: (sha256: string) => Promise<Readable | undefined>;
  has: (sha256: string) => Promise<boolean>;
  /** The local directory, for a store on disk (backup and restore copy it). */
  dir?: string;
};

const SHA256 = /^[0-9a-f]{64}$/;

/** Files on local disk under `dir/ab/cd/<sha256>`, written atomically (temp file + rename). */
export const createLocalFileStorage = (dir: string): FileStorage => {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const has = async (sha256: string) => {
    if (!SHA256.test(sha256)) {
      return false;
    }
    try {
      await access(pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  };
  return {
    dir,
    has,
    put: async (content) => {
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (!(await has(sha256))) {
        const target = pathOf(sha256);
        await mkdir(join(dir, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        try {
          await writeFile(temp, content);
          await rename(temp, target);
        } finally {
          await rm(temp, { force: true });
        }
      }
      return { sha256, size: content.length };
    },
    open: async (sha256) => ((await has(sha256)) ? createReadStream(pathOf(sha256)) : undefined),
  };
};
