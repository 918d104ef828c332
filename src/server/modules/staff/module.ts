/**
 * Staff accounts and sessions under /api/staff (issue 6): the administrator's account routes
 * and the staff's own sessions. Each feature's staff routes live with the feature and are
 * registered beside this one in the /api/staff scope (app.ts), behind the role check of
 * guard.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { seedDemoStaff } from '../../demo/staff';
import { accountRoutes } from './account-routes';
import { sessionRoutes } from './session-routes';

export async function staffModule(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  // Demo staff come with demo data, and only when staff log in at the simulator: test accounts
  // must never sit beside a real identity provider, whose staff ids could match them.
  if (ctx.config.demoData && !ctx.config.oidc && !ctx.config.staffOidc) await seedDemoStaff(ctx.db, ctx.consortium);

  await app.register(accountRoutes, { ctx });
  await app.register(sessionRoutes, { ctx, prefix: '/sessions' });
}
