/**
 * "Call me back" (issue 5, point 8): when booking online is not possible (offline, nothing
 * free, or the resident would rather talk), the resident leaves a Dutch phone number and a part
 * of the day. Idempotent like every change, so the outbox may send it any number of times.
 * Staff see the open requests and mark them done (routes with the staff-login issue).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { ErrorResponse } from '../../../domain/api';
import {
  CallbackRequestCreated,
  CallbackRequestList,
  NewCallbackRequest,
  type CallbackRequest,
} from '../../../domain/appointments-api';
import { formatDutchPhone, normalizeDutchPhone } from '../../../domain/appointments-phone';
import { amsterdamDateOf } from '../../../domain/dates';
import { whereToGo } from '../../../domain/consortium';
import type { Clock } from '../../clock';
import type { ModuleOptions } from '../../context';
import type { CallbackRequestRow, Database } from '../../db/schema';
import { notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { requireResident } from '../auth/session-hook';
import { findPerson } from '../residents/queries';
import { isUuid } from './queries';
import { refusal } from './refusals';

function toCallbackRequest(row: CallbackRequestRow): CallbackRequest {
  return {
    id: row.id,
    phone: formatDutchPhone(row.phone),
    partOfDay: row.part_of_day,
    topic: row.topic,
    note: row.note,
    state: row.state,
    requestedAt: row.requested_at.toISOString(),
  };
}

async function requestCallback(
  db: Kysely<Database>,
  clock: Clock,
  bsn: string,
  input: NewCallbackRequest,
): Promise<CallbackRequestRow> {
  const phone = normalizeDutchPhone(input.phone);
  if (!phone) throw refusal('PHONE_NUMBER_INVALID');
  return db
    .insertInto('callback_requests')
    .values({
      bsn,
      phone,
      part_of_day: input.partOfDay,
      topic: input.topic ?? 'other',
      note: input.note?.trim() || null,
      requested_at: clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Staff: open requests, oldest first, with the resident's name for the call list. */
export async function openCallbackRequests(db: Kysely<Database>, limit = 200) {
  return db
    .selectFrom('callback_requests')
    .innerJoin('persons', 'persons.bsn', 'callback_requests.bsn')
    .selectAll('callback_requests')
    .select('persons.name as resident_name')
    .where('callback_requests.state', '=', 'requested')
    .orderBy('callback_requests.requested_at')
    .limit(limit)
    .execute();
}

/** Staff: the call was made. */
export async function markCallbackDone(db: Kysely<Database>, clock: Clock, id: string): Promise<CallbackRequestRow> {
  if (!isUuid(id)) throw notFound('Call-back request');
  const row = await db
    .updateTable('callback_requests')
    .set({ state: 'done', done_at: clock.now() })
    .where('id', '=', id)
    .where('state', '=', 'requested')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Open call-back request');
  return row;
}

export async function callbackRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/',
    {
      schema: {
        summary: 'Your call-back requests',
        tags: ['appointments'],
        response: { 200: CallbackRequestList, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const rows = await ctx.db
        .selectFrom('callback_requests')
        .selectAll()
        .where('bsn', '=', bsn)
        .orderBy('requested_at', 'desc')
        .limit(50)
        .execute();
      return { callbackRequests: rows.map(toCallbackRequest) };
    },
  );

  app.post(
    '/',
    {
      schema: {
        summary: 'Ask to be called back (phone number and part of the day)',
        description: 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.',
        tags: ['appointments'],
        body: NewCallbackRequest,
        response: {
          201: CallbackRequestCreated,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const db = dbFor(request, ctx);
      const person = await findPerson(db, bsn);
      if (!person || whereToGo(ctx.consortium, person.municipality_code, amsterdamDateOf(ctx.clock.now())) !== null) {
        throw refusal('MUNICIPALITY_NOT_SERVED');
      }
      const row = await requestCallback(db, ctx.clock, bsn, request.body);
      return reply.status(201).send({ callbackRequest: toCallbackRequest(row) });
    },
  );
}
