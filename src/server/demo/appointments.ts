/**
 * Demo bookings made the way a resident's booking is made: the first free slot of the type at
 * or after the wished day and time, on a real desk unit, so the demo's appointment blocks its
 * slot like any other (and the exclusion constraint guards it).
 */
import type { Kysely } from 'kysely';
import { amsterdamInstant } from '../../domain/availability-time';
import { availableSlots } from '../../domain/availability';
import { findAppointmentType, findOffice, type Consortium } from '../../domain/consortium';
import { addDays, type IsoDate } from '../../domain/dates';
import { nextWorkingDayOnOrAfter } from '../../domain/working-days';
import type { Database } from '../db/schema';
import { bookingsAt } from '../modules/appointments/queries';

export interface DemoAppointment {
  typeCode: string;
  /** Wished day: this many days from today (moved to the next working day) */
  inDays: number;
  /** Wished time; the first free slot at or after it is taken */
  time: string;
  /**
   * Exactly this day and time, on the first desk unit that serves the type, open or not: the
   * front desk's check-in has an appointment "today" to show on any day the demo runs (issue 14)
   */
  exact?: boolean;
}

/** A deterministic reference per resident and appointment, so the demo reads the same each time. */
const demoReference = (bsn: string, index: number) => `AFS-DEMO${bsn.slice(-3)}${index + 1}`;

export async function insertDemoAppointment(
  trx: Kysely<Database>,
  consortium: Consortium,
  bsn: string,
  demo: DemoAppointment,
  index: number,
  today: IsoDate,
): Promise<boolean> {
  const type = findAppointmentType(consortium, demo.typeCode);
  const place = type && findOffice(consortium, type.locations[0]!);
  if (!type || !place) return false;
  if (demo.exact) return insertExact(trx, consortium, bsn, demo, index, today);
  const day = nextWorkingDayOnOrAfter(addDays(today, demo.inDays));
  const until = addDays(day, 14);
  const bookings = await bookingsAt(trx, place.id, amsterdamInstant(day, '00:00'), amsterdamInstant(until, '23:59'));
  const slots = availableSlots({
    place,
    type,
    urgent: false,
    earliest: amsterdamInstant(day, demo.time),
    from: day,
    until,
    bookings,
  });
  const slot = slots[0];
  if (!slot) return false;
  await trx
    .insertInto('appointments')
    .values({
      reference: demoReference(bsn, index),
      bsn,
      type_code: type.code,
      place_id: place.id,
      starts_at: slot.start,
      ends_at: slot.end,
      desk_id: slot.candidates[0]!.deskId,
      unit: slot.candidates[0]!.unit,
      booked_at: amsterdamInstant(addDays(today, -2), '10:00'),
    })
    .execute();
  return true;
}

async function insertExact(
  trx: Kysely<Database>,
  consortium: Consortium,
  bsn: string,
  demo: DemoAppointment,
  index: number,
  today: IsoDate,
): Promise<boolean> {
  const type = findAppointmentType(consortium, demo.typeCode);
  const place = type && findOffice(consortium, type.locations[0]!);
  const desk = place?.desks?.find((d) => d.types.includes(demo.typeCode) && !d.urgentOnly);
  if (!type || !place || !desk) return false;
  const start = amsterdamInstant(addDays(today, demo.inDays), demo.time);
  await trx
    .insertInto('appointments')
    .values({
      reference: demoReference(bsn, index),
      bsn,
      type_code: type.code,
      place_id: place.id,
      starts_at: start,
      ends_at: new Date(start.getTime() + type.durationMinutes * 60_000),
      desk_id: desk.id,
      unit: 1,
      booked_at: amsterdamInstant(addDays(today, -2), '10:00'),
    })
    .execute();
  return true;
}
