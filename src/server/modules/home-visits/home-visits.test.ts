/**
 * Home visits through the API and the staff functions, on both databases: ask (with address
 * check, times at home, phone, case), see the state change as staff plan, offer an alternative
 * or decline, cancel, and no access to another resident's request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeVisit } from '../../../domain/home-visits-api';
import { AppError } from '../../errors';
import { testDatabases } from '../../testing';
import { createAppointmentsTestApp, type AppointmentsTestApp, type Resident } from '../appointments/testing';
import { declineHomeVisit, markHomeVisitDone, offerAlternative, planHomeVisit } from './staff';

const NOW = new Date('2026-03-23T07:00:00Z');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe.each(testDatabases)('home visits on %s', (kind) => {
  let t: AppointmentsTestApp;
  let jan: Resident;
  let ahmed: Resident;
  const ask = (r: Resident, body: Record<string, unknown> = {}) =>
    r.post('/api/home-visits', {
      reason: 'illness',
      address: { street: 'Herenstraat 12', postalCode: '2271cj', city: 'Voorburg' },
      atHome: [
        { day: 3, part: 'afternoon' },
        { day: 1, part: 'morning' },
        { day: 3, part: 'afternoon' },
      ],
      phone: '+31 6 1234 5678',
      ...body,
    });
  const stateOf = async (r: Resident, id: string) =>
    (await r.get(`/api/home-visits/${id}`)).json().homeVisit as HomeVisit;

  beforeAll(async () => {
    t = await createAppointmentsTestApp(kind, { now: NOW });
    jan = await t.signedIn('999990019');
    ahmed = await t.signedIn('999990068');
  });
  afterAll(() => t?.close());

  it('offers the registered address to confirm, and takes a request with the confirmed address', async () => {
    const list = (await jan.get('/api/home-visits')).json();
    expect(list).toEqual({
      homeVisits: [],
      registeredAddress: { street: 'Herenstraat 12', postalCode: '2271 CJ', city: 'Voorburg' },
    });
    const { case_id: caseId } = await t.ctx.db
      .selectFrom('case_roles')
      .select('case_id')
      .where('bsn', '=', '999990019')
      .executeTakeFirstOrThrow();
    const res = await ask(jan, { caseId, note: 'Bel eerst even aan.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().homeVisit).toMatchObject({
      reference: expect.stringMatching(/^HB-[A-Z2-9]{7}$/),
      state: 'requested',
      address: { street: 'Herenstraat 12', postalCode: '2271 CJ', city: 'Voorburg' },
      addressCorrected: false,
      atHome: [
        { day: 1, part: 'morning' },
        { day: 3, part: 'afternoon' },
      ],
      phone: '06 12345678',
      caseId,
      canCancel: true,
      planned: null,
    });
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['no reason', { reason: undefined }, 400, 'VALIDATION_FAILED'],
    ["'other' without words", { reason: 'other', reasonText: '  ' }, 400, 'VALIDATION_FAILED'],
    ['no time at home', { atHome: [] }, 400, 'VALIDATION_FAILED'],
    ['a Saturday', { atHome: [{ day: 6, part: 'morning' }] }, 400, 'VALIDATION_FAILED'],
    [
      'a postal code that is none',
      { address: { street: 'Damplein 1', postalCode: '226 AA', city: 'Leidschendam' } },
      400,
      'VALIDATION_FAILED',
    ],
    ['a foreign phone number', { phone: '+32 470 12 34 56' }, 400, 'PHONE_NUMBER_INVALID'],
    ["another resident's case", { caseId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND'],
  ])('refuses %s with a JSON code', async (_, body, status, code) => {
    const res = await ask(ahmed, body);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('notes a corrected address, and takes "other" with its words', async () => {
    const res = await ask(ahmed, {
      reason: 'other',
      reasonText: 'Ik woon tijdelijk bij mijn zus.',
      address: { street: 'Kerkstraat 5', postalCode: '2265 BB', city: 'Leidschendam' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().homeVisit).toMatchObject({
      addressCorrected: true,
      reason: 'other',
      reasonText: 'Ik woon tijdelijk bij mijn zus.',
    });
  });

  it('refuses a resident of a municipality that does not take part', async () => {
    const sanne = await t.signedIn('999990056');
    expect(
      (await ask(sanne, { address: { street: 'Spui 70', postalCode: '2511 BT', city: 'Den Haag' } })).json().error.code,
    ).toBe('MUNICIPALITY_NOT_SERVED');
  });

  it('goes requested -> planned -> done, with staff planning a date and window the resident sees', async () => {
    const visit = (await ask(jan)).json().homeVisit as HomeVisit;
    expect(
      await codeOf(planHomeVisit(t.ctx.db, t.clock, visit.id, { date: '2026-03-28', from: '10:00', until: '12:00' })),
    ).toBe('VALIDATION_FAILED'); // a Saturday
    expect(
      await codeOf(planHomeVisit(t.ctx.db, t.clock, visit.id, { date: '2026-03-25', from: '12:00', until: '10:00' })),
    ).toBe('VALIDATION_FAILED');
    expect(await codeOf(markHomeVisitDone(t.ctx.db, t.clock, visit.id))).toBe('HOME_VISIT_TRANSITION_NOT_ALLOWED');
    t.clock.advanceMinutes(10);
    await planHomeVisit(t.ctx.db, t.clock, visit.id, { date: '2026-03-25', from: '10:00', until: '12:00' });
    const planned = await stateOf(jan, visit.id);
    expect(planned).toMatchObject({
      state: 'planned',
      planned: { date: '2026-03-25', from: '10:00', until: '12:00' },
      canCancel: true,
    });
    expect(planned.changedAt).toBe(new Date(NOW.getTime() + 10 * 60_000).toISOString());
    await markHomeVisitDone(t.ctx.db, t.clock, visit.id);
    expect(await stateOf(jan, visit.id)).toMatchObject({ state: 'done', canCancel: false });
    const cancel = await jan.post(`/api/home-visits/${visit.id}/cancel`, {});
    expect([cancel.statusCode, cancel.json().error.code]).toEqual([409, 'HOME_VISIT_TRANSITION_NOT_ALLOWED']);
  });

  it('offers an alternative the resident accepts, or declines with a reason the resident reads', async () => {
    const one = (await ask(jan, { reason: 'care_for_others' })).json().homeVisit as HomeVisit;
    await offerAlternative(t.ctx.db, t.clock, one.id, {
      note: 'Wij kunnen ook bellen, of op dinsdag komen.',
      proposed: { date: '2026-03-31', from: '13:00', until: '15:00' },
    });
    expect(await stateOf(jan, one.id)).toMatchObject({
      state: 'alternative_offered',
      alternative: {
        note: 'Wij kunnen ook bellen, of op dinsdag komen.',
        proposed: { date: '2026-03-31', from: '13:00', until: '15:00' },
      },
      canAcceptAlternative: true,
    });
    const accepted = await jan.post(`/api/home-visits/${one.id}/accept-alternative`, {});
    expect(accepted.json().homeVisit).toMatchObject({
      state: 'planned',
      planned: { date: '2026-03-31', from: '13:00', until: '15:00' },
    });

    const two = (await ask(jan, { reason: 'disability' })).json().homeVisit as HomeVisit;
    expect(await codeOf(declineHomeVisit(t.ctx.db, t.clock, two.id, ' '))).toBe('VALIDATION_FAILED');
    await declineHomeVisit(t.ctx.db, t.clock, two.id, 'U woont naast het kantoor; wij helpen u graag daar.');
    expect(await stateOf(jan, two.id)).toMatchObject({
      state: 'declined',
      declineReason: 'U woont naast het kantoor; wij helpen u graag daar.',
      canCancel: false,
    });
  });

  it('lets the resident cancel, and keeps another resident out (404)', async () => {
    const visit = (await ask(jan, { reason: 'disability' })).json().homeVisit as HomeVisit;
    expect((await ahmed.get(`/api/home-visits/${visit.id}`)).statusCode).toBe(404);
    expect((await ahmed.post(`/api/home-visits/${visit.id}/cancel`, {})).statusCode).toBe(404);
    const res = await jan.post(`/api/home-visits/${visit.id}/cancel`, { reason: 'Ik ben weer beter' });
    expect(res.json().homeVisit).toMatchObject({ state: 'cancelled', canCancel: false });
    expect(
      await codeOf(planHomeVisit(t.ctx.db, t.clock, visit.id, { date: '2026-03-25', from: '10:00', until: '12:00' })),
    ).toBe('HOME_VISIT_TRANSITION_NOT_ALLOWED');
  });

  it('stores a request queued offline exactly once, however often it is replayed', async () => {
    const key = 'offline-home-visit-0001';
    const body = {
      reason: 'illness',
      address: { street: 'Herenstraat 12', postalCode: '2271 CJ', city: 'Voorburg' },
      atHome: [{ day: 2, part: 'morning' }],
      phone: '0612345678',
    };
    const responses = await Promise.all(Array.from({ length: 5 }, () => jan.post('/api/home-visits', body, key)));
    const ok = responses.filter((r) => r.statusCode === 201);
    expect(new Set(ok.map((r) => r.json().homeVisit.id)).size).toBe(1);
    const again = await jan.post('/api/home-visits', body, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const stored = await t.ctx.db.selectFrom('home_visits').select('at_home').where('bsn', '=', '999990019').execute();
    expect(
      stored.filter((row) => JSON.stringify(row.at_home) === JSON.stringify([{ day: 2, part: 'morning' }])),
    ).toHaveLength(1);
  });
});
