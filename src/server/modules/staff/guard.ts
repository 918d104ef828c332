/**
 * The one role check of the staff API under /api/staff (issue 6). Every route states its roles
 * (`config.staffRoles`, enforced at registration by route-inventory.ts); this hook checks them
 * before anything else runs, even body parsing, so a refusal is the same whatever the request
 * names:
 *   - no staff session (anonymous, or only a resident session): 401
 *   - a staff session without one of the roles: 403, written to the audit log as denied
 *   - an object outside the staff's municipalities: 404 (in the routes, as for a missing one)
 * Registered once in the /api/staff scope (app.ts), so it covers every feature's staff routes.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors';
import { requireStaff } from './session';

export const staffGuard = fp(async (app: FastifyInstance) => {
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
});
