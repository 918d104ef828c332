/**
 * Idempotency for every mutating API request, following the IETF draft "The Idempotency-Key
 * HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header). One plugin, no per-route code:
 * POST/PUT/PATCH/DELETE under /api by a signed-in resident, and under /api/staff by a signed-in
 * member of staff, must carry `Idempotency-Key` (routes opt out with `config: { idempotency:
 * false }`, e.g. logout). Keys are stored per subject: the resident's BSN, or
 * `staff:<account id>` (never a valid BSN, so the two cannot meet).
 *
 * The effect and its idempotency record commit in ONE transaction: the plugin opens it, the
 * handler writes through `dbFor(request)`, and the response (2xx only) is stored and committed
 * on send. A failure rolls both back, so a retry simply runs again. Concurrent requests with the
 * same key meet at an advisory lock: the loser gets 409 while the first is running, or the stored
 * response (with `Idempotent-Replayed: true`) once it has finished. Keys live longer than an
 * outbox item may wait (domain/outbox-state.ts), so even a late replay is answered, not redone.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { IDEMPOTENCY_KEY_LIFETIME_DAYS } from '../domain/outbox-state';
import type { AppContext } from './context';
import { isApiRequest } from './api-request';
import { isDatabaseUnavailable } from './db/connection-errors';
import type { Database } from './db/schema';
import { AppError } from './errors';

const CLEANUP_EVERY_MS = 10 * 60_000;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The draft allows any string; we accept printable ASCII (a UUID fits) and cap the length. */
const KEY_FORMAT = /^[\x21-\x7e]{8,128}$/;

interface IdempotentRequest {
  trx: ControlledTransaction<Database>;
  subject: string;
  key: string;
  fingerprint: string;
  settled: boolean;
  /** Work outside the database to undo when the transaction does not commit (undoOnRollback) */
  undo: Array<() => Promise<void>>;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotentRequest | null;
  }
  interface FastifyContextConfig {
    /** false: this mutating route is exempt (it changes no resident data) */
    idempotency?: false;
  }
}

/**
 * Registers work to undo outside the database (a file stored for rows written in this request's
 * transaction) if that transaction does not commit: a refusal, an error, a failed commit. The
 * file and its rows then go together, and no personal document stays behind unreferenced.
 * Without a transaction (routes exempt from idempotency) every write is final: nothing to undo.
 */
export function undoOnRollback(request: FastifyRequest, undo: () => Promise<void>): void {
  request.idempotency?.undo.push(undo);
}

/** The database handle a mutating handler must use: the request's transaction when it has one. */
export function dbFor(request: FastifyRequest, ctx: AppContext): Kysely<Database> {
  return request.idempotency?.trx ?? ctx.db;
}

/** JSON with sorted keys, so {a,b} and {b,a} are the same payload. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whose keys a request uses: staff routes key on the staff account, all others on the resident. */
function subjectOf(request: FastifyRequest): string | null {
  if (request.url.startsWith('/api/staff/')) return request.staff ? `staff:${request.staff.accountId}` : null;
  return request.resident?.bsn ?? null;
}

function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest('hex');
}

/**
 * A rollback that fails because the connection is gone has nothing left to undo: PostgreSQL ends
 * the transaction with the connection. Thrown from the onSend of an error answer (a 503 about
 * that very connection), it made Fastify's last-resort handler answer 500; so it is dropped, and
 * any other failure still goes up.
 */
function ignoreLostConnection(error: unknown): void {
  if (!isDatabaseUnavailable(error)) throw error;
}

async function settle(idem: IdempotentRequest, outcome: 'commit' | 'rollback'): Promise<void> {
  if (idem.settled) return;
  idem.settled = true;
  let committed = false;
  try {
    if (outcome === 'commit') {
      try {
        await idem.trx.commit().execute();
      } catch (error) {
        // Kysely gives a connection back after a failed commit only through a rollback; without
        // it, a commit on a killed connection kept it lent out for ever, and the instance hung at
        // shutdown waiting for it (seen in the cluster test's rolling restart).
        await idem.trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw error;
      }
      committed = true;
    } else {
      await idem.trx.rollback().execute();
    }
  } finally {
    // Each undo on its own: one that fails (a file already gone) must not keep the others from running.
    if (!committed) for (const undo of idem.undo.splice(0)) await undo().catch(() => undefined);
  }
}

