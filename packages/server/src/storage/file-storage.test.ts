import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3Server, type TestS3Server } from '../testing/s3-server.js';
import { createLocalFileStorage, type FileStorage } from './file-storage.js';
import { createS3FileStorage } from './s3-file-storage.js';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const readAll = async (stream: Readable | undefined) => {
  if (!stream) {
    return undefined;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const collect = async (items: AsyncIterable<string>) => {
  const all: string[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
};

/** One contract, both stores: what use-cases, backups and the import rely on. */
const contract = (name: string, open: () => { storage: FileStorage; close?: () => void }) =>
  describe(`file storage contract: ${name}`, () => {
    let storage: FileStorage;
    let close: (() => void) | undefined;
    beforeAll(() => {
      ({ storage, close } = open());
    });
    afterAll(() => close?.());

    it('stores bytes under their SHA-256, once, and reads them back', async () => {
      const bytes = Buffer.from(`biên nhận ${randomBytes(8).toString('hex')}`);
      const first = await storage.put(bytes);
      expect(first).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
      expect(await storage.put(Buffer.from(bytes))).toEqual(first);
      expect(await storage.has(first.sha256)).toBe(true);
      expect(await readAll(await storage.open(first.sha256))).toEqual(bytes);
    });

    it('answers nothing for an unknown or malformed address', async () => {
      const unknown = sha256Of(randomBytes(16));
      expect(await storage.has(unknown)).toBe(false);
      expect(await storage.open(unknown)).toBeUndefined();
      expect(await storage.has('../../etc/passwd')).toBe(false);
      expect(await storage.open('ab/../cd')).toBeUndefined();
    });

    it('stores a stream larger than one upload part without holding it whole, and lists every address in order', async () => {
      // 9 MB in 64 KB chunks: more than one 8 MB part of a multipart upload.
      const chunks = Array.from({ length: 144 }, () => randomBytes(64 * 1024));
      const whole = Buffer.concat(chunks);
      const stored = await storage.putStream(Readable.from(chunks));
      expect(stored).toEqual({ sha256: sha256Of(whole), size: whole.length });
      const back = await readAll(await storage.open(stored.sha256));
      expect(back?.length).toBe(whole.length);
      expect(back && sha256Of(back)).toBe(stored.sha256);
      // The same bytes again: the same address, still one file.
      expect(await storage.putStream(Readable.from([whole]))).toEqual(stored);
      const empty = await storage.putStream(Readable.from([]));
      expect(empty).toEqual({ sha256: sha256Of(Buffer.alloc(0)), size: 0 });

      const listed = await collect(storage.list());
      expect(listed).toEqual([...listed].sort());
      expect(listed).toContain(stored.sha256);
      expect(listed).toContain(empty.sha256);
      // Nothing but addresses: no temporary upload left behind.
      expect(listed.every((sha256) => /^[0-9a-f]{64}$/.test(sha256))).toBe(true);
      expect(new Set(listed).size).toBe(listed.length);
    });

    it('fails a stream that breaks off, storing nothing under a wrong address', async () => {
      const before = await collect(storage.list());
      const broken = new Readable({
        read() {
          this.push(randomBytes(1024));
          this.destroy(new Error('connection reset'));
        },
      });
      await expect(storage.putStream(broken)).rejects.toThrow('connection reset');
      expect(await collect(storage.list())).toEqual(before);
    });
  });

contract('local disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-files-contract-'));
  return { storage: createLocalFileStorage(dir), close: () => rmSync(dir, { recursive: true, force: true }) };
});

describe('S3-compatible store', () => {
  let server: TestS3Server;
  beforeAll(async () => {
    server = await startTestS3Server();
  });
  afterAll(async () => {
    await server.close();
  });
  contract('S3 (s3rver)', () => ({ storage: createS3FileStorage(server.config) }));

  it('keeps two prefixes of one bucket apart', async () => {
    const a = createS3FileStorage({ ...server.config, prefix: 'a/' });
    const b = createS3FileStorage({ ...server.config, prefix: 'b/' });
    const stored = await a.put(Buffer.from('only in a'));
    expect(await a.has(stored.sha256)).toBe(true);
    expect(await b.has(stored.sha256)).toBe(false);
    expect(await collect(b.list())).not.toContain(stored.sha256);
  });
});
