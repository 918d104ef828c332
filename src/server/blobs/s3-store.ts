/**
 * Blob store in an S3-compatible bucket (LOKET_S3_*). Keys are the same server-made keys as in
 * the folder store (documents/3f/3f2a..., letters/...), so a bucket reads like the folder.
 */
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config';
import {
  assertBlobKey,
  BlobNotFoundError,
  isBlobKey,
  type BlobArea,
  type BlobStore,
  type StoredBlob,
} from './blob-store';
import { isS3NotFound, s3ClientConfig } from './s3-client';

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    this.client = new S3Client(s3ClientConfig(config));
    this.bucket = config.bucket;
  }
  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  // A PUT is atomic in S3: a reader sees the old state or all of the new object.
  async put(key: string, data: Buffer): Promise<void> {
    assertBlobKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: data,
        ContentLength: data.length,
        // The real type is in the database; the bucket never serves these bytes to a browser.
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const { body } = await this.open(key);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stream(key: string): Promise<{ body: Readable; size: number }> {
    return this.open(key);
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    // S3 answers 204 for a key that is not there, which is what the interface asks.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *list(area: BlobArea): AsyncIterable<StoredBlob> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${area}/`, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && isBlobKey(object.Key)) {
          yield { key: object.Key, modifiedAt: object.LastModified };
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async open(key: string): Promise<{ body: Readable; size: number }> {
    assertBlobKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(object.Body instanceof Readable) || object.ContentLength === undefined) {
        throw new Error('S3 answered without a readable body or its length');
      }
      return { body: object.Body, size: object.ContentLength };
    } catch (error) {
      if (isS3NotFound(error)) throw new BlobNotFoundError();
      throw error;
    }
  }
}
