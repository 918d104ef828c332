/**
 * What the planner's routes share (staff-routes.ts here, home-visits/staff-routes.ts): the scope
 * rules for places, the checks on dates and times (each refusal with its own code), and the
 * shapes staff read (src/domain/planning-api.ts). The home-visit queue is home-visits/queue.ts.
 *
 * Scope: a place belongs to the municipality it stands in (`municipalityCode` in the
 * consortium file; a place without one needs a consortium-wide grant). A home visit belongs
 * to the resident's municipality. Outside the planner's municipalities both are 404, exactly
 * like ones that do not exist, and the refusal is in the audit log.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import { isWallTime } from '../../../domain/availability-time';
import { findAppointmentType, findOffice, officesOf, type Consortium, type Office } from '../../../domain/consortium';
import { addDays, compareDates, daysBetween, isIsoDate, isoWeekday, type IsoDate } from '../../../domain/dates';
import {
  PLANNING_MAX_RANGE_DAYS,
  type AffectedBooking,
  type CapacityChange,
  type PlaceClosure,
  type PlanningLocation,
} from '../../../domain/planning-api';
import type { ErrorCode } from '../../../domain/error-codes';
import { mayActIn, municipalitiesFor, type StaffRole } from '../../../domain/staff';
import { isWorkingDay } from '../../../domain/working-days';
import type { CapacityChangesTable, Database, PlaceClosuresTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { AgendaEntry } from './agenda';
import { actingRole, requireStaff, type SignedInStaff } from '../staff/session';

/** Planners only. Administrators manage accounts, not agendas full of names (need-to-know). */
export const PLANNER: readonly StaffRole[] = ['planner'];

export const typeName = (consortium: Consortium, code: string) =>
  findAppointmentType(consortium, code)?.name ?? { nl: code, en: code };

// ---- scope -------------------------------------------------------------------------------

function mayPlanAt(staff: SignedInStaff, office: Office): boolean {
  if (office.municipalityCode) return mayActIn(staff.grants, PLANNER, office.municipalityCode);
  return municipalitiesFor(staff.grants, PLANNER) === 'all';
}

/** The places this planner manages, central office first. */
export function locationsFor(staff: SignedInStaff, consortium: Consortium): PlanningLocation[] {
  return officesOf(consortium)
    .map(([, office]) => office)
    .filter((office) => (office.desks ?? []).length > 0 && mayPlanAt(staff, office))
    .map((office) => ({
      id: office.id,
      name: office.name,
      municipalityCode: office.municipalityCode ?? null,
      desks: (office.desks ?? []).map((desk) => ({
        id: desk.id,
        types: desk.types.map((code) => ({ code, name: typeName(consortium, code) })),
        units: Math.max(...desk.hours.map((h) => h.units)),
        urgentOnly: desk.urgentOnly === true,
      })),
    }));
}

/** The place, when it exists AND the planner may plan there; otherwise 404 (a refusal logged). */
export async function locationInScope(
  request: FastifyRequest,
  consortium: Consortium,
  locationId: string,
): Promise<Office> {
  const staff = requireStaff(request, PLANNER);
  const office = findOffice(consortium, locationId);
  if (!office || !(office.desks ?? []).length) throw notFound('Place');
  if (!mayPlanAt(staff, office)) {
    await request.server.auditor.denied(request, {
      role: actingRole(staff, PLANNER),
      action: request.method === 'GET' ? 'read' : 'update',
      objectType: 'agenda',
      objectId: office.id,
      purpose: null,
    });
    throw notFound('Place');
  }
  return office;
}

// ---- dates and times ---------------------------------------------------------------------

const planningError = (code: ErrorCode, message: string) => new AppError(422, code, message);

/** Days from `from` to `until` (inclusive), after the checks every planned period needs. */
export function checkedDays(today: IsoDate, from: IsoDate, until: IsoDate = from): IsoDate[] {
  if (!isIsoDate(from) || !isIsoDate(until)) throw new AppError(400, 'VALIDATION_FAILED', 'Dates are YYYY-MM-DD');
  if (compareDates(from, today) < 0)
    throw planningError('PLANNING_DATE_IN_PAST', 'The first day must be today or later');
  if (compareDates(until, from) < 0)
    throw planningError('PLANNING_END_BEFORE_START', 'The last day is before the first day');
  if (daysBetween(from, until) >= PLANNING_MAX_RANGE_DAYS) {
    throw planningError('PLANNING_RANGE_TOO_LONG', `At most ${PLANNING_MAX_RANGE_DAYS} days at once`);
  }
  return Array.from({ length: daysBetween(from, until) + 1 }, (_, i) => addDays(from, i));
}

/** Part of a day: both times or neither (whole day), the end after the start. */
export function checkedTimes(from: string | undefined, until: string | undefined, required: boolean): void {
  if ((from === undefined) !== (until === undefined) || (required && from === undefined)) {
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      required ? 'Give from and until' : 'Give both from and until, or neither',
    );
  }
  if (from !== undefined && (!isWallTime(from) || !isWallTime(until)))
    throw new AppError(400, 'VALIDATION_FAILED', 'Times are HH:MM');
  if (from !== undefined && from >= until!)
    throw planningError('PLANNING_END_BEFORE_START', 'The end time is not after the start time');
}

/** A home visit's window: today or later, on a working day, the end after the start. */
export function checkedVisitWindow(today: IsoDate, window: { date: IsoDate; from: string; until: string }): void {
  checkedDays(today, window.date);
  checkedTimes(window.from, window.until, true);
  if (!isWorkingDay(window.date))
    throw planningError('PLANNING_NOT_A_WORKING_DAY', 'Home visits are planned on working days');
}

export function onWeekdays(days: IsoDate[], weekdays: readonly number[] | undefined): IsoDate[] {
  if (!weekdays) return days;
  const chosen = days.filter((d) => weekdays.includes(isoWeekday(d)));
  if (chosen.length === 0)
    throw new AppError(400, 'VALIDATION_FAILED', 'No day in the range falls on the chosen weekdays');
  return chosen;
}

// ---- shapes ------------------------------------------------------------------------------

export const toPlaceClosure = (row: Selectable<PlaceClosuresTable>): PlaceClosure => ({
  id: row.id,
  date: row.date,
  from: row.from_time,
  until: row.until_time,
  reason: row.reason,
});

export const toCapacityChange = (row: Selectable<CapacityChangesTable>): CapacityChange => ({
  id: row.id,
  deskId: row.desk_id,
  date: row.date,
  from: row.from_time,
  until: row.until_time,
  units: row.units,
  reason: row.reason,
});

export function toAffected(consortium: Consortium, date: IsoDate, entry: AgendaEntry): AffectedBooking {
  return {
    id: entry.id,
    reference: entry.reference,
    date,
    time: entry.time,
    type: { code: entry.typeCode, name: typeName(consortium, entry.typeCode) },
    residentName: entry.residentName,
    phone: entry.phone,
  };
}

/** Whose appointments these are (for the audit log's on-behalf-of; never sent to the client). */
export async function bsnsOfAppointments(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('appointments')
    .select(['id', 'bsn'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.bsn]));
}
