/**
 * Reads the session cookie on every API request and puts the signed-in resident on the
 * request. Routes that need one call `requireResident(request)`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../context';
import { unauthenticated } from '../../errors';
import { useSession } from './sessions';

export interface SignedInResident {
  bsn: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    resident: SignedInResident | null;
    /** Set when a cookie was sent but its session had expired: the client says so plainly */
    sessionExpired: boolean;
  }
}

export function sessionCookieName(ctx: AppContext): string {
  // The __Host- prefix requires Secure, which browsers only honour on https (and localhost).
  return isSecure(ctx) ? '__Host-loket_session' : 'loket_session';
}

export function isSecure(ctx: AppContext): boolean {
  return new URL(ctx.config.publicUrl).protocol === 'https:';
}

export const sessionPolicy = (ctx: AppContext) => ({
  idleMinutes: ctx.config.sessionIdleMinutes,
  absoluteHours: ctx.config.sessionAbsoluteHours,
});

export const sessionHook = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { ctx } = opts;
  const cookieName = sessionCookieName(ctx);
  app.decorateRequest('resident', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[cookieName];
    if (!token) return;
    const found = await useSession(ctx.db, ctx.clock, sessionPolicy(ctx), token);
    if (found.ok) {
      request.resident = {
        bsn: found.session.subject,
        idleExpiresAt: found.idleExpiresAt,
        absoluteExpiresAt: found.session.absolute_expires_at,
      };
    } else {
      request.sessionExpired = found.reason === 'expired';
    }
  });
});

export function requireResident(request: FastifyRequest): SignedInResident {
  if (request.resident) return request.resident;
  throw unauthenticated(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}
