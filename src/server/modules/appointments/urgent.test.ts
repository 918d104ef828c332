/**
 * Urgent debt help (Wgs art. 4): with a threat of eviction, cut-off of energy or water, or
 * cancelled health insurance, only slots within 3 working days from the reserved urgent desks;
 * when those are gone, the answer says to call now, with the number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../../../domain/appointments-api';
import { addWorkingDays } from '../../../domain/working-days';
import { testDatabases } from '../../testing';
import { createAppointmentsTestApp, type AppointmentsTestApp, type Resident } from './testing';

// Friday 24 April 2026, 08:00: Koningsdag (Monday 27 April) is not a working day.
const NOW = new Date('2026-04-24T06:00:00Z');
const URGENT = '/api/appointments/availability?type=debt-help-first&urgent=true';

describe.each(testDatabases)('urgent debt help on %s', (kind) => {
  let t: AppointmentsTestApp;
  let pieter: Resident;

  beforeAll(async () => {
    t = await createAppointmentsTestApp(kind, { now: NOW });
    pieter = await t.signedIn('999990044');
  });
  afterAll(() => t?.close());

  it('offers only reserved slots within 3 working days (Koningsdag skipped)', async () => {
    const urgent = (await pieter.get(URGENT)).json() as Availability;
    expect(addWorkingDays('2026-04-24', 3)).toBe('2026-04-30');
    expect(urgent.window).toEqual({ from: '2026-04-24', until: '2026-04-30' });
    expect(urgent.days.map((d) => d.date)).toEqual(['2026-04-24', '2026-04-28', '2026-04-29', '2026-04-30']);
    expect(urgent.days[0]!.slots.map((s) => s.time)).toEqual(['10:00', '11:00']);
    expect(urgent.days[1]!.slots.map((s) => s.time)).toEqual(['10:00', '11:00', '14:00', '15:00']);
    const normal = (await pieter.get('/api/appointments/availability?type=debt-help-first')).json() as Availability;
    expect(normal.window.until).toBe('2026-05-22'); // 4 weeks
    expect(normal.days.at(-1)!.date).toBe('2026-05-22');
  });

  it('books an urgent slot on the reserved desk, linked to the debt-help case', async () => {
    const [slot] = (await pieter.get(URGENT)).json().days[0].slots;
    const res = await pieter.post('/api/appointments', {
      type: 'debt-help-first',
      place: slot.placeId,
      start: slot.start,
      urgency: 'eviction',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().appointment).toMatchObject({ urgency: 'eviction', caseId: expect.any(String) });
    const row = await t.ctx.db
      .selectFrom('appointments')
      .select(['desk_id'])
      .where('id', '=', res.json().appointment.id)
      .executeTakeFirstOrThrow();
    expect(row.desk_id).toBe('schuldhulp-spoed');
  });

  it('says "call now" with the number once the urgent capacity is used up', async () => {
    const others = await Promise.all(['999990019', '999990032', '999990068'].map((bsn) => t.signedIn(bsn)));
    const { days } = (await pieter.get(URGENT)).json() as Availability;
    const slots = days.flatMap((d) => d.slots);
    for (const [i, slot] of slots.entries()) {
      const r = others[i % others.length]!;
      const res = await r.post('/api/appointments', {
        type: 'debt-help-first',
        place: slot.placeId,
        start: slot.start,
        urgency: 'energy_or_water',
      });
      expect(res.statusCode).toBe(201);
    }
    const full = (await pieter.get(URGENT)).json() as Availability;
    expect(full.days).toEqual([]);
    expect(full.callNow).toEqual({ code: 'URGENT_CAPACITY_FULL', phone: '070 012 34 56' });

    const late = await pieter.post('/api/appointments', {
      type: 'debt-help-first',
      place: slots[0]!.placeId,
      start: slots[0]!.start,
      urgency: 'eviction',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'URGENT_CAPACITY_FULL', details: { phone: '070 012 34 56' } });
    // Normal debt help is still bookable from the regular desks.
    expect(
      (await pieter.get('/api/appointments/availability?type=debt-help-first')).json().days.length,
    ).toBeGreaterThan(0);
  });
});
