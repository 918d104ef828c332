/**
 * Booking, rescheduling and cancelling, each in one transaction (the request's, through
 * dbFor). The database decides who gets a unit (claim.ts); this code only picks candidates from
 * the availability rules and turns a lost race into 409 SLOT_TAKEN with the next free slots.
 * Staff routes (staff-login issue) call the same functions on a resident's behalf.
 */
import type { Kysely } from 'kysely';
import { bookingRefusal, canChange, type ResidentStanding } from '../../../domain/appointments';
import { urgentTermEndsOn, urgentTermExceeded } from '../../../domain/appointments-urgent';
import type { NewAppointment, Reschedule } from '../../../domain/appointments-api';
import { normalizeDutchPhone } from '../../../domain/appointments-phone';
import { amsterdamWallClock } from '../../../domain/availability-time';
import { nextFreeSlots, type Slot } from '../../../domain/availability';
import {
  findScheme,
  whereToGo,
  type AppointmentType,
  type Consortium,
  type Office,
  type SchemeKind,
} from '../../../domain/consortium';
import { addDays, amsterdamDateOf, compareDates, type IsoDate } from '../../../domain/dates';
import { caseSystemFor, type CaseSystem, type OpenCase } from '../../case-system/index';
import type { AppContext } from '../../context';
import type { AppointmentRow, Database } from '../../db/schema';
import { notFound } from '../../errors';
import { findPerson } from '../residents/queries';
import { findSlots, resolveOffer, toApiSlot, type SlotQuery } from './availability-service';
import { claimFirstFree, inTransaction } from './claim';
import { appointmentOf } from './queries';
import { newReference } from './reference';
import { refusal, refusalWithDetails } from './refusals';

type Deps = Pick<AppContext, 'consortium' | 'clock' | 'config'>;

interface SlotRequest {
  type: AppointmentType;
  place: Office;
  urgent: boolean;
  now: Date;
  start: Date;
  exceptAppointmentId?: string;
}

export async function residentStanding(
  db: Kysely<Database>,
  deps: Pick<AppContext, 'consortium' | 'config'>,
  bsn: string,
  now: Date,
) {
  const { consortium } = deps;
  const person = await findPerson(db, bsn);
  const openCases = await caseSystemFor(deps, db).openCasesOfResident(bsn);
  const kinds = openCases
    .map((c) => findScheme(consortium, c.caseType)?.kind)
    .filter((k): k is SchemeKind => k !== undefined);
  const served = person !== undefined && whereToGo(consortium, person.municipality_code, amsterdamDateOf(now)) === null;
  const standing: ResidentStanding = { served, openCaseKinds: kinds };
  return { standing, openCases };
}

/** The slot at exactly `start` (also when full), or null when no slot starts then. */
async function slotAt(db: Kysely<Database>, consortium: Consortium, r: SlotRequest): Promise<Slot | null> {
  const { date } = amsterdamWallClock(r.start);
  const { slots } = await findSlots(db, consortium, {
    type: r.type,
    places: [r.place],
    urgent: r.urgent,
    now: r.now,
    from: date,
    until: date,
    includeFull: true,
    ...(r.exceptAppointmentId ? { exceptAppointmentId: r.exceptAppointmentId } : {}),
  });
  return slots.find((s) => s.start.getTime() === r.start.getTime()) ?? null;
}

/** Days looked at first for the next free slots; the whole window only when those are full. */
const NEXT_SLOTS_DAYS = 14;

/** 409 with what to offer instead: the next free slots, or the phone when urgent help is full. */
async function slotTaken(db: Kysely<Database>, consortium: Consortium, r: SlotRequest) {
  const except = r.exceptAppointmentId ? { exceptAppointmentId: r.exceptAppointmentId } : {};
  const { date } = amsterdamWallClock(r.start);
  const query = { type: r.type, places: [r.place], urgent: r.urgent, now: r.now, ...except };
  const soon = await findSlots(db, consortium, { ...query, from: date, until: addDays(date, NEXT_SLOTS_DAYS) });
  const here = soon.slots.length > 0 ? soon : await findSlots(db, consortium, query);
  let next = nextFreeSlots(here.slots, r.start);
  if (r.urgent && next.length === 0) {
    const { places } = resolveOffer(consortium, r.type.code);
    const anywhere = await findSlots(db, consortium, { type: r.type, places, urgent: true, now: r.now, ...except });
    if (anywhere.slots.length === 0) return refusalWithDetails('URGENT_CAPACITY_FULL', { phone: consortium.phone });
    next = nextFreeSlots(anywhere.slots, r.start);
  }
  return refusalWithDetails('SLOT_TAKEN', { nextSlots: next.map(toApiSlot) });
}

