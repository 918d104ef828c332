import { sql } from 'kysely';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse, Health } from '../../../domain/api';
import type { ModuleOptions } from '../../context';
import { AppError } from '../../errors';
import { scannerKind } from '../../scanner/index';
import { version } from '../../version';

export async function healthRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and readiness: answers 503 when the database does not respond',
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
}
