/**
 * The S3 blob store against a local S3-compatible server (s3rver, started here): the shared
 * BlobStore contract, plus what is particular to a bucket.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobStoreContract } from './blob-store.contract';
import { BlobNotFoundError, newBlobKey } from './blob-store';
import { S3BlobStore } from './s3-store';
import { startTestS3, type TestS3 } from './test-s3';

let s3: TestS3;
let store: S3BlobStore;
beforeAll(async () => {
  s3 = await startTestS3();
  store = new S3BlobStore(s3.config);
});
afterAll(() => s3?.close());

blobStoreContract('s3', () => store);

describe('S3BlobStore', () => {
  it('stores under exactly the server-made key, as an opaque octet stream', async () => {
    const key = newBlobKey('documents');
    await store.put(key, Buffer.from('%PDF-1.7 ...'));
    expect(await s3.keys()).toEqual([key]);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.config.bucket, Key: key }));
    expect(head.ContentType).toBe('application/octet-stream');
    expect(head.Metadata).toEqual({});
    await store.delete(key);
    expect(await s3.keys()).toEqual([]);
  });

  it('reports a missing bucket as an error, not as a missing document', async () => {
    const wrong = new S3BlobStore({ ...s3.config, bucket: 'no-such-bucket' });
    const error = await wrong.get(newBlobKey('documents')).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BlobNotFoundError);
    expect((error as Error).name).toBe('NoSuchBucket');
  });
});
