/**
 * The resident's home-visit routes under /api/home-visits: list (with the registered address
 * to confirm or correct), ask, one visit, cancel, accept a proposed alternative. Mutations need
 * an Idempotency-Key and write through dbFor(request); another resident's visit answers 404.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse, IdParams } from '../../../domain/api';
import { HomeVisitCancellation, HomeVisitList, HomeVisitResponse, NewHomeVisit } from '../../../domain/home-visits-api';
import type { ModuleOptions } from '../../context';
import { notFound, unauthenticated } from '../../errors';
import { dbFor } from '../../idempotency';
import { requireResident } from '../auth/session-hook';
import { findPerson } from '../residents/queries';
import { acceptAlternative, cancelHomeVisit, homeVisitOf, homeVisitsOf, requestHomeVisit } from './service';
import { toHomeVisit } from './view';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const idempotent = 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.';

export async function homeVisitRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/',
    {
      schema: {
        summary: 'Your home-visit requests (newest first) and your registered address',
        tags: ['home-visits'],
        response: { 200: HomeVisitList, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const person = await findPerson(ctx.db, bsn);
      if (!person) throw unauthenticated();
      const rows = await homeVisitsOf(ctx.db, bsn);
      return {
        homeVisits: rows.map(toHomeVisit),
        registeredAddress: { street: person.street, postalCode: person.postal_code, city: person.city },
      };
    },
  );

  app.post(
    '/',
    {
      schema: {
        summary: 'Ask for a home visit',
        description: idempotent,
        tags: ['home-visits'],
        body: NewHomeVisit,
        response: { 201: HomeVisitResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const row = await requestHomeVisit(dbFor(request, ctx), ctx, bsn, request.body);
      return reply.status(201).send({ homeVisit: toHomeVisit(row) });
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        summary: 'One of your home-visit requests',
        tags: ['home-visits'],
        params: IdParams,
        response: { 200: HomeVisitResponse, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const row = await homeVisitOf(ctx.db, bsn, request.params.id);
      if (!row) throw notFound('Home visit');
      return { homeVisit: toHomeVisit(row) };
    },
  );

  app.post(
    '/:id/cancel',
    {
      schema: {
        summary: 'Cancel your home-visit request (until it is done)',
        description: idempotent,
        tags: ['home-visits'],
        params: IdParams,
        body: HomeVisitCancellation,
        response: { 200: HomeVisitResponse, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      return {
        homeVisit: toHomeVisit(
          await cancelHomeVisit(dbFor(request, ctx), ctx, bsn, request.params.id, request.body.reason),
        ),
      };
    },
  );

  app.post(
    '/:id/accept-alternative',
    {
      schema: {
        summary: 'Accept the date and time window proposed instead',
        description: idempotent,
        tags: ['home-visits'],
        params: IdParams,
        body: Type.Object({}),
        response: { 200: HomeVisitResponse, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      return { homeVisit: toHomeVisit(await acceptAlternative(dbFor(request, ctx), ctx, bsn, request.params.id)) };
    },
  );
}
