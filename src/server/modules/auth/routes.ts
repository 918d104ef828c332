/**
 * Login (OpenID Connect code flow + PKCE), callback and logout.
 * Errors during login end on the start page with `?fout=<CODE>`: it is a full-page redirect
 * flow, so there is no JSON to show; the client translates the code.
 */
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { isValidBsn } from '../../../domain/bsn';
import type { ErrorCode } from '../../../domain/error-codes';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { staffCookieName } from '../staff/session';
import { beginLogin, completeLogin } from './login-attempts';
import type { RelyingParty } from './relying-party';
import { residentReturnPath } from './return-path';
import { isSecure, sessionCookieName, sessionPolicy } from './session-hook';
import { endSession, startSession } from './sessions';

const DEFAULT_RETURN = '/aanvragen';

/** `POST /api/auth/logout?wissen=alles`: a shared device's session ends; wipe the browser. */
const LOGOUT_WIPE_ALL = 'alles';

/** Only same-origin app paths: an open redirect here would be a phishing tool. */
export function safeReturnPath(value: unknown): string {
  return residentReturnPath(value, DEFAULT_RETURN);
}

export interface AuthRoutesOptions {
  ctx: AppContext;
  relyingParty: RelyingParty;
}

export async function authRoutes(fastify: FastifyInstance, opts: AuthRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, relyingParty } = opts;
  const cookieName = sessionCookieName(ctx);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isSecure(ctx) };
  const failLogin = (reply: FastifyReply, code: Extract<ErrorCode, `LOGIN_${string}` | 'UNKNOWN_RESIDENT'>) =>
    reply.redirect(`/?fout=${code}`, 303);

  app.get(
    '/login',
    {
      schema: {
        summary: 'Start logging in: redirects to the identity provider (DigiD or its simulation)',
        tags: ['auth'],
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 303: Type.Null() },
      },
    },
    async (request, reply) => {
      const url = await beginLogin(ctx, relyingParty, 'resident', safeReturnPath(request.query.returnTo));
      return reply.redirect(url.href, 303);
    },
  );

  app.get(
    '/callback',
    {
      schema: {
        summary: 'Return from the identity provider; starts a session and redirects into the app',
        tags: ['auth'],
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
      const outcome = await completeLogin(ctx, relyingParty, 'resident', request);
      if (!outcome.ok) return failLogin(reply, outcome.code);
      const { claims } = outcome;
      const bsn = claims[ctx.config.oidc?.bsnClaim ?? 'bsn'];
      if (typeof bsn !== 'string' || !isValidBsn(bsn)) return failLogin(reply, 'LOGIN_FAILED');
      const person = await ctx.db.selectFrom('persons').select('bsn').where('bsn', '=', bsn).executeTakeFirst();
      if (!person) return failLogin(reply, 'UNKNOWN_RESIDENT');

      // A new token at every login (session fixation): any session this browser had is ended.
      const previous = request.cookies[cookieName];
      if (previous) await endSession(ctx.db, ctx.clock, previous, 'replaced');
      const token = await startSession(ctx.db, ctx.clock, sessionPolicy(ctx), bsn);
      reply.setCookie(cookieName, token, cookieOptions);
      request.log.info({ event: 'login' }, 'resident logged in');
      return reply.redirect(outcome.returnTo, 303);
    },
  );

  app.post(
    '/logout',
    {
      // Ending a session changes no resident data, and must work without any ceremony.
      config: { idempotency: false },
      schema: {
        summary: 'End the session on the server and clear cookies (shared device: everything) in the browser',
        tags: ['auth'],
        // `?wissen=alles`: the end of a session on a shared device (library kiosk). The client
        // knows the device mode; the server cannot tell a kiosk from a phone.
        querystring: Type.Object({ wissen: Type.Optional(Type.Literal(LOGOUT_WIPE_ALL)) }),
        response: { 204: Type.Null(), 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      // Front-desk help (an assist session): this browser also holds the employee's own staff
      // session, and "cookies" below would end it. The help ends only through the desk's
      // "Hulp beëindigen" (POST /api/staff/assist/end), which keeps the staff session.
      if (request.resident?.assist)
        throw new AppError(409, 'LOGOUT_DURING_ASSIST', 'End front-desk help with POST /api/staff/assist/end');
      const token = request.cookies[cookieName];
      if (token) await endSession(ctx.db, ctx.clock, token, 'logout');
      reply.clearCookie(cookieName, cookieOptions);
      // "cookies" also drops the identity provider's own cookies on this origin (the
      // simulator's). A personal device keeps its storage: the resident's unsent outbox items
      // wait there for their next login. A shared device keeps nothing: the browser also
      // clears Cache Storage, IndexedDB, web storage and service workers (the page wipes too,
      // as Safari honours only part of this header: src/client/session/wipe-browser.ts).
      // With a staff cookie in this browser (a desk whose help had already ended) every cookie
      // but that one goes: the resident cookie by the Set-Cookie above.
      const wipeAll = request.query.wissen === LOGOUT_WIPE_ALL;
      const staffHere = Boolean(request.cookies[staffCookieName(ctx)]);
      const cleared = [
        ...(wipeAll ? ['"cache"'] : []),
        ...(staffHere ? [] : ['"cookies"']),
        ...(wipeAll ? ['"storage"'] : []),
      ];
      if (cleared.length > 0) reply.header('Clear-Site-Data', cleared.join(', '));
      return reply.status(204).send(null);
    },
  );
}
