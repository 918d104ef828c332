// Free days per week and opening hours with equal days joined, as the booking steps show them.
import { describe, expect, it } from 'vitest';
import { groupByWeek, hoursLines } from './calendar';

describe('groupByWeek', () => {
  it('starts a new group on each Monday, whatever days are missing', () => {
    const days = ['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-09', '2026-12-21'].map((date) => ({ date }));
    expect(groupByWeek(days).map((w) => [w.monday, w.days.map((d) => d.date)])).toEqual([
      ['2026-11-30', ['2026-12-03', '2026-12-04']],
      ['2026-12-07', ['2026-12-07', '2026-12-09']],
      ['2026-12-21', ['2026-12-21']],
    ]);
  });
});

describe('hoursLines', () => {
  it('joins consecutive days with the same hours and keeps a shorter Friday apart', () => {
    const hours = [1, 2, 3, 4].map((day) => ({ day, opens: '08:30', closes: '17:00' }));
    expect(hoursLines([...hours, { day: 5, opens: '08:30', closes: '12:30' }])).toEqual([
      { from: 1, until: 4, periods: [{ opens: '08:30', closes: '17:00' }] },
      { from: 5, until: 5, periods: [{ opens: '08:30', closes: '12:30' }] },
    ]);
  });

  it('keeps days apart that are not next to each other, and a lunch break as two periods', () => {
    expect(
      hoursLines([
        { day: 4, opens: '13:00', closes: '16:00' },
        { day: 2, opens: '13:00', closes: '16:00' },
        { day: 2, opens: '09:00', closes: '12:00' },
      ]),
    ).toEqual([
      {
        from: 2,
        until: 2,
        periods: [
          { opens: '09:00', closes: '12:00' },
          { opens: '13:00', closes: '16:00' },
        ],
      },
      { from: 4, until: 4, periods: [{ opens: '13:00', closes: '16:00' }] },
    ]);
  });
});
