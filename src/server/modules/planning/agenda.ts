/**
 * What the appointment desk does (issue 5, point 7), as service functions: the planner's routes
 * (planning/staff-routes.ts) call these with `dbFor(request, ctx)`. The day's
 * agenda per place, closures and capacity changes. A closure or a lower capacity never cancels
 * bookings by itself: the functions return the appointments it touches, so staff can call those
 * residents (and cancel or move them) instead of a resident finding a closed door.
 */
import type { Kysely } from 'kysely';
import type { AppointmentChannel, AppointmentState, UrgencyReason } from '../../../domain/appointments';
import { formatDutchPhone } from '../../../domain/appointments-phone';
import { amsterdamInstant, amsterdamWallClock, isWallTime } from '../../../domain/availability-time';
import { findAppointmentType, findOffice, type Consortium } from '../../../domain/consortium';
import { addDays, amsterdamDateOf, compareDates, isIsoDate, type IsoDate } from '../../../domain/dates';
import { generalHolidays } from '../../../domain/holidays';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { notFound } from '../../errors';
import { isUuid } from '../appointments/queries';
import { refusal } from '../appointments/refusals';

export interface AgendaEntry {
  id: string;
  reference: string;
  state: AppointmentState;
  time: string;
  endTime: string;
  start: Date;
  end: Date;
  deskId: string;
  unit: number;
  typeCode: string;
  typeName: string;
  channel: AppointmentChannel;
  residentName: string;
  urgency: UrgencyReason | null;
  needs: { interpreter: string | null; wheelchair: boolean; companion: boolean; note: string | null };
  phone: string | null;
  /** The front desk marked the resident as arrived (issue 14) */
  arrivedAt: Date | null;
}

export interface DayAgenda {
  place: { id: string; name: string };
  date: IsoDate;
  /** Why (part of) the day is closed: holiday, data-file closure, staff closure */
  closures: Array<{ id: string | null; from: string | null; until: string | null; reason: string }>;
  entries: AgendaEntry[];
}

function placeOf(consortium: Consortium, placeId: string) {
  const office = findOffice(consortium, placeId);
  if (!office) throw notFound('Place');
  return office;
}

function checkedDay(clock: Clock, date: IsoDate, from?: string, until?: string): void {
  if (!isIsoDate(date) || compareDates(date, amsterdamDateOf(clock.now())) < 0)
    throw refusal('VALIDATION_FAILED', 'The date must be today or later');
  if ((from === undefined) !== (until === undefined))
    throw refusal('VALIDATION_FAILED', 'Give both from and until, or neither');
  if (from !== undefined && (!isWallTime(from) || !isWallTime(until) || from >= until!)) {
    throw refusal('VALIDATION_FAILED', 'from and until are HH:MM, from before until');
  }
}

async function entriesBetween(
  db: Kysely<Database>,
  consortium: Consortium,
  placeId: string,
  from: Date,
  to: Date,
): Promise<AgendaEntry[]> {
  const rows = await db
    .selectFrom('appointments')
    .innerJoin('persons', 'persons.bsn', 'appointments.bsn')
    .selectAll('appointments')
    .select('persons.name as resident_name')
    .where('appointments.place_id', '=', placeId)
    .where('appointments.starts_at', '<', to)
    .where('appointments.ends_at', '>', from)
    .orderBy('appointments.starts_at')
    .orderBy('appointments.desk_id')
    .orderBy('appointments.unit')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    state: r.state,
    time: amsterdamWallClock(r.starts_at).time,
    endTime: amsterdamWallClock(r.ends_at).time,
    start: r.starts_at,
    end: r.ends_at,
    deskId: r.desk_id,
    unit: r.unit,
    typeCode: r.type_code,
    typeName: findAppointmentType(consortium, r.type_code)?.name.nl ?? r.type_code,
    channel: r.channel,
    residentName: r.resident_name,
    urgency: r.urgency,
    needs: {
      interpreter: r.needs_interpreter,
      wheelchair: r.needs_wheelchair,
      companion: r.needs_companion,
      note: r.needs_note,
    },
    phone: r.phone ? formatDutchPhone(r.phone) : null,
    arrivedAt: r.arrived_at,
  }));
}

