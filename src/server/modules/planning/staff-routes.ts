/**
 * The planner's back office under /api/staff/planning (issue 5 point 7, issue 6 point 4):
 * the day's agenda of a place, closures and capacity changes (the home-visit queue is in
 * modules/home-visits/staff-routes.ts). Role 'planner' only (an administrator does not read agendas: need-to-know).
 *
 * Every route writes the audit log: reads of names (agenda, queue, the bookings a change hits)
 * one entry per resident, before the answer leaves; changes in the change's own transaction.
 * Changes need an Idempotency-Key and write through dbFor(request, ctx).
 *
 * A closure or a lower capacity never cancels a booking: the answer lists the booked
 * appointments it hits (`affected`), so the planner can call those residents and move them.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { checkInStateOf } from '../../../domain/appointments';
import { amsterdamDateOf } from '../../../domain/dates';
import {
  AgendaQuery,
  CapacityChanged,
  CapacityChangeList,
  ClosureCreated,
  ClosureList,
  ClosureParams,
  DayAgenda,
  LocationParams,
  NewCapacityChange,
  NewClosure,
  PlanningLocationList,
  type AffectedBooking,
} from '../../../domain/planning-api';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { addClosure, changeCapacity, dayAgenda, removeClosure } from './agenda';
import { isUuid } from '../appointments/queries';
import {
  PLANNER,
  bsnsOfAppointments,
  checkedDays,
  checkedTimes,
  locationInScope,
  locationsFor,
  onWeekdays,
  toAffected,
  toCapacityChange,
  toPlaceClosure,
  typeName,
} from './scope';
import { requireStaff } from '../staff/session';

const idempotent = 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.';
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const purpose = 'appointment_planning' as const;

export async function planningRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { staffRoles: PLANNER };
  const today = () => amsterdamDateOf(ctx.clock.now());
  const audit = (request: FastifyRequest, facts: Omit<Parameters<typeof app.auditor.allowed>[1], 'role'>) =>
    app.auditor.allowed(request, { role: 'planner', ...facts });

  /** One read entry per booking whose resident's name the answer shows. */
  async function auditBookingsShown(request: FastifyRequest, ids: readonly string[]) {
    const bsns = await bsnsOfAppointments(dbFor(request, ctx), ids);
    for (const id of ids)
      await audit(request, {
        action: 'read',
        objectType: 'appointment',
        objectId: id,
        residentBsn: bsns.get(id) ?? null,
        purpose,
      });
  }

  app.get(
    '/locations',
    {
      config,
      schema: {
        summary: 'The places you plan (within your municipalities), with their desk groups',
        tags: ['staff'],
        response: { 200: PlanningLocationList, ...errors },
      },
    },
    async (request) => ({ locations: locationsFor(requireStaff(request, PLANNER), ctx.consortium) }),
  );

  app.get(
    '/locations/:locationId/agenda',
    {
      config,
      schema: {
        summary: "One day's appointments at a place, with closures and what residents need",
        tags: ['staff'],
        params: LocationParams,
        querystring: AgendaQuery,
        response: { 200: DayAgenda, ...errors },
      },
    },
    async (request) => {
      const office = await locationInScope(request, ctx.consortium, request.params.locationId);
      const agenda = await dayAgenda(ctx.db, ctx.consortium, office.id, request.query.date);
      await audit(request, { action: 'read', objectType: 'agenda', objectId: `${office.id}/${agenda.date}`, purpose });
      await auditBookingsShown(
        request,
        agenda.entries.map((e) => e.id),
      );
      return {
        location: agenda.place,
        date: agenda.date,
        closures: agenda.closures,
        entries: agenda.entries.map((e) => ({
          id: e.id,
          reference: e.reference,
          state: e.state,
          time: e.time,
          endTime: e.endTime,
          deskId: e.deskId,
          unit: e.unit,
          type: { code: e.typeCode, name: typeName(ctx.consortium, e.typeCode) },
          channel: e.channel,
          residentName: e.residentName,
          urgency: e.urgency,
          needs: e.needs,
          // Need-to-know: the desk calls the number of a phone appointment; others need none.
          phone: e.channel === 'phone' ? e.phone : null,
          checkIn: checkInStateOf(e.state, e.arrivedAt),
          arrivedAt: e.arrivedAt ? e.arrivedAt.toISOString() : null,
        })),
      };
    },
  );

  app.get(
    '/locations/:locationId/closures',
    {
      config,
      schema: {
        summary: 'Closures of a place from today on (set by planners)',
        tags: ['staff'],
        params: LocationParams,
        response: { 200: ClosureList, ...errors },
      },
    },
    async (request) => {
      const office = await locationInScope(request, ctx.consortium, request.params.locationId);
      const rows = await ctx.db
        .selectFrom('place_closures')
        .selectAll()
        .where('place_id', '=', office.id)
        .where('date', '>=', today())
        .orderBy('date')
        .orderBy('from_time')
        .execute();
      await audit(request, { action: 'read', objectType: 'place_closure', objectId: office.id, purpose });
      return { closures: rows.map(toPlaceClosure) };
    },
  );

  app.post(
    '/locations/:locationId/closures',
    {
      config,
      schema: {
        summary: 'Close a place for one or more days, whole or part; lists the bookings it hits (they stay booked)',
        description: idempotent,
        tags: ['staff'],
        params: LocationParams,
        body: NewClosure,
        response: { 201: ClosureCreated, ...errors },
      },
    },
    async (request, reply) => {
      const db = dbFor(request, ctx);
      const office = await locationInScope(request, ctx.consortium, request.params.locationId);
      const { dateFrom, dateUntil, from, until, reason } = request.body;
      const days = checkedDays(today(), dateFrom, dateUntil);
      checkedTimes(from, until, false);
      const closures = [];
      const affected: AffectedBooking[] = [];
      for (const date of days) {
        const made = await addClosure(db, ctx.clock, ctx.consortium, {
          placeId: office.id,
          date,
          reason,
          ...(from ? { from, until } : {}),
        });
        closures.push(toPlaceClosure(made.closure));
        affected.push(...made.affected.map((e) => toAffected(ctx.consortium, date, e)));
        await audit(request, { action: 'create', objectType: 'place_closure', objectId: made.closure.id, purpose });
      }
      await auditBookingsShown(
        request,
        affected.map((a) => a.id),
      );
      return reply.status(201).send({ closures, affected });
    },
  );

  app.delete(
    '/locations/:locationId/closures/:closureId',
    {
      config,
      schema: {
        summary: 'Remove a closure: its slots can be booked again',
        description: idempotent,
        tags: ['staff'],
        params: ClosureParams,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (request, reply) => {
      const db = dbFor(request, ctx);
      const office = await locationInScope(request, ctx.consortium, request.params.locationId);
      const id = request.params.closureId;
      const found =
        isUuid(id) &&
        (await db
          .selectFrom('place_closures')
          .select('id')
          .where('id', '=', id)
          .where('place_id', '=', office.id)
          .executeTakeFirst());
      if (!found) throw notFound('Closure');
      await removeClosure(db, found.id);
      await audit(request, { action: 'delete', objectType: 'place_closure', objectId: found.id, purpose });
      return reply.status(204).send();
    },
  );

  app.get(
    '/locations/:locationId/capacity-changes',
    {
      config,
      schema: {
        summary: 'Capacity changes of a place from today on',
        tags: ['staff'],
        params: LocationParams,
        response: { 200: CapacityChangeList, ...errors },
      },
    },
    async (request) => {
      const office = await locationInScope(request, ctx.consortium, request.params.locationId);
      const rows = await ctx.db
        .selectFrom('capacity_changes')
        .selectAll()
        .where('place_id', '=', office.id)
        .where('date', '>=', today())
        .orderBy('date')
        .orderBy('from_time')
        .orderBy('desk_id')
        .execute();
      await audit(request, { action: 'read', objectType: 'capacity_change', objectId: office.id, purpose });
      return { capacityChanges: rows.map(toCapacityChange) };
    },
  );

  app.post(
    '/locations/:locationId/capacity-changes',
    {
      config,
      schema: {
        summary: 'Set the desks of a desk group for a time window on some days; lists bookings above the new number',
        description: `${idempotent} A change replaces earlier changes it overlaps. Bookings stay booked.`,
        tags: ['staff'],
        params: LocationParams,
        body: NewCapacityChange,
        response: { 201: CapacityChanged, ...errors },
      },
    },
    async (request, reply) => {
      const db = dbFor(request, ctx);
      const office = await locationInScope(request, ctx.consortium, request.params.locationId);
      const { deskId, dateFrom, dateUntil, weekdays, from, until, units, reason } = request.body;
      if (!(office.desks ?? []).some((d) => d.id === deskId)) throw notFound('Desk');
      const days = onWeekdays(checkedDays(today(), dateFrom, dateUntil), weekdays);
      checkedTimes(from, until, true);
      const capacityChanges = [];
      const affected: AffectedBooking[] = [];
      for (const date of days) {
        const made = await changeCapacity(db, ctx.clock, ctx.consortium, {
          placeId: office.id,
          deskId,
          date,
          from,
          until,
          units,
          ...(reason ? { reason } : {}),
        });
        capacityChanges.push(toCapacityChange(made.change));
        affected.push(...made.affected.map((e) => toAffected(ctx.consortium, date, e)));
        await audit(request, { action: 'create', objectType: 'capacity_change', objectId: made.change.id, purpose });
      }
      await auditBookingsShown(
        request,
        affected.map((a) => a.id),
      );
      return reply.status(201).send({ capacityChanges, affected });
    },
  );
}
