/**
 * Wall-clock times in the Netherlands and the instants they stand for. Opening hours and slots
 * are wall-clock ('09:00' on a date); a booking is an instant. Europe/Amsterdam is CET (UTC+1)
 * in winter and CEST (UTC+2) in summer, switching at 01:00 UTC on the last Sundays of March and
 * October (EU Directive 2000/84/EC), so 09:00 is 08:00Z in winter and 07:00Z in summer. The
 * offsets come from the ICU time-zone data through Intl, not from a hard-coded rule.
 *
 * No dependencies: the browser client may import this file.
 */
import type { IsoDate } from './dates';

/** 'HH:MM', 24-hour clock */
export type WallTime = string;

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

export function isWallTime(s: unknown): s is WallTime {
  return typeof s === 'string' && WALL_TIME.test(s);
}

/** Minutes since midnight of a 'HH:MM' time. */
export function minutesOfDay(time: WallTime): number {
  const match = WALL_TIME.exec(time);
  if (!match) throw new RangeError(`INVALID_TIME: ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 'HH:MM' of minutes since midnight (0 <= minutes < 1440). */
export function wallTimeOf(minutes: number): WallTime {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 1440) throw new RangeError(`INVALID_MINUTES: ${minutes}`);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

let formatter: Intl.DateTimeFormat | undefined;

/** Minutes Amsterdam is ahead of UTC at `epochMs` (60 or 120). */
function offsetMinutesAt(epochMs: number): number {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts = formatter.formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wallAsUtc - Math.floor(epochMs / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** Per calendar day: its one offset, or null on the two days a year the clocks change. */
const dayOffsets = new Map<IsoDate, number | null>();

function offsetOfDay(date: IsoDate, midnightAsUtc: number): number | null {
  const cached = dayOffsets.get(date);
  if (cached !== undefined) return cached;
  // The local day lies within [D-1 21:00Z, D 23:59Z]; one offset at both ends means no change.
  const before = offsetMinutesAt(midnightAsUtc - 3 * 60 * MINUTE_MS);
  const after = offsetMinutesAt(midnightAsUtc + (24 * 60 - 1) * MINUTE_MS);
  const offset = before === after ? before : null;
  if (dayOffsets.size > 5000) dayOffsets.clear();
  dayOffsets.set(date, offset);
  return offset;
}

/**
 * The instant of a wall-clock time on a date in Amsterdam. On the spring-forward day a time in
 * the missing hour (02:00-02:59) comes out one hour later; on the fall-back day a time in the
 * doubled hour is taken in winter time (the later one). Offices are closed at those hours.
 */
export function amsterdamInstant(date: IsoDate, time: WallTime): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  if (Number.isNaN(midnightAsUtc)) throw new RangeError(`INVALID_DATE: ${JSON.stringify(date)}`);
  const wallAsUtc = midnightAsUtc + minutesOfDay(time) * MINUTE_MS;
  const dayOffset = offsetOfDay(date, midnightAsUtc);
  if (dayOffset !== null) return new Date(wallAsUtc - dayOffset * MINUTE_MS);
  const guess = wallAsUtc - offsetMinutesAt(wallAsUtc) * MINUTE_MS;
  return new Date(wallAsUtc - offsetMinutesAt(guess) * MINUTE_MS);
}

/** The Amsterdam date and wall-clock time of an instant. */
export function amsterdamWallClock(instant: Date): { date: IsoDate; time: WallTime } {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('INVALID_INSTANT');
  const local = new Date(ms + offsetMinutesAt(ms) * MINUTE_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
