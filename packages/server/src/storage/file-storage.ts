import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file as stored: its SHA-256 (its address) and its size in bytes. */
export type StoredFile = { sha256: string; size: number };

/**
 * Where uploaded files and result documents live. Content-addressed by SHA-256: the same bytes are
 * stored once, a file cannot change under its address, and the address doubles as the document
 * hash shown on the public verification page. Two implementations: local disk (the default) and an
 * S3-compatible object store (s3-file-storage.ts), which several API processes can share.
 */
export type FileStorage = {
  /** What the store is, for messages ("/var/lib/motcua/files", "s3://bucket/prefix"). */
  location: string;
  put: (content: Buffer) => Promise<StoredFile>;
  /** Stores a stream without holding it in memory (a large upload, a restored file). */
  putStream: (content: Readable) => Promise<StoredFile>;
  open: (sha256: string) => Promise<Readable | undefined>;
  has: (sha256: string) => Promise<boolean>;
  /** Every stored file's SHA-256, in ascending order (backups read the store through it). */
  list: () => AsyncIterable<string>;
};

export const SHA256 = /^[0-9a-f]{64}$/;

/** The key of a file in either store: `ab/cd/<sha256>` (no directory holds too many entries). */
export const storedKey = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** A pass-through stream that hashes and counts what flows through it. */
export const createHashingStream = (): Transform & { result: () => StoredFile } => {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return Object.assign(stream, { result: () => ({ sha256: hash.digest('hex'), size }) });
};

/** Files on local disk under `dir/ab/cd/<sha256>`, written atomically (temp file + rename). */
export const createLocalFileStorage = (dir: string): FileStorage => {
  const pathOf = (sha256: string) => join(dir, storedKey(sha256));
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
  const tempPath = async () => {
    await mkdir(join(dir, 'tmp'), { recursive: true });
    return join(dir, 'tmp', `${randomBytes(8).toString('hex')}.tmp`);
  };
  /** Moves a complete temporary file to its address (or drops it: the same bytes are there already). */
  const settle = async (temp: string, sha256: string) => {
    if (!(await has(sha256))) {
      await mkdir(join(dir, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      await rename(temp, pathOf(sha256));
    }
  };
  return {
    location: dir,
    has,
    put: async (content) => {
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (!(await has(sha256))) {
        const temp = await tempPath();
        try {
          await writeFile(temp, content);
          await settle(temp, sha256);
        } finally {
          await rm(temp, { force: true });
        }
      }
      return { sha256, size: content.length };
    },
    putStream: async (content) => {
      const temp = await tempPath();
      const hashing = createHashingStream();
      try {
        await pipeline(content, hashing, createWriteStream(temp));
        const stored = hashing.result();
        await settle(temp, stored.sha256);
        return stored;
      } finally {
        await rm(temp, { force: true });
      }
    },
    open: async (sha256) => ((await has(sha256)) ? createReadStream(pathOf(sha256)) : undefined),
    list: async function* () {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return [];
        }
        throw error;
      });
      const names = entries
        .filter(
          (entry) =>
            entry.isFile() && SHA256.test(entry.name) && entry.parentPath.endsWith(storedKey(entry.name).slice(0, 5)),
        )
        .map((entry) => entry.name)
        .sort();
      yield* names;
    },
  };
};
