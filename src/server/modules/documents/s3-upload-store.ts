/**
 * Uploads in progress in the S3 bucket (LOKET_S3_BUCKET), with @tus/s3-store: one S3 multipart
 * upload per tus upload, `<id>.info` with tus' bookkeeping, and `<id>.part` holding the tail of
 * a PATCH too short for an S3 part (< 5 MiB). Two changes to the library's behaviour:
 * - every key it uses is put under `uploads/`, so documents/, letters/ and uploads/ are separate
 *   folders in one bucket and a lifecycle rule can target uploads/ alone; its expiry sweep then
 *   only sees our multipart uploads;
 * - remove() also deletes `<id>.part`, and works on a finished upload (2.0.7 leaves the `.part`
 *   of an unfinished one, and gives up on a finished one when S3 says its multipart upload is
 *   gone, leaving the object and `.info`).
 */
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-s3';
// Types only, from the SDK's own dependency (erased at build).
import type { InitializeMiddleware } from '@smithy/types';
import { S3Store, type Options } from '@tus/s3-store';
import { ERRORS } from '@tus/server';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';
import { isS3NotFound, s3ClientConfig } from '../../blobs/s3-client';
import type { S3Config } from '../../config';
import { UPLOAD_ID, type UploadStore } from './upload-store';

const PREFIX = 'uploads/';

type Middleware = InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes>;
interface KeyedInput {
  Key?: string;
  Prefix?: string;
  Delete?: { Objects?: { Key?: string }[] };
}

/** Adds `prefix` to every key @tus/s3-store sends, and takes it off the keys it lists. */
function underPrefix(prefix: string): Middleware {
  return (next, context) => async (args) => {
    const input = args.input as KeyedInput;
    const listing = context.commandName === 'ListMultipartUploadsCommand';
    const changed: KeyedInput = {
      ...input,
      ...(input.Key !== undefined ? { Key: prefix + input.Key } : {}),
      ...(input.Delete?.Objects
        ? { Delete: { ...input.Delete, Objects: input.Delete.Objects.map((o) => ({ ...o, Key: prefix + o.Key })) } }
        : {}),
      ...(listing ? { Prefix: prefix } : {}),
    };
    const result = await next({ ...args, input: changed });
    if (listing) {
      // The store turns each listed key back into `<key>.info` and `<key>.part` and aborts it.
      const output = result.output as { Uploads?: { Key?: string }[] };
      output.Uploads = output.Uploads?.map((u) => ({ ...u, Key: u.Key?.slice(prefix.length) }));
    }
    return result;
  };
}

class PrefixedS3Store extends S3Store {
  constructor(options: Options) {
    super(options);
    this.client.middlewareStack.add(underPrefix(PREFIX), { step: 'initialize', name: 'loketUploadsPrefix' });
  }

  // 2.0.7 turns every failure to read `.info` into "not found"; then an S3 outage would look
  // like a lost upload (tus-js-client starts again from zero on a 404). Only a missing `.info` is.
  override async getUpload(id: string) {
    try {
      await this.getMetadata(id);
    } catch (error) {
      throw isS3NotFound(error) ? ERRORS.FILE_NOT_FOUND : error;
    }
    return super.getUpload(id);
  }

  /** The first `limit` bytes of a finished upload. */
  async readStart(id: string, limit: number): Promise<Buffer> {
    try {
      const object = await this.client.getObject({ Bucket: this.bucket, Key: id, Range: `bytes=0-${limit - 1}` });
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch (error) {
      // A range on an empty object is "not satisfiable" in S3; the checks refuse it as empty.
      if ((error as { name?: string }).name === 'InvalidRange') return Buffer.alloc(0);
      throw error;
    }
  }

  override async remove(id: string): Promise<void> {
    let uploadId: string | undefined;
    try {
      uploadId = (await this.getMetadata(id))['upload-id'];
    } catch (error) {
      if (!isS3NotFound(error)) throw error;
    }
    if (uploadId) {
      // Finished uploads have no multipart upload any more: S3 answers NoSuchUpload.
      await this.client
        .abortMultipartUpload({ Bucket: this.bucket, Key: id, UploadId: uploadId })
        .catch((error: unknown) => {
          if (!isS3NotFound(error)) throw error;
        });
    }
    await this.client.deleteObjects({
      Bucket: this.bucket,
      Delete: { Objects: [{ Key: id }, { Key: this.infoKey(id) }, { Key: this.partKey(id, true) }], Quiet: true },
    });
    await this.clearCache(id);
    if (!uploadId) throw ERRORS.FILE_NOT_FOUND;
  }
}

export class S3UploadStore implements UploadStore {
  readonly datastore: PrefixedS3Store;

  constructor(config: S3Config, expiryMs: number) {
    this.datastore = new PrefixedS3Store({
      s3ClientConfig: { ...s3ClientConfig(config), bucket: config.bucket },
      expirationPeriodInMilliseconds: expiryMs,
      // Expiry is our own sweep (cleanup.ts). Tags only feed bucket lifecycle rules, and some
      // S3-compatible servers refuse or ignore them; the uploads/ prefix serves those rules too.
      useTags: false,
    });
  }

  async progress(id: string): Promise<{ size: number | undefined; offset: number } | null> {
    if (!UPLOAD_ID.test(id)) return null;
    try {
      const upload = await this.datastore.getUpload(id);
      return { size: upload.size, offset: upload.offset };
    } catch (error) {
      if (error === ERRORS.FILE_NOT_FOUND) return null;
      throw error;
    }
  }

  async read(id: string): Promise<Buffer> {
    if (!UPLOAD_ID.test(id)) throw new Error('Invalid upload id');
    return this.datastore.readStart(id, MAX_DOCUMENT_BYTES + 1);
  }

  async remove(id: string): Promise<void> {
    if (!UPLOAD_ID.test(id)) return;
    await this.datastore.remove(id).catch((error: unknown) => {
      if (error !== ERRORS.FILE_NOT_FOUND) throw error;
    });
  }

  /** Aborts multipart uploads started longer than the expiry ago, with their .info and .part. */
  async removeExpiredByTus(): Promise<number> {
    return this.datastore.deleteExpired();
  }
}
