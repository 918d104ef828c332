/**
 * Rate limits on logging in (start and callback, residents and staff) and on every change
 * (POST, PUT, PATCH, DELETE under /api), each counted twice: per device and per IP address.
 * Many kiosks in one library share one IP address, so the per-IP limit is generous and the
 * per-device limit is the one a single misbehaving browser meets; one device at its limit
 * never blocks the next kiosk.
 *
 * The device is not a person: the SHA-256 of the session cookie when there is one, otherwise
 * a random device cookie (`loket_device`, HttpOnly) given out here. A client that drops its
 * cookies gets a fresh device each time and so meets the per-IP limit instead.
 * Logging out is never limited, nor are tus chunks (HEAD/PATCH; the daily upload quota
 * bounds those). Over the limit: 429 `RATE_LIMITED` in the usual JSON shape, with Retry-After.
 * Counted in Redis when REDIS_URL is set, so several instances count together.
 */
import { createHash, randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { isSecure, sessionCookieName } from '../modules/auth/session-hook';
import { staffCookieName } from '../modules/staff/session';
import type { RateLimits } from './config';

const LOGIN_ROUTES = new Set([
  '/api/auth/login',
  '/api/auth/callback',
  '/api/auth/staff/login',
  '/api/auth/staff/callback',
]);
const NEVER_LIMITED = new Set(['/api/auth/logout', '/api/auth/staff/logout']);
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEVICE_ID = /^[A-Za-z0-9_-]{22,64}$/;
const YEAR_SECONDS = 365 * 24 * 3600;

type LimitKind = 'login' | 'changes';

/** Which limit a request to a route gets, if any (request methods are upper case). */
function limitFor(method: string, url: string): LimitKind | null {
  if (!url.startsWith('/api/') || NEVER_LIMITED.has(url)) return null;
  if (LOGIN_ROUTES.has(url)) return 'login';
  if (url.startsWith('/api/uploads/') && (method === 'PATCH' || method === 'HEAD')) return null;
  return CHANGES.has(method) ? 'changes' : null;
}

function deviceCookieName(ctx: AppContext): string {
  return isSecure(ctx) ? '__Host-loket_device' : 'loket_device';
}

declare module 'fastify' {
  interface FastifyRequest {
    loketDevice?: string;
  }
}

export async function rateLimits(
  app: FastifyInstance,
  { ctx, limits }: { ctx: AppContext; limits: RateLimits },
): Promise<void> {
  // With several instances the counts live in Redis (REDIS_URL), or each instance would allow the
  // whole limit. If Redis is away a request passes rather than fails (skipOnError): a missed
  // count for a minute is better than a service that refuses everyone.
  await app.register(rateLimit, {
    global: false,
    ...(ctx.redis ? { redis: ctx.redis.client, nameSpace: `${ctx.redis.prefix}rate:`, skipOnError: true } : {}),
  });
  const sessionCookies = [sessionCookieName(ctx), staffCookieName(ctx)];
  const deviceCookie = deviceCookieName(ctx);

  const deviceOf = (request: FastifyRequest, reply: FastifyReply): string => {
    for (const name of sessionCookies) {
      const token = request.cookies[name];
      if (token) return `s:${createHash('sha256').update(token).digest('base64url')}`;
    }
    const device = request.cookies[deviceCookie];
    if (device && DEVICE_ID.test(device)) return `d:${device}`;
    const fresh = randomBytes(16).toString('base64url');
    reply.setCookie(deviceCookie, fresh, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure(ctx),
      maxAge: YEAR_SECONDS,
    });
    return `d:${fresh}`;
  };

  const limiter = (kind: LimitKind, per: 'device' | 'ip', max: number) =>
    app.createRateLimit({
      max,
      timeWindow: limits.windowMs,
      keyGenerator: (request) => `${kind}:${per}:${per === 'device' ? request.loketDevice : request.ip}`,
    });
  const limiters: Record<LimitKind, Array<[string, ReturnType<typeof limiter>]>> = {
    login: [
      ['device', limiter('login', 'device', limits.loginPerDevice)],
      ['ip', limiter('login', 'ip', limits.loginPerIp)],
    ],
    changes: [
      ['device', limiter('changes', 'device', limits.changesPerDevice)],
      ['ip', limiter('changes', 'ip', limits.changesPerIp)],
    ],
  };

  const hookFor = (kind: LimitKind) =>
    async function rateLimitHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      request.loketDevice = deviceOf(request, reply);
      for (const [per, check] of limiters[kind]) {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) {
          request.log.warn({ event: 'rate-limited', limit: `${kind} per ${per}` }, 'rate limit reached');
          reply.header('Retry-After', String(Math.max(1, result.ttlInSeconds)));
          throw new AppError(429, 'RATE_LIMITED', 'Too many requests; try again after Retry-After seconds');
        }
      }
    };

  // One root hook, before the session lookups and every module's own checks (a refused staff
  // role counts too), decided by the matched route's pattern (the raw URL can be spelled in ways
  // the router decodes, /%61pi/auth/login among them). A plain callback: most requests are
  // never limited and should not pay for a promise.
  const hooks = { login: hookFor('login'), changes: hookFor('changes') };
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.routeOptions.url;
    const kind = url ? limitFor(request.method, url) : null;
    if (!kind) return done();
    hooks[kind](request, reply).then(() => done(), done);
  });
}
