/**
 * tus uploads (https://tus.io/protocols/resumable-upload, v1.0.0) under /api/uploads, served by
 * @tus/server inside Fastify. As in idp/mount.ts, the raw request goes to the library untouched:
 * this scope drops every body parser so the PATCH stream is read by tus alone, and the reply is
 * hijacked once our own checks have passed:
 * - POST (creation): resident signed in, case/request theirs, size and daily limit (admission.ts);
 * - HEAD/PATCH/DELETE on /api/uploads/<id>: the upload must be the resident's (404 otherwise).
 * - OPTIONS on /api/uploads: the server's tus configuration, without a session (tus 1.0 says a
 *   server MUST answer it); see TUS_EXTENSIONS for why we answer it ourselves.
 * GET (download of an upload) is not offered. tus requests carry no Idempotency-Key: the upload
 * offset is their idempotency (a repeated PATCH at a stale offset gets 409 from tus).
 */
import type { IncomingMessage } from 'node:http';
import { Server } from '@tus/server';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';
import { RedisLocker } from '../../shared/redis-locker';
import type { AppContext } from '../../context';
import { isStorageFull, storageFullBody } from '../../errors';
import { requireResident } from '../auth/session-hook';
import { admitUpload } from './admission';
import { uploadOf } from './queries';
import { refusal } from './refusals';
import type { DocumentServices } from './services';
import { UPLOAD_ID } from './upload-store';

interface UploadRouteOptions {
  ctx: AppContext;
  services: DocumentServices;
}

/**
 * What we really support, which is less than the data stores announce: admission refuses an
 * unknown length (no `creation-defer-length`), and a body on the creation POST is neither
 * tested nor used by our client (no `creation-with-upload`). `expiration`: the stores answer
 * `Upload-Expires` and 410 after LOKET_UPLOAD_EXPIRY_HOURS; `termination`: DELETE below.
 */
const TUS_EXTENSIONS = ['creation', 'expiration', 'termination'];

/** Upload ids chosen at admission, handed to tus' namingFunction for that very request. */
const admitted = new WeakMap<IncomingMessage, string>();

type WithNode = { runtime?: { node?: { req?: IncomingMessage } } };
const nodeOf = (req: unknown) => (req as WithNode).runtime?.node;

/** tus' Server, except that our 507 (a JSON body, see onResponseError) says it is JSON. */
class LoketTusServer extends Server {
  override write(...[context, headers, status, body]: Parameters<Server['write']>): ReturnType<Server['write']> {
    if (status === 507) headers.set('Content-Type', 'application/json; charset=utf-8');
    return super.write(context, headers, status, body);
  }
}

function createTusServer(ctx: AppContext, services: DocumentServices, path: string, log: FastifyBaseLogger): Server {
  return new LoketTusServer({
    path,
    datastore: services.uploads.datastore,
    relativeLocation: true,
    maxSize: MAX_DOCUMENT_BYTES,
    allowedOrigins: [new URL(ctx.config.publicUrl).origin],
    // Upload locks across instances (REDIS_URL); one process alone keeps them in memory.
    ...(ctx.redis ? { locker: new RedisLocker(ctx.redis) } : {}),
    namingFunction: (req) => {
      const raw = nodeOf(req)?.req;
      const id = raw && admitted.get(raw);
      if (!id) throw { status_code: 500, body: 'Upload was not admitted\n' };
      return id;
    },
    // tus writes its own plain-text errors; a full disk is ours to say, as everywhere: 507 JSON.
    // The upload keeps the bytes the disk took (upload-store.ts), so a retry continues from there.
    onResponseError: async (_req, error) => {
      if (!isStorageFull(error)) return undefined;
      log.error({ err: { code: (error as { code?: unknown }).code } }, 'storage full during an upload');
      return { status_code: 507, body: JSON.stringify(storageFullBody()) };
    },
    onUploadFinish: async (_req, upload) => {
      await ctx.db.updateTable('uploads').set({ completed_at: ctx.clock.now() }).where('id', '=', upload.id).execute();
      return {};
    },
  });
}

async function handOver(tus: Server, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.raw.setHeader('Cache-Control', 'no-store');
  reply.raw.setHeader('X-Content-Type-Options', 'nosniff');
  reply.hijack();
  try {
    await tus.handle(request.raw, reply.raw);
  } catch (error) {
    request.log.error({ err: { message: (error as Error).message } }, 'tus failed');
    if (!reply.raw.headersSent) reply.raw.writeHead(500);
    reply.raw.end();
  }
}

export async function uploadRoutes(app: FastifyInstance, { ctx, services }: UploadRouteOptions): Promise<void> {
  const tus = createTusServer(ctx, services, app.prefix, app.log);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const config = { idempotency: false as const };

  app.options(
    '/',
    { config, schema: { summary: 'The tus configuration of this server (tus 1.0.0)', tags: ['documents'] } },
    async (_request, reply) =>
      reply
        .status(204)
        .header('Tus-Version', '1.0.0')
        .header('Tus-Extension', TUS_EXTENSIONS.join(','))
        .header('Tus-Max-Size', String(MAX_DOCUMENT_BYTES))
        .send(),
  );

  app.post(
    '/',
    { config, schema: { summary: 'Start a tus upload (tus 1.0.0 creation)', tags: ['documents'] } },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      admitted.set(request.raw, await admitUpload(ctx, services, bsn, request.headers));
      await handOver(tus, request, reply);
    },
  );

  app.route<{ Params: { uploadId: string } }>({
    method: ['HEAD', 'PATCH', 'DELETE'],
    url: '/:uploadId',
    config,
    schema: { summary: 'Resume (HEAD), send bytes (PATCH) or cancel (DELETE) a tus upload', tags: ['documents'] },
    handler: async (request, reply) => {
      const { bsn } = requireResident(request);
      const { uploadId } = request.params;
      const row = UPLOAD_ID.test(uploadId) ? await uploadOf(ctx.db, bsn, uploadId) : undefined;
      if (!row || row.document_id || row.refused_code) throw refusal('UPLOAD_NOT_FOUND');
      await handOver(tus, request, reply);
    },
  });
}
