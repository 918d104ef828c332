/**
 * Reads the session cookie on every API request and puts the signed-in resident on the
 * request. Routes that need one call `requireResident(request)`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../context';
import { isApiRequest } from '../../api-request';
import { unauthenticated } from '../../errors';
import { assistSessionPolicy, liveAssist, type ResidentAssist } from '../assist/session';
import { endSession, useSession } from './sessions';

export interface SignedInResident {
  bsn: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  /** When this session began: a login (see recent-login.ts) */
  loggedInAt: Date;
  /** Set while front-desk staff use this session on the resident's behalf (assist session) */
  assist?: ResidentAssist | null;
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

  const lookUp = async (request: FastifyRequest, token: string): Promise<void> => {
    const found = await useSession(ctx.db, ctx.clock, sessionPolicy(ctx), token, 'resident', assistSessionPolicy);
    if (found.ok) {
      // An assist session lives only as long as the staff session that opened it.
      const assist = found.session.assist_staff_account_id ? await liveAssist(ctx, found.session) : null;
      if (found.session.assist_staff_account_id && !assist) {
        await endSession(ctx.db, ctx.clock, token, 'staff_session_ended');
        request.sessionExpired = true;
        return;
      }
      request.resident = {
        bsn: found.session.subject,
        idleExpiresAt: found.idleExpiresAt,
        absoluteExpiresAt: found.session.absolute_expires_at,
        loggedInAt: found.session.created_at,
        assist,
      };
    } else {
      request.sessionExpired = found.reason === 'expired';
    }
  };

  // Plain callbacks: a request without a session cookie (files, health probes, the start page)
  // passes without a promise (issue 16).
  app.addHook('onRequest', (request, _reply, done) => {
    const token = isApiRequest(request) ? request.cookies[cookieName] : undefined;
    if (!token) return done();
    lookUp(request, token).then(() => done(), done);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.resident && !reply.hasHeader('clear-site-data'))
      reply.header(SESSION_IDLE_EXPIRES_HEADER, request.resident.idleExpiresAt.toISOString());
    done(null, payload);
  });
});

/**
 * On every API answer to a signed-in resident: when the server will end the session if no
 * further request comes (the stored deadline, as /api/me's `session.idleExpiresAt`). Any request
 * moves it, so the client learns it from whichever answer came last and warns in time (issue
 * 14, WCAG 2.2.1: a warning before the session ends, with a way to stay signed in).
 */
const SESSION_IDLE_EXPIRES_HEADER = 'Loket-Session-Idle-Expires';

export function requireResident(request: FastifyRequest): SignedInResident {
  if (request.resident) return request.resident;
  throw unauthenticated(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}
