/**
 * The blob store this server uses. Only the folder store exists yet; an S3-compatible one
 * (@tus/s3-store for uploads plus the AWS SDK for stored documents) would be chosen here.
 */
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import type { BlobStore } from './blob-store';
import { FolderBlobStore } from './folder-store';

export type { BlobStore } from './blob-store';
export { BlobNotFoundError, newBlobKey } from './blob-store';

export function createBlobStore(config: Pick<ServerConfig, 'documents'>): BlobStore {
  return new FolderBlobStore(join(config.documents.filesDir, 'blobs'));
}
