/**
 * The part of an OpenID Connect login that residents and staff share: remembering the
 * attempt (state, nonce, PKCE verifier, where to return) between the redirect out and the
 * callback, and turning the callback into verified ID-token claims. What a login then grants
 * (a resident or a staff session) stays with each caller.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../context';
import type { RelyingParty } from './relying-party';

const LOGIN_ATTEMPT_MINUTES = 10;

export type LoginKind = 'resident' | 'staff';
type LoginFailure = 'LOGIN_CANCELLED' | 'LOGIN_EXPIRED' | 'LOGIN_FAILED';
export type LoginOutcome =
  | { ok: true; claims: Record<string, unknown>; returnTo: string }
  /** returnTo: where the login was started from, when the attempt is known (to show the error there) */
  | { ok: false; code: LoginFailure; returnTo?: string };

/** Stores the attempt and returns the identity provider's authorization URL. */
export async function beginLogin(
  ctx: AppContext,
  relyingParty: RelyingParty,
  kind: LoginKind,
  returnTo: string,
): Promise<URL> {
  const now = ctx.clock.now();
  await ctx.db
    .deleteFrom('login_attempts')
    .where('created_at', '<', new Date(now.getTime() - LOGIN_ATTEMPT_MINUTES * 60_000))
    .execute();
  const login = await relyingParty.startLogin();
  await ctx.db
    .insertInto('login_attempts')
    .values({
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      return_to: returnTo,
      created_at: now,
      kind,
    })
    .execute();
  return login.url;
}

/**
 * Consumes the attempt named by `state` (once: a replayed callback finds nothing) and
 * exchanges the code. An attempt of the other kind is not ours to finish.
 */
export async function completeLogin(
  ctx: AppContext,
  relyingParty: RelyingParty,
  kind: LoginKind,
  request: { url: string; query: { state?: string; error?: string }; log: FastifyBaseLogger },
): Promise<LoginOutcome> {
  const { state, error } = request.query;
  const attempt = state
    ? await ctx.db
        .deleteFrom('login_attempts')
        .where('state', '=', state)
        .where('kind', '=', kind)
        .returningAll()
        .executeTakeFirst()
    : undefined;
  if (error === 'access_denied') return { ok: false, code: 'LOGIN_CANCELLED', returnTo: attempt?.return_to };
  const tooOld = attempt && ctx.clock.now().getTime() - attempt.created_at.getTime() > LOGIN_ATTEMPT_MINUTES * 60_000;
  if (!attempt || tooOld) return { ok: false, code: 'LOGIN_EXPIRED' };
  if (error) return { ok: false, code: 'LOGIN_FAILED', returnTo: attempt.return_to };
  try {
    const claims = await relyingParty.finishLogin(new URL(request.url, ctx.config.publicUrl), {
      state: attempt.state,
      nonce: attempt.nonce,
      codeVerifier: attempt.code_verifier,
    });
    return { ok: true, claims, returnTo: attempt.return_to };
  } catch (err) {
    request.log.warn({ kind, reason: err instanceof Error ? err.name : 'unknown' }, 'login: token exchange failed');
    return { ok: false, code: 'LOGIN_FAILED', returnTo: attempt.return_to };
  }
}