/** Everything booked (and cancelled, marked) at a place on a day, in time order. */
export async function dayAgenda(
  db: Kysely<Database>,
  consortium: Consortium,
  placeId: string,
  date: IsoDate,
): Promise<DayAgenda> {
  const office = placeOf(consortium, placeId);
  if (!isIsoDate(date)) throw refusal('VALIDATION_FAILED', 'date must be YYYY-MM-DD');
  const entries = await entriesBetween(
    db,
    consortium,
    placeId,
    amsterdamInstant(date, '00:00'),
    amsterdamInstant(addDays(date, 1), '00:00'),
  );
  const stored = await db
    .selectFrom('place_closures')
    .selectAll()
    .where('place_id', '=', placeId)
    .where('date', '=', date)
    .execute();
  const holiday = generalHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
  const closures = [
    ...(holiday ? [{ id: null, from: null, until: null, reason: holiday.name }] : []),
    ...(office.closures ?? [])
      .filter((c) => c.date === date)
      .map((c) => ({ id: null, from: c.from ?? null, until: c.until ?? null, reason: c.reason.nl })),
    ...stored.map((c) => ({ id: c.id, from: c.from_time, until: c.until_time, reason: c.reason })),
  ];
  return { place: { id: office.id, name: office.name }, date, closures, entries };
}

export interface NewClosure {
  placeId: string;
  date: IsoDate;
  from?: string;
  until?: string;
  reason: string;
}

/** Closes (part of) a day at once for new bookings; returns the booked appointments it hits. */
export async function addClosure(db: Kysely<Database>, clock: Clock, consortium: Consortium, input: NewClosure) {
  placeOf(consortium, input.placeId);
  checkedDay(clock, input.date, input.from, input.until);
  const reason = input.reason.trim().slice(0, 300);
  if (!reason) throw refusal('VALIDATION_FAILED', 'A closure needs a reason');
  const closure = await db
    .insertInto('place_closures')
    .values({
      place_id: input.placeId,
      date: input.date,
      from_time: input.from ?? null,
      until_time: input.until ?? null,
      reason,
      created_at: clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const from = amsterdamInstant(input.date, input.from ?? '00:00');
  const to = input.until
    ? amsterdamInstant(input.date, input.until)
    : amsterdamInstant(addDays(input.date, 1), '00:00');
  const affected = (await entriesBetween(db, consortium, input.placeId, from, to)).filter((e) => e.state === 'booked');
  return { closure, affected };
}

export async function removeClosure(db: Kysely<Database>, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('Closure');
  const result = await db.deleteFrom('place_closures').where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Closure');
}

export interface NewCapacityChange {
  placeId: string;
  deskId: string;
  date: IsoDate;
  from: string;
  until: string;
  /** Units from now on in this window (0 closes the desk group) */
  units: number;
  reason?: string;
}

/**
 * Sets the units of a desk group for part of a day, replacing earlier changes it overlaps.
 * Returns the booked appointments on units above the new number: more residents than desks.
 */
export async function changeCapacity(
  db: Kysely<Database>,
  clock: Clock,
  consortium: Consortium,
  input: NewCapacityChange,
) {
  const office = placeOf(consortium, input.placeId);
  if (!(office.desks ?? []).some((d) => d.id === input.deskId)) throw notFound('Desk');
  checkedDay(clock, input.date, input.from, input.until);
  if (!Number.isInteger(input.units) || input.units < 0 || input.units > 50)
    throw refusal('VALIDATION_FAILED', 'units must be 0..50');
  await db
    .deleteFrom('capacity_changes')
    .where('place_id', '=', input.placeId)
    .where('desk_id', '=', input.deskId)
    .where('date', '=', input.date)
    .where('from_time', '<', input.until)
    .where('until_time', '>', input.from)
    .execute();
  const change = await db
    .insertInto('capacity_changes')
    .values({
      place_id: input.placeId,
      desk_id: input.deskId,
      date: input.date,
      from_time: input.from,
      until_time: input.until,
      units: input.units,
      reason: input.reason?.trim().slice(0, 300) || null,
      created_at: clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const entries = await entriesBetween(
    db,
    consortium,
    input.placeId,
    amsterdamInstant(input.date, input.from),
    amsterdamInstant(input.date, input.until),
  );
  const affected = entries.filter((e) => e.state === 'booked' && e.deskId === input.deskId && e.unit > input.units);
  return { change, affected };
}
