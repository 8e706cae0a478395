import type { StorageConfig } from '../config.js';
import { createLocalFileStorage, type FileStorage } from './file-storage.js';

/**
 * The configured file store. The S3 client is loaded only when it is used, so an installation on
 * local disk does not pay for loading the AWS SDK at start-up.
 */
export const openFileStorage = async (config: StorageConfig): Promise<FileStorage> => {
  if (config.kind === 'local') {
    return createLocalFileStorage(config.dir);
  }
  const { createS3FileStorage } = await import('./s3-file-storage.js');
  return createS3FileStorage(config);
};
