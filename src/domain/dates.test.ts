import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addWeeks,
  amsterdamDateOf,
  amsterdamTimeOf,
  compareDates,
  daysBetween,
  isIsoDate,
  isoWeekday,
  maxDate,
  todayInAmsterdam,
} from './dates';

const isoDateBetween = (min: string, max: string) =>
  fc.integer({ min: 0, max: daysBetween(min, max) }).map((n) => addDays(min, n));

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2026-01-01', '2026-12-31', '1965-04-01'])('accepts %s', (s) =>
    expect(isIsoDate(s)).toBe(true),
  );
  it.each<[unknown, string]>([
    ['2025-02-29', 'no leap day in 2025'],
    ['2026-02-30', 'no 30 February'],
    ['2026-13-01', 'month 13'],
    ['2026-04-31', '30-day month'],
    ['2026-1-01', 'one-digit month'],
    ['2026-01-01T00:00:00Z', 'an instant'],
    ['', 'empty'],
    [20260101, 'a number'],
  ])('refuses %s (%s)', (s) => expect(isIsoDate(s)).toBe(false));
});

describe('arithmetic', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the spring DST switch
    ['2026-10-24', 2, '2026-10-26'], // across the autumn DST switch
  ])('addDays(%s, %i) = %s', (d, n, expected) => expect(addDays(d, n)).toBe(expected));

  it.each([
    ['2026-03-02', 8, '2026-04-27'],
    ['2025-11-06', 8, '2026-01-01'],
    ['2026-03-02', 6, '2026-04-13'],
  ])('addWeeks(%s, %i) = %s', (d, n, expected) => expect(addWeeks(d, n)).toBe(expected));

  it.each([
    ['2026-01-01', '2026-12-31', 364],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-04-13', '2026-03-02', -42],
    ['2026-03-29', '2026-03-29', 0],
  ])('daysBetween(%s, %s) = %i', (from, to, expected) => expect(daysBetween(from, to)).toBe(expected));

  it('compares and picks the later date', () => {
    expect(compareDates('2026-01-02', '2025-12-31')).toBe(1);
    expect(compareDates('2025-12-31', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(maxDate('2026-01-02', '2025-12-31')).toBe('2026-01-02');
  });

  it('refuses invalid input instead of guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('addDays and daysBetween are inverse (property)', () => {
    fc.assert(
      fc.property(isoDateBetween('1970-01-01', '2100-12-31'), fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const later = addDays(d, n);
        expect(isIsoDate(later)).toBe(true);
        expect(daysBetween(d, later)).toBe(n);
        expect(compareDates(d, later)).toBe(Math.sign(-n) || 0);
        expect(Math.sign(d.localeCompare(later))).toBe(compareDates(d, later));
      }),
    );
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-03-02', 1],
    ['2026-04-03', 5],
    ['2025-04-26', 6],
    ['2026-03-29', 7],
    ['2026-12-25', 5],
    ['2026-12-26', 6],
    ['2000-01-01', 6],
  ])('%s is weekday %i', (d, expected) => expect(isoWeekday(d)).toBe(expected));

  it('advances by one every day (property)', () => {
    fc.assert(
      fc.property(isoDateBetween('1970-01-01', '2100-12-31'), (d) => {
        expect(isoWeekday(addDays(d, 1))).toBe((isoWeekday(d) % 7) + 1);
      }),
    );
  });
});

describe('todayInAmsterdam', () => {
  it.each([
    // Spring forward: 2026-03-29 01:00 UTC, CET (+1) becomes CEST (+2).
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T00:59:59Z', '2026-03-29'],
    ['2026-03-29T01:00:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // Fall back: 2026-10-25 01:00 UTC, CEST (+2) becomes CET (+1).
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T00:30:00Z', '2026-10-25'],
    ['2026-10-25T01:30:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // 23:30 UTC is always the next day in the Netherlands, summer and winter.
    ['2026-01-15T23:30:00Z', '2026-01-16'],
    ['2026-07-15T23:30:00Z', '2026-07-16'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-02-28T23:30:00Z', '2026-03-01'],
  ])('at %s it is %s in Amsterdam', (instant, expected) => {
    expect(todayInAmsterdam(new Date(instant))).toBe(expected);
  });

  it('defaults to now', () => {
    expect(isIsoDate(todayInAmsterdam())).toBe(true);
  });

  it('refuses an invalid instant', () => {
    expect(() => amsterdamDateOf(new Date('nope'))).toThrow(RangeError);
  });

  /** Independent oracle: the runtime's own time-zone data (ICU), which follows any change of the rule. */
  const zoneData = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const oracle = (instant: Date): string => zoneData.format(instant);

  it('agrees with the time-zone data at every switch of the clock, 1996-2100, and the hours around it', () => {
    for (let year = 1996; year <= 2100; year += 1) {
      for (const monthIndex of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
        const switchAt = Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (let hours = -26; hours <= 26; hours += 1) {
          for (const seconds of [-1, 0]) {
            const instant = new Date(switchAt + hours * 3_600_000 + seconds * 1000);
            expect(todayInAmsterdam(instant), instant.toISOString()).toBe(oracle(instant));
          }
        }
      }
    }
  });

  it('reads the clock in the Netherlands as the time-zone data does, around every switch 2020-2040', () => {
    const clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let year = 2020; year <= 2040; year += 1) {
      for (const monthIndex of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
        const switchAt = Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (let minutes = -120; minutes <= 120; minutes += 15) {
          const instant = new Date(switchAt + minutes * 60_000);
          expect(amsterdamTimeOf(instant), instant.toISOString()).toBe(clock.format(instant));
        }
      }
    }
    expect(amsterdamTimeOf(new Date('2026-11-16T08:30:00Z'))).toBe('09:30');
    expect(amsterdamTimeOf(new Date('2026-07-01T22:05:00Z'))).toBe('00:05');
  });

  it('agrees with the time-zone data for any instant 1996-2100 (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (instant) => {
          expect(todayInAmsterdam(instant)).toBe(oracle(instant));
        },
      ),
    );
  });
});
