/**
 * Slot generation with real dates: DST changes (29 March and 25 October 2026), holidays
 * (Koningsdag on Monday 27 April 2026, Hemelvaart 14 May and the KB-equated 15 May),
 * closures, capacity, capacity changes, lead time and the Wgs windows.
 */
import { describe, expect, it } from 'vitest';
import { amsterdamInstant } from './availability-time';
import { availableSlots, bookingWindow, nextFreeSlots, type AvailabilityInput, type BookedUnit } from './availability';
import type { Office } from './consortium-schema';

const testPlace: Pick<Office, 'id' | 'openingHours' | 'desks' | 'closures'> = {
  id: 'central',
  openingHours: [
    ...[1, 2, 3, 4].map((day) => ({ day, opens: '08:30', closes: '17:00' })),
    { day: 5, opens: '08:30', closes: '12:30' },
  ],
  desks: [
    {
      id: 'rooms',
      types: ['intake', 'consult', 'debt'],
      hours: [
        { days: [1, 2, 3, 4, 5], from: '09:00', until: '12:00', units: 2 },
        { days: [1, 2, 3, 4], from: '13:00', until: '16:00', units: 1 },
      ],
    },
    {
      id: 'urgent',
      types: ['debt'],
      urgentOnly: true,
      hours: [{ days: [1, 2, 3, 4, 5], from: '10:00', until: '12:00', units: 1 }],
    },
  ],
  closures: [{ date: '2026-04-01', from: '13:00', until: '17:00', reason: { nl: 'Teamdag', en: 'Team day' } }],
};

const intake = { code: 'intake', durationMinutes: 45 };
const consult = { code: 'consult', durationMinutes: 30 };
const debt = { code: 'debt', durationMinutes: 60, urgentCapable: true };

function slots(overrides: Partial<AvailabilityInput> & { from: string }) {
  return availableSlots({
    place: testPlace,
    type: intake,
    urgent: false,
    earliest: new Date('2026-01-01T00:00:00Z'),
    until: overrides.from,
    bookings: [],
    ...overrides,
  });
}
const times = (list: ReturnType<typeof slots>) => list.map((s) => s.time);
const booked = (
  deskId: string,
  unit: number,
  date: string,
  from: string,
  to: string,
  typeCode = 'intake',
): BookedUnit => ({
  deskId,
  unit,
  start: amsterdamInstant(date, from),
  end: amsterdamInstant(date, to),
  typeCode,
});

describe('the slot grid', () => {
  it('steps by the type duration from each desk range, ending within it', () => {
    expect(times(slots({ from: '2026-03-30' }))).toEqual([
      '09:00',
      '09:45',
      '10:30',
      '11:15',
      '13:00',
      '13:45',
      '14:30',
      '15:15',
    ]);
    expect(times(slots({ from: '2026-03-30', type: consult }))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
    ]);
  });

  it('follows the weekday: Friday mornings only, nothing at weekends', () => {
    expect(times(slots({ from: '2026-03-27' }))).toEqual(['09:00', '09:45', '10:30', '11:15']);
    expect(slots({ from: '2026-03-28', until: '2026-03-29' })).toEqual([]);
  });
});

describe('daylight saving time (Europe/Amsterdam)', () => {
  it.each([
    ['Friday before summer time', '2026-03-27', '2026-03-27T08:00:00.000Z'],
    ['Monday after summer time began', '2026-03-30', '2026-03-30T07:00:00.000Z'],
    ['Friday before winter time', '2026-10-23', '2026-10-23T07:00:00.000Z'],
    ['Monday after winter time began', '2026-10-26', '2026-10-26T08:00:00.000Z'],
  ])('%s: 09:00 on %s is %s', (_, date, iso) => {
    const [first] = slots({ from: date });
    expect(first).toMatchObject({ date, time: '09:00', endTime: '09:45' });
    expect(first!.start.toISOString()).toBe(iso);
    expect(first!.end.getTime() - first!.start.getTime()).toBe(45 * 60_000);
  });

  it('keeps the same wall-clock grid over the week of the change', () => {
    const week = slots({ from: '2026-03-26', until: '2026-03-31' });
    const days = [...new Set(week.map((s) => s.date))];
    expect(days).toEqual(['2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31']);
    for (const day of ['2026-03-26', '2026-03-30']) {
      expect(week.filter((s) => s.date === day).map((s) => s.time)).toEqual(times(slots({ from: '2026-03-30' })));
    }
  });
});

describe('public holidays and closures', () => {
  it.each([
    ['Goede Vrijdag', '2026-04-03'],
    ['Tweede Paasdag', '2026-04-06'],
    ['Koningsdag (a Monday in 2026)', '2026-04-27'],
    ['Bevrijdingsdag', '2026-05-05'],
    ['Hemelvaartsdag', '2026-05-14'],
    ['the Friday after Hemelvaart (KB, Atw art. 3 lid 3)', '2026-05-15'],
    ['Tweede Pinksterdag', '2026-05-25'],
    ['Eerste Kerstdag', '2026-12-25'],
  ])('offers nothing on %s, %s', (_, date) => {
    expect(slots({ from: date })).toEqual([]);
  });

  it('offers the days around Koningsdag', () => {
    const days = new Set(slots({ from: '2026-04-24', until: '2026-04-28' }).map((s) => s.date));
    expect([...days]).toEqual(['2026-04-24', '2026-04-28']);
  });

  it('applies a partial closure from the data and a whole-day closure from the database', () => {
    expect(times(slots({ from: '2026-04-01' }))).toEqual(['09:00', '09:45', '10:30', '11:15']);
    expect(slots({ from: '2026-04-02', closures: [{ date: '2026-04-02' }] })).toEqual([]);
    expect(
      times(slots({ from: '2026-04-02', closures: [{ date: '2026-04-02', from: '10:00', until: '14:00' }] })),
    ).toEqual(['09:00', '14:30', '15:15']);
  });
});