async function caseFor(
  cases: CaseSystem,
  bsn: string,
  type: AppointmentType,
  consortium: Consortium,
  caseId: string | undefined,
  open: OpenCase[],
) {
  if (caseId !== undefined) {
    const own = await cases.residentCase(bsn, caseId);
    if (!own) throw notFound('Application');
    return own.id;
  }
  const wanted: readonly SchemeKind[] = type.requiresOpenCase ?? (type.urgentCapable ? ['schuldhulpverlening'] : []);
  return open.find((c) => wanted.includes(findScheme(consortium, c.caseType)?.kind as SchemeKind))?.id ?? null;
}

function channelAndPhone(type: AppointmentType, input: Pick<NewAppointment, 'channel' | 'phone'>) {
  const channel = input.channel ?? type.channels[0]!;
  if (!type.channels.includes(channel))
    throw refusal('APPOINTMENT_TYPE_NOT_OFFERED', `'${type.code}' is not offered by ${channel}`);
  if (channel === 'in_person' && !input.phone?.trim()) return { channel, phone: null };
  const phone = normalizeDutchPhone(input.phone ?? '');
  if (!phone) throw refusal('PHONE_NUMBER_INVALID');
  return { channel, phone };
}

const text = (value: string | undefined) => value?.trim() || null;

/** Urgent debt help on a day after the term of the request (made on `requestedOn`): 422 with the last day. */
function refuseAfterUrgentTerm(start: Date, requestedOn: IsoDate): void {
  const termEndsOn = urgentTermExceeded(amsterdamWallClock(start).date, requestedOn);
  if (termEndsOn) throw refusalWithDetails('URGENT_TERM_EXCEEDED', { termEndsOn });
}

