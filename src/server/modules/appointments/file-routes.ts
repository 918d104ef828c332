/**
 * Files of one appointment: the .ics for the resident's calendar and a QR code of the reference
 * to show at the desk. Both personal, so never cached; both downloads with headers that keep a
 * browser from treating them as anything but what they are.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { ErrorResponse, IdParams } from '../../../domain/api';
import type { ModuleOptions } from '../../context';
import { notFound } from '../../errors';
import { requireResident } from '../auth/session-hook';
import { appointmentCalendar } from './calendar';
import { appointmentOf } from './queries';
import { toAppointment } from './view';

const errors = { 401: ErrorResponse, 404: ErrorResponse };
/** An SVG can carry script; this one is ours and has none, and the sandbox makes sure. */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const FILE_POLICY = "default-src 'none'; sandbox";

/** Personal files: typed exactly, never sniffed, never cached, sandboxed if rendered. */
function sendFile(reply: FastifyReply, type: string, disposition: string, policy: string, body: string): FastifyReply {
  return reply
    .header('Content-Type', type)
    .header('Content-Disposition', disposition)
    .header('Content-Security-Policy', policy)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cross-Origin-Resource-Policy', 'same-origin')
    .header('Cache-Control', 'no-store')
    .send(body);
}

export async function appointmentFileRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/:id/calendar.ics',
    {
      schema: {
        summary: 'The appointment as an iCalendar file (times in Europe/Amsterdam)',
        tags: ['appointments'],
        params: IdParams,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])) }),
        response: errors,
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const row = await appointmentOf(ctx.db, bsn, request.params.id);
      if (!row) throw notFound('Appointment');
      const appointment = toAppointment(row, ctx.consortium, ctx.clock.now());
      const sequence = row.reschedule_count + (row.state === 'cancelled' ? 1 : 0);
      const body = appointmentCalendar(appointment, ctx.consortium, request.query.lang ?? 'nl', sequence);
      return sendFile(
        reply,
        'text/calendar; charset=utf-8',
        `attachment; filename="afspraak-${row.reference}.ics"`,
        FILE_POLICY,
        body,
      );
    },
  );

  app.get(
    '/:id/qr.svg',
    {
      schema: {
        summary: 'A QR code of the appointment reference, to show at the desk',
        tags: ['appointments'],
        params: IdParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const row = await appointmentOf(ctx.db, bsn, request.params.id);
      if (!row) throw notFound('Appointment');
      // Only the reference: the desk looks the appointment up; the code itself reveals nothing.
      const svg = await QRCode.toString(row.reference, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return sendFile(
        reply,
        'image/svg+xml; charset=utf-8',
        `inline; filename="afspraak-${row.reference}.svg"`,
        SVG_POLICY,
        svg,
      );
    },
  );
}
