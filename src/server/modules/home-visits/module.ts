/** The home-visits module (issue 5) as one plugin under /api: /home-visits. */
import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../context';
import { homeVisitRoutes } from './routes';

export async function homeVisitsModule(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  await app.register(homeVisitRoutes, { ctx, prefix: '/home-visits' });
}
