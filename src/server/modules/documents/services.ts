/** What the documents module works with, made once per app from the configuration. */
import { join } from 'node:path';
import type { AppContext } from '../../context';
import { createBlobStore, type BlobStore } from '../../blobs/index';
import { createScanner, type Scanner } from '../../scanner/index';
import { UploadStore } from './upload-store';

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
    uploads: new UploadStore(join(documents.filesDir, 'uploads'), expiryMs),
    limits: { dailyBytes: documents.dailyUploadBytes, expiryMs },
  };
}
