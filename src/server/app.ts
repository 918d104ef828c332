/**
 * Builds the Fastify app: the whole product in one process (API, login simulator, PWA).
 * Tests build it with a database and clock of their own and call `app.inject()`.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from './context';
import { installErrorHandlers, installNotFoundHandler } from './errors';
import { internalRequests, QuietInternalRequests } from './internal-requests';
import { loggerOptions } from './logger';
import { setUpLogins } from './modules/auth/login-setup';
import { authRoutes } from './modules/auth/routes';
import { staffAuthRoutes } from './modules/auth/staff-routes';
import { accessLogRoutes } from './modules/access-log/routes';
import { auditPlugin } from './modules/staff/auditor';
import { assistAuditPlugin } from './modules/assist/audit';
import { staffGuard } from './modules/staff/guard';
import { staffModule } from './modules/staff/module';
import { routeInventory } from './modules/staff/route-inventory';
import { staffSessionHook } from './modules/staff/session';
import { sessionCookieName, sessionHook } from './modules/auth/session-hook';
import { applicationRoutes } from './modules/applications/routes';
import { assistRoutes } from './modules/assist/routes';
import { appointmentStaffRoutes } from './modules/appointments/staff-routes';
import { caseRoutes } from './modules/casework/routes';
import { caseStatusRoutes } from './modules/casework/status-routes';
import { worklistRoutes } from './modules/casework/worklist-routes';
import { documentStaffRoutes } from './modules/documents/staff-routes';
import { homeVisitStaffRoutes } from './modules/home-visits/staff-routes';
import { planningRoutes } from './modules/planning/staff-routes';
import { caseSystemOf } from './case-system/index';
import { compressAnswers } from './compress-answers';
import { documentsModule } from './modules/documents/module';
import { appointmentsModule } from './modules/appointments/module';
import { homeVisitsModule } from './modules/home-visits/module';
import { notificationsModule } from './modules/notifications/module';
import { healthRoutes } from './modules/health/routes';
import { manifestRoutes } from './modules/manifest/routes';
import { questionRoutes } from './modules/questions/routes';
import { questionStaffRoutes } from './modules/questions/staff-routes';
import { idempotency } from './idempotency';
import { publicConfigRoutes } from './modules/public-config/routes';
import { residentRoutes } from './modules/residents/routes';
import { frameworkErrorHandler } from './security/framework-errors';
import { securityHeaderSets } from './security/headers';
import { headersFollowingClient } from './security/inline-scripts';
import { security } from './security/index';
import { themeStyle } from '../domain/theme';
import { loadFirstScreenRenderer } from './server-render/first-screen';
import { staticClient } from './static-client';
import { openSharedRedis } from './shared/redis';
import { version } from './version';

export interface BuildOptions {
  logger?: boolean;
  /** Where logs go instead of stdout (tests read them back) */
  logStream?: NodeJS.WritableStream;
}

/**
 * /api/staff: staff accounts and sessions, and each feature's staff routes (they live with their
 * feature), all behind the one role check of modules/staff/guard.ts.
 */
