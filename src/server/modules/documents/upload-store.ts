/**
 * Where tus keeps uploads in progress, behind the few calls the documents module makes:
 * - a folder (@tus/file-store: the bytes in `<id>`, its own bookkeeping in `<id>.json`), created
 *   on first use, so a server that never receives an upload never makes the folder;
 * - the S3 bucket when LOKET_S3_BUCKET is set (s3-upload-store.ts, @tus/s3-store).
 * services.ts chooses.
 * Upload ids are made by the server (32 hex characters).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import type { DataStore } from '@tus/server';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';

export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export interface UploadStore {
  /** The tus data store (its expiration extension answers Upload-Expires and 410 when late). */
  readonly datastore: DataStore;
  /** Declared size and bytes received so far, or null when there is no such upload. */
  progress(id: string): Promise<{ size: number | undefined; offset: number } | null>;
  /** The bytes of a finished upload, at most the per-file limit plus one (to tell "too large"). */
  read(id: string): Promise<Buffer>;
  /** Removes the bytes and tus' bookkeeping; an upload that is already gone is fine. */
  remove(id: string): Promise<void>;
  /** tus' own sweep of expired uploads (real time), for uploads our database lost track of. */
  removeExpiredByTus(): Promise<number>;
}

export class FolderUploadStore implements UploadStore {
  private store: FileStore | null = null;

  constructor(
    readonly directory: string,
    private readonly expiryMs: number,
  ) {}

  get datastore(): FileStore {
    this.store ??= new FileStore({ directory: this.directory, expirationPeriodInMilliseconds: this.expiryMs });
    return this.store;
  }

  async progress(id: string): Promise<{ size: number | undefined; offset: number } | null> {
    if (!UPLOAD_ID.test(id)) return null;
    try {
      const upload = await this.datastore.getUpload(id);
      return { size: upload.size, offset: upload.offset };
    } catch {
      return null;
    }
  }

  async read(id: string): Promise<Buffer> {
    if (!UPLOAD_ID.test(id)) throw new Error('Invalid upload id');
    const bytes = await readFile(join(this.directory, id));
    return bytes.length > MAX_DOCUMENT_BYTES + 1 ? bytes.subarray(0, MAX_DOCUMENT_BYTES + 1) : bytes;
  }

  async remove(id: string): Promise<void> {
    if (!UPLOAD_ID.test(id)) return;
    await this.datastore.remove(id).catch(() => undefined);
  }

  async removeExpiredByTus(): Promise<number> {
    return this.datastore.deleteExpired().catch(() => 0);
  }
}
