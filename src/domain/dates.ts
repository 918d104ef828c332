/**
 * Plain calendar dates ('YYYY-MM-DD') without a time zone: a deadline is a day in the
 * Netherlands, not an instant. Arithmetic runs on UTC midnights so that DST never shifts a day.
 *
 * The browser client imports this file: keep it tiny and free of dependencies.
 */
export type IsoDate = string;

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01, or NaN when `s` is not a real calendar date (e.g. 2026-02-30). */
function epochDayOrNaN(s: string): number {
  const match = ISO_DATE.exec(s);
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0..99 to 1900..1999.
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return Number.NaN;
  }
  return date.getTime() / MS_PER_DAY;
}

function toEpochDay(d: IsoDate): number {
  const day = epochDayOrNaN(d);
  if (Number.isNaN(day)) throw new RangeError(`INVALID_DATE: ${JSON.stringify(d)}`);
  return day;
}

function fromEpochDay(day: number): IsoDate {
  const iso = new Date(day * MS_PER_DAY).toISOString();
  if (!ISO_DATE.test(iso.slice(0, 10))) throw new RangeError('DATE_OUT_OF_RANGE');
  return iso.slice(0, 10);
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && !Number.isNaN(epochDayOrNaN(s));
}

export function addDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'days');
  return fromEpochDay(toEpochDay(d) + n);
}

export function addWeeks(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'weeks');
  return addDays(d, n * 7);
}

/** `to` minus `from` in days: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** ISO 8601 weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(d: IsoDate): IsoWeekday {
  const sundayZero = new Date(toEpochDay(d) * MS_PER_DAY).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of `monthIndex` (0-11) in `year`, in ms since the epoch. */
function lastSundayAt0100Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The calendar day in the Netherlands at `instant` (an instant from 1996 on). The Netherlands
 * keeps Central European Time (UTC+1) and summer time (UTC+2) from the last Sunday of March to
 * the last Sunday of October, switching at 01:00 UTC: the EU rule since 1996 (Directive
 * 2000/84/EC). Computed here, not with Intl: a phone's first Intl date formatter loads the
 * locale and zone data, 100 to 300 ms of a slow phone's main thread on the way to the first
 * screen (measured, issue 16). dates.test.ts checks the rule against the runtime's time-zone
 * data, so the day the EU changes it and the data has it, the tests say so.
 */
export function amsterdamDateOf(instant: Date): IsoDate {
  const local = amsterdamWallClock(instant);
  const iso = `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
  if (!isIsoDate(iso)) throw new RangeError(`INVALID_INSTANT: ${instant.toISOString()}`);
  return iso;
}

/** The time on a clock in the Netherlands at `instant`, 'HH:MM' (24 hours; see amsterdamDateOf). */
export function amsterdamTimeOf(instant: Date): string {
  const local = amsterdamWallClock(instant);
  return `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `instant` moved by the Dutch offset, so its UTC fields read as the clock in the Netherlands. */
function amsterdamWallClock(instant: Date): Date {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('INVALID_INSTANT');
  const year = instant.getUTCFullYear();
  const summer = t >= lastSundayAt0100Utc(year, 2) && t < lastSundayAt0100Utc(year, 9);
  return new Date(t + (summer ? 2 : 1) * HOUR_MS);
}

/** Today in the Netherlands; a server in UTC would otherwise be a day behind after 22:00/23:00. */
export function todayInAmsterdam(now: Date = new Date()): IsoDate {
  return amsterdamDateOf(now);
}
