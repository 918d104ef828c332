/**
 * Test support for appointments and home visits: the app with both modules (as buildApp makes it
 * once app.ts registers them; until then the same plugins in the same order on a bare Fastify),
 * signed-in residents, and JSON requests with a fresh Idempotency-Key.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app';
import type { Consortium } from '../../../domain/consortium';
import type { AppContext } from '../../context';
import type { DatabaseKind } from '../../db/database';
import { installErrorHandlers, installNotFoundHandler } from '../../errors';
import { idempotency } from '../../idempotency';
import { Browser, createTestApp, type TestApp } from '../../testing';
import { sessionHook, sessionPolicy } from '../auth/session-hook';
import { startSession } from '../auth/sessions';
import { homeVisitsModule } from '../home-visits/module';
import { appointmentsModule } from './module';

async function buildWithAppointments(ctx: AppContext): Promise<FastifyInstance> {
  const full = await buildApp(ctx, { logger: false });
  if (
    full.hasRoute({ method: 'POST', url: '/api/appointments' }) &&
    full.hasRoute({ method: 'POST', url: '/api/home-visits' })
  )
    return full;
  await full.close();
  const app = Fastify({ logger: false });
  installErrorHandlers(app);
  await app.register(cookie);
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
  });
  await app.register(sessionHook, { ctx });
  await app.register(idempotency, { ctx });
  await app.register(
    async (api) => {
      await api.register(appointmentsModule, { ctx });
      await api.register(homeVisitsModule, { ctx });
    },
    { prefix: '/api' },
  );
  installNotFoundHandler(app, false);
  return app;
}

export interface AppointmentsTestApp extends TestApp {
  signedIn(bsn: string): Promise<Resident>;
}

/** `consortium`: other appointment data than the file's (benchmarks: a bigger office). */
export async function createAppointmentsTestApp(
  kind: DatabaseKind,
  options: { now: Date; consortium?: Consortium },
): Promise<AppointmentsTestApp> {
  const base = await createTestApp(kind, { now: options.now });
  const ctx: AppContext = options.consortium ? { ...base.ctx, consortium: options.consortium } : base.ctx;
  let app: FastifyInstance;
  try {
    await base.app.close();
    app = await buildWithAppointments(ctx);
    await app.ready();
  } catch (error) {
    await base.close();
    throw error;
  }
  const t: AppointmentsTestApp = {
    ...base,
    ctx,
    app,
    async signedIn(bsn) {
      const browser = new Browser(app);
      browser.setCookie('loket_session', await startSession(ctx.db, ctx.clock, sessionPolicy(ctx), bsn));
      return new Resident(browser);
    },
    async close() {
      await app.close();
      await base.close();
    },
  };
  return t;
}

/** A signed-in resident: GET, and POST with JSON and a fresh (or given) Idempotency-Key. */
export class Resident {
  constructor(readonly browser: Browser) {}

  get(url: string): Promise<LightMyRequestResponse> {
    return this.browser.get(url);
  }

  post(url: string, body: unknown, key: string = randomUUID()): Promise<LightMyRequestResponse> {
    return this.browser.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      payload: JSON.stringify(body),
    });
  }
}
