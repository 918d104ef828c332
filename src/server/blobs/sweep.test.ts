/**
 * The sweep of unreferenced blobs: a file whose row never committed (or was removed) goes after
 * the grace period; a referenced file and a file younger than the grace period stay.
 */
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../testing';
import { BlobNotFoundError, newBlobKey } from './blob-store';
import { FolderBlobStore } from './folder-store';
import { sweepUnreferencedBlobs } from './sweep';

describe('sweeping blobs that no row references', () => {
  let t: TestApp;
  let folder: string;
  beforeAll(async () => {
    t = await createTestApp(testDatabases[0]!, { seed: false });
    folder = await mkdtemp(join(tmpdir(), 'loket-sweep-'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('removes an old unreferenced file, keeps referenced and recent ones, and reports counts', async () => {
    const blobs = new FolderBlobStore(folder);
    const [kept, orphan, recent, letter] = [
      newBlobKey('documents'),
      newBlobKey('documents'),
      newBlobKey('documents'),
      newBlobKey('letters'),
    ];
    for (const key of [kept, orphan, recent, letter]) await blobs.put(key, Buffer.from(key));
    await t.ctx.db
      .insertInto('documents')
      .values({
        title: 'Loonstrook',
        file_name: 'loonstrook.pdf',
        content_type: 'application/pdf',
        size_bytes: 10,
        storage_key: kept,
      })
      .execute();
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000);
    for (const key of [kept, orphan, letter]) {
      await utimes(join(folder, ...key.split('/')), twoDaysAgo, twoDaysAgo);
    }

    const result = await sweepUnreferencedBlobs(t.ctx.db, blobs, new Date());

    expect(result).toEqual({ checked: 3, removed: 2 });
    expect((await blobs.get(kept)).toString()).toBe(kept);
    expect((await blobs.get(recent)).toString()).toBe(recent);
    await expect(blobs.get(orphan)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.get(letter)).rejects.toBeInstanceOf(BlobNotFoundError);
  });
});
