/**
 * Health as orchestrators and proxies expect it:
 * - `/api/health/live`: the process runs and answers (restart it when this fails); no I/O.
 * - `/api/health/ready`: send it traffic. The database answers, every migration has run, the
 *   document store can be written to, and the server is not draining (after SIGTERM it answers
 *   503 here for LOKET_DRAIN_SECONDS while still serving, so traffic moves before anything is
 *   refused).
 * - `/api/health`: what runs here (version, database, login, scanner, storage), for people.
 */
import { sql } from 'kysely';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse, Health, Liveness, Readiness } from '../../../domain/api';
import { createBlobStore } from '../../blobs/index';
import type { AppContext, ModuleOptions } from '../../context';
import { AppError } from '../../errors';
import { migrationCount } from '../../db/migrations/index';
import { scannerKind } from '../../scanner/index';
import { version } from '../../version';

/** A readiness check that hangs counts as failed: a probe must answer within its own timeout. */
const CHECK_TIMEOUT_MS = 2_000;

export async function healthRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const blobs = createBlobStore(ctx.config);

  app.get(
    '/health',
    {
      schema: {
        summary: 'What runs here; answers 503 when the database does not respond',
        tags: ['system'],
        response: { 200: Health, 503: ErrorResponse },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch {
        throw new AppError(503, 'DATABASE_UNAVAILABLE', 'The database does not respond');
      }
      return {
        status: 'ok' as const,
        version,
        database: ctx.databaseKind,
        consortium: ctx.consortium.id,
        identityProvider: ctx.config.oidc ? ('external' as const) : ('simulator' as const),
        scanner: scannerKind(ctx.config),
        storage: ctx.config.s3 ? ('s3' as const) : ('folder' as const),
      };
    },
  );

  app.get(
    '/health/live',
    { schema: { summary: 'Liveness: the process answers', tags: ['system'], response: { 200: Liveness } } },
    async () => ({ status: 'live' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        summary: 'Readiness: database, migrations and document store work, and the server is not draining',
        tags: ['system'],
        response: { 200: Readiness, 503: ErrorResponse },
      },
    },
    async () => {
      if (ctx.lifecycle?.draining) throw new AppError(503, 'NOT_READY', 'Draining: this instance is stopping');
      const failed = await firstFailedCheck(ctx, () => blobs.ping());
      if (failed) throw new AppError(503, 'NOT_READY', `Not ready: ${failed}`);
      return { status: 'ready' as const };
    },
  );
}

/** The name of the first check that fails, or null when all pass. */
async function firstFailedCheck(ctx: AppContext, pingStorage: () => Promise<void>): Promise<string | null> {
  const checks: Array<[string, () => Promise<boolean>]> = [
    ['database', async () => (await sql`select 1`.execute(ctx.db), true)],
    [
      'migrations',
      async () => {
        const row = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(ctx.db);
        return row.rows[0]?.n === migrationCount;
      },
    ],
    ['storage', async () => (await pingStorage(), true)],
  ];
  for (const [name, check] of checks) {
    if (!(await withTimeout(check()).catch(() => false))) return name;
  }
  return null;
}

function withTimeout(check: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
}
