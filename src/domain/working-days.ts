/**
 * Working days and the Algemene termijnenwet (Atw). Server-only, because it depends on
 * ./holidays (date-holidays).
 *
 * A working day here is Monday to Friday and not an Atw general holiday (which includes Goede
 * Vrijdag and the days equated by KB). Acts such as the Wgs say "werkdagen" without defining
 * them; the Atw list is the statutory one, so we use it rather than an office calendar.
 */
import { addDays, isoWeekday, type IsoDate } from './dates';
import { isGeneralHoliday } from './holidays';

export function isWorkingDay(d: IsoDate): boolean {
  return isoWeekday(d) <= 5 && !isGeneralHoliday(d);
}

export function nextWorkingDayOnOrAfter(d: IsoDate): IsoDate {
  let day = d;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The n-th working day after `d` (`d` itself never counts). n = 0 returns `d` unchanged, so a
 * caller that needs a working day must ask for n >= 1.
 */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`WORKING_DAYS_NEGATIVE: ${n}`);
  let day = d;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/**
 * Atw art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or general holiday runs
 * up to and including the next day that is none of these. (Atw art. 2, two working days in any
 * term of three days or more, never bites on our terms of weeks.) The Atw speaks of terms set
 * by law; a repair term (hersteltermijn) is set by the municipality, and we show its own date.
 */
export function applyAlgemeneTermijnenwet(lastDay: IsoDate): IsoDate {
  return nextWorkingDayOnOrAfter(lastDay);
}
