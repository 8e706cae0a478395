import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3StorageConfig } from '../storage/s3-file-storage.js';

export type TestS3Server = {
  /** The store's settings, pointing at this server. */
  config: S3StorageConfig;
  /** The same as MOTCUA_* variables, for a `motcua serve` child process. */
  env: Record<string, string>;
  close: () => Promise<void>;
};

/** An S3-compatible server (s3rver, objects in a temporary folder) with one bucket, on a free port. */
export const startTestS3Server = async (): Promise<TestS3Server> => {
  const directory = mkdtempSync(join(tmpdir(), 'motcua-s3-'));
  const bucket = 'motcua-files';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  // The SDK's notice about Node.js versions after January 2027 is not what these tests are about.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's built-in key pair.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    config: { bucket, prefix: 'files/', region: 'us-east-1', endpoint, forcePathStyle: true, credentials },
    env: {
      MOTCUA_STORAGE: 's3',
      MOTCUA_S3_BUCKET: bucket,
      MOTCUA_S3_PREFIX: 'files/',
      MOTCUA_S3_ENDPOINT: endpoint,
      MOTCUA_S3_REGION: 'us-east-1',
      MOTCUA_S3_FORCE_PATH_STYLE: 'true',
      MOTCUA_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      MOTCUA_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