async function staffApi(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  await app.register(staffGuard);
  await app.register(staffModule, { ctx });
  // The one case system of this server (src/server/case-system/index.ts chooses it).
  const caseSystem = caseSystemOf(ctx);
  await app.register(caseRoutes, { ctx, caseSystem, prefix: '/cases' });
  await app.register(caseStatusRoutes, { ctx, caseSystem, prefix: '/cases' });
  await app.register(documentStaffRoutes, { ctx, prefix: '/cases' });
  await app.register(questionStaffRoutes, { ctx, prefix: '/cases' });
  await app.register(worklistRoutes, { ctx, caseSystem, prefix: '/worklist' });
  await app.register(planningRoutes, { ctx, prefix: '/planning' });
  await app.register(homeVisitStaffRoutes, { ctx, prefix: '/planning' });
  await app.register(assistRoutes, { ctx, prefix: '/assist' });
  await app.register(appointmentStaffRoutes, { ctx, prefix: '/appointments' });
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const internal = internalRequests();
  const app = Fastify({
    logController: new QuietInternalRequests(internal),
    ...(options.logStream
      ? { logger: { ...loggerOptions(ctx.config.logLevel), stream: options.logStream } }
      : { logger: options.logger === false ? false : loggerOptions(ctx.config.logLevel) }),
    trustProxy: ctx.config.trustProxy,
    // A client that sends its request a byte at a time must not hold a connection for ever
    // (20 such connections were still open after 135 s). Node checks the limits on an interval,
    // so the interval is shorter than the shortest limit.
    requestTimeout: ctx.config.requestTimeoutSeconds * 1000,
    http: {
      headersTimeout: Math.min(ctx.config.headersTimeoutSeconds, ctx.config.requestTimeoutSeconds) * 1000,
      connectionsCheckingInterval: Math.min(5, ctx.config.headersTimeoutSeconds) * 1000,
    },
    // After the drain a closing server still answers what reaches it (a connection the proxy
    // opened just before the close) instead of Fastify's bare 503, which the proxy passes on:
    // 1 of 1,982 requests failed that way in the cluster test's rolling restart.
    return503OnClosing: false,
    // Malformed URLs Fastify refuses before any hook: our JSON shape and headers (security/).
    frameworkErrors: frameworkErrorHandler(ctx),
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandlers(app);
  // Shared by every instance when REDIS_URL is set: rate-limit counts and upload locks.
  if (ctx.config.redisUrl && !ctx.redis) {
    const redis = openSharedRedis(ctx.config.redisUrl, ctx.config.redisPrefix, app.log);
    ctx.redis = redis;
    app.addHook('onClose', async () => {
      await redis.close();
      if (ctx.redis === redis) delete ctx.redis;
    });
  }
  await app.register(routeInventory);
  await app.register(cookie);
  // Headers on every response, no-store on API answers, rate limits (src/server/security). The
  // header sets are computed once, and again when index.html changes (the CSP carries the hash
  // of its boot script); the static files add the document set to the few assets that can
  // become a document or a worker.
  const headers = headersFollowingClient(ctx.config.clientDir, ctx.clock, (inline) => securityHeaderSets(ctx, inline));
  await app.register(security, { ctx, headers });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Loket API', version, description: 'Resident self-service for a joint municipal social service' },
    },
  });

  await app.register(sessionHook, { ctx });
  await app.register(staffSessionHook, { ctx });
  await app.register(idempotency, { ctx });
  await app.register(auditPlugin, { ctx });
  // Every resident request of a front-desk assist session, in the audit log (after the auditor).
  await app.register(assistAuditPlugin);
  const logins = await setUpLogins(app, ctx);

  await app.register(
    async (api) => {
      await api.register(compressAnswers);
      await api.register(healthRoutes, { ctx });
      await api.register(publicConfigRoutes, { ctx });
      await api.register(residentRoutes, { ctx });
      await api.register(authRoutes, { ctx, relyingParty: logins.resident, prefix: '/auth' });
      await api.register(staffAuthRoutes, { ctx, relyingParty: logins.staff, prefix: '/auth/staff' });
      await api.register(staffApi, { ctx, prefix: '/staff' });
      await api.register(accessLogRoutes, { ctx });
      await api.register(applicationRoutes, { ctx, prefix: '/applications' });
      await api.register(questionRoutes, { ctx, prefix: '/applications' });
      await api.register(documentsModule, { ctx });
      await api.register(appointmentsModule, { ctx });
      await api.register(homeVisitsModule, { ctx });
      await api.register(notificationsModule, { ctx });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  await app.register(manifestRoutes, { ctx });
  if (ctx.config.clientDir) await app.register(staticClient, { root: ctx.config.clientDir, headers });
  const firstScreen = ctx.config.clientDir
    ? await loadFirstScreenRenderer(app, {
        clientDir: ctx.config.clientDir,
        sessionCookie: sessionCookieName(ctx),
        style: themeStyle(ctx.consortium.theme),
        internal,
      })
    : null;
  installNotFoundHandler(app, Boolean(ctx.config.clientDir), firstScreen);
  return app;
}
