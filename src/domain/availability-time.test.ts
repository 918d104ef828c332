import { describe, expect, it } from 'vitest';
import { amsterdamInstant, amsterdamWallClock, minutesOfDay, wallTimeOf } from './availability-time';

describe('Amsterdam wall clock and instants', () => {
  it.each([
    // Winter (CET, UTC+1) and summer (CEST, UTC+2) either side of the 2026 changes.
    ['2026-03-27', '09:00', '2026-03-27T08:00:00.000Z'],
    ['2026-03-30', '09:00', '2026-03-30T07:00:00.000Z'],
    ['2026-10-23', '09:00', '2026-10-23T07:00:00.000Z'],
    ['2026-10-26', '09:00', '2026-10-26T08:00:00.000Z'],
    // On the change days themselves (clocks move at 01:00 UTC).
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
    ['2026-10-25', '01:30', '2026-10-24T23:30:00.000Z'],
    ['2026-10-25', '03:30', '2026-10-25T02:30:00.000Z'],
    ['2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'],
    // Midnight belongs to the day it starts.
    ['2026-01-01', '00:00', '2025-12-31T23:00:00.000Z'],
    ['2026-07-01', '00:00', '2026-06-30T22:00:00.000Z'],
  ])('%s %s is %s', (date, time, iso) => {
    expect(amsterdamInstant(date, time).toISOString()).toBe(iso);
    expect(amsterdamWallClock(new Date(iso))).toEqual({ date, time });
  });

  it('moves a time in the missing spring hour forward, and takes winter time in the doubled autumn hour', () => {
    expect(amsterdamInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(amsterdamInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('converts minutes and HH:MM both ways and refuses nonsense', () => {
    expect(minutesOfDay('08:30')).toBe(510);
    expect(wallTimeOf(510)).toBe('08:30');
    expect(() => minutesOfDay('24:00')).toThrow(RangeError);
    expect(() => wallTimeOf(1440)).toThrow(RangeError);
    expect(() => amsterdamWallClock(new Date('x'))).toThrow(RangeError);
  });
});
