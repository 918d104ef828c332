/**
 * The resident's appointment routes under /api/appointments: what can be booked, free slots,
 * book, list, one appointment, reschedule and cancel. Mutations need an Idempotency-Key (the
 * plugin) and write through dbFor(request); reads use ctx.db. Another resident's appointment
 * answers 404, exactly like one that does not exist.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordNotificationEvent } from '../notifications/events';
import { IdParams, ErrorResponse } from '../../../domain/api';
import { bookingRefusal } from '../../../domain/appointments';
import {
  AppointmentList,
  AppointmentResponse,
  AppointmentTypeList,
  Availability,
  AvailabilityQuery,
  Cancellation,
  NewAppointment,
  Reschedule,
} from '../../../domain/appointments-api';
import type { AppContext, ModuleOptions } from '../../context';
import { notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { requireResident } from '../auth/session-hook';
import { findSlots, groupByDay, resolveOffer, type SlotQuery } from './availability-service';
import { appointmentOf, appointmentsOf } from './queries';
import { refusal } from './refusals';
import {
  bookAppointment,
  cancelAppointment,
  earlierDay,
  rescheduleAppointment,
  rescheduleOffer,
  residentStanding,
} from './service';
import { orderForResident, toAppointment, toAppointmentPlace } from './view';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
const mutationErrors = { ...errors, 409: ErrorResponse };
const idempotent = 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.';

export async function appointmentRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { consortium } = ctx;
  const view = (row: Parameters<typeof toAppointment>[0]) => ({
    appointment: toAppointment(row, consortium, ctx.clock.now()),
  });

  app.get(
    '/types',
    {
      schema: {
        summary: 'Appointment types, the places that offer them, and whether you may book each',
        tags: ['appointments'],
        response: { 200: AppointmentTypeList, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const { standing } = await residentStanding(ctx.db, ctx, bsn, ctx.clock.now());
      const placeIds = new Set(consortium.appointments.types.flatMap((t) => t.locations));
      const places = [consortium.centralOffice, ...consortium.localDesks]
        .filter((o) => placeIds.has(o.id))
        .map(toAppointmentPlace);
      const { minLeadMinutes, horizonDays, changeCutOffHours } = consortium.appointments;
      return {
        types: consortium.appointments.types.map((t) => {
          const refused = bookingRefusal(t, standing);
          return {
            code: t.code,
            name: t.name,
            description: t.description ?? null,
            durationMinutes: t.durationMinutes,
            channels: [...t.channels],
            urgentCapable: Boolean(t.urgentCapable),
            whatToBring: t.whatToBring.map((w) => ({ ...w })),
            placeIds: [...t.locations],
            bookable: refused === null,
            refusal: refused,
          };
        }),
        places,
        rules: { minLeadMinutes, horizonDays, changeCutOffHours },
        phone: consortium.phone,
      };
    },
  );

  app.get(
    '/availability',
    {
      schema: {
        summary:
          'Free slots per day for a type (and place); urgent=true for urgent debt help; reschedule=<id> for moving that appointment',
        tags: ['appointments'],
        querystring: AvailabilityQuery,
        response: { 200: Availability, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const { type: code, place, urgent: urgentAsked = false, from, until, reschedule } = request.query;
      const now = ctx.clock.now();
      let query: SlotQuery;
      let termEndsOn: string | null = null;
      if (reschedule) {
        // The appointment decides type, urgency and term, whatever else the query says.
        const moving = await rescheduleOffer(ctx.db, consortium, { bsn, id: reschedule, placeId: place, now });
        if (!moving) throw notFound('Appointment');
        ({ query, termEndsOn } = moving);
      } else {
        const offer = resolveOffer(consortium, code, place);
        if (urgentAsked && !offer.type.urgentCapable)
          throw refusal('VALIDATION_FAILED', `'${code}' has no urgent path`);
        query = { ...offer, urgent: urgentAsked, now };
      }
      const { window, slots } = await findSlots(ctx.db, consortium, query);
      const shown = slots.filter((s) => (!from || s.date >= from) && (!until || s.date <= until));
      const callNow =
        slots.length > 0
          ? null
          : {
              code: query.urgent ? ('URGENT_CAPACITY_FULL' as const) : ('NO_SLOTS_AVAILABLE' as const),
              phone: consortium.phone,
            };
      return {
        type: query.type.code,
        urgent: query.urgent,
        window: { from: window.from, until: earlierDay(window.until, termEndsOn) },
        days: groupByDay(shown),
        callNow,
      };
    },
  );

  app.get(
    '/',
    {
      schema: {
        summary: 'Your appointments: upcoming first, then past and cancelled',
        tags: ['appointments'],
        response: { 200: AppointmentList, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const now = ctx.clock.now();
      const rows = orderForResident(await appointmentsOf(ctx.db, bsn), now);
      return { appointments: rows.map((row) => toAppointment(row, consortium, now)) };
    },
  );

  app.post(
    '/',
    {
      schema: {
        summary: 'Book an appointment',
        description: idempotent,
        tags: ['appointments'],
        body: NewAppointment,
        response: { 201: AppointmentResponse, ...mutationErrors },
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const row = await bookAppointment(dbFor(request, ctx), ctx, bsn, request.body);
      return reply.status(201).send(view(row));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        summary: 'One of your appointments (the confirmation)',
        tags: ['appointments'],
        params: IdParams,
        response: { 200: AppointmentResponse, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const row = await appointmentOf(ctx.db, bsn, request.params.id);
      if (!row) throw notFound('Appointment');
      return view(row);
    },
  );

  app.post(
    '/:id/reschedule',
    {
      schema: {
        summary: 'Move your appointment to another slot (until the cut-off)',
        description: idempotent,
        tags: ['appointments'],
        params: IdParams,
        body: Reschedule,
        response: { 200: AppointmentResponse, ...mutationErrors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const moved = await rescheduleAppointment(dbFor(request, ctx), ctx, bsn, request.params.id, request.body);
      await toldIfStaffChanged(request, ctx, bsn, moved.id);
      return view(moved);
    },
  );

  app.post(
    '/:id/cancel',
    {
      schema: {
        summary: 'Cancel your appointment (until the cut-off); the reason is optional',
        description: idempotent,
        tags: ['appointments'],
        params: IdParams,
        body: Cancellation,
        response: { 200: AppointmentResponse, ...mutationErrors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const cancelled = await cancelAppointment(dbFor(request, ctx), ctx, bsn, request.params.id, request.body.reason);
      await toldIfStaffChanged(request, ctx, bsn, cancelled.id);
      return view(cancelled);
    },
  );
}

/**
 * Moved or cancelled by the front desk on the resident's behalf (assist session): the resident
 * hears of it, as of any change staff make (issue 8). Their own changes they know about.
 */
async function toldIfStaffChanged(
  request: FastifyRequest,
  ctx: AppContext,
  bsn: string,
  appointmentId: string,
): Promise<void> {
  if (!request.resident?.assist) return;
  await recordNotificationEvent(dbFor(request, ctx), ctx.clock, {
    type: 'appointment_changed',
    residentBsn: bsn,
    objectId: appointmentId,
    link: `/afspraken/${appointmentId}`,
  });
}
