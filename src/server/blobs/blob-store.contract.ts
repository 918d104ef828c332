/**
 * What every BlobStore must do, as one set of tests run against each store (folder-store.test.ts,
 * s3-store.test.ts): the same behaviour whatever the configuration chooses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobNotFoundError, newBlobKey, type BlobStore } from './blob-store';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function drain(body: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function blobStoreContract(name: string, store: () => BlobStore): void {
  describe(`BlobStore contract: ${name}`, () => {
    it('answers a readiness ping while it can be written to', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });

    it('lists what it holds per area, with when it was written; a deleted blob is gone from the list', async () => {
      const key = newBlobKey('letters');
      const before = Date.now() - 60_000;
      await store().put(key, Buffer.from('brief'));
      const listed = async () => {
        const found: Array<{ key: string; modifiedAt: Date }> = [];
        for await (const blob of store().list('letters')) found.push(blob);
        return found;
      };
      const entry = (await listed()).find((blob) => blob.key === key);
      expect(entry?.modifiedAt.getTime()).toBeGreaterThan(before);
      await store().delete(key);
      expect((await listed()).some((blob) => blob.key === key)).toBe(false);
    });

    it('puts, gets, streams and deletes under server-made keys', async () => {
      const key = newBlobKey('documents');
      expect(key).toMatch(/^documents\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
      await store().put(key, Buffer.from('inhoud'));
      expect((await store().get(key)).toString()).toBe('inhoud');
      const { body, size } = await store().stream(key);
      expect(size).toBe(6);
      expect((await drain(body)).toString()).toBe('inhoud');
      await store().delete(key);
      await store().delete(key); // twice is fine
      await expect(store().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store().stream(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it('keeps 20 MB of binary bytes exactly, and an empty blob', async () => {
      const key = newBlobKey('documents');
      const bytes = randomBytes(20 * 1024 * 1024);
      await store().put(key, bytes);
      const { body, size } = await store().stream(key);
      expect(size).toBe(bytes.length);
      expect(sha256(await drain(body))).toBe(sha256(bytes));
      const empty = newBlobKey('letters');
      await store().put(empty, Buffer.alloc(0));
      expect((await store().get(empty)).length).toBe(0);
      await Promise.all([store().delete(key), store().delete(empty)]);
    });

    it('replaces a blob as a whole when the same key is put again', async () => {
      const key = newBlobKey('letters');
      await store().put(key, Buffer.alloc(4096, 1));
      await store().put(key, Buffer.from('kort'));
      expect((await store().get(key)).toString()).toBe('kort');
      await store().delete(key);
    });

    it('answers "not found" for a key that was never stored', async () => {
      await expect(store().get(newBlobKey('documents'))).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it.each([
      '../etc/passwd',
      'documents/../../x',
      '/abs/path',
      'Documents/x',
      'documents//x',
      'documents/a b',
      'documents/x.info',
    ])('refuses the key %j for every operation', async (key) => {
      await expect(store().put(key, Buffer.from('x'))).rejects.toThrow('Invalid blob key');
      await expect(store().get(key)).rejects.toThrow('Invalid blob key');
      await expect(store().stream(key)).rejects.toThrow('Invalid blob key');
      await expect(store().delete(key)).rejects.toThrow('Invalid blob key');
    });
  });
}
