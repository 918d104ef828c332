/**
 * The front desk's check-in (issue 14), as queries and rules the staff routes call: which
 * places a desk employee serves, today's appointments at a place, one appointment by its
 * reference, and the arrival. Scope is the place's, as for planners (planning/scope.ts): a
 * place belongs to the municipality it stands in; one without a code needs a consortium-wide
 * front-desk grant.
 */
import type { Kysely } from 'kysely';
import { checkInStateOf } from '../../../domain/appointments';
import { amsterdamInstant, amsterdamWallClock } from '../../../domain/availability-time';
import { findAppointmentType, findOffice, officesOf, type Consortium, type Office } from '../../../domain/consortium';
import { addDays, type IsoDate } from '../../../domain/dates';
import type { DeskAppointment, DeskLocation } from '../../../domain/desk-api';
import { mayActIn, municipalitiesFor, type StaffRole } from '../../../domain/staff';
import type { AppointmentRow, Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { SignedInStaff } from '../staff/session';
import { isUuid } from './queries';

export const DESK_ROLES: readonly StaffRole[] = ['front_desk'];

/** Unknown and out-of-scope answer alike (a refusal must not reveal that a reference exists). */
export const unknownReference = () =>
  new AppError(404, 'APPOINTMENT_REFERENCE_UNKNOWN', 'No appointment with this reference at your places');

export function mayServeAt(staff: SignedInStaff, office: Office): boolean {
  if (office.municipalityCode) return mayActIn(staff.grants, DESK_ROLES, office.municipalityCode);
  return municipalitiesFor(staff.grants, DESK_ROLES) === 'all';
}

/** The places with desks this employee serves, central office first (the default choice). */
export function deskLocationsFor(staff: SignedInStaff, consortium: Consortium): DeskLocation[] {
  return officesOf(consortium)
    .map(([, office]) => office)
    .filter((office) => (office.desks ?? []).length > 0 && mayServeAt(staff, office))
    .map((office) => ({ id: office.id, name: office.name }));
}

type DeskRow = AppointmentRow & { resident_name: string };

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('appointments')
    .innerJoin('persons', 'persons.bsn', 'appointments.bsn')
    .selectAll('appointments')
    .select('persons.name as resident_name');
}

export function toDeskAppointment(consortium: Consortium, row: DeskRow, today: IsoDate): DeskAppointment {
  const start = amsterdamWallClock(row.starts_at);
  const office = findOffice(consortium, row.place_id);
  return {
    id: row.id,
    reference: row.reference,
    date: start.date,
    time: start.time,
    endTime: amsterdamWallClock(row.ends_at).time,
    location: { id: row.place_id, name: office?.name ?? row.place_id },
    type: {
      code: row.type_code,
      name: findAppointmentType(consortium, row.type_code)?.name ?? { nl: row.type_code, en: row.type_code },
    },
    channel: row.channel,
    residentName: row.resident_name,
    checkIn: checkInStateOf(row.state, row.arrived_at),
    arrivedAt: row.arrived_at ? row.arrived_at.toISOString() : null,
    today: start.date === today,
  };
}

/** Today's appointments at the place that the resident comes to the desk for, in time order. */
export async function deskDay(db: Kysely<Database>, placeId: string, today: IsoDate): Promise<DeskRow[]> {
  return baseQuery(db)
    .where('appointments.place_id', '=', placeId)
    .where('appointments.channel', '=', 'in_person')
    .where('appointments.starts_at', '>=', amsterdamInstant(today, '00:00'))
    .where('appointments.starts_at', '<', amsterdamInstant(addDays(today, 1), '00:00'))
    .orderBy('appointments.starts_at')
    .orderBy('appointments.desk_id')
    .orderBy('appointments.unit')
    .execute();
}

export async function deskAppointmentByReference(
  db: Kysely<Database>,
  reference: string,
): Promise<DeskRow | undefined> {
  return baseQuery(db).where('appointments.reference', '=', reference).executeTakeFirst();
}

export async function deskAppointmentById(
  db: Kysely<Database>,
  id: string,
  forUpdate = false,
): Promise<DeskRow | undefined> {
  if (!isUuid(id)) return undefined;
  let query = baseQuery(db).where('appointments.id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Marks the resident as arrived. Only today, only at the place itself (not a phone or video
 * appointment), only a booking that stands. Arriving twice keeps the first time.
 */
export async function markArrived(
  db: Kysely<Database>,
  now: Date,
  row: DeskRow,
  today: IsoDate,
  staffAccountId: string,
): Promise<DeskRow> {
  if (row.state === 'cancelled') throw new AppError(409, 'APPOINTMENT_CANCELLED', 'This appointment was cancelled');
  if (row.channel !== 'in_person')
    throw new AppError(409, 'APPOINTMENT_NOT_IN_PERSON', 'A phone or video appointment has no check-in');
  if (amsterdamWallClock(row.starts_at).date !== today)
    throw new AppError(409, 'APPOINTMENT_NOT_TODAY', 'Check-in is on the day of the appointment only');
  if (row.arrived_at) return row;
  await db
    .updateTable('appointments')
    .set({ arrived_at: now, arrived_by: staffAccountId })
    .where('id', '=', row.id)
    .where('arrived_at', 'is', null)
    .execute();
  return { ...row, arrived_at: now, arrived_by: staffAccountId };
}

/** The appointments booked about one case (the case worker's page), in time order. */
export async function deskAppointmentsOfCase(db: Kysely<Database>, caseId: string): Promise<DeskRow[]> {
  return baseQuery(db)
    .where('appointments.case_id', '=', caseId)
    .orderBy('appointments.starts_at')
    .limit(100)
    .execute();
}
