/** What the documents module works with, made once per app from the configuration. */
import { join } from 'node:path';
import type { AppContext } from '../../context';
import { createBlobStore, type BlobStore } from '../../blobs/index';
import { createScanner, type Scanner } from '../../scanner/index';
import { S3UploadStore } from './s3-upload-store';
import { FolderUploadStore, type UploadStore } from './upload-store';

export interface DocumentServices {
  blobs: BlobStore;
  scanner: Scanner;
  uploads: UploadStore;
  limits: { dailyBytes: number; expiryMs: number };
}

export function createDocumentServices(ctx: AppContext): DocumentServices {
  const { documents } = ctx.config;
  const expiryMs = documents.uploadExpiryHours * 3_600_000;
  return {
    blobs: createBlobStore(ctx.config),
    scanner: createScanner(ctx.config),
    uploads: ctx.config.s3
      ? new S3UploadStore(ctx.config.s3, expiryMs)
      : new FolderUploadStore(join(documents.filesDir, 'uploads'), expiryMs),
    limits: { dailyBytes: documents.dailyUploadBytes, expiryMs },
  };
}
