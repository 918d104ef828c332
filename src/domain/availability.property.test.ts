/**
 * Properties of slot generation over random places, days, closures, capacity changes and
 * bookings (fast-check): no slot outside opening hours, none on a public holiday, none before
 * the lead time; and booking slot after slot never puts more residents at a desk group than it
 * has units, nor two on one unit at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amsterdamInstant, minutesOfDay, wallTimeOf } from './availability-time';
import { availableSlots, type BookedUnit, type CapacityChange, type ClosurePeriod } from './availability';
import type { DeskGroup, Office } from './consortium-schema';
import { addDays, isoWeekday } from './dates';
import { isGeneralHoliday } from './holidays';

const FIRST_DAY = '2026-03-16'; // two weeks before summer time, Easter and Koningsdag ahead
const hhmm = (m: number) => wallTimeOf(m);

/** Opening hours per weekday and desk groups whose hours lie within them (as validation demands). */
const placeArb = fc
  .record({
    opens: fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 7 * 4, max: 10 * 4 }),
        fc.integer({ min: 4, max: 36 }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    desks: fc.array(
      fc.record({
        units: fc.integer({ min: 1, max: 4 }),
        shift: fc.integer({ min: 0, max: 8 }),
        cut: fc.integer({ min: 0, max: 8 }),
        urgent: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ opens, desks }) => {
    const byDay = new Map<number, [number, number]>();
    for (const [day, start, quarters] of opens)
      byDay.set(day, [start * 15, Math.min(start * 15 + quarters * 15, 20 * 60)]);
    const openingHours = [...byDay].map(([day, [o, c]]) => ({ day, opens: hhmm(o), closes: hhmm(c) }));
    const groups: DeskGroup[] = desks.map((d, i) => ({
      id: `desk-${i}`,
      types: ['t30', 't45'],
      urgentOnly: d.urgent,
      hours: [...byDay].flatMap(([day, [o, c]]) => {
        const from = o + d.shift * 15;
        const until = c - d.cut * 15;
        return from < until ? [{ days: [day], from: hhmm(from), until: hhmm(until), units: d.units }] : [];
      }),
    }));
    const place: Pick<Office, 'id' | 'openingHours' | 'desks'> = {
      id: 'p',
      openingHours,
      desks: groups.filter((g) => g.hours.length > 0),
    };
    return place;
  });

const closuresArb = fc.array(
  fc
    .tuple(
      fc.integer({ min: 0, max: 20 }),
      fc.option(fc.tuple(fc.integer({ min: 28, max: 60 }), fc.integer({ min: 1, max: 16 }))),
    )
    .map(([offset, window]): ClosurePeriod =>
      window
        ? { date: addDays(FIRST_DAY, offset), from: hhmm(window[0] * 15), until: hhmm(window[0] * 15 + window[1] * 15) }
        : { date: addDays(FIRST_DAY, offset) },
    ),
  { maxLength: 4 },
);

const typeArb = fc.constantFrom({ code: 't30', durationMinutes: 30 }, { code: 't45', durationMinutes: 45 });

function inside(place: Pick<Office, 'openingHours'>, date: string, time: string, endTime: string): boolean {
  const day = isoWeekday(date);
  const [from, to] = [minutesOfDay(time), minutesOfDay(endTime)];
  return place.openingHours.some((h) => h.day === day && minutesOfDay(h.opens) <= from && to <= minutesOfDay(h.closes));
}

function capacityOf(group: DeskGroup, changes: CapacityChange[], date: string, time: string, endTime: string): number {
  const touching = changes.filter(
    (c) => c.deskId === group.id && c.date === date && c.from < endTime && time < c.until,
  );
  if (touching.length > 0) return Math.min(...touching.map((c) => c.units));
  const hours = group.hours.find((h) => h.days.includes(isoWeekday(date)) && h.from <= time && endTime <= h.until);
  return hours?.units ?? 0;
}

describe('availability properties', () => {
  it('never offers a slot outside opening hours, on a holiday, in a closure or before the lead time', () => {
    fc.assert(
      fc.property(
        placeArb,
        typeArb,
        fc.boolean(),
        closuresArb,
        fc.integer({ min: 0, max: 14 * 24 }),
        (place, type, urgent, closures, leadHours) => {
          const earliest = new Date(amsterdamInstant(FIRST_DAY, '00:00').getTime() + leadHours * 3_600_000);
          const list = availableSlots({
            place,
            type,
            urgent,
            earliest,
            from: FIRST_DAY,
            until: addDays(FIRST_DAY, 20),
            closures,
            bookings: [],
          });
          for (const slot of list) {
            expect(inside(place, slot.date, slot.time, slot.endTime)).toBe(true);
            expect(isGeneralHoliday(slot.date)).toBe(false);
            expect(slot.start >= earliest).toBe(true);
            expect(slot.start.getTime()).toBe(amsterdamInstant(slot.date, slot.time).getTime());
            for (const c of closures.filter((c) => c.date === slot.date)) {
              expect(c.from !== undefined && (c.until! <= slot.time || slot.endTime <= c.from!)).toBe(true);
            }
            expect(slot.candidates).toHaveLength(slot.free);
            expect(
              slot.candidates.every((u) =>
                place.desks!.some((g) => g.id === u.deskId && Boolean(g.urgentOnly) === urgent),
              ),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never books more residents than units, whatever is booked in which order', () => {
    const changeArb = fc.array(
      fc.record({
        desk: fc.integer({ min: 0, max: 2 }),
        offset: fc.integer({ min: 0, max: 6 }),
        units: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(
        placeArb,
        changeArb,
        fc.array(fc.tuple(typeArb, fc.boolean(), fc.nat()), { minLength: 1, maxLength: 60 }),
        (place, rawChanges, attempts) => {
          const changes: CapacityChange[] = rawChanges.map((c) => ({
            deskId: `desk-${c.desk}`,
            date: addDays(FIRST_DAY, c.offset),
            from: '08:00',
            until: '13:00',
            units: c.units,
          }));
          const bookings: BookedUnit[] = [];
          const earliest = amsterdamInstant(FIRST_DAY, '00:00');
          for (const [type, urgent, pick] of attempts) {
            const list = availableSlots({
              place,
              type,
              urgent,
              earliest,
              from: FIRST_DAY,
              until: addDays(FIRST_DAY, 6),
              capacityChanges: changes,
              bookings,
            });
            if (list.length === 0) continue;
            const slot = list[pick % list.length]!;
            const unit = slot.candidates[0]!;
            const booking = { ...unit, start: slot.start, end: slot.end, typeCode: type.code };
            // What the data says this unit's group may hold during the slot, restated from the spec.
            const group = place.desks!.find((g) => g.id === unit.deskId)!;
            const capacity = capacityOf(group, changes, slot.date, slot.time, slot.endTime);
            const overlapping = bookings.filter(
              (o) => o.deskId === unit.deskId && o.start < slot.end && slot.start < o.end,
            );
            expect(overlapping.some((o) => o.unit === unit.unit)).toBe(false);
            expect(unit.unit).toBeLessThanOrEqual(capacity);
            // Bookings on one unit follow each other; distinct busy units are residents at once.
            expect(new Set(overlapping.map((o) => o.unit)).size + 1).toBeLessThanOrEqual(capacity);
            bookings.push(booking);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
