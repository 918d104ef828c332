/**
 * The test S3 server itself: the calls added to s3rver answer like S3, so the upload tests
 * built on them mean something.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from './test-s3';

describe('test S3 server (s3rver with the multipart calls it lacks)', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(() => s3?.close());

  const start = async (Key: string) =>
    (await s3.client.send(new CreateMultipartUploadCommand({ Bucket: s3.config.bucket, Key }))).UploadId!;
  const part = (Key: string, UploadId: string, PartNumber: number, size: number) =>
    s3.client.send(
      new UploadPartCommand({
        Bucket: s3.config.bucket,
        Key,
        UploadId,
        PartNumber,
        Body: Buffer.alloc(size, PartNumber),
      }),
    );

  it('lists parts, lists and aborts multipart uploads, and answers NoSuchUpload after', async () => {
    const id = await start('uploads/a');
    await part('uploads/a', id, 1, 5 * 1024 * 1024);
    await part('uploads/a', id, 2, 10);
    const listed = await s3.client.send(
      new ListPartsCommand({ Bucket: s3.config.bucket, Key: 'uploads/a', UploadId: id }),
    );
    expect(listed.Parts!.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 5 * 1024 * 1024],
      [2, 10],
    ]);
    expect(listed.Parts![0]!.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await s3.multipartUploads()).toEqual(['uploads/a']);
    await s3.client.send(new AbortMultipartUploadCommand({ Bucket: s3.config.bucket, Key: 'uploads/a', UploadId: id }));
    expect(await s3.multipartUploads()).toEqual([]);
    const gone = await s3.client
      .send(new ListPartsCommand({ Bucket: s3.config.bucket, Key: 'uploads/a', UploadId: id }))
      .catch((e: Error) => e);
    expect((gone as Error).name).toBe('NoSuchUpload');
  });

  it('refuses to complete with a part under 5 MiB that is not the last, as S3 does', async () => {
    const id = await start('uploads/b');
    const one = await part('uploads/b', id, 1, 1024);
    const two = await part('uploads/b', id, 2, 1024);
    const complete = s3.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: s3.config.bucket,
        Key: 'uploads/b',
        UploadId: id,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: one.ETag },
            { PartNumber: 2, ETag: two.ETag },
          ],
        },
      }),
    );
    await expect(complete).rejects.toMatchObject({ name: 'EntityTooSmall' });
    await s3.client.send(new AbortMultipartUploadCommand({ Bucket: s3.config.bucket, Key: 'uploads/b', UploadId: id }));
  });
});