describe('capacity and bookings', () => {
  const day = '2026-03-30';

  it('counts free units and names the ones to try, lowest first', () => {
    const [first] = slots({ from: day });
    expect(first).toMatchObject({
      free: 2,
      candidates: [
        { deskId: 'rooms', unit: 1 },
        { deskId: 'rooms', unit: 2 },
      ],
    });
    const [oneTaken] = slots({ from: day, bookings: [booked('rooms', 1, day, '09:00', '09:45')] });
    expect(oneTaken).toMatchObject({ time: '09:00', free: 1, candidates: [{ deskId: 'rooms', unit: 2 }] });
  });

  it('hides a full slot, or reports it with includeFull', () => {
    const full = [booked('rooms', 1, day, '09:00', '09:45'), booked('rooms', 2, day, '09:00', '09:45')];
    expect(times(slots({ from: day, bookings: full }))[0]).toBe('09:45');
    expect(slots({ from: day, bookings: full, includeFull: true })[0]).toMatchObject({
      time: '09:00',
      free: 0,
      candidates: [],
    });
  });

  it('sees an overlapping booking of another type on the same unit', () => {
    const consultation = booked('rooms', 1, day, '09:30', '10:00', 'consult');
    const list = slots({ from: day, bookings: [consultation] });
    expect(list.slice(0, 2).map((s) => [s.time, s.free])).toEqual([
      ['09:00', 1],
      ['09:45', 1],
    ]);
  });

  it('applies a capacity change to every slot it touches, down to zero', () => {
    const changes = [{ deskId: 'rooms', date: day, from: '09:00', until: '10:00', units: 0 }];
    expect(times(slots({ from: day, capacityChanges: changes })).slice(0, 2)).toEqual(['10:30', '11:15']);
    const more = [{ deskId: 'rooms', date: day, from: '13:00', until: '16:00', units: 3 }];
    expect(slots({ from: day, capacityChanges: more }).find((s) => s.time === '13:00')?.free).toBe(3);
  });

  it('counts bookings above a lowered capacity, and bookings on an unknown desk, against it', () => {
    const bookings = [booked('rooms', 2, day, '09:00', '09:45')];
    const lowered = [{ deskId: 'rooms', date: day, from: '09:00', until: '09:45', units: 1 }];
    expect(slots({ from: day, bookings, capacityChanges: lowered, includeFull: true })[0]).toMatchObject({ free: 0 });
    const legacy = [booked('-', 1, day, '09:00', '09:45'), booked('-', 2, day, '09:00', '09:45')];
    expect(slots({ from: day, bookings: legacy, includeFull: true })[0]).toMatchObject({ free: 0 });
  });
});

describe('lead time, urgency and windows', () => {
  it('offers nothing that starts before the earliest moment', () => {
    const now = amsterdamInstant('2026-03-30', '10:00');
    const window = bookingWindow({ minLeadMinutes: 120, horizonDays: 42 }, {}, false, now);
    expect(window).toMatchObject({ today: '2026-03-30', from: '2026-03-30', until: '2026-05-11' });
    expect(times(slots({ from: '2026-03-30', earliest: window.earliest }))).toEqual([
      '13:00',
      '13:45',
      '14:30',
      '15:15',
    ]);
  });

  it('books urgent debt help only on reserved desks, and normal debt help never on them', () => {
    expect(slots({ from: '2026-03-30', type: debt, urgent: true }).map((s) => [s.time, s.candidates])).toEqual([
      ['10:00', [{ deskId: 'urgent', unit: 1 }]],
      ['11:00', [{ deskId: 'urgent', unit: 1 }]],
    ]);
    const normal = slots({ from: '2026-03-30', type: debt });
    expect(normal.every((s) => s.candidates.every((c) => c.deskId === 'rooms'))).toBe(true);
  });

  it.each([
    ['urgent, asked on the Friday before Koningsdag', '2026-04-24', true, '2026-04-30'],
    ['urgent, asked the day before Hemelvaart', '2026-05-13', true, '2026-05-20'],
    ['not urgent: 4 weeks (Wgs art. 4)', '2026-04-24', false, '2026-05-22'],
    ['not urgent, 4 weeks ending on Tweede Pinksterdag (Atw)', '2026-04-27', false, '2026-05-26'],
  ])('the Wgs window: %s', (_, today, urgent, until) => {
    const window = bookingWindow(
      { minLeadMinutes: 120, horizonDays: 42 },
      debt,
      urgent,
      amsterdamInstant(today, '08:00'),
    );
    expect(window.until).toBe(until);
  });

  it('offers urgent slots only within 3 working days', () => {
    const now = amsterdamInstant('2026-04-24', '08:00');
    const window = bookingWindow({ minLeadMinutes: 120, horizonDays: 42 }, debt, true, now);
    const list = slots({ from: window.from, until: window.until, earliest: window.earliest, type: debt, urgent: true });
    expect([...new Set(list.map((s) => s.date))]).toEqual(['2026-04-24', '2026-04-28', '2026-04-29', '2026-04-30']);
  });

  it('lists the next free slots after a time, or the first ones when none come later', () => {
    const list = slots({ from: '2026-03-30' });
    expect(nextFreeSlots(list, amsterdamInstant('2026-03-30', '10:00'), 2).map((s) => s.time)).toEqual([
      '10:30',
      '11:15',
    ]);
    expect(nextFreeSlots(list, amsterdamInstant('2026-03-30', '18:00'), 1).map((s) => s.time)).toEqual(['09:00']);
  });
});
