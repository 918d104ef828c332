/**
 * The notifications module (issue 8) as one plugin under /api: /notifications, and the delivery
 * worker, started when the server is ready and stopped when it closes (SIGTERM, tests), unless
 * LOKET_NOTIFY_INTERVAL_MS is 0.
 */
import { caseSystemFor } from '../../case-system/index';
import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../context';
import { smtpSender } from './email';
import { vapidKeys, webPushSender, type PushSender } from './push';
import { notificationRoutes } from './routes';
import { DeliveryWorker } from './worker';

export async function notificationsModule(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const settings = ctx.config.notifications;
  const mail = settings.smtp ? smtpSender(settings.smtp.url, settings.smtp.from) : null;
  let push: PushSender | null = null;
  const worker = new DeliveryWorker({
    db: ctx.db,
    cases: caseSystemFor(ctx, ctx.db),
    clock: ctx.clock,
    publicUrl: ctx.config.publicUrl,
    mail,
    push: async () => (push ??= webPushSender(await vapidKeys(ctx.db, settings), settings.vapidSubject)),
    log: (message, details) => app.log.warn(details, message),
  });

  await app.register(notificationRoutes, { ctx, prefix: '/notifications', poke: () => worker.poke() });

  app.addHook('onReady', async () => {
    // The keys exist before the first resident asks for them (and before any worker signs).
    await vapidKeys(ctx.db, settings);
    if (settings.workerIntervalMs > 0) worker.start(settings.workerIntervalMs);
  });
  app.addHook('onClose', async () => {
    await worker.stop();
    mail?.close();
  });
}
