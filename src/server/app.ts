/**
 * Builds the Fastify app: the whole product in one process (API, login simulator, PWA).
 * Tests build it with a database and clock of their own and call `app.inject()`.
 */
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CustomFetch } from 'openid-client';
import type { AppContext } from './context';
import { installErrorHandlers, installNotFoundHandler } from './errors';
import { idpSimulatorPlugin } from './idp/index';
import { loggerOptions } from './logger';
import { createRelyingParty, type RelyingParty } from './modules/auth/relying-party';
import { authRoutes } from './modules/auth/routes';
import { sessionHook } from './modules/auth/session-hook';
import { applicationRoutes } from './modules/applications/routes';
import { documentsModule } from './modules/documents/module';
import { healthRoutes } from './modules/health/routes';
import { manifestRoutes } from './modules/manifest/routes';
import { questionRoutes } from './modules/questions/routes';
import { idempotency } from './idempotency';
import { publicConfigRoutes } from './modules/public-config/routes';
import { findPerson } from './modules/residents/queries';
import { residentRoutes } from './modules/residents/routes';
import { staticClient } from './static-client';
import { version } from './version';

export const SIMULATOR_CLIENT_ID = 'loket-resident';

export interface BuildOptions {
  logger?: boolean;
  /** Where logs go instead of stdout (tests read them back) */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logStream
      ? { logger: { ...loggerOptions(ctx.config.logLevel), stream: options.logStream } }
      : { logger: options.logger === false ? false : loggerOptions(ctx.config.logLevel) }),
    trustProxy: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandlers(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'upgrade-insecure-requests': null, 'img-src': ["'self'", 'data:'] },
    },
    // Leaving the PWA must not leak which page (and so which case) a resident was on.
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Loket API', version, description: 'Resident self-service for a joint municipal social service' },
    },
  });

  // Personal data must not land in any cache, the browser's included.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(sessionHook, { ctx });
  await app.register(idempotency, { ctx });
  const relyingParty = await setUpLogin(app, ctx);

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ctx });
      await api.register(publicConfigRoutes, { ctx });
      await api.register(residentRoutes, { ctx });
      await api.register(authRoutes, { ctx, relyingParty, prefix: '/auth' });
      await api.register(applicationRoutes, { ctx, prefix: '/applications' });
      await api.register(questionRoutes, { ctx, prefix: '/applications' });
      await api.register(documentsModule, { ctx });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  await app.register(manifestRoutes, { ctx });
  if (ctx.config.clientDir) await app.register(staticClient, { root: ctx.config.clientDir });
  installNotFoundHandler(app, Boolean(ctx.config.clientDir));
  return app;
}

/** External broker when configured; otherwise the embedded "DigiD simulatie" on /idp. */
async function setUpLogin(app: FastifyInstance, ctx: AppContext): Promise<RelyingParty> {
  const redirectUri = `${ctx.config.publicUrl}/api/auth/callback`;
  if (ctx.config.oidc) return createRelyingParty(ctx.config.oidc, redirectUri);

  const issuer = `${ctx.config.publicUrl}/idp`;
  const clientSecret = randomBytes(24).toString('base64url');
  await app.register(
    idpSimulatorPlugin({
      issuer,
      clients: [{ clientId: SIMULATOR_CLIENT_ID, clientSecret, redirectUris: [redirectUri] }],
      findPerson: async (bsn) => {
        const person = await findPerson(ctx.db, bsn);
        return person ? { bsn: person.bsn, name: person.name } : null;
      },
    }),
    { prefix: '/idp' },
  );
  // The provider lives in this process: talk to it through inject() instead of the network,
  // so login works before the port is open, behind any proxy, and in inject-only tests.
  const fetchInProcess: CustomFetch = async (url, init) => {
    const target = new URL(url);
    const response = await app.inject({
      method: init.method as 'GET' | 'POST',
      url: target.pathname + target.search,
      headers: { ...Object.fromEntries(new Headers(init.headers as HeadersInit)), host: target.host },
      ...(init.body ? { payload: String(init.body) } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, String(v));
    }
    const empty = response.statusCode === 204 || response.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers });
  };
  return createRelyingParty(
    { issuer, clientId: SIMULATOR_CLIENT_ID, clientSecret, bsnClaim: 'bsn' },
    redirectUri,
    { fetch: fetchInProcess, allowHttp: issuer.startsWith('http:') },
  );
}
