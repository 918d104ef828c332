import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, newBlobKey } from './blob-store';
import { FolderBlobStore } from './folder-store';

describe('FolderBlobStore', () => {
  let root: string;
  let store: FolderBlobStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'loket-blobs-'));
    store = new FolderBlobStore(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('puts, gets, streams and deletes under server-made keys', async () => {
    const key = newBlobKey('documents');
    expect(key).toMatch(/^documents\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    await store.put(key, Buffer.from('inhoud'));
    expect((await store.get(key)).toString()).toBe('inhoud');
    const { body, size } = await store.stream(key);
    expect(size).toBe(6);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('inhoud');
    await store.delete(key);
    await store.delete(key); // twice is fine
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.stream(key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('keeps files private to the server user and leaves no temporary files', async () => {
    const key = newBlobKey('letters');
    await store.put(key, Buffer.alloc(1024, 1));
    expect((await stat(join(root, ...key.split('/')))).mode & 0o777).toBe(0o600);
    const folder = join(root, ...key.split('/').slice(0, -1));
    expect(await readdir(folder)).toEqual([key.split('/').pop()]);
  });

  it.each(['../etc/passwd', 'documents/../../x', '/abs/path', 'Documents/x', 'documents//x', 'documents/a b'])(
    'refuses the key %j',
    async (key) => {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow('Invalid blob key');
    },
  );
});
