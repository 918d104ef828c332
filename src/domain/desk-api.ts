/**
 * The API contract of the front desk's check-in (issue 14), under /api/staff/appointments: the
 * places a desk employee serves, today's appointments at one place, one appointment found by
 * its reference (typed, or scanned from the QR code on the resident's appointment page), and
 * marking a resident as arrived ("aangemeld"). The same conventions as appointments-api.ts.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { LocalizedText } from './api';
import { APPOINTMENT_CHANNELS, CHECK_IN_STATES } from './appointments';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });
const WallTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM in Europe/Amsterdam' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DeskLocation = Type.Object({ id: Type.String(), name: Type.String() });
export type DeskLocation = Static<typeof DeskLocation>;

export const DeskLocationList = Type.Object({ locations: Type.Array(DeskLocation) });
export type DeskLocationList = Static<typeof DeskLocationList>;

/** One appointment as the desk sees it: enough to greet, check in and send on; no phone, no needs note. */
export const DeskAppointment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  date: IsoDate,
  time: WallTime,
  endTime: WallTime,
  location: DeskLocation,
  type: Type.Object({ code: Type.String(), name: LocalizedText }),
  channel: literals(APPOINTMENT_CHANNELS),
  residentName: Type.String(),
  checkIn: literals(CHECK_IN_STATES),
  /** When the desk marked the resident as arrived */
  arrivedAt: nullable(IsoDateTime),
  /** Only an appointment at this place, today, not cancelled, can be checked in */
  today: Type.Boolean(),
});
export type DeskAppointment = Static<typeof DeskAppointment>;

export const DeskDayParams = Type.Object({ locationId: Type.String({ maxLength: 100 }) });

export const DeskDay = Type.Object({
  location: DeskLocation,
  date: IsoDate,
  appointments: Type.Array(DeskAppointment),
});
export type DeskDay = Static<typeof DeskDay>;

/** A reference in the query string: the server logs paths without it. */
export const DeskLookupQuery = Type.Object({ reference: Type.String({ minLength: 1, maxLength: 40 }) });
export type DeskLookupQuery = Static<typeof DeskLookupQuery>;

export const DeskAppointmentParams = Type.Object({ appointmentId: Type.String({ maxLength: 100 }) });

export const DeskAppointmentResponse = Type.Object({ appointment: DeskAppointment });
export type DeskAppointmentResponse = Static<typeof DeskAppointmentResponse>;
