/** Blob store in a folder on the server's disk: the embedded default. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  assertBlobKey,
  BlobNotFoundError,
  isBlobKey,
  type BlobArea,
  type BlobStore,
  type StoredBlob,
} from './blob-store';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

export class FolderBlobStore implements BlobStore {
  readonly kind = 'folder' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }
  async ping(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await access(this.root, constants.W_OK);
  }

  private path(key: string): string {
    assertBlobKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.path(key);
    // Only the server's own user may read residents' documents.
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, data, { mode: 0o600, flush: true });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError();
      throw error;
    }
  }

  async stream(key: string) {
    const path = this.path(key);
    try {
      const { size } = await stat(path);
      return { body: createReadStream(path), size };
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(area: BlobArea): AsyncIterable<StoredBlob> {
    const folder = join(this.root, area);
    let entries;
    try {
      entries = await readdir(folder, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      // Temporary files of a put in progress end in .tmp and are no key: never listed.
      const key = relative(this.root, path).split(sep).join('/');
      if (!isBlobKey(key)) continue;
      const { mtime } = await stat(path).catch(() => ({ mtime: null }));
      if (mtime) yield { key, modifiedAt: mtime };
    }
  }
}
