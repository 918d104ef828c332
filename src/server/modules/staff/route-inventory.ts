/**
 * Every route of the app, as registered, for the generated access-matrix test (a new route is
 * covered the moment it exists), and a registration-time rule: a route under /api/staff must
 * say which staff roles may use it (`config.staffRoles`). Forgetting it is a start-up error,
 * not an open door (fail closed).
 */
import type { FastifyInstance, HTTPMethods } from 'fastify';
import fp from 'fastify-plugin';
import type { StaffRole } from '../../../domain/staff';

export interface InventoriedRoute {
  method: HTTPMethods;
  url: string;
  staffRoles: readonly StaffRole[] | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeInventory: InventoriedRoute[];
  }
  interface FastifyContextConfig {
    /** Staff routes (/api/staff/...): the roles that may use the route; checked before the handler */
    staffRoles?: readonly StaffRole[];
  }
}

const STAFF_API_PREFIX = '/api/staff';

export const routeInventory = fp(async (app: FastifyInstance) => {
  const routes: InventoriedRoute[] = [];
  app.decorate('routeInventory', routes);
  app.addHook('onRoute', (route) => {
    const staffRoles = (route.config as { staffRoles?: readonly StaffRole[] } | undefined)?.staffRoles;
    const isStaffRoute = route.url === STAFF_API_PREFIX || route.url.startsWith(`${STAFF_API_PREFIX}/`);
    if (isStaffRoute && (!staffRoles || staffRoles.length === 0)) {
      throw new Error(`Route ${String(route.method)} ${route.url} is a staff route without config.staffRoles`);
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, staffRoles });
  });
});
