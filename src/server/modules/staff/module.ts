/**
 * The staff API under /api/staff (issue 6). Every route states its roles (`config.staffRoles`,
 * enforced at registration by route-inventory.ts); this plugin checks them before anything
 * else runs, even body parsing, so a refusal is the same whatever the request names:
 *   - no staff session (anonymous, or only a resident session): 401
 *   - a staff session without one of the roles: 403, written to the audit log as denied
 *   - an object outside the staff's municipalities: 404 (in the routes, as for a missing one)
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { seedDemoStaff } from '../../demo/staff';
import { AppError } from '../../errors';
import { createCaseSystem } from '../../case-system/index';
import { accountRoutes } from './account-routes';
import { assistRoutes } from '../assist/routes';
import { caseRoutes } from '../casework/routes';
import { planningRoutes } from '../planning/staff-routes';
import { caseStatusRoutes } from '../casework/status-routes';
import { requestRoutes } from '../documents/staff-routes';
import { sessionRoutes } from './session-routes';
import { requireStaff } from './session';

export async function staffModule(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  // Demo staff come with demo data, and only when staff log in at the simulator: test accounts
  // must never sit beside a real identity provider, whose staff ids could match them.
  if (ctx.config.demoData && !ctx.config.oidc && !ctx.config.staffOidc) await seedDemoStaff(ctx.db, ctx.consortium);

  app.addHook('onRequest', async (request) => {
    const roles = request.routeOptions.config.staffRoles ?? [];
    try {
      requireStaff(request, roles);
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 403 && request.staff) {
        await app.auditor.denied(request, {
          role: [...new Set(request.staff.grants.map((g) => g.role))].join(' '),
          action: request.method === 'GET' ? 'read' : 'update',
          objectType: 'api_route',
          // The route's pattern, not the URL: ids in a refused request are not logged as facts.
          objectId: `${request.method} ${request.routeOptions.url ?? ''}`,
          purpose: null,
        });
      }
      throw error;
    }
  });

  await app.register(accountRoutes, { ctx });
  // The one case system of this server (src/server/case-system/index.ts chooses it).
  const caseSystem = createCaseSystem(ctx);
  await app.register(caseRoutes, { ctx, caseSystem, prefix: '/cases' });
  await app.register(requestRoutes, { ctx, prefix: '/cases' });
  await app.register(planningRoutes, { ctx, prefix: '/planning' });
  await app.register(assistRoutes, { ctx, prefix: '/assist' });
  await app.register(caseStatusRoutes, { ctx, caseSystem, prefix: '/cases' });
  await app.register(sessionRoutes, { ctx, prefix: '/sessions' });
}
