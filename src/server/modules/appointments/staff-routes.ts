/**
 * The front desk's check-in (issue 14) under /api/staff/appointments, for front-desk staff:
 *
 * - GET /locations: the places with desks this employee serves (central office first).
 * - GET /locations/:locationId/today: today's appointments at the place (at the desk, not by
 *   phone or video), with who is expected, arrived or cancelled.
 * - GET /lookup?reference=: one appointment by its reference, typed or scanned from the QR code
 *   on the resident's appointment page (which holds exactly the reference). The reference goes
 *   in the query string, which the server never logs.
 * - POST /:appointmentId/arrival: the resident is here ("aangemeld"); the case worker and the
 *   planner see it. Needs an Idempotency-Key like every staff change.
 *
 * Scope is the place's (desk.ts). A place or an appointment outside it answers 404, like one
 * that does not exist (an unknown reference: APPOINTMENT_REFERENCE_UNKNOWN), and the refusal
 * is logged. Every name shown is one audit entry per resident, written before the answer; the
 * arrival in the change's own transaction.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { normalizeAppointmentReference } from '../../../domain/appointments';
import { findOffice } from '../../../domain/consortium';
import { amsterdamDateOf } from '../../../domain/dates';
import {
  DeskAppointmentParams,
  DeskAppointmentResponse,
  DeskDay,
  DeskDayParams,
  DeskLocationList,
  DeskLookupQuery,
} from '../../../domain/desk-api';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { requireStaff } from '../staff/session';
import {
  DESK_ROLES,
  deskAppointmentById,
  deskAppointmentByReference,
  deskDay,
  deskLocationsFor,
  markArrived,
  mayServeAt,
  toDeskAppointment,
  unknownReference,
} from './desk';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const ROLE = 'front_desk' as const;
const purpose = 'walk_in_assistance' as const;

export async function appointmentStaffRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { staffRoles: DESK_ROLES };
  const today = () => amsterdamDateOf(ctx.clock.now());

  /** The appointment's place must be one this employee serves; otherwise the refusal is logged. */
  async function inScope(request: FastifyRequest, placeId: string, appointmentId: string): Promise<boolean> {
    const staff = requireStaff(request, DESK_ROLES);
    const office = findOffice(ctx.consortium, placeId);
    if (office && mayServeAt(staff, office)) return true;
    await app.auditor.denied(request, {
      role: ROLE,
      action: request.method === 'GET' ? 'read' : 'update',
      objectType: 'appointment',
      objectId: appointmentId,
      purpose: null,
    });
    return false;
  }

  app.get(
    '/locations',
    {
      config,
      schema: {
        summary: 'Front desk: the places you serve (within your municipalities), central office first',
        tags: ['staff'],
        response: { 200: DeskLocationList, ...errors },
      },
    },
    async (request) => ({ locations: deskLocationsFor(requireStaff(request, DESK_ROLES), ctx.consortium) }),
  );

  app.get(
    '/locations/:locationId/today',
    {
      config,
      schema: {
        summary: "Front desk: today's appointments at a place, with who has arrived",
        tags: ['staff'],
        params: DeskDayParams,
        response: { 200: DeskDay, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request, DESK_ROLES);
      const office = findOffice(ctx.consortium, request.params.locationId);
      if (!office || !(office.desks ?? []).length) throw notFound('Place');
      const date = today();
      if (!mayServeAt(staff, office)) {
        await app.auditor.denied(request, {
          role: ROLE,
          action: 'read',
          objectType: 'agenda',
          objectId: `${office.id}/${date}`,
          purpose: null,
        });
        throw notFound('Place');
      }
      const rows = await deskDay(ctx.db, office.id, date);
      await app.auditor.allowed(request, {
        role: ROLE,
        action: 'read',
        objectType: 'agenda',
        objectId: `${office.id}/${date}`,
        purpose,
      });
      for (const row of rows)
        await app.auditor.allowed(request, {
          role: ROLE,
          action: 'read',
          objectType: 'appointment',
          objectId: row.id,
          residentBsn: row.bsn,
          purpose,
        });
      return {
        location: { id: office.id, name: office.name },
        date,
        appointments: rows.map((row) => toDeskAppointment(ctx.consortium, row, date)),
      };
    },
  );

  app.get(
    '/lookup',
    {
      config,
      schema: {
        summary: 'Front desk: one appointment by its reference (typed, or scanned from its QR code)',
        tags: ['staff'],
        querystring: DeskLookupQuery,
        response: { 200: DeskAppointmentResponse, ...errors },
      },
    },
    async (request) => {
      requireStaff(request, DESK_ROLES);
      const reference = normalizeAppointmentReference(request.query.reference);
      const row = reference ? await deskAppointmentByReference(ctx.db, reference) : undefined;
      if (!row || !(await inScope(request, row.place_id, row.id))) throw unknownReference();
      await app.auditor.allowed(request, {
        role: ROLE,
        action: 'search',
        objectType: 'appointment',
        objectId: row.id,
        residentBsn: row.bsn,
        purpose,
      });
      return { appointment: toDeskAppointment(ctx.consortium, row, today()) };
    },
  );

  app.post(
    '/:appointmentId/arrival',
    {
      config,
      schema: {
        summary: 'Front desk: the resident has arrived for today\'s appointment ("aangemeld")',
        description: 'Requires an Idempotency-Key header; marking an arrival twice keeps the first time.',
        tags: ['staff'],
        params: DeskAppointmentParams,
        response: { 200: DeskAppointmentResponse, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request, DESK_ROLES);
      const db = dbFor(request, ctx);
      const { appointmentId } = request.params;
      const row = await deskAppointmentById(db, appointmentId, true);
      if (!row || !(await inScope(request, row.place_id, row.id))) throw notFound('Appointment');
      const date = today();
      const arrived = await markArrived(db, ctx.clock.now(), row, date, staff.accountId);
      await app.auditor.allowed(request, {
        role: ROLE,
        action: 'update',
        objectType: 'appointment',
        objectId: row.id,
        residentBsn: row.bsn,
        purpose,
      });
      return { appointment: toDeskAppointment(ctx.consortium, arrived, date) };
    },
  );
}
