/**
 * Staff login (issue 6 point 2): the same OpenID Connect code flow with PKCE and prompt=login
 * as residents', through a separate client, ending in a staff session with its own cookie.
 * Who gets in is decided here, not by the identity provider alone: the staff id claim must name
 * an enabled account of this consortium with at least one grant (that the provider's roles
 * claim, when configured, also asserts). Errors end on /beheer?fout=<CODE>.
 */
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorCode } from '../../../domain/error-codes';
import type { AppContext } from '../../context';
import { effectiveGrants, findStaffBySubject, rolesFromClaim } from '../staff/accounts';
import { staffCookieName, staffSessionPolicy } from '../staff/session';
import { beginLogin, completeLogin } from './login-attempts';
import type { RelyingParty } from './relying-party';
import { staffAreaReturnPath } from './return-path';
import { isSecure } from './session-hook';
import { endSession, startSession } from './sessions';

const STAFF_HOME = '/beheer';
/** Claims our simulator sends; an external provider's names come from the configuration */
const SIMULATOR_CLAIMS = { id: 'staff_id', roles: 'roles' } as const;

/** Only the staff areas of this app: anything else (another site, the API) goes to /beheer. */
export function staffReturnPath(value: unknown): string {
  return staffAreaReturnPath(value, STAFF_HOME);
}

export interface StaffAuthRoutesOptions {
  ctx: AppContext;
  relyingParty: RelyingParty | null;
}

type StaffLoginError = Extract<ErrorCode, `LOGIN_${string}` | 'STAFF_NOT_AUTHORISED'>;

export async function staffAuthRoutes(
  fastify: FastifyInstance,
  { ctx, relyingParty }: StaffAuthRoutesOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const cookieName = staffCookieName(ctx);
  // Strict: a staff session is never needed on a navigation coming from another site.
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: isSecure(ctx) };
  const claims = ctx.config.staffOidc
    ? { id: ctx.config.staffOidc.idClaim, roles: ctx.config.staffOidc.rolesClaim }
    : SIMULATOR_CLAIMS;
  // The error shows in the area the login started from: the front desk's login stays on /balie.
  const fail = (reply: FastifyReply, code: StaffLoginError, from?: string) =>
    reply.redirect(`${from?.startsWith('/balie') ? '/balie' : STAFF_HOME}?fout=${code}`, 303);

  app.get(
    '/login',
    {
      schema: {
        summary: 'Start a staff login: redirects to the staff identity provider (or its simulation)',
        tags: ['staff'],
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 303: Type.Null() },
      },
    },
    async (request, reply) => {
      if (!relyingParty) return fail(reply, 'LOGIN_FAILED');
      const url = await beginLogin(ctx, relyingParty, 'staff', staffReturnPath(request.query.returnTo));
      return reply.redirect(url.href, 303);
    },
  );

  app.get(
    '/callback',
    {
      schema: {
        summary: 'Return from the staff identity provider; starts a staff session',
        tags: ['staff'],
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String()),
            state: Type.Optional(Type.String()),
            error: Type.Optional(Type.String()),
          },
          { additionalProperties: true },
        ),
        response: { 303: Type.Null() },
      },
    },
    async (request, reply) => {
      if (!relyingParty) return fail(reply, 'LOGIN_FAILED');
      const outcome = await completeLogin(ctx, relyingParty, 'staff', request);
      if (!outcome.ok) return fail(reply, outcome.code, outcome.returnTo);
      const idToken = outcome.claims;
      const subject = idToken[claims.id];
      if (typeof subject !== 'string' || subject === '') return fail(reply, 'LOGIN_FAILED', outcome.returnTo);
      const account = await findStaffBySubject(ctx.db, subject);
      const asserted = claims.roles ? rolesFromClaim(idToken[claims.roles]).join(' ') : null;
      const grants = account ? effectiveGrants(account.grants, asserted) : [];
      if (!account || account.disabledAt || account.consortiumId !== ctx.consortium.id || grants.length === 0) {
        request.log.warn({ event: 'staff_login_refused' }, 'staff login refused: no enabled account with a grant');
        return fail(reply, 'STAFF_NOT_AUTHORISED', outcome.returnTo);
      }

      // A new token at every login (session fixation): the browser's previous staff session ends.
      const previous = request.cookies[cookieName];
      if (previous) await endSession(ctx.db, ctx.clock, previous, 'replaced');
      const token = await startSession(ctx.db, ctx.clock, staffSessionPolicy(ctx), account.id, 'staff', asserted);
      await app.auditor.allowed(request, {
        actor: account.id,
        role: grants[0]!.role,
        action: 'login',
        objectType: 'staff_session',
        objectId: null,
        purpose: null,
      });
      reply.setCookie(cookieName, token, cookieOptions);
      request.log.info({ event: 'staff_login' }, 'staff logged in');
      return reply.redirect(outcome.returnTo, 303);
    },
  );

  app.post(
    '/logout',
    {
      config: { idempotency: false },
      schema: {
        summary: 'End the staff session and clear cookies in the browser',
        tags: ['staff'],
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[cookieName];
      if (token) await endSession(ctx.db, ctx.clock, token, 'logout');
      if (request.staff) {
        await app.auditor.allowed(request, {
          role: request.staff.grants[0]!.role,
          action: 'logout',
          objectType: 'staff_session',
          objectId: null,
          purpose: null,
        });
      }
      reply.clearCookie(cookieName, cookieOptions);
      // A front-desk PC is shared by colleagues: nothing of this session stays in the browser.
      reply.header('Clear-Site-Data', '"cookies"');
      return reply.status(204).send(null);
    },
  );
}
