import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHashingStream, type FileStorage, SHA256, storedKey } from './file-storage.js';

/** Where an S3-compatible store is and how to reach it (config.ts reads it from MOTCUA_S3_*). */
export type S3StorageConfig = {
  bucket: string;
  /** Key prefix inside the bucket ('' or ending with '/'). */
  prefix: string;
  region: string;
  /** An S3-compatible service (MinIO, Ceph, a provider's object storage); unset: AWS itself. */
  endpoint: string | undefined;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible services need. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (environment, shared profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
};

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/**
 * The file store on an S3-compatible object store, shared by every API process: the same
 * `ab/cd/<sha256>` keys as on disk, under `prefix`. A streamed upload is written under
 * `prefix + 'tmp/'` while it is hashed, then copied to its address (a bucket lifecycle rule on that
 * prefix can sweep uploads cut off by a crash).
 */
export const createS3FileStorage = (config: S3StorageConfig, client?: S3Client): FileStorage => {
  const s3 =
    client ??
    new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Checksums only where S3 requires them: many S3-compatible services reject the SDK's default
      // streaming trailers, and the content address already is a SHA-256 checked on every read of it.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  const { bucket, prefix } = config;
  const keyOf = (sha256: string) => `${prefix}${storedKey(sha256)}`;
  const has = async (sha256: string) => {
    if (!SHA256.test(sha256)) {
      return false;
    }
    try {
      await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) {
        return false;
      }
      throw error;
    }
  };
  return {
    location: `s3://${bucket}/${prefix}`,
    has,
    put: async (content) => {
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (!(await has(sha256))) {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: keyOf(sha256),
            Body: content,
            ContentLength: content.length,
            ContentType: 'application/octet-stream',
          }),
        );
      }
      return { sha256, size: content.length };
    },
    putStream: async (content) => {
      const temp = `${prefix}tmp/${randomBytes(12).toString('hex')}`;
      const hashing = createHashingStream();
      // Multipart for large files, in parts of 8 MB: memory stays a few parts whatever the size.
      const upload = new Upload({
        client: s3,
        params: { Bucket: bucket, Key: temp, Body: content.pipe(hashing), ContentType: 'application/octet-stream' },
        partSize: 8 * 1024 * 1024,
        queueSize: 2,
      });
      content.on('error', (error) => hashing.destroy(error));
      try {
        await upload.done();
        const stored = hashing.result();
        if (!(await has(stored.sha256))) {
          await s3.send(
            new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${temp}`, Key: keyOf(stored.sha256) }),
          );
        }
        return stored;
      } finally {
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: temp })).catch(() => undefined);
      }
    },
    open: async (sha256) => {
      if (!SHA256.test(sha256)) {
        return undefined;
      }
      try {
        const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
        return answer.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) {
          return undefined;
        }
        throw error;
      }
    },
    list: async function* () {
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }),
        );
        for (const object of page.Contents ?? []) {
          const sha256 = object.Key?.slice(prefix.length + 6) ?? '';
          // Keys sort as their addresses do (`ab/cd/abcd…`); uploads in progress (tmp/) are skipped.
          if (SHA256.test(sha256) && object.Key === keyOf(sha256)) {
            yield sha256;
          }
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
};
