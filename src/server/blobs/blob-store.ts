/**
 * Where document bytes live, behind one small interface (issue 4, point 5): a folder on disk by
 * default, an S3-compatible bucket when LOKET_S3_BUCKET is set (s3-store.ts). Keys are made by the
 * server (`newBlobKey`), never from a resident's file name; the metadata lives in the database.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

export interface BlobStore {
  readonly kind: 'folder' | 's3';
  /** Stores the bytes under `key`, atomically: a reader sees all of them or nothing. */
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** A stream of the bytes and their length (for Content-Length). */
  stream(key: string): Promise<{ body: Readable; size: number }>;
  /** Removes the blob; removing one that is not there is fine. */
  delete(key: string): Promise<void>;
  /** Resolves when the store can be written to now (readiness); rejects when it cannot. */
  ping(): Promise<void>;
  /** Every stored blob under `area`, with when it was written (for the sweep of unreferenced ones). */
  list(area: BlobArea): AsyncIterable<StoredBlob>;
}

export type BlobArea = 'documents' | 'letters';
export const BLOB_AREAS: readonly BlobArea[] = ['documents', 'letters'];

export interface StoredBlob {
  key: string;
  modifiedAt: Date;
}

/** True for a key the server could have made (anything else in the store is not ours to judge). */
export function isBlobKey(key: string): boolean {
  try {
    assertBlobKey(key);
    return true;
  } catch {
    return false;
  }
}

export class BlobNotFoundError extends Error {
  constructor() {
    super('Blob not found');
  }
}

/** Keys: a folder word and a UUID, e.g. documents/3f/3f2a...; nothing a resident chose. */
const KEY = /^[a-z]+(?:\/[0-9a-z-]+)+$/;

export function assertBlobKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '' || part === '..')) {
    throw new Error('Invalid blob key');
  }
}

/** A new key under `area`; the two-character folder keeps any one folder small. */
export function newBlobKey(area: BlobArea, id: string = randomUUID()): string {
  const key = `${area}/${id.slice(0, 2)}/${id}`;
  assertBlobKey(key);
  return key;
}
