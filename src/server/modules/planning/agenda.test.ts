/**
 * The desk's service functions (routes come with staff login): the day's agenda per place,
 * closures and capacity changes that act on availability at once and name the bookings they
 * touch, and the "call me back" list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../../../domain/appointments-api';
import { AppError } from '../../errors';
import { testDatabases } from '../../testing';
import { markCallbackDone, openCallbackRequests } from '../appointments/callbacks';
import { addClosure, changeCapacity, dayAgenda, removeClosure } from './agenda';
import { createAppointmentsTestApp, type AppointmentsTestApp, type Resident } from '../appointments/testing';

const NOW = new Date('2026-03-23T07:00:00Z');
const PLACE = 'voorburg-corbulo';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe.each(testDatabases)('appointment desk functions on %s', (kind) => {
  let t: AppointmentsTestApp;
  let jan: Resident;
  const times = async (date: string, type = 'intake') =>
    (
      (
        await jan.get(`/api/appointments/availability?type=${type}&place=${PLACE}&from=${date}&until=${date}`)
      ).json() as Availability
    ).days.flatMap((d) => d.slots.map((s) => s.time));

  beforeAll(async () => {
    t = await createAppointmentsTestApp(kind, { now: NOW });
    jan = await t.signedIn('999990019');
  });
  afterAll(() => t?.close());

  it('shows the day agenda with names, needs and the reason a day is closed', async () => {
    const agenda = await dayAgenda(t.ctx.db, t.ctx.consortium, PLACE, '2026-03-30');
    expect(agenda.entries).toEqual([
      expect.objectContaining({
        reference: 'AFS-DEMO0191',
        time: '10:30',
        endTime: '11:15',
        residentName: 'Jan de Vries',
        typeName: 'Intakegesprek',
        deskId: 'spreekkamers',
        unit: 1,
      }),
    ]);
    expect((await dayAgenda(t.ctx.db, t.ctx.consortium, PLACE, '2026-04-27')).closures).toEqual([
      { id: null, from: null, until: null, reason: 'Koningsdag' },
    ]);
    expect(await codeOf(dayAgenda(t.ctx.db, t.ctx.consortium, 'elders', '2026-03-30'))).toBe('NOT_FOUND');
  });

  it('closes part of a day at once, names the bookings it hits, and opens again', async () => {
    const before = await times('2026-03-30');
    expect(before).toContain('09:45');
    const { closure, affected } = await addClosure(t.ctx.db, t.clock, t.ctx.consortium, {
      placeId: PLACE,
      date: '2026-03-30',
      from: '09:30',
      until: '12:00',
      reason: 'Storing in het gebouw',
    });
    expect(affected.map((a) => a.reference)).toEqual(['AFS-DEMO0191']);
    expect(await times('2026-03-30')).toEqual(before.filter((x) => x >= '12:00')); // 09:00-09:45 overlaps 09:30 too
    await removeClosure(t.ctx.db, closure.id);
    expect(await times('2026-03-30')).toEqual(before);
    expect(
      await codeOf(
        addClosure(t.ctx.db, t.clock, t.ctx.consortium, { placeId: PLACE, date: '2026-03-01', reason: 'x' }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        addClosure(t.ctx.db, t.clock, t.ctx.consortium, {
          placeId: PLACE,
          date: '2026-03-31',
          from: '12:00',
          reason: 'x',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('closes a whole day', async () => {
    await addClosure(t.ctx.db, t.clock, t.ctx.consortium, { placeId: PLACE, date: '2026-03-31', reason: 'Verhuizing' });
    expect(await times('2026-03-31')).toEqual([]);
    expect((await dayAgenda(t.ctx.db, t.ctx.consortium, PLACE, '2026-03-31')).closures[0]).toMatchObject({
      reason: 'Verhuizing',
      from: null,
    });
  });

  it('changes capacity: fewer desks hide slots and name bookings above the new number', async () => {
    const date = '2026-04-01';
    const [first] = (
      (
        await jan.get(`/api/appointments/availability?type=intake&place=${PLACE}&from=${date}&until=${date}`)
      ).json() as Availability
    ).days[0]!.slots;
    for (const bsn of ['999990019', '999990032']) {
      expect(
        (await (await t.signedIn(bsn)).post('/api/appointments', { type: 'intake', place: PLACE, start: first!.start }))
          .statusCode,
      ).toBe(201);
    }
    const { affected } = await changeCapacity(t.ctx.db, t.clock, t.ctx.consortium, {
      placeId: PLACE,
      deskId: 'spreekkamers',
      date,
      from: '09:00',
      until: '12:00',
      units: 1,
    });
    expect(affected.map((a) => a.unit)).toEqual([2]);
    expect(await times(date)).not.toContain('09:00');
    expect((await times(date)).filter((x) => x < '12:00')).toEqual(['09:45', '10:30', '11:15']);
    // A second change for the same window replaces the first.
    await changeCapacity(t.ctx.db, t.clock, t.ctx.consortium, {
      placeId: PLACE,
      deskId: 'spreekkamers',
      date,
      from: '09:00',
      until: '12:00',
      units: 0,
    });
    expect((await times(date)).filter((x) => x < '12:00')).toEqual([]);
    expect(await t.ctx.db.selectFrom('capacity_changes').select('units').where('date', '=', date).execute()).toEqual([
      { units: 0 },
    ]);
    expect(
      await codeOf(
        changeCapacity(t.ctx.db, t.clock, t.ctx.consortium, {
          placeId: PLACE,
          deskId: 'bureau',
          date,
          from: '09:00',
          until: '10:00',
          units: 1,
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('takes "call me back" requests once per key, validates the number, and lists them for staff', async () => {
    const key = 'callback-key-0001';
    const first = await jan.post(
      '/api/callback-requests',
      { phone: '06-12345678', partOfDay: 'morning', topic: 'appointment' },
      key,
    );
    expect(first.statusCode).toBe(201);
    expect(first.json().callbackRequest).toMatchObject({
      phone: '06 12345678',
      partOfDay: 'morning',
      state: 'requested',
    });
    const retry = await jan.post(
      '/api/callback-requests',
      { phone: '06-12345678', partOfDay: 'morning', topic: 'appointment' },
      key,
    );
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const bad = await jan.post('/api/callback-requests', { phone: '12345', partOfDay: 'afternoon' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'PHONE_NUMBER_INVALID']);
    const open = await openCallbackRequests(t.ctx.db);
    expect(open.map((o) => o.resident_name)).toEqual(['Jan de Vries']);
    await markCallbackDone(t.ctx.db, t.clock, open[0]!.id);
    expect(await openCallbackRequests(t.ctx.db)).toEqual([]);
    expect((await jan.get('/api/callback-requests')).json().callbackRequests[0].state).toBe('done');
  });
});