export async function bookAppointment(
  db: Kysely<Database>,
  deps: Deps,
  bsn: string,
  input: NewAppointment,
): Promise<AppointmentRow> {
  const { consortium, clock } = deps;
  const { type, places } = resolveOffer(consortium, input.type, input.place);
  const place = places[0]!;
  if (input.urgency && !type.urgentCapable) throw refusal('VALIDATION_FAILED', `'${type.code}' has no urgent path`);
  const { channel, phone } = channelAndPhone(type, input);
  return inTransaction(db, async (trx) => {
    const now = clock.now();
    const { standing, openCases } = await residentStanding(trx, deps, bsn, now);
    const refused = bookingRefusal(type, standing);
    if (refused) throw refusal(refused);
    const caseId = await caseFor(caseSystemFor(deps, trx), bsn, type, consortium, input.caseId, openCases);
    const request: SlotRequest = { type, place, urgent: Boolean(input.urgency), now, start: new Date(input.start) };
    if (input.urgency) refuseAfterUrgentTerm(request.start, amsterdamDateOf(now));
    const slot = await slotAt(trx, consortium, request);
    if (!slot) throw refusal('SLOT_NOT_OFFERED');
    const row = await claimFirstFree(trx, slot.candidates, (unit) =>
      trx
        .insertInto('appointments')
        .values({
          reference: newReference('AFS'),
          bsn,
          type_code: type.code,
          place_id: place.id,
          starts_at: slot.start,
          ends_at: slot.end,
          desk_id: unit.deskId,
          unit: unit.unit,
          channel,
          urgency: input.urgency ?? null,
          case_id: caseId,
          needs_interpreter: text(input.needs?.interpreter),
          needs_wheelchair: input.needs?.wheelchair ?? false,
          needs_companion: input.needs?.companion ?? false,
          needs_note: text(input.needs?.note),
          phone,
          booked_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    if (!row) throw await slotTaken(trx, consortium, request);
    return row;
  });
}

async function changeable(trx: Kysely<Database>, deps: Deps, bsn: string, id: string): Promise<AppointmentRow> {
  const row = await appointmentOf(trx, bsn, id, true);
  if (!row) throw notFound('Appointment');
  if (row.state === 'cancelled') throw refusal('APPOINTMENT_CANCELLED');
  if (!canChange(row.state, row.starts_at, deps.clock.now(), deps.consortium.appointments.changeCutOffHours)) {
    throw refusal('CUT_OFF_PASSED');
  }
  return row;
}

/** Moves the one booking (same row, same reference) to another slot, atomically. */
export async function rescheduleAppointment(
  db: Kysely<Database>,
  deps: Deps,
  bsn: string,
  id: string,
  input: Reschedule,
): Promise<AppointmentRow> {
  const { consortium, clock } = deps;
  return inTransaction(db, async (trx) => {
    const row = await changeable(trx, deps, bsn, id);
    const { type, places } = resolveOffer(consortium, row.type_code, input.place ?? row.place_id);
    const start = new Date(input.start);
    if (places[0]!.id === row.place_id && start.getTime() === row.starts_at.getTime()) return row;
    const request: SlotRequest = {
      type,
      place: places[0]!,
      urgent: row.urgency !== null,
      now: clock.now(),
      start,
      exceptAppointmentId: row.id,
    };
    // The same rule as the first booking, counted from the day of that booking (the request).
    if (request.urgent) refuseAfterUrgentTerm(start, amsterdamDateOf(row.booked_at));
    const slot = await slotAt(trx, consortium, request);
    if (!slot) throw refusal('SLOT_NOT_OFFERED');
    const moved = await claimFirstFree(trx, slot.candidates, (unit) =>
      trx
        .updateTable('appointments')
        .set((eb) => ({
          place_id: request.place.id,
          starts_at: slot.start,
          ends_at: slot.end,
          desk_id: unit.deskId,
          unit: unit.unit,
          rescheduled_at: request.now,
          reschedule_count: eb('reschedule_count', '+', 1),
          reschedule_reason: text(input.reason),
        }))
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    if (!moved) throw await slotTaken(trx, consortium, request);
    return moved;
  });
}

/**
 * What a reschedule may choose from: the appointment's own type, its own booking left out, and
 * for urgent debt help the reserved desks of every place up to the first request's last day
 * (`termEndsOn`). Null when the resident has no such appointment.
 */
export async function rescheduleOffer(
  db: Kysely<Database>,
  consortium: Consortium,
  r: { bsn: string; id: string; placeId: string | undefined; now: Date },
): Promise<{ query: SlotQuery; termEndsOn: IsoDate | null } | null> {
  const row = await appointmentOf(db, r.bsn, r.id);
  if (!row) return null;
  const urgent = row.urgency !== null;
  const offer = resolveOffer(consortium, row.type_code, urgent ? undefined : (r.placeId ?? row.place_id));
  const termEndsOn = urgent ? urgentTermEndsOn(amsterdamDateOf(row.booked_at)) : null;
  const query: SlotQuery = {
    ...offer,
    urgent,
    now: r.now,
    exceptAppointmentId: row.id,
    ...(termEndsOn ? { until: termEndsOn } : {}),
  };
  return { query, termEndsOn };
}

/** The earlier of a window's last day and a term's last day (null: no term). */
export function earlierDay(day: IsoDate, term: IsoDate | null): IsoDate {
  return term !== null && compareDates(term, day) < 0 ? term : day;
}

/** Cancelling frees the unit at once: the constraint only looks at booked rows. */
export async function cancelAppointment(
  db: Kysely<Database>,
  deps: Deps,
  bsn: string,
  id: string,
  reason: string | undefined,
): Promise<AppointmentRow> {
  return inTransaction(db, async (trx) => {
    const row = await changeable(trx, deps, bsn, id);
    return trx
      .updateTable('appointments')
      .set({
        state: 'cancelled',
        cancelled_at: deps.clock.now(),
        cancel_reason: text(reason),
        cancelled_by: 'resident',
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
