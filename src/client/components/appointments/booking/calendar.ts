/**
 * Days and opening hours as the booking pages show them: free days grouped per week (a resident
 * thinks "next week Tuesday", not "the 15th"), and opening hours with equal days joined
 * ("maandag t/m donderdag"). Pure: the components add the words.
 */
import type { OpeningHours } from '../../../../domain/appointments-api';
import { addDays, isoWeekday, type IsoDate } from '../../../../domain/dates';

export interface Week<T> {
  /** The Monday of the week */
  monday: IsoDate;
  days: T[];
}

/** Items in date order, grouped per ISO week (Monday to Sunday). */
export function groupByWeek<T extends { date: IsoDate }>(items: readonly T[]): Week<T>[] {
  const weeks: Week<T>[] = [];
  for (const item of items) {
    const monday = addDays(item.date, 1 - isoWeekday(item.date));
    const last = weeks[weeks.length - 1];
    if (last?.monday === monday) last.days.push(item);
    else weeks.push({ monday, days: [item] });
  }
  return weeks;
}

export interface HoursLine {
  /** First and last ISO weekday of a run of days with the same hours (equal for one day) */
  from: number;
  until: number;
  /** The day's opening periods, in order ("09:00"–"12:00", "13:00"–"16:00") */
  periods: Array<{ opens: string; closes: string }>;
}

/** Opening hours per run of consecutive weekdays with the same periods. */
export function hoursLines(hours: readonly OpeningHours[]): HoursLine[] {
  const perDay = new Map<number, Array<{ opens: string; closes: string }>>();
  for (const h of [...hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))) {
    const periods = perDay.get(h.day) ?? [];
    periods.push({ opens: h.opens, closes: h.closes });
    perDay.set(h.day, periods);
  }
  const lines: HoursLine[] = [];
  const same = (a: HoursLine['periods'], b: HoursLine['periods']) =>
    a.length === b.length && a.every((p, i) => p.opens === b[i]!.opens && p.closes === b[i]!.closes);
  for (const [day, periods] of perDay) {
    const last = lines[lines.length - 1];
    if (last && last.until === day - 1 && same(last.periods, periods)) last.until = day;
    else lines.push({ from: day, until: day, periods });
  }
  return lines;
}
