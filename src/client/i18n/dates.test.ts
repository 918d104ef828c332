/**
 * Dates in Dutch and English are written without Intl (issue 16: a phone's first Intl date
 * formatter costs 100-300 ms on the way to the first screen), in exactly Intl's words.
 */
import { describe, expect, it } from 'vitest';
import { formatInstant, formatIsoDate } from './dates';

describe('a calendar date as a resident reads it', () => {
  const intl = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });

  it.each([
    ['nl', 'nl-NL'],
    ['en', 'en-GB'],
  ])('%s: the same words as Intl (%s) on every day of two years', (locale, region) => {
    const format = intl(region);
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(formatIsoDate(iso, locale), iso).toBe(format.format(new Date(day)));
    }
  });

  it('writes "3 december 2026" in Dutch, never a day earlier in any time zone of the phone', () => {
    expect(formatIsoDate('2026-12-03', 'nl')).toBe('3 december 2026');
    expect(formatIsoDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('leaves other languages to Intl', () => {
    expect(formatIsoDate('2026-12-03', 'ar')).toBe(intl('ar').format(new Date(Date.UTC(2026, 11, 3))));
  });
});

describe('an instant as date and time in the Netherlands', () => {
  it.each([
    ['nl', 'nl-NL'],
    ['en', 'en-GB'],
  ])('%s: the same words as Intl (%s), winter and summer, around midnight', (locale, region) => {
    const intl = new Intl.DateTimeFormat(region, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    });
    for (let t = Date.UTC(2026, 0, 1, 21, 0); t < Date.UTC(2028, 0, 1); t += 86_400_000 * 3 + 47 * 60_000) {
      const iso = new Date(t).toISOString();
      expect(formatInstant(iso, locale), iso).toBe(intl.format(new Date(t)));
    }
  });

  it('writes "16 november 2026 om 09:30" in Dutch', () => {
    expect(formatInstant('2026-11-16T08:30:00Z', 'nl')).toBe('16 november 2026 om 09:30');
  });
});
