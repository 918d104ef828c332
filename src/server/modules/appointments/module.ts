/**
 * The appointments module (issue 5) as one plugin under /api: /appointments (types, free slots,
 * booking, reschedule, cancel, .ics, QR) and /callback-requests ("call me back").
 *
 * Its error handler adds `error.details` for refusals that carry them (SLOT_TAKEN: the next
 * free slots; URGENT_CAPACITY_FULL: the number to call now) and hands every other error to the
 * app's handler (src/server/errors.ts), so the body stays { error: { code, message } }.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../context';
import { errorBody } from '../../errors';
import { callbackRoutes } from './callbacks';
import { appointmentFileRoutes } from './file-routes';
import { DetailedRefusal } from './refusals';
import { appointmentRoutes } from './routes';

export async function appointmentsModule(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof DetailedRefusal) {
      const { error: body } = errorBody(error.code, error.message);
      return reply.status(error.statusCode).send({ error: { ...body, details: error.details } });
    }
    throw error;
  });
  await app.register(appointmentRoutes, { ctx, prefix: '/appointments' });
  await app.register(appointmentFileRoutes, { ctx, prefix: '/appointments' });
  await app.register(callbackRoutes, { ctx, prefix: '/callback-requests' });
}
