/**
 * Reminder moments and quiet hours in Europe/Amsterdam, around the DST changes (2026: summer
 * time from Sunday 29 March 01:00Z, winter time from Sunday 25 October 01:00Z).
 */
import { describe, expect, it } from 'vitest';
import {
  appointmentTomorrowWindow,
  dueSoonWindow,
  dueTodayWindow,
  isWithin,
  pushAllowedFrom,
} from './notification-schedule';

const iso = (d: Date) => d.toISOString();

describe('document reminders', () => {
  it.each([
    // due date, "2 days" reminder at 09:00 local on D-2, until local midnight starting D-1
    ['2026-01-14', '2026-01-12T08:00:00.000Z', '2026-01-12T23:00:00.000Z'], // winter: UTC+1
    ['2026-07-15', '2026-07-13T07:00:00.000Z', '2026-07-13T22:00:00.000Z'], // summer: UTC+2
    ['2026-03-30', '2026-03-28T08:00:00.000Z', '2026-03-28T23:00:00.000Z'], // D-1 is the spring-forward Sunday
    ['2026-03-31', '2026-03-29T07:00:00.000Z', '2026-03-29T22:00:00.000Z'], // D-2 is the spring-forward Sunday: 09:00 is already summer time
    ['2026-10-27', '2026-10-25T08:00:00.000Z', '2026-10-25T23:00:00.000Z'], // D-2 is the fall-back Sunday: 09:00 is winter time again
    ['2026-10-26', '2026-10-24T07:00:00.000Z', '2026-10-24T22:00:00.000Z'], // the Saturday before: still summer time
  ])('due %s: "2 days" from %s until %s', (due, from, until) => {
    const window = dueSoonWindow(due);
    expect([iso(window.from), iso(window.until)]).toEqual([from, until]);
  });

  it.each([
    ['2026-03-29', '2026-03-29T06:00:00.000Z', '2026-03-29T22:00:00.000Z'], // 23-hour day
    ['2026-10-25', '2026-10-25T07:00:00.000Z', '2026-10-25T23:00:00.000Z'], // 25-hour day
    ['2026-11-18', '2026-11-18T07:00:00.000Z', '2026-11-18T23:00:00.000Z'],
  ])('due %s: "today" from 08:00 local (%s) until the end of that day (%s)', (due, from, until) => {
    const window = dueTodayWindow(due);
    expect([iso(window.from), iso(window.until)]).toEqual([from, until]);
  });

  it('is within its window only between from (inclusive) and until (exclusive)', () => {
    const window = dueTodayWindow('2026-11-18');
    expect(isWithin(window, new Date('2026-11-18T06:59:59Z'))).toBe(false);
    expect(isWithin(window, new Date('2026-11-18T07:00:00Z'))).toBe(true);
    expect(isWithin(window, new Date('2026-11-18T22:59:59Z'))).toBe(true);
    expect(isWithin(window, new Date('2026-11-18T23:00:00Z'))).toBe(false);
  });
});

describe('appointment tomorrow', () => {
  it.each([
    // appointment (UTC), reminder at 09:00 local the day before
    ['2026-03-30T08:00:00Z', '2026-03-29T07:00:00.000Z'], // Monday 10:00 CEST; the day before is the spring-forward Sunday
    ['2026-10-26T09:00:00Z', '2026-10-25T08:00:00.000Z'], // Monday 10:00 CET; the day before is the fall-back Sunday
    ['2026-03-29T07:30:00Z', '2026-03-28T08:00:00.000Z'], // Sunday 09:30 CEST; the day before is still winter time
    ['2026-11-18T22:30:00Z', '2026-11-17T08:00:00.000Z'], // 23:30 local on the 18th: the day before is the 17th
  ])('appointment at %s: reminder from %s', (startsAt, from) => {
    const window = appointmentTomorrowWindow(new Date(startsAt));
    expect(iso(window.from)).toBe(from);
    expect(iso(window.until)).toBe(new Date(startsAt).toISOString());
  });
});

describe('quiet hours for push (22:00-08:00 Amsterdam)', () => {
  it.each([
    ['2026-11-18T20:59:00Z', 'status_changed', '2026-11-18T20:59:00.000Z'], // 21:59: not quiet
    ['2026-11-18T21:00:00Z', 'status_changed', '2026-11-19T07:00:00.000Z'], // 22:00: wait for 08:00 CET
    ['2026-11-19T03:00:00Z', 'document_requested', '2026-11-19T07:00:00.000Z'], // 04:00
    ['2026-11-19T07:00:00Z', 'status_changed', '2026-11-19T07:00:00.000Z'], // 08:00 exactly: allowed
    ['2026-03-28T22:30:00Z', 'status_changed', '2026-03-29T06:00:00.000Z'], // night of spring-forward: 08:00 CEST
    ['2026-10-24T21:30:00Z', 'status_changed', '2026-10-25T07:00:00.000Z'], // night of fall-back: 08:00 CET
    ['2026-11-19T03:00:00Z', 'document_due_today', '2026-11-19T03:00:00.000Z'], // a deadline day may wake you
  ] as const)('at %s a %s push may go at %s', (now, type, allowed) => {
    expect(iso(pushAllowedFrom(new Date(now), type, true))).toBe(allowed);
  });

  it('sends at once when the resident switched quiet hours off', () => {
    expect(iso(pushAllowedFrom(new Date('2026-11-18T23:00:00Z'), 'status_changed', false))).toBe(
      '2026-11-18T23:00:00.000Z',
    );
  });
});
