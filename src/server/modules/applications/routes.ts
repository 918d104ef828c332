import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ApplicationDetail, ApplicationList, ErrorResponse, IdParams } from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import type { ModuleOptions } from '../../context';
import { notFound } from '../../errors';
import { requireResident } from '../auth/session-hook';
import { caseSystemFor } from '../../case-system/index';
import { byUrgency, toDetail, toSummary } from './service';

export async function applicationRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/',
    {
      schema: {
        summary: "The signed-in resident's applications, those that need action first",
        tags: ['applications'],
        response: { 200: ApplicationList, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const today = amsterdamDateOf(ctx.clock.now());
      const records = await caseSystemFor(ctx, ctx.db).residentCases(bsn);
      return { applications: records.map((r) => toSummary(ctx.consortium, r, today)).sort(byUrgency) };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        summary: 'One application with its timeline, deadlines, document requests and decision',
        description: "Another resident's application answers 404, exactly like one that does not exist.",
        tags: ['applications'],
        params: IdParams,
        response: { 200: ApplicationDetail, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const [record] = await caseSystemFor(ctx, ctx.db).residentCases(bsn, request.params.id);
      if (!record) throw notFound('Application');
      return toDetail(ctx.consortium, record, amsterdamDateOf(ctx.clock.now()));
    },
  );
}
