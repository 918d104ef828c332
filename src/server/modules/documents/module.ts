/**
 * The documents module (issue 4) as one plugin under /api: tus uploads at /api/uploads, and the
 * documents of an application at /api/applications/:id/documents. It makes its blob store,
 * scanner and upload folder from the configuration and sweeps expired uploads every 15 minutes.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../context';
import { cleanUpUploads } from './cleanup';
import { caseDocumentRoutes } from './routes';
import { createDocumentServices } from './services';
import { uploadRoutes } from './upload-routes';

const SWEEP_EVERY_MS = 15 * 60_000;

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
  app.addHook('onClose', async () => clearInterval(timer));
}
