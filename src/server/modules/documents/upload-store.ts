/**
 * Where tus keeps uploads in progress, behind the few calls the documents module makes:
 * - a folder (@tus/file-store: the bytes in `<id>`, its own bookkeeping in `<id>.json`), created
 *   on first use, so a server that never receives an upload never makes the folder;
 * - the S3 bucket when LOKET_S3_BUCKET is set (s3-upload-store.ts, @tus/s3-store).
 * services.ts chooses.
 * Upload ids are made by the server (32 hex characters).
 */
// The default import, as @tus/file-store uses it: one fs the tests can stub at the edge.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS, type DataStore, type Upload } from '@tus/server';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';
import { isStorageFull } from '../../errors';

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

/**
 * @tus/file-store 2.1.1 turns every write failure into its generic FILE_WRITE_ERROR (a plain-text
 * 500), so a full disk could not be told apart. This write is the library's, except that a full
 * disk keeps its error code (the upload route answers 507 STORAGE_FULL). The offset stays what
 * the file holds: tus reads it from the file's size, so a retry continues after the last byte
 * the disk took, never past it.
 */
class FullDiskAwareFileStore extends FileStore {
  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const writable = fs.createWriteStream(join(this.directory, id), { flags: 'r+', start: offset });
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(readable, counter, writable);
    } catch (error) {
      if (isStorageFull(error)) throw error;
      throw ERRORS.FILE_WRITE_ERROR;
    }
    return offset + received;
  }

  /** A creation that found the disk full leaves no empty file or half a bookkeeping file behind. */
  override async create(upload: Upload): Promise<Upload> {
    try {
      return await super.create(upload);
    } catch (error) {
      if (isStorageFull(error)) await this.remove(upload.id).catch(() => undefined);
      throw error;
    }
  }
}

export class FolderUploadStore implements UploadStore {
  private store: FileStore | null = null;

  constructor(
    readonly directory: string,
    private readonly expiryMs: number,
  ) {}

  get datastore(): FileStore {
    this.store ??= new FullDiskAwareFileStore({
      directory: this.directory,
      expirationPeriodInMilliseconds: this.expiryMs,
    });
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
