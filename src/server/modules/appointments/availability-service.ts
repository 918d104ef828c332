/**
 * Availability with its inputs from the database: bookings, staff closures and capacity changes
 * per place, fed to the pure rules in src/domain/availability.ts. Callers pass the handle they
 * must use (the request's transaction in mutating handlers).
 */
import type { Kysely } from 'kysely';
import type { Slot as ApiSlot } from '../../../domain/appointments-api';
import { amsterdamInstant } from '../../../domain/availability-time';
import { availableSlots, bookingWindow, type BookingWindow, type Slot } from '../../../domain/availability';
import {
  findAppointmentType,
  findOffice,
  type AppointmentType,
  type Consortium,
  type Office,
} from '../../../domain/consortium';
import { addDays, compareDates, type IsoDate } from '../../../domain/dates';
import type { Database } from '../../db/schema';
import { refusal } from './refusals';
import { bookingsAt, capacityChangesAt, closuresAt } from './queries';

export interface Offer {
  type: AppointmentType;
  places: Office[];
}

/** The type and the places asked for (all places of the type when none is named). */
export function resolveOffer(consortium: Consortium, typeCode: string, placeId?: string): Offer {
  const type = findAppointmentType(consortium, typeCode);
  if (!type) throw refusal('APPOINTMENT_TYPE_NOT_OFFERED', `Unknown appointment type '${typeCode}'`);
  const ids = placeId === undefined ? type.locations : type.locations.filter((id) => id === placeId);
  const places = ids.map((id) => findOffice(consortium, id)).filter((o): o is Office => o !== undefined);
  if (places.length === 0) throw refusal('APPOINTMENT_TYPE_NOT_OFFERED');
  return { type, places };
}

export interface SlotQuery extends Offer {
  urgent: boolean;
  now: Date;
  /** Narrow the booking window to these days (inclusive) */
  from?: IsoDate;
  until?: IsoDate;
  includeFull?: boolean;
  /** Leave this appointment's own booking out (rescheduling may overlap it) */
  exceptAppointmentId?: string;
}

export async function findSlots(
  db: Kysely<Database>,
  consortium: Consortium,
  q: SlotQuery,
): Promise<{ window: BookingWindow; slots: Slot[] }> {
  const window = bookingWindow(consortium.appointments, q.type, q.urgent, q.now);
  const from = q.from && compareDates(q.from, window.from) > 0 ? q.from : window.from;
  const until = q.until && compareDates(q.until, window.until) < 0 ? q.until : window.until;
  const slots: Slot[] = [];
  if (compareDates(from, until) > 0) return { window, slots };
  const fromInstant = amsterdamInstant(from, '00:00');
  const untilInstant = amsterdamInstant(addDays(until, 1), '00:00');
  // One place after the other: on PGlite a transaction is one connection anyway.
  for (const place of q.places) {
    const bookings = await bookingsAt(db, place.id, fromInstant, untilInstant, q.exceptAppointmentId);
    const closures = await closuresAt(db, place.id, from, until);
    const capacityChanges = await capacityChangesAt(db, place.id, from, until);
    slots.push(
      ...availableSlots({
        place,
        type: q.type,
        urgent: q.urgent,
        earliest: window.earliest,
        from,
        until,
        closures,
        capacityChanges,
        bookings,
        includeFull: q.includeFull ?? false,
      }),
    );
  }
  slots.sort((a, b) => a.start.getTime() - b.start.getTime() || a.placeId.localeCompare(b.placeId));
  return { window, slots };
}

export function toApiSlot(slot: Slot): ApiSlot {
  return {
    placeId: slot.placeId,
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
    date: slot.date,
    time: slot.time,
    endTime: slot.endTime,
  };
}

/** Slots grouped per day, for a type -> place -> day -> time flow on a phone. */
export function groupByDay(slots: readonly Slot[]): Array<{ date: IsoDate; slots: ApiSlot[] }> {
  const days: Array<{ date: IsoDate; slots: ApiSlot[] }> = [];
  for (const slot of slots) {
    const last = days[days.length - 1];
    if (last?.date === slot.date) last.slots.push(toApiSlot(slot));
    else days.push({ date: slot.date, slots: [toApiSlot(slot)] });
  }
  return days;
}
