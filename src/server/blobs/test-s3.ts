/**
 * A local S3-compatible server for tests: s3rver on 127.0.0.1, a random port and a temporary
 * folder, with a bucket made through the S3 API like an operator would.
 *
 * s3rver 3.7.1 (its last release) lacks three multipart calls that @tus/s3-store makes:
 * ListParts (GET ?uploadId, answers 405), AbortMultipartUpload (DELETE ?uploadId, 405) and
 * ListMultipartUploads (GET bucket?uploads, 501). `addMissingMultipartCalls` answers those
 * three from s3rver's own files (uploads/<uploadId>/{key,<n>,<n>.md5}) as Amazon documents
 * them; every other call, including the multipart create, part upload and complete that write
 * those files, is s3rver's. Those three answers are ours, so the tests do not prove how a real
 * server implements them (pagination, for one: we never truncate). One rule s3rver does not
 * check is added too, to be as strict as S3: every part but the last has at least 5 MiB
 * (EntityTooSmall on complete).
 *
 * LOKET_TEST_S3_ENDPOINT (with LOKET_TEST_S3_ACCESS_KEY_ID / _SECRET_ACCESS_KEY, default "test")
 * runs the same tests against another S3-compatible server instead, e.g. MinIO or moto, in a
 * bucket of their own that is emptied and removed afterwards. (moto 5.2 reports every multipart
 * upload as initiated on 2010-11-10, so there tus' expiry sweep removes every unfinished upload
 * and the two expiry tests fail; all other tests pass against it.)
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Config } from '../config';
import { s3ClientConfig } from './s3-client';

export interface TestS3 {
  config: S3Config;
  client: S3Client;
  /** Every object key in the bucket, sorted */
  keys(): Promise<string[]>;
  /** Keys of the multipart uploads not completed or aborted */
  multipartUploads(): Promise<string[]>;
  /**
   * Resolves once `condition` holds, asking again after each change the bucket's server made
   * (its answer to every request other than GET/HEAD): for work the app does after its answer.
   */
  until(condition: () => Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function send(ctx: Parameters<S3rver['middleware'][number]>[0], status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

function noSuchUpload(ctx: Parameters<S3rver['middleware'][number]>[0], uploadId: string): void {
  send(
    ctx,
    404,
    `<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${xml(uploadId)}</UploadId></Error>`,
  );
}

/** The three multipart calls s3rver lacks, read from and written to its own upload folders. */
function addMissingMultipartCalls(server: S3rver, directory: string): void {
  const uploadsOf = (bucket: string) => join(directory, bucket, '._S3rver_uploads');
  const keyOf = (bucket: string, uploadId: string) =>
    /^[0-9a-f]+$/.test(uploadId)
      ? readFile(join(uploadsOf(bucket), uploadId, 'key'), 'utf8').catch(() => null)
      : Promise.resolve(null);

  server.middleware.unshift(async (ctx, next) => {
    const [bucket, ...rest] = ctx.path.slice(1).split('/').map(decodeURIComponent);
    const key = rest.join('/');
    const uploadId = typeof ctx.query.uploadId === 'string' ? ctx.query.uploadId : undefined;
    if (!bucket) return next();

    if (ctx.method === 'GET' && key && uploadId !== undefined) {
      if ((await keyOf(bucket, uploadId)) !== key) return noSuchUpload(ctx, uploadId);
      const folder = join(uploadsOf(bucket), uploadId);
      const marker = Number(ctx.query['part-number-marker'] ?? 0);
      const numbers = (await readdir(folder))
        .filter((name) => /^\d+$/.test(name))
        .map(Number)
        .filter((n) => n > marker)
        .sort((a, b) => a - b);
      const parts = await Promise.all(
        numbers.map(async (n) => {
          const [info, md5] = await Promise.all([
            stat(join(folder, String(n))),
            readFile(join(folder, `${n}.md5`), 'utf8'),
          ]);
          return `<Part><PartNumber>${n}</PartNumber><LastModified>${info.mtime.toISOString()}</LastModified><ETag>"${md5}"</ETag><Size>${info.size}</Size></Part>`;
        }),
      );
      return send(
        ctx,
        200,
        `<ListPartsResult><Bucket>${xml(bucket)}</Bucket><Key>${xml(key)}</Key><UploadId>${uploadId}</UploadId>` +
          `<PartNumberMarker>${marker}</PartNumberMarker><NextPartNumberMarker>${numbers.at(-1) ?? marker}</NextPartNumberMarker>` +
          `<MaxParts>10000</MaxParts><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`,
      );
    }

    if (ctx.method === 'POST' && key && uploadId !== undefined) {
      const folder = join(uploadsOf(bucket), uploadId);
      const numbers = (await readdir(folder).catch(() => [] as string[]))
        .filter((name) => /^\d+$/.test(name))
        .map(Number)
        .sort((a, b) => a - b);
      const sizes = await Promise.all(
        numbers.slice(0, -1).map(async (n) => (await stat(join(folder, String(n)))).size),
      );
      if (sizes.some((size) => size < MIN_PART_BYTES)) {
        return send(
          ctx,
          400,
          '<Error><Code>EntityTooSmall</Code><Message>Your proposed upload is smaller than the minimum allowed object size.</Message></Error>',
        );
      }
      return next();
    }

    if (ctx.method === 'DELETE' && key && uploadId !== undefined) {
      if ((await keyOf(bucket, uploadId)) !== key) return noSuchUpload(ctx, uploadId);
      await rm(join(uploadsOf(bucket), uploadId), { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = '';
      return;
    }

    if (ctx.method === 'GET' && !key && 'uploads' in ctx.query) {
      const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : '';
      const ids = await readdir(uploadsOf(bucket)).catch(() => [] as string[]);
      const uploads = (
        await Promise.all(
          ids.map(async (id) => {
            const file = join(uploadsOf(bucket), id, 'key');
            const [name, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]).catch(
              () => [null, null] as const,
            );
            return name !== null && info && name.startsWith(prefix) ? { id, name, initiated: info.mtime } : null;
          }),
        )
      ).filter((u) => u !== null);
      uploads.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      const entries = uploads.map(
        (u) =>
          `<Upload><Key>${xml(u.name)}</Key><UploadId>${u.id}</UploadId><Initiated>${u.initiated.toISOString()}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`,
      );
      return send(
        ctx,
        200,
        `<ListMultipartUploadsResult><Bucket>${xml(bucket)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
          `<Prefix>${xml(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${entries.join('')}</ListMultipartUploadsResult>`,
      );
    }
    return next();
  });
}

async function startS3rver(): Promise<{ endpoint: string; changes: EventEmitter; stop(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'loket-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  addMissingMultipartCalls(server, directory);
  const changes = new EventEmitter();
  // Outermost: the change is on disk when the event fires, before the client has its answer.
  server.middleware.unshift(async (ctx, next) => {
    await next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') changes.emit('change');
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    changes,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function emptyAndRemove(client: S3Client, bucket: string): Promise<void> {
  const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  for (const u of uploads.Uploads ?? []) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
  }
  const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  for (const o of listing.Contents ?? []) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key }));
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}

export async function startTestS3(name = 'loket-test'): Promise<TestS3> {
  const external = process.env.LOKET_TEST_S3_ENDPOINT;
  const local = external ? null : await startS3rver();
  const bucket = external ? `${name}-${randomBytes(4).toString('hex')}` : name;
  const config: S3Config = {
    bucket,
    endpoint: external ?? local!.endpoint,
    region: 'us-east-1',
    // s3rver's built-in account, or the one given for the other server
    credentials: external
      ? {
          accessKeyId: process.env.LOKET_TEST_S3_ACCESS_KEY_ID ?? 'test',
          secretAccessKey: process.env.LOKET_TEST_S3_SECRET_ACCESS_KEY ?? 'test',
        }
      : { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  };
  const client = new S3Client(s3ClientConfig(config));
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    config,
    client,
    async keys() {
      const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listing.Contents ?? []).map((o) => o.Key!).sort();
    },
    async multipartUploads() {
      const listing = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      return (listing.Uploads ?? []).map((u) => u.Key!).sort();
    },
    async until(condition) {
      for (;;) {
        // Listen before asking, so a change between the answer and the wait is not missed.
        const changed = local
          ? once(local.changes, 'change')
          : // Another server tells us nothing: ask again shortly.
            new Promise((resolve) => setTimeout(resolve, 50));
        if (await condition()) return;
        await changed;
      }
    },
    async close() {
      if (external) await emptyAndRemove(client, bucket);
      client.destroy();
      await local?.stop();
    },
  };
}
