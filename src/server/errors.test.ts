/**
 * Errors that are not bugs: a full disk (507) and a database that went away (503).
 *
 * A PostgreSQL connection that the server drops (failover, restart, a pooler, idle timeout) is
 * an error for the requests that used it, never for the process: before the pool had an error
 * listener, one `pg_terminate_backend` on an idle connection ended the whole server.
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '../domain/api';
import { installErrorHandlers } from './errors';
import { dbFor, idempotency } from './idempotency';
import { createTestApp, type TestApp } from './testing';

describe('an error that means the database is away', () => {
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    installErrorHandlers(app);
    app.get('/shutdown', async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    });
    app.get('/refused', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    app.get('/disk-full', async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    app.get('/bug', async () => {
      throw Object.assign(new Error('column "x" does not exist'), { code: '42703' });
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it.each(['/shutdown', '/refused'])('%s answers 503 DATABASE_UNAVAILABLE with Retry-After', async (url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
  });

  it('a full disk answers 507 STORAGE_FULL as JSON, not a bare 500', async () => {
    const response = await app.inject({ url: '/disk-full' });
    expect(response.statusCode).toBe(507);
    expect(response.json()).toMatchObject({ error: { code: 'STORAGE_FULL' } });
  });

  it('a broken statement is still our fault: 500, not "try again"', async () => {
    const response = await app.inject({ url: '/bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
  });
});

// Only PostgreSQL has connections to lose: PGlite runs inside the process.
describe.skipIf(!process.env.DATABASE_URL)('a PostgreSQL connection killed under the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('postgres', { seed: false });
  });
  afterAll(() => t?.close());

  /** A request that reads the database (the session lookup) and otherwise answers 401. */
  const readsTheDatabase = () => t.app.inject({ url: '/api/me', headers: { cookie: 'loket_session=not-a-session' } });

  it('fails only the requests that used it, and the next ones are served again', async () => {
    expect((await readsTheDatabase()).statusCode).toBe(401);

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ killed: boolean }>(
        `select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = $1`,
        [`loket_${await currentSchema(t)}`],
      );
      expect(rows.some((row) => row.killed)).toBe(true);
    } finally {
      await admin.end();
    }

    // Until the pool has replaced the killed connection a request may meet it: that request
    // gets 503 with Retry-After (never a 500), and the process lives on.
    const answers: number[] = [];
    for (let attempt = 0; attempt < 20 && answers.at(-1) !== 401; attempt += 1) {
      const response = await readsTheDatabase();
      answers.push(response.statusCode);
      if (response.statusCode === 503) {
        expect(response.headers['retry-after']).toBeDefined();
        expect(response.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
      }
    }
    expect(answers.every((status) => status === 401 || status === 503)).toBe(true);
    expect(answers.at(-1)).toBe(401);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('a change whose own connection is killed mid-request', () => {
  let t: TestApp;
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    t = await createTestApp('postgres', { seed: false });
    installErrorHandlers(app);
    // A signed-in resident as the session hook would leave it, so the change runs in the
    // idempotency plugin's transaction (dbFor), as every resident change does.
    app.decorateRequest('resident', null);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      (request as unknown as { resident: { bsn: string } }).resident = { bsn: '999990019' };
    });
    await app.register(idempotency, { ctx: t.ctx });
    app.post('/api/change', { schema: { response: { 200: ErrorResponse, 503: ErrorResponse } } }, async (request) => {
      // The connection of this request's transaction ends under it (a failover, a kill).
      await sql`select pg_terminate_backend(pg_backend_pid())`.execute(dbFor(request, t.ctx));
      return { error: { code: 'NOT_REACHED', message: '' } };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE, not a 500 about serialising an error', async () => {
    // Before, rolling back the dead transaction failed inside the 503's own onSend, and Fastify's
    // last-resort handler answered 500 FST_ERR_FAILED_ERROR_SERIALIZATION (seen in the cluster test).
    const response = await app.inject({
      method: 'POST',
      url: '/api/change',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'killed-mid-request-1' },
      payload: '{}',
    });
    expect(response.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    expect(response.statusCode).toBe(503);
  });
});

async function currentSchema(t: TestApp): Promise<string> {
  const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.ctx.db);
  return row.rows[0]!.schema;
}