export const idempotency = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  app.decorateRequest('idempotency', null);
  let lastCleanup = 0;

  /** Opens the request's transaction, or answers a replay (then true: the reply is sent). */
  const begin = async (request: FastifyRequest, reply: FastifyReply, subject: string): Promise<boolean> => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') {
      throw new AppError(400, 'IDEMPOTENCY_KEY_MISSING', 'This request needs an Idempotency-Key header');
    }
    if (!KEY_FORMAT.test(key)) {
      throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 8-128 printable characters');
    }
    const now = ctx.clock.now();
    const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_DAYS * 86_400_000);
    if (now.getTime() - lastCleanup > CLEANUP_EVERY_MS) {
      lastCleanup = now.getTime();
      await ctx.db.deleteFrom('idempotency_keys').where('created_at', '<', expiredBefore).execute();
    }

    const path = request.url.split('?')[0] ?? request.url;
    const idem: IdempotentRequest = {
      trx: await ctx.db.startTransaction().execute(),
      subject,
      key,
      fingerprint: requestFingerprint(request.method, path, request.body),
      settled: false,
      undo: [],
    };
    try {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_xact_lock(hashtextextended(${`${subject}:${key}`}, 0)) as locked`.execute(idem.trx);
      if (!rows[0]?.locked) {
        throw new AppError(409, 'IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still running');
      }
      const stored = await idem.trx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('subject', '=', subject)
        .where('key', '=', key)
        .executeTakeFirst();
      if (stored && stored.created_at >= expiredBefore) {
        await settle(idem, 'rollback');
        if (stored.fingerprint !== idem.fingerprint) {
          throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request');
        }
        reply.header('Idempotent-Replayed', 'true');
        if (stored.content_type) reply.header('Content-Type', stored.content_type);
        reply.status(stored.status_code).send(stored.body);
        return true;
      }
      if (stored) {
        await idem.trx.deleteFrom('idempotency_keys').where('subject', '=', subject).where('key', '=', key).execute();
      }
      request.idempotency = idem;
      return false;
    } catch (error) {
      await settle(idem, 'rollback').catch(ignoreLostConnection);
      throw error;
    }
  };

  // Plain callbacks that return at once for reads (most requests): no promise unless there is
  // work (issue 16). After a replay the reply is sent, so `done` must not be called.
  app.addHook('preHandler', (request, reply, done) => {
    if (!MUTATING.has(request.method) || !isApiRequest(request)) return done();
    const subject = subjectOf(request);
    if (!subject || request.routeOptions.config.idempotency === false) return done();
    begin(request, reply, subject).then((replied) => {
      if (!replied) done();
    }, done);
  });

  const finish = async (request: FastifyRequest, reply: FastifyReply, idem: IdempotentRequest, payload: unknown) => {
    if (reply.statusCode < 200 || reply.statusCode >= 300) {
      await settle(idem, 'rollback').catch(ignoreLostConnection);
      return;
    }
    try {
      await idem.trx
        .insertInto('idempotency_keys')
        .values({
          subject: idem.subject,
          key: idem.key,
          fingerprint: idem.fingerprint,
          status_code: reply.statusCode,
          content_type: String(reply.getHeader('content-type') ?? '') || null,
          body: typeof payload === 'string' ? payload : '',
          created_at: ctx.clock.now(),
        })
        .execute();
      await settle(idem, 'commit');
    } catch (error) {
      await settle(idem, 'rollback').catch(() => undefined);
      throw error;
    }
  };
  app.addHook('onSend', (request, reply, payload, done) => {
    const idem = request.idempotency;
    if (!idem || idem.settled) return done(null, payload);
    finish(request, reply, idem, payload).then(() => done(null, payload), done);
  });

  // A request that never reaches onSend (client gone, hook error) must not hold its transaction.
  const release = (request: FastifyRequest, done: (error?: Error) => void) => {
    const idem = request.idempotency;
    if (!idem || idem.settled) return done();
    settle(idem, 'rollback')
      .catch(ignoreLostConnection)
      .then(() => done(), done);
  };
  app.addHook('onResponse', (request, _reply, done) => release(request, done));
  app.addHook('onRequestAbort', (request, done) => release(request, done));
});
