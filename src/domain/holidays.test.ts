import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isoWeekday } from './dates';
import { generalHolidays, isGeneralHoliday } from './holidays';

describe('generalHolidays (Algemene termijnenwet art. 3)', () => {
  // Checked against published Dutch calendars for these years.
  it('lists 2026 exactly', () => {
    expect(generalHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01', // Nieuwjaarsdag (Thursday)
      '2026-01-02', // KB-equated bridge day
      '2026-04-03', // Goede Vrijdag
      '2026-04-06', // Tweede Paasdag
      '2026-04-27', // Koningsdag (Monday)
      '2026-05-05', // Bevrijdingsdag (not a "lustrum" year: still a general holiday)
      '2026-05-14', // Hemelvaartsdag
      '2026-05-15', // KB-equated bridge day
      '2026-05-25', // Tweede Pinksterdag
      '2026-12-25', // Eerste Kerstdag (Friday)
      '2026-12-26', // Tweede Kerstdag (Saturday)
    ]);
  });

  it('lists 2025 exactly', () => {
    expect(generalHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-04-26', // Koningsdag on Saturday: 27 April 2025 is a Sunday
      '2025-05-05',
      '2025-05-29',
      '2025-05-30',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it.each([
    ['2024-04-01', 'Tweede Paasdag'],
    ['2024-05-09', 'Hemelvaartsdag'],
    ['2024-05-20', 'Tweede Pinksterdag'],
    ['2025-04-21', 'Tweede Paasdag'],
    ['2025-04-26', 'Koningsdag'],
    ['2025-05-29', 'Hemelvaartsdag'],
    ['2025-06-09', 'Tweede Pinksterdag'],
    ['2026-04-03', 'Goede Vrijdag'],
    ['2026-04-06', 'Tweede Paasdag'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-25', 'Tweede Pinksterdag'],
    ['2027-03-26', 'Goede Vrijdag'],
    ['2027-03-29', 'Tweede Paasdag'],
    ['2027-05-06', 'Hemelvaartsdag'],
    ['2027-05-17', 'Tweede Pinksterdag'],
    ['2014-04-26', 'Koningsdag'], // first Koningsdag, moved from Sunday 27 April
    ['2013-04-30', 'Koningsdag'], // Koninginnedag, same Atw role
    ['2028-05-05', 'Bevrijdingsdag'],
  ])('%s is %s', (date, name) => {
    expect(isGeneralHoliday(date)).toBe(true);
    expect(generalHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name).toBe(name);
  });

  it.each([
    ['2026-05-04', 'Dodenherdenking is a remembrance, not a holiday'],
    ['2026-02-16', 'carnival Monday is local'],
    ['2026-12-24', 'Christmas Eve'],
    ['2026-12-31', 'New Year’s Eve'],
    ['2026-12-05', 'Sinterklaasavond'],
    ['2026-04-28', 'the day after Koningsdag'],
    ['2027-04-26', 'no KB bridge day before Koningsdag 2027'],
  ])('%s is not a general holiday (%s)', (date) => expect(isGeneralHoliday(date)).toBe(false));

  it('every KB-equated day is a weekday next to a statutory holiday', () => {
    for (const year of [2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028]) {
      for (const h of generalHolidays(year).filter((x) => x.name.startsWith('Gelijkgestelde'))) {
        expect(isoWeekday(h.date)).toBeLessThanOrEqual(5);
        expect(isGeneralHoliday(addDays(h.date, -1)) || isGeneralHoliday(addDays(h.date, 1))).toBe(true);
      }
    }
  });

  it('has the nine statutory days plus Goede Vrijdag in every year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 2100 }), (year) => {
        const holidays = generalHolidays(year);
        expect(holidays.filter((h) => !h.name.startsWith('Gelijkgestelde'))).toHaveLength(9);
        expect(holidays.map((h) => h.date)).toContain(`${year}-05-05`);
        const goodFriday = holidays.find((h) => h.name === 'Goede Vrijdag')!;
        expect(isoWeekday(goodFriday.date)).toBe(5);
        expect(holidays.find((h) => h.name === 'Tweede Paasdag')?.date).toBe(addDays(goodFriday.date, 3));
        expect(holidays.find((h) => h.name === 'Hemelvaartsdag')?.date).toBe(addDays(goodFriday.date, 41));
        expect(holidays.find((h) => h.name === 'Tweede Pinksterdag')?.date).toBe(addDays(goodFriday.date, 52));
        const kingsDay = holidays.find((h) => h.name === 'Koningsdag')!.date;
        expect(isoWeekday(kingsDay)).not.toBe(7);
      }),
      { numRuns: 50 },
    );
  });

  it('returns copies, so callers cannot corrupt the cache', () => {
    const first = generalHolidays(2026);
    first.pop();
    first[0]!.date = '1999-01-01';
    expect(generalHolidays(2026)).toHaveLength(11);
    expect(generalHolidays(2026)[0]?.date).toBe('2026-01-01');
  });

  it('refuses years outside the Atw', () => {
    expect(() => generalHolidays(1964)).toThrow(RangeError);
    expect(() => generalHolidays(2026.5)).toThrow(RangeError);
    expect(() => isGeneralHoliday('2026-02-30')).toThrow(RangeError);
  });
});
