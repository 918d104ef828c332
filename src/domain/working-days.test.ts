import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, daysBetween, isoWeekday } from './dates';
import { addWorkingDays, applyAlgemeneTermijnenwet, isWorkingDay, nextWorkingDayOnOrAfter } from './working-days';

const isoDateBetween = (min: string, max: string) =>
  fc.integer({ min: 0, max: daysBetween(min, max) }).map((n) => addDays(min, n));
const anyDate = isoDateBetween('2015-01-01', '2035-12-31');

/** n weekdays after d, ignoring holidays: the lower bound for n working days. */
function addWeekdays(d: string, n: number): string {
  let day = d;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5) counted += 1;
  }
  return day;
}

describe('isWorkingDay', () => {
  it.each([
    ['2026-04-02', true, 'Maundy Thursday'],
    ['2026-04-03', false, 'Goede Vrijdag'],
    ['2026-04-04', false, 'Saturday'],
    ['2026-04-06', false, 'Tweede Paasdag'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-04-27', false, 'Koningsdag'],
    ['2026-05-04', true, 'Dodenherdenking'],
    ['2026-05-05', false, 'Bevrijdingsdag'],
    ['2026-05-15', false, 'KB bridge day after Hemelvaartsdag'],
    ['2026-12-24', true, 'Christmas Eve'],
    ['2026-12-25', false, 'Eerste Kerstdag'],
    ['2026-12-28', true, 'Monday after Christmas'],
  ])('%s → %s (%s)', (d, expected) => expect(isWorkingDay(d)).toBe(expected));
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-04-02', 1, '2026-04-07', 'over Easter: Good Friday, weekend, Easter Monday'],
    ['2026-04-02', 3, '2026-04-09', 'three working days from Maundy Thursday'],
    ['2026-12-23', 2, '2026-12-28', 'Christmas on Friday and Saturday'],
    ['2026-12-31', 1, '2027-01-04', 'over New Year on a Friday'],
    ['2025-12-31', 1, '2026-01-05', 'New Year on Thursday plus KB Friday'],
    ['2026-05-13', 1, '2026-05-18', 'Hemelvaartsdag plus KB Friday'],
    ['2026-03-02', 5, '2026-03-09', 'a plain week'],
    ['2026-04-04', 0, '2026-04-04', 'zero keeps the day, even a Saturday'],
  ])('addWorkingDays(%s, %i) = %s (%s)', (d, n, expected) => expect(addWorkingDays(d, n)).toBe(expected));

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
  });

  it('lands on a working day, never before n weekdays, with exactly n working days (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const result = addWorkingDays(d, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(compareDates(result, addWeekdays(d, n))).toBeGreaterThanOrEqual(0);
        let count = 0;
        for (let day = addDays(d, 1); compareDates(day, result) <= 0; day = addDays(day, 1)) {
          if (isWorkingDay(day)) count += 1;
        }
        expect(count).toBe(n);
      }),
    );
  });
});

describe('applyAlgemeneTermijnenwet (art. 1)', () => {
  it.each([
    ['2026-03-03', '2026-03-03', 'a Tuesday stays'],
    ['2026-04-04', '2026-04-07', 'Saturday before Easter Monday'],
    ['2026-04-03', '2026-04-07', 'Goede Vrijdag'],
    ['2026-04-25', '2026-04-28', 'Saturday before Koningsdag on Monday'],
    ['2026-05-14', '2026-05-18', 'Hemelvaartsdag and its KB Friday'],
    ['2026-05-23', '2026-05-26', 'Whitsun weekend'],
    ['2026-12-26', '2026-12-28', 'Tweede Kerstdag on Saturday'],
    ['2027-01-01', '2027-01-04', 'Nieuwjaarsdag on Friday'],
    ['2027-05-05', '2027-05-10', '5 May, Hemelvaartsdag and KB Friday in a row'],
    ['2025-04-26', '2025-04-28', 'Koningsdag on Saturday'],
  ])('%s → %s (%s)', (d, expected) => expect(applyAlgemeneTermijnenwet(d)).toBe(expected));

  it('is the first working day on or after the last day (property)', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const result = applyAlgemeneTermijnenwet(d);
        expect(result).toBe(nextWorkingDayOnOrAfter(d));
        expect(isWorkingDay(result)).toBe(true);
        for (let day = d; compareDates(day, result) < 0; day = addDays(day, 1)) {
          expect(isWorkingDay(day)).toBe(false);
        }
        if (isWorkingDay(d)) expect(result).toBe(d);
      }),
    );
  });
});
