import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobStoreContract } from './blob-store.contract';
import { newBlobKey } from './blob-store';
import { FolderBlobStore } from './folder-store';

let root: string;
let store: FolderBlobStore;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'loket-blobs-'));
  store = new FolderBlobStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

blobStoreContract('folder', () => store);

describe('FolderBlobStore', () => {
  it('keeps files private to the server user and leaves no temporary files', async () => {
    const key = newBlobKey('letters');
    await store.put(key, Buffer.alloc(1024, 1));
    expect((await stat(join(root, ...key.split('/')))).mode & 0o777).toBe(0o600);
    const folder = join(root, ...key.split('/').slice(0, -1));
    expect(await readdir(folder)).toEqual([key.split('/').pop()]);
  });
});
