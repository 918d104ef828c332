/**
 * Booking, listing, rescheduling and cancelling through the API, on both databases: one booking
 * per reschedule, a cancel frees the slot, the cut-off holds, another resident's appointment is
 * not there (404), and every refusal is JSON with a code.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, Availability, Slot } from '../../../domain/appointments-api';
import { bothDatabases } from '../../testing';
import { createAppointmentsTestApp, type AppointmentsTestApp, type Resident } from './testing';

const NOW = new Date('2026-03-23T07:00:00Z'); // Monday 08:00 in Amsterdam (winter time)
const PLACE = 'voorburg-corbulo';

async function slotsOf(r: Resident, query: string): Promise<Slot[]> {
  const res = await r.get(`/api/appointments/availability?${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as Availability).days.flatMap((d) => d.slots);
}

describe.each(bothDatabases)('appointments on %s', (kind) => {
  let t: AppointmentsTestApp;
  let jan: Resident;
  let ahmed: Resident;

  const book = (r: Resident, start: string, extra: Record<string, unknown> = {}) =>
    r.post('/api/appointments', { type: 'intake', place: PLACE, start, ...extra });
  const bookingsAt = async (start: string) => {
    const row = await sql<{
      n: number;
    }>`select count(*)::int as n from appointments where starts_at = ${new Date(start)} and state = 'booked'`.execute(
      t.ctx.db,
    );
    return row.rows[0]!.n;
  };

  beforeAll(async () => {
    t = await createAppointmentsTestApp(kind, { now: NOW });
    jan = await t.signedIn('999990019');
    ahmed = await t.signedIn('999990068');
  });
  afterAll(() => t?.close());

  it('has the demo appointment of 999990019 as a real booking next week', async () => {
    const { appointments } = (await jan.get('/api/appointments')).json() as { appointments: Appointment[] };
    expect(appointments).toHaveLength(1);
    expect(appointments[0]).toMatchObject({
      reference: 'AFS-DEMO0191',
      date: '2026-03-30',
      time: '10:30',
      endTime: '11:15',
      state: 'booked',
      canChange: true,
    });
    expect(appointments[0]!.start).toBe('2026-03-30T08:30:00.000Z');
    const row = await t.ctx.db
      .selectFrom('appointments')
      .select(['desk_id', 'unit'])
      .where('reference', '=', 'AFS-DEMO0191')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ desk_id: 'spreekkamers', unit: 1 });
  });

  it('lists the types with who may book them', async () => {
    const types = (await ahmed.get('/api/appointments/types')).json();
    expect(types.types.map((x: { code: string; bookable: boolean }) => [x.code, x.bookable])).toEqual([
      ['intake', true],
      ['consultation', true],
      ['debt-help-first', true],
      ['document-check', false],
    ]);
    expect(types.types[3].refusal).toBe('APPOINTMENT_NOT_ALLOWED');
    expect(types.places[0]).toMatchObject({ id: PLACE, routeUrl: expect.stringContaining('Prins%20Bernhardlaan') });
    const fromDenHaag = (await (await t.signedIn('999990056')).get('/api/appointments/types')).json();
    expect(fromDenHaag.types.every((x: { refusal: string }) => x.refusal === 'MUNICIPALITY_NOT_SERVED')).toBe(true);
  });

  it('offers slots from the lead time on, per day, only on working days within the horizon', async () => {
    const res = (await jan.get(`/api/appointments/availability?type=intake&place=${PLACE}`)).json() as Availability;
    expect(res.window).toEqual({ from: '2026-03-23', until: '2026-05-04' });
    expect(res.callNow).toBeNull();
    expect(res.days[0]!.slots.map((s) => s.time)).toEqual(['10:30', '11:15', '13:00', '13:45', '14:30', '15:15']);
    expect(res.days.map((d) => d.date)).not.toContain('2026-03-28');
    expect(res.days.map((d) => d.date)).not.toContain('2026-04-27');
    expect(res.days[0]!.slots[0]!.start).toBe('2026-03-23T09:30:00.000Z');
  });

  it('books a slot and confirms it with everything a resident needs', async () => {
    const [slot] = await slotsOf(ahmed, `type=intake&place=${PLACE}&from=2026-03-31&until=2026-03-31`);
    const res = await book(ahmed, slot!.start, {
      needs: { interpreter: 'Turks', wheelchair: true, companion: true, note: ' Ik kom met mijn zoon ' },
    });
    expect(res.statusCode).toBe(201);
    const { appointment } = res.json() as { appointment: Appointment };
    expect(appointment).toMatchObject({
      reference: expect.stringMatching(/^AFS-[A-Z2-9]{7}$/),
      state: 'booked',
      date: '2026-03-31',
      time: '09:00',
      endTime: '09:45',
      channel: 'in_person',
      place: { id: PLACE, address: { street: 'Prins Bernhardlaan 117', postalCode: '2273 DA', city: 'Voorburg' } },
      needs: { interpreter: 'Turks', wheelchair: true, companion: true, note: 'Ik kom met mijn zoon' },
      changeableUntil: '2026-03-30T07:00:00.000Z',
      canChange: true,
    });
    expect(appointment.whatToBring.length).toBeGreaterThan(0);
    expect(appointment.links.route).toMatch(/^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=/);
    expect((await ahmed.get(`/api/appointments/${appointment.id}`)).json().appointment.reference).toBe(
      appointment.reference,
    );
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a missing start', { type: 'intake', place: PLACE }, 400, 'VALIDATION_FAILED'],
    ['a start that is no date', { type: 'intake', place: PLACE, start: 'morgen' }, 400, 'VALIDATION_FAILED'],
    [
      'an unknown type',
      { type: 'koffie', place: PLACE, start: '2026-03-31T07:00:00.000Z' },
      422,
      'APPOINTMENT_TYPE_NOT_OFFERED',
    ],
    [
      'a channel the type lacks',
      { type: 'intake', place: PLACE, start: '2026-03-31T07:00:00.000Z', channel: 'video', phone: '0612345678' },
      422,
      'APPOINTMENT_TYPE_NOT_OFFERED',
    ],
    [
      'a phone appointment without a usable number',
      { type: 'intake', place: PLACE, start: '2026-03-31T07:45:00.000Z', channel: 'phone', phone: '0900-1234567' },
      400,
      'PHONE_NUMBER_INVALID',
    ],
    [
      'a time off the grid',
      { type: 'intake', place: PLACE, start: '2026-03-31T07:10:00.000Z' },
      422,
      'SLOT_NOT_OFFERED',
    ],
    [
      'a time within the lead time',
      { type: 'intake', place: PLACE, start: '2026-03-23T08:45:00.000Z' },
      422,
      'SLOT_NOT_OFFERED',
    ],
    [
      'a time beyond the horizon',
      { type: 'intake', place: PLACE, start: '2026-06-01T07:00:00.000Z' },
      422,
      'SLOT_NOT_OFFERED',
    ],
    [
      'urgency on a type without an urgent path',
      { type: 'intake', place: PLACE, start: '2026-03-31T07:45:00.000Z', urgency: 'eviction' },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a document check without an open case',
      { type: 'document-check', place: PLACE, start: '2026-03-31T06:30:00.000Z' },
      403,
      'APPOINTMENT_NOT_ALLOWED',
    ],
  ])('refuses %s with a JSON code', async (_, body, status, code) => {
    const res = await ahmed.post('/api/appointments', body);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses a resident of a municipality that does not take part, and a request without a key', async () => {
    const sanne = await t.signedIn('999990056');
    expect(
      (
        await sanne.post('/api/appointments', { type: 'intake', place: PLACE, start: '2026-03-31T07:45:00.000Z' })
      ).json().error.code,
    ).toBe('MUNICIPALITY_NOT_SERVED');
    const body = JSON.stringify({ type: 'intake', place: PLACE, start: '2026-03-31T07:45:00.000Z' });
    const noKey = await ahmed.browser.request({
      method: 'POST',
      url: '/api/appointments',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect([noKey.statusCode, noKey.json().error.code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
  });

  it('books a document check for a resident with an open bijstand case, linked to that case', async () => {
    const [slot] = await slotsOf(jan, `type=document-check&place=${PLACE}&from=2026-03-24`);
    const res = await jan.post('/api/appointments', { type: 'document-check', place: PLACE, start: slot!.start });
    expect(res.statusCode).toBe(201);
    expect(res.json().appointment.caseId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps another resident's appointment out of sight and out of reach (404)", async () => {
    const { appointments } = (await jan.get('/api/appointments')).json() as { appointments: Appointment[] };
    const id = appointments[0]!.id;
    for (const url of [
      `/api/appointments/${id}`,
      `/api/appointments/${id}/calendar.ics`,
      `/api/appointments/${id}/qr.svg`,
    ]) {
      expect((await ahmed.get(url)).statusCode).toBe(404);
    }
    expect((await ahmed.post(`/api/appointments/${id}/cancel`, {})).statusCode).toBe(404);
    expect(
      (await ahmed.post(`/api/appointments/${id}/reschedule`, { start: '2026-04-01T07:00:00.000Z' })).statusCode,
    ).toBe(404);
    expect((await ahmed.get('/api/appointments/not-a-uuid')).statusCode).toBe(404);
    expect((await jan.get(`/api/appointments/${id}`)).json().appointment.state).toBe('booked');
  });

  it('reschedules atomically: one booking, same reference, old slot free, new slot taken', async () => {
    const [a, b] = await slotsOf(ahmed, `type=intake&place=${PLACE}&from=2026-04-01&until=2026-04-01`);
    const created = (await book(ahmed, a!.start)).json().appointment as Appointment;
    const before = await t.ctx.db
      .selectFrom('appointments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('bsn', '=', '999990068')
      .executeTakeFirstOrThrow();
    const res = await ahmed.post(`/api/appointments/${created.id}/reschedule`, {
      start: b!.start,
      reason: 'Mijn bus rijdt later',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().appointment).toMatchObject({
      id: created.id,
      reference: created.reference,
      start: b!.start,
      rescheduledAt: NOW.toISOString(),
    });
    const after = await t.ctx.db
      .selectFrom('appointments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('bsn', '=', '999990068')
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await bookingsAt(a!.start)).toBe(0);
    expect(await bookingsAt(b!.start)).toBe(1);
  });

  it('frees the slot when cancelled, and says so when cancelled twice', async () => {
    const day = 'from=2026-04-02&until=2026-04-02';
    const [slot] = await slotsOf(ahmed, `type=intake&place=${PLACE}&${day}`);
    const others = await Promise.all(['999990019', '999990032'].map((bsn) => t.signedIn(bsn)));
    const ids: string[] = [];
    for (const r of [ahmed, ...others]) ids.push((await book(r, slot!.start)).json().appointment.id as string);
    expect((await slotsOf(ahmed, `type=intake&place=${PLACE}&${day}`)).map((s) => s.start)).not.toContain(slot!.start);
    const cancelled = await ahmed.post(`/api/appointments/${ids[0]}/cancel`, { reason: 'Ik ben ziek' });
    expect(cancelled.json().appointment).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Ik ben ziek',
      canChange: false,
    });
    expect((await slotsOf(ahmed, `type=intake&place=${PLACE}&${day}`)).map((s) => s.start)).toContain(slot!.start);
    const again = await ahmed.post(`/api/appointments/${ids[0]}/cancel`, {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'APPOINTMENT_CANCELLED']);
    const listed = (await ahmed.get('/api/appointments')).json().appointments as Appointment[];
    expect(listed.find((x) => x.id === ids[0])?.state).toBe('cancelled');
    expect(await bookingsAt(slot!.start)).toBe(2);
  });

  it('answers a retried booking with the first answer, and books once', async () => {
    const [slot] = await slotsOf(ahmed, `type=consultation&place=${PLACE}&from=2026-04-08&until=2026-04-08`);
    const key = randomUUID();
    const first = await ahmed.post(
      '/api/appointments',
      { type: 'consultation', place: PLACE, start: slot!.start },
      key,
    );
    const retry = await ahmed.post(
      '/api/appointments',
      { type: 'consultation', place: PLACE, start: slot!.start },
      key,
    );
    expect(first.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await bookingsAt(slot!.start)).toBe(1);
  });

  it('holds the cut-off: no change or cancel online within 24 hours of the start', async () => {
    const [slot] = await slotsOf(ahmed, `type=intake&place=${PLACE}&from=2026-03-26&until=2026-03-26`);
    const { appointment } = (await book(ahmed, slot!.start)).json() as { appointment: Appointment };
    t.clock.set(new Date(new Date(appointment.changeableUntil).getTime() + 1000));
    const late = await t.signedIn('999990068');
    const cancel = await late.post(`/api/appointments/${appointment.id}/cancel`, {});
    expect([cancel.statusCode, cancel.json().error.code]).toEqual([409, 'CUT_OFF_PASSED']);
    const move = await late.post(`/api/appointments/${appointment.id}/reschedule`, {
      start: '2026-04-07T07:00:00.000Z',
    });
    expect([move.statusCode, move.json().error.code]).toEqual([409, 'CUT_OFF_PASSED']);
    expect((await late.get(`/api/appointments/${appointment.id}`)).json().appointment).toMatchObject({
      state: 'booked',
      canChange: false,
    });
    t.clock.set(NOW);
  });
});
