/**
 * Security for the whole app (issue 7): headers on every response, Cache-Control: no-store on
 * every API response made with a session, rate limits on login and changes, and no NUL
 * characters in API input. Registered in
 * app.ts after @fastify/cookie and before any route.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context';
import { sessionCookieName } from '../modules/auth/session-hook';
import { staffCookieName } from '../modules/staff/session';
import { rateLimitsFromEnv, type RateLimits } from './config';
import { helmetOptions } from './headers';
import { refuseNulInput } from './input';
import { rateLimits } from './rate-limits';

export interface SecurityOptions {
  ctx: AppContext;
  /** Default: from the environment (LOKET_RATE_*) */
  limits?: RateLimits;
}

async function securityPlugin(app: FastifyInstance, { ctx, limits }: SecurityOptions): Promise<void> {
  await app.register(helmet, helmetOptions(ctx));
  await rateLimits(app, { ctx, limits: limits ?? rateLimitsFromEnv() });
  await refuseNulInput(app);

  // Anything answered to a session may be personal: never in any cache, whatever a route set.
  const sessionCookies = [sessionCookieName(ctx), staffCookieName(ctx)];
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && sessionCookies.some((name) => request.cookies[name]))
      reply.header('Cache-Control', 'no-store');
  });
}

export const security = fp(securityPlugin, { name: 'loket-security' });
