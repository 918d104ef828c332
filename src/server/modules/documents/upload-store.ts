/**
 * The folder where tus keeps uploads in progress (@tus/file-store: the bytes in `<id>`, its
 * own bookkeeping in `<id>.json`). Created on first use, so a server that never receives an
 * upload never makes the folder. Upload ids are made by the server (32 hex characters).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';

export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export class UploadStore {
  private store: FileStore | null = null;

  constructor(
    readonly directory: string,
    private readonly expiryMs: number,
  ) {}

  /** The tus data store (its expiration extension answers Upload-Expires and 410 when late). */
  get fileStore(): FileStore {
    this.store ??= new FileStore({ directory: this.directory, expirationPeriodInMilliseconds: this.expiryMs });
    return this.store;
  }

  /** Declared size and bytes received so far, or null when there is no such upload. */
  async progress(id: string): Promise<{ size: number | undefined; offset: number } | null> {
    if (!UPLOAD_ID.test(id)) return null;
    try {
      const upload = await this.fileStore.getUpload(id);
      return { size: upload.size, offset: upload.offset };
    } catch {
      return null;
    }
  }

  /** All bytes of a finished upload (at most the per-file limit is ever read). */
  async read(id: string): Promise<Buffer> {
    if (!UPLOAD_ID.test(id)) throw new Error('Invalid upload id');
    const bytes = await readFile(join(this.directory, id));
    return bytes.length > MAX_DOCUMENT_BYTES + 1 ? bytes.subarray(0, MAX_DOCUMENT_BYTES + 1) : bytes;
  }

  /** Removes the bytes and tus' bookkeeping; an upload that is already gone is fine. */
  async remove(id: string): Promise<void> {
    if (!UPLOAD_ID.test(id)) return;
    await this.fileStore.remove(id).catch(() => undefined);
  }

  /** tus' own sweep of expired uploads (real time), for files our database lost track of. */
  async removeExpiredByTus(): Promise<number> {
    return this.fileStore.deleteExpired().catch(() => 0);
  }
}
