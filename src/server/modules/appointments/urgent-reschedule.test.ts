/**
 * Moving an urgent debt-help appointment follows the rule of booking it (Wgs art. 4): the
 * conversation stays within 3 working days of the request, the day it was first booked. The
 * reschedule offer shows only those days; a later day is refused with a code that says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, Availability } from '../../../domain/appointments-api';
import { testDatabases } from '../../testing';
import { createAppointmentsTestApp, type AppointmentsTestApp, type Resident } from './testing';

// Friday 24 April 2026, 08:00: Koningsdag (Monday 27 April) is not a working day, so the
// urgent term of a request made today ends on Thursday 30 April.
const FRIDAY = new Date('2026-04-24T06:00:00Z');
const TUESDAY = new Date('2026-04-28T06:00:00Z');
const URGENT = '/api/appointments/availability?type=debt-help-first&urgent=true';

describe.each(testDatabases)('rescheduling urgent debt help on %s', (kind) => {
  let t: AppointmentsTestApp;
  let pieter: Resident;
  let booked: Appointment;

  beforeAll(async () => {
    t = await createAppointmentsTestApp(kind, { now: FRIDAY });
    pieter = await t.signedIn('999990044');
    // The last urgent slot of the term, so it can still be changed four days later.
    const slot = ((await pieter.get(URGENT)).json() as Availability).days.at(-1)!.slots.at(-1);
    expect(slot?.date).toBe('2026-04-30');
    const res = await pieter.post('/api/appointments', {
      type: 'debt-help-first',
      place: slot!.placeId,
      start: slot!.start,
      urgency: 'eviction',
    });
    expect(res.statusCode).toBe(201);
    booked = res.json().appointment;
    // Four days later the resident logs in again and wants another time.
    t.clock.set(TUESDAY);
    pieter = await t.signedIn('999990044');
  });
  afterAll(() => t?.close());

  it('offers only reserved slots up to the last day of the first request, not 3 working days from today', async () => {
    const fresh = (await pieter.get(URGENT)).json() as Availability;
    expect(fresh.window.until).toBe('2026-05-01');
    expect(fresh.days.map((d) => d.date)).toContain('2026-05-01');

    const res = await pieter.get(`/api/appointments/availability?type=debt-help-first&reschedule=${booked.id}`);
    expect(res.statusCode).toBe(200);
    const offer = res.json() as Availability;
    expect(offer.urgent).toBe(true);
    expect(offer.window.until).toBe('2026-04-30');
    expect(offer.days.map((d) => d.date)).toEqual(['2026-04-28', '2026-04-29', '2026-04-30']);
    // Reserved urgent desks only: the regular desks' 09:00 is not offered.
    expect(offer.days[1]!.slots.map((s) => s.time)).toEqual(['10:00', '11:00', '14:00', '15:00']);
  });

  it('refuses a day after the term with 422 URGENT_TERM_EXCEEDED and the last day', async () => {
    const fresh = (await pieter.get(URGENT)).json() as Availability;
    const tooLate = fresh.days.find((d) => d.date === '2026-05-01')!.slots[0]!;
    const res = await pieter.post(`/api/appointments/${booked.id}/reschedule`, {
      start: tooLate.start,
      place: tooLate.placeId,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'URGENT_TERM_EXCEEDED',
      details: { termEndsOn: '2026-04-30' },
    });
    const unchanged = (await pieter.get(`/api/appointments/${booked.id}`)).json().appointment as Appointment;
    expect(unchanged.start).toBe(booked.start);
  });

  it('moves it to a day within the term, same reference', async () => {
    const offer = (
      await pieter.get(`/api/appointments/availability?type=debt-help-first&reschedule=${booked.id}`)
    ).json() as Availability;
    const target = offer.days.find((d) => d.date === '2026-04-29')!.slots[0]!;
    const res = await pieter.post(`/api/appointments/${booked.id}/reschedule`, {
      start: target.start,
      place: target.placeId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().appointment).toMatchObject({ reference: booked.reference, date: '2026-04-29' });
  });

  it('a first urgent booking after its own term is refused with the same code', async () => {
    const regular = (await pieter.get('/api/appointments/availability?type=debt-help-first')).json() as Availability;
    const later = regular.days.find((d) => d.date === '2026-05-06')!.slots[0]!;
    const res = await pieter.post('/api/appointments', {
      type: 'debt-help-first',
      place: later.placeId,
      start: later.start,
      urgency: 'energy_or_water',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'URGENT_TERM_EXCEEDED',
      details: { termEndsOn: '2026-05-01' },
    });
  });

  it("another resident's appointment is not found", async () => {
    const other = await t.signedIn('999990019');
    const res = await other.get(`/api/appointments/availability?type=debt-help-first&reschedule=${booked.id}`);
    expect(res.statusCode).toBe(404);
  });
});
