/**
 * The documents module (issue 4) as one plugin under /api: tus uploads at /api/uploads, and the
 * documents of an application at /api/applications/:id/documents. It makes its blob store,
 * scanner and upload folder from the configuration, sweeps expired uploads every 15 minutes and
 * blobs that no row references every 6 hours.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../context';
import { sweepUnreferencedBlobs } from '../../blobs/sweep';
import { cleanUpUploads } from './cleanup';
import { caseDocumentRoutes } from './routes';
import { createDocumentServices } from './services';
import { uploadRoutes } from './upload-routes';

const SWEEP_EVERY_MS = 15 * 60_000;
const BLOB_SWEEP_EVERY_MS = 6 * 3_600_000;

export async function documentsModule(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const services = createDocumentServices(ctx);
  await app.register(uploadRoutes, { ctx, services, prefix: '/uploads' });
  await app.register(caseDocumentRoutes, { ctx, services, prefix: '/applications' });

  const sweep = () =>
    cleanUpUploads(ctx, services).catch((error: unknown) =>
      app.log.error({ err: { message: (error as Error).message } }, 'upload cleanup failed'),
    );
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  // Files no row references (a rolled-back registration or letter, a removed document): the
  // same for the folder and S3; counts only in the log.
  const sweepBlobs = () =>
    sweepUnreferencedBlobs(ctx.db, services.blobs, ctx.clock.now())
      .then((result) => app.log.info(result, 'unreferenced blobs swept'))
      .catch((error: unknown) => app.log.error({ err: { message: (error as Error).message } }, 'blob sweep failed'));
  const blobTimer = setInterval(sweepBlobs, BLOB_SWEEP_EVERY_MS);
  blobTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    clearInterval(blobTimer);
  });
}
