// The urgent debt-help term as real dates: 3 working days, weekends and Dutch holidays skipped.
import { describe, expect, it } from 'vitest';
import { urgentTermEndsOn, urgentTermExceeded } from './appointments-urgent';

describe('urgent debt-help term (Wgs art. 4)', () => {
  it.each([
    ['2026-12-07', '2026-12-10', 'a Monday: Thursday'],
    ['2026-12-04', '2026-12-09', 'a Friday: the weekend does not count'],
    ['2026-04-24', '2026-04-30', 'the Friday before Koningsdag (Monday 27 April)'],
    ['2026-12-23', '2026-12-29', 'Christmas: both days skipped'],
  ])('requested on %s ends on %s (%s)', (requestedOn, endsOn) => {
    expect(urgentTermEndsOn(requestedOn)).toBe(endsOn);
  });

  it('allows every day up to and including the last day, and names that day after it', () => {
    expect(urgentTermExceeded('2026-12-07', '2026-12-07')).toBeNull();
    expect(urgentTermExceeded('2026-12-10', '2026-12-07')).toBeNull();
    expect(urgentTermExceeded('2026-12-11', '2026-12-07')).toBe('2026-12-10');
    expect(urgentTermExceeded('2027-01-04', '2026-12-07')).toBe('2026-12-10');
  });

  it('a reschedule keeps the term of the first request, however late it is moved', () => {
    // Booked on Friday 4 December: moving it on Tuesday 8 December still ends on the 9th.
    expect(urgentTermExceeded('2026-12-10', '2026-12-04')).toBe('2026-12-09');
  });
});
