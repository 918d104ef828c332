/**
 * The blob store this server uses: an S3-compatible bucket when LOKET_S3_BUCKET is set, else
 * the `blobs/` folder under LOKET_FILES_DIR.
 */
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import type { BlobStore } from './blob-store';
import { FolderBlobStore } from './folder-store';
import { S3BlobStore } from './s3-store';

export type { BlobStore } from './blob-store';
export { BlobNotFoundError, newBlobKey } from './blob-store';

export function createBlobStore(config: Pick<ServerConfig, 'documents' | 's3'>): BlobStore {
  if (config.s3) return new S3BlobStore(config.s3);
  return new FolderBlobStore(join(config.documents.filesDir, 'blobs'));
}
