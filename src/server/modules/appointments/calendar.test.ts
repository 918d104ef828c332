/**
 * The .ics parsed by an independent parser (ical.js) gives the same start, end and location as
 * the booking, in the Europe/Amsterdam zone, on both sides of the switch to summer time; and the
 * QR code is an SVG of the reference with safe headers.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, Availability } from '../../../domain/appointments-api';
import { testDatabases } from '../../testing';
import { createAppointmentsTestApp, type AppointmentsTestApp, type Resident } from './testing';

const NOW = new Date('2026-03-23T07:00:00Z');
const PLACE = 'voorburg-corbulo';

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // ical.js resolves TZID through its registry: register the zone the file itself defines,
  // so the offsets come from our VTIMEZONE rules, not from the parser's defaults.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { calendar, event };
}

describe.each(testDatabases)('calendar file and QR code on %s', (kind) => {
  let t: AppointmentsTestApp;
  let jan: Resident;

  beforeAll(async () => {
    t = await createAppointmentsTestApp(kind, { now: NOW });
    jan = await t.signedIn('999990019');
  });
  afterAll(() => {
    ICAL.TimezoneService.reset();
    return t?.close();
  });

  async function bookOn(date: string, type = 'intake'): Promise<Appointment> {
    const availability = (
      await jan.get(`/api/appointments/availability?type=${type}&place=${PLACE}&from=${date}&until=${date}`)
    ).json() as Availability;
    const res = await jan.post('/api/appointments', {
      type,
      place: PLACE,
      start: availability.days[0]!.slots[0]!.start,
    });
    expect(res.statusCode).toBe(201);
    return res.json().appointment;
  }

  it.each([
    ['winter time (CET)', '2026-03-27', '2026-03-27T08:00:00.000Z'],
    ['summer time (CEST)', '2026-03-31', '2026-03-31T07:00:00.000Z'],
  ])('gives start, end, location and zone right in %s', async (_, date, start) => {
    const appointment = await bookOn(date);
    expect(appointment.start).toBe(start);
    const res = await jan.get(`${appointment.links.calendar}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="afspraak-${appointment.reference}.ics"`);
    expect(res.headers['cache-control']).toBe('no-store');

    const { event } = parse(res.body);
    expect(event.startDate.zone.tzid).toBe('Europe/Amsterdam');
    expect(event.endDate.zone.tzid).toBe('Europe/Amsterdam');
    expect(event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(event.startDate.toString()).toBe(`${date}T09:00:00`);
    expect(event.startDate.toJSDate().toISOString()).toBe(appointment.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(appointment.end);
    expect(event.location).toBe('Werk en Inkomen, kantoor Voorburg, Prins Bernhardlaan 117, 2273 DA Voorburg');
    expect(event.summary).toBe('Intakegesprek – Werk en Inkomen');
    expect(event.uid).toBe(`${appointment.id}@loket`);
    expect(event.description).toContain(appointment.reference);
    expect(event.description).toContain('Een geldig identiteitsbewijs');
  });

  it('folds the served file by octets: an en dash in the description never makes a line longer than 75', async () => {
    const appointment = await bookOn('2026-04-20');
    const ics = (await jan.get(appointment.links.calendar)).body;
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The summary's en dash is in the description's first line too, where `ics` folded it to 77 octets.
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain('–');
    const { event } = parse(ics);
    expect(event.description.split('\n')[0]).toBe('Intakegesprek – Werk en Inkomen');
    expect(event.description).toContain(`Referentie: ${appointment.reference}`);
  });

  it('writes English on request, and a new SEQUENCE and the new time after a reschedule', async () => {
    const appointment = await bookOn('2026-04-14', 'consultation');
    const english = parse((await jan.get(`${appointment.links.calendar}?lang=en`)).body).event;
    expect(english.summary).toBe('Talk with your case worker – Werk en Inkomen');
    expect(english.sequence).toBe(0);
    const later = (
      await jan.get(`/api/appointments/availability?type=consultation&place=${PLACE}&from=2026-04-15&until=2026-04-15`)
    ).json() as Availability;
    const moved = (
      await jan.post(`/api/appointments/${appointment.id}/reschedule`, { start: later.days[0]!.slots[1]!.start })
    ).json().appointment as Appointment;
    const event = parse((await jan.get(appointment.links.calendar)).body).event;
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe(moved.start);
    expect(event.startDate.toString()).toBe('2026-04-15T09:30:00');
  });

  it('serves a QR code of the reference as an SVG that cannot run anything, never cached', async () => {
    const appointment = await bookOn('2026-04-16');
    const res = await jan.get(appointment.links.qr);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(res.body).not.toMatch(/<script|on\w+=/i);
    expect(res.body).not.toContain(appointment.reference); // encoded in the modules, not as text
  });
});
