/**
 * The appointments module (issue 5) as one plugin under /api: /appointments (types, free slots,
 * booking, reschedule, cancel, .ics, QR) and /callback-requests ("call me back").
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../context';
import { callbackRoutes } from './callbacks';
import { appointmentFileRoutes } from './file-routes';
import { appointmentRoutes } from './routes';

export async function appointmentsModule(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  await app.register(appointmentRoutes, { ctx, prefix: '/appointments' });
  await app.register(appointmentFileRoutes, { ctx, prefix: '/appointments' });
  await app.register(callbackRoutes, { ctx, prefix: '/callback-requests' });
}
