/**
 * Free appointment slots: opening hours and desk capacity from the consortium data, minus
 * public holidays, closures, capacity changes and existing bookings, from a minimum lead time up
 * to a maximum horizon. Pure and fast (no I/O; bookings come in as a list).
 *
 * SERVER-ONLY: imports ./holidays (date-holidays) through ./deadlines and directly.
 *
 * The grid: a desk group's hours range [from, until) yields slots from `from` every
 * durationMinutes of the type, each ending within the range. A slot is free when a unit of a
 * serving group has no overlapping booking. Different types may share a group and overlap in
 * time; a unit is busy for any booking on it that overlaps, whatever its type.
 */
import { amsterdamInstant, minutesOfDay, wallTimeOf, type WallTime } from './availability-time';
import type { AppointmentSettings, AppointmentType, DeskGroup, Office } from './consortium-schema';
import { addDays, amsterdamDateOf, compareDates, isoWeekday, type IsoDate } from './dates';
import { debtHelpFirstConversationDueDate } from './deadlines';
import { isGeneralHoliday } from './holidays';
import { Occupancy, type BookedUnit, type Unit } from './availability-occupancy';

export type { BookedUnit, Unit } from './availability-occupancy';

/** A closure of the whole place; without from/until the whole day. */
export interface ClosurePeriod {
  date: IsoDate;
  from?: WallTime;
  until?: WallTime;
}

/** Staff changed the number of units of one desk group for part of a day (0 = none). */
export interface CapacityChange {
  deskId: string;
  date: IsoDate;
  from: WallTime;
  until: WallTime;
  units: number;
}

export interface Slot {
  placeId: string;
  date: IsoDate;
  time: WallTime;
  endTime: WallTime;
  start: Date;
  end: Date;
  /** Units still free; 0 only with includeFull */
  free: number;
  /** The units a booking should try, in order (exactly `free` of them) */
  candidates: Unit[];
}

export interface AvailabilityInput {
  place: Pick<Office, 'id' | 'openingHours' | 'desks' | 'closures'>;
  type: Pick<AppointmentType, 'code' | 'durationMinutes'>;
  /** Urgent debt help books only urgentOnly desks; everything else never does */
  urgent: boolean;
  /** No slot starts before this instant (now + lead time) */
  earliest: Date;
  /** First and last calendar day to look at (inclusive) */
  from: IsoDate;
  until: IsoDate;
  /** Closures from the database; the place's own (data file) closures are always applied */
  closures?: readonly ClosurePeriod[];
  capacityChanges?: readonly CapacityChange[];
  /** Booked (not cancelled) appointments at this place that may overlap the days asked */
  bookings: readonly BookedUnit[];
  /** Also return slots without a free unit (to tell "taken" from "never offered") */
  includeFull?: boolean;
}

export interface BookingWindow {
  today: IsoDate;
  earliest: Date;
  from: IsoDate;
  until: IsoDate;
}

/**
 * The days a booking may fall on. Lead time and horizon come from the data; the debt-help first
 * conversation is capped by Wgs art. 4 (4 weeks, or 3 working days when urgent), because offering
 * a later slot would offer something the law does not allow.
 */
export function bookingWindow(
  settings: Pick<AppointmentSettings, 'minLeadMinutes' | 'horizonDays'>,
  type: Pick<AppointmentType, 'urgentCapable'>,
  urgent: boolean,
  now: Date,
): BookingWindow {
  const today = amsterdamDateOf(now);
  const earliest = new Date(now.getTime() + settings.minLeadMinutes * 60_000);
  let until = addDays(today, settings.horizonDays);
  if (type.urgentCapable) {
    const due = debtHelpFirstConversationDueDate(today, urgent);
    if (compareDates(due, until) < 0) until = due;
  }
  return { today, earliest, from: amsterdamDateOf(earliest), until };
}

interface DayContext {
  input: AvailabilityInput;
  date: IsoDate;
  partialClosures: Array<[number, number]>;
  occupancy: Occupancy;
}

