/**
 * Security for the whole app (issue 7): headers on every response, Cache-Control: no-store on
 * every API response, rate limits on login and changes, and no NUL characters in API input.
 * Registered in app.ts after @fastify/cookie and before any route.
 *
 * Every request passes these hooks, so they are cheap (issue 16): the header sets are computed
 * once (headers.ts) and the hooks are plain callbacks that do no work a request does not need.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context';
import { sessionCookieName } from '../modules/auth/session-hook';
import { staffCookieName } from '../modules/staff/session';
import { rateLimitsFromEnv, type RateLimits } from './config';
import { isApiRequest, routedPath } from '../api-request';
import { securityHeaderSets, type SecurityHeaderSets } from './headers';
import { nulInUrl, refuseNulInBody, refuseNulInput } from './input';
import { rateLimits } from './rate-limits';

export interface SecurityOptions {
  ctx: AppContext;
  /** Default: from the environment (LOKET_RATE_*) */
  limits?: RateLimits;
  /** Default: computed from ctx (app.ts hands the same sets to static-client.ts) */
  headers?: SecurityHeaderSets;
}

async function securityPlugin(app: FastifyInstance, { ctx, limits, headers }: SecurityOptions): Promise<void> {
  const sets = headers ?? securityHeaderSets(ctx);
  // On the raw response, so replies that bypass Fastify (tus, the simulator) carry them too. An
  // API answer starts as no-store: a route that may be cached (the public configuration) says so
  // itself, and the onSend hook below still forbids it to a session.
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    const api = isApiRequest(request);
    const set = api ? sets.api : routedPath(request).startsWith('/assets/') ? sets.asset : sets.document;
    const raw = reply.raw;
    for (const [name, value] of set) raw.setHeader(name, value);
    done(api && nulInUrl(url) ? refuseNulInput() : undefined);
  });
  await rateLimits(app, { ctx, limits: limits ?? rateLimitsFromEnv() });
  refuseNulInBody(app);

  // Anything answered to a session may be personal: never in any cache, whatever a route set.
  const sessionCookies = [sessionCookieName(ctx), staffCookieName(ctx)];
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      isApiRequest(request) &&
      reply.getHeader('cache-control') !== 'no-store' &&
      sessionCookies.some((name) => request.cookies[name])
    )
      reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
}

export const security = fp(securityPlugin, { name: 'loket-security' });