export function availableSlots(input: AvailabilityInput): Slot[] {
  const groups = (input.place.desks ?? []).filter(
    (g) => g.types.includes(input.type.code) && Boolean(g.urgentOnly) === input.urgent,
  );
  if (groups.length === 0 || compareDates(input.from, input.until) > 0) return [];
  const occupancy = new Occupancy(
    input.bookings,
    (input.place.desks ?? []).map((g) => g.id),
  );
  const closures = [...(input.place.closures ?? []), ...(input.closures ?? [])];
  const slots: Slot[] = [];
  for (let date = input.from; compareDates(date, input.until) <= 0; date = addDays(date, 1)) {
    if (isGeneralHoliday(date)) continue;
    const today = closures.filter((c) => c.date === date);
    if (today.some((c) => c.from === undefined || c.until === undefined)) continue;
    const partialClosures = today.map((c): [number, number] => [minutesOfDay(c.from!), minutesOfDay(c.until!)]);
    slots.push(...slotsOfDay({ input, date, partialClosures, occupancy }, groups));
  }
  return slots;
}

function slotsOfDay(day: DayContext, groups: DeskGroup[]): Slot[] {
  const { input, date } = day;
  const weekday = isoWeekday(date);
  const opening = input.place.openingHours
    .filter((h) => h.day === weekday)
    .map((h) => [minutesOfDay(h.opens), minutesOfDay(h.closes)]);
  const duration = input.type.durationMinutes;
  const byStart = new Map<number, Slot>();
  for (const group of groups) {
    for (const hours of group.hours) {
      if (!hours.days.includes(weekday)) continue;
      const until = minutesOfDay(hours.until);
      for (let start = minutesOfDay(hours.from); start + duration <= until; start += duration) {
        const end = start + duration;
        if (!opening.some(([opens, closes]) => opens! <= start && end <= closes!)) continue;
        if (day.partialClosures.some(([from, to]) => from < end && start < to)) continue;
        const units = unitsAt(input.capacityChanges ?? [], group.id, date, start, end, hours.units);
        addGroupSlot(day, byStart, group, start, end, units);
      }
    }
  }
  return [...byStart.values()]
    .filter((s) => s.start >= input.earliest && (s.free > 0 || input.includeFull))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
}

/** A capacity change applies to every slot it touches; overlapping changes: the lowest wins. */
function unitsAt(
  changes: readonly CapacityChange[],
  deskId: string,
  date: IsoDate,
  start: number,
  end: number,
  units: number,
): number {
  let result: number | null = null;
  for (const change of changes) {
    if (change.deskId !== deskId || change.date !== date) continue;
    if (minutesOfDay(change.from) < end && start < minutesOfDay(change.until)) {
      result = result === null ? change.units : Math.min(result, change.units);
    }
  }
  return result ?? units;
}

function addGroupSlot(
  day: DayContext,
  byStart: Map<number, Slot>,
  group: DeskGroup,
  start: number,
  end: number,
  units: number,
): void {
  const key = start * 1440 + end;
  let slot = byStart.get(key);
  if (!slot) {
    const startsAt = amsterdamInstant(day.date, wallTimeOf(start));
    slot = {
      placeId: day.input.place.id,
      date: day.date,
      time: wallTimeOf(start),
      endTime: wallTimeOf(end % 1440),
      start: startsAt,
      end: new Date(startsAt.getTime() + (end - start) * 60_000),
      free: 0,
      candidates: [],
    };
    byStart.set(key, slot);
  }
  if (slot.start < day.input.earliest) return;
  const candidates = day.occupancy.freeUnits(group, units, slot.start, slot.end);
  slot.free += candidates.length;
  slot.candidates.push(...candidates);
}

/** Up to `count` free slots from `after` on; when none are left after it, the first ones. */
export function nextFreeSlots(slots: readonly Slot[], after: Date, count = 5): Slot[] {
  const free = slots.filter((s) => s.free > 0);
  const later = free.filter((s) => s.start >= after);
  return (later.length > 0 ? later : free).slice(0, count);
}
