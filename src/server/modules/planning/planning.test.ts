/**
 * The planner's back office through the staff API (issue 5 point 7, issue 6 point 4): the
 * day's agenda, closures and capacity changes that act on what residents can book at once
 * (and list the bookings they hit, which stay booked), the home-visit queue with planning the
 * resident sees in the app; roles (403), municipalities (404, like a missing object), clear
 * refusal codes, idempotency, and the audit log with the resident key, never a BSN.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../../../domain/appointments-api';
import type { HomeVisit } from '../../../domain/home-visits-api';
import { testDatabases, type Browser } from '../../testing';
import { verifyAuditChain } from '../../audit/verify';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/testing';
import { createStaffAccount } from '../staff/accounts';
import { idempotencyKey, logInStaff, post } from '../staff/testing';

const JAN = '999990019'; // Leidschendam-Voorburg (1916), intake at the central office on 30 March
const FATIMA = '999990032'; // Wassenaar (0629), the demo home-visit request
const PLACE = 'voorburg-corbulo'; // the central office, in Leidschendam-Voorburg
const NOW = new Date('2026-03-23T07:00:00Z'); // Monday
const BASE = '/api/staff/planning';

describe.each(testDatabases)("the planner's back office on %s", (kind) => {
  let t: DocumentsTestApp;
  let priya: Browser; // planner, whole consortium
  let pim: Browser; // planner, Wassenaar only
  let jan: Browser;
  let fatima: Browser;
  let jansVisit: string;

  const auditRows = () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const slots = async (date: string, type = 'intake') => {
    const res = await jan.get(`/api/appointments/availability?type=${type}&place=${PLACE}&from=${date}&until=${date}`);
    return (res.json() as Availability).days.flatMap((d) => d.slots.map((s) => s.time));
  };
  const del = (browser: Browser, url: string, key = idempotencyKey()) =>
    browser.request({ method: 'DELETE', url, headers: { 'idempotency-key': key } });
  const visitsOf = async (resident: Browser) =>
    (await resident.get('/api/home-visits')).json().homeVisits as HomeVisit[];

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now: NOW });
    await createStaffAccount(t.ctx.db, {
      subject: 'p.wassenaar',
      name: 'Pim de Wit',
      consortiumId: t.ctx.consortium.id,
      grants: [{ role: 'planner', scope: '0629' }],
    });
    priya = (await logInStaff(t, 'p.smit')).browser;
    pim = (await logInStaff(t, 'p.wassenaar')).browser;
    jan = (await t.signedIn(JAN)).browser;
    fatima = (await t.signedIn(FATIMA)).browser;
    const asked = await post(jan, '/api/home-visits', {
      reason: 'illness',
      address: { street: 'Herenstraat 12', postalCode: '2271 CJ', city: 'Voorburg' },
      atHome: [{ day: 3, part: 'morning' }],
      phone: '06 12345678',
    });
    expect(asked.statusCode).toBe(201);
    jansVisit = asked.json().homeVisit.id;
  }, 180_000); // a fresh database, the seed and four real logins: slow on a busy machine
  afterAll(() => t?.close());

  it('shows the planner the day at the central office: who comes when, for what, with which needs', async () => {
    expect((await priya.get(`${BASE}/locations`)).json().locations.map((l: { id: string }) => l.id)).toEqual([PLACE]);
    const before = (await auditRows()).length;
    const res = await priya.get(`${BASE}/locations/${PLACE}/agenda?date=2026-03-30`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ location: { id: PLACE }, date: '2026-03-30', closures: [] });
    expect(res.json().entries).toEqual([
      expect.objectContaining({
        reference: 'AFS-DEMO0191',
        time: '10:30',
        endTime: '11:15',
        residentName: 'Jan de Vries',
        state: 'booked',
        channel: 'in_person',
        phone: null,
      }),
    ]);
    expect(res.json().entries[0].type).toEqual({
      code: 'intake',
      name: expect.objectContaining({ nl: 'Intakegesprek' }),
    });
    expect(JSON.stringify(res.json())).not.toContain(JAN);
    // The day and every resident on it are in the audit log, with the resident key, not the BSN.
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.action, r.object_type, r.actor_role, r.purpose, r.result])).toEqual([
      ['read', 'agenda', 'planner', 'appointment_planning', 'allowed'],
      ['read', 'appointment', 'planner', 'appointment_planning', 'allowed'],
    ]);
    expect(rows[1]!.on_behalf_of).toBe(t.app.auditor.residentKey(JAN));
    expect(JSON.stringify(rows)).not.toContain(JAN);
    // Jan reads it on "Wie keek in mijn gegevens".
    const log = (await jan.get('/api/me/access-log')).json().visits;
    expect(log[0]).toMatchObject({
      role: 'planner',
      purpose: 'appointment_planning',
      seen: expect.arrayContaining([expect.objectContaining({ action: 'read', objectType: 'appointment' })]),
    });
    expect((await priya.get(`${BASE}/locations/${PLACE}/agenda?date=2026-04-27`)).json().closures).toEqual([
      { id: null, from: null, until: null, reason: 'Koningsdag' },
    ]);
  });

  it('refuses case workers, the front desk and administrators with 403, whatever the place', async () => {
    for (const username of ['k.jansen', 'f.dekker', 'a.visser']) {
      const staff = (await logInStaff(t, username)).browser;
      for (const place of [PLACE, 'nergens']) {
        const res = await staff.get(`${BASE}/locations/${place}/agenda?date=2026-03-30`);
        expect([username, res.statusCode, res.json().error.code]).toEqual([username, 403, 'STAFF_ROLE_REQUIRED']);
      }
      expect((await staff.get(`${BASE}/home-visits`)).statusCode).toBe(403);
      expect(
        (
          await post(staff, `${BASE}/home-visits/${jansVisit}/plan`, {
            date: '2026-03-25',
            from: '10:00',
            until: '12:00',
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await jan.get(`${BASE}/home-visits`)).statusCode).toBe(401);
    const denied = (await auditRows()).filter((r) => r.result === 'denied' && r.object_type === 'api_route');
    expect(denied.length).toBeGreaterThanOrEqual(3 * 4);
  });

  it('answers a planner of another municipality 404 for places and visits outside it, like missing ones', async () => {
    expect((await pim.get(`${BASE}/locations`)).json().locations).toEqual([]);
    const outside = await pim.get(`${BASE}/locations/${PLACE}/agenda?date=2026-03-30`);
    const missing = await pim.get(`${BASE}/locations/nergens/agenda?date=2026-03-30`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual(missing.json());
    const closure = await post(pim, `${BASE}/locations/${PLACE}/closures`, { dateFrom: '2026-03-31', reason: 'Nee' });
    expect([closure.statusCode, closure.json()]).toEqual([404, missing.json()]);
    // The queue holds Fatima's visit (Wassenaar), not Jan's (Leidschendam-Voorburg).
    const queue = (await pim.get(`${BASE}/home-visits`)).json().homeVisits as Array<{
      id: string;
      residentName: string;
    }>;
    expect(queue.map((v) => v.residentName)).toEqual(['Fatima El Amrani']);
    const plan = { date: '2026-03-25', from: '10:00', until: '12:00' };
    const jans = await post(pim, `${BASE}/home-visits/${jansVisit}/plan`, plan);
    const ghost = await post(pim, `${BASE}/home-visits/${randomUUID()}/plan`, plan);
    expect([jans.statusCode, jans.json()]).toEqual([404, ghost.json()]);
    expect((await visitsOf(jan))[0]!.state).toBe('requested');
    const denials = (await auditRows()).filter((r) => r.result === 'denied' && r.object_id === jansVisit);
    expect(denials).toEqual([expect.objectContaining({ object_type: 'home_visit', actor_role: 'planner' })]);
  });

  it('closes a day: residents can no longer book it, the booking on it is listed (still booked), and it opens again', async () => {
    const date = '2026-03-30';
    expect(await slots(date)).toContain('09:00');
    const res = await post(priya, `${BASE}/locations/${PLACE}/closures`, {
      dateFrom: date,
      reason: 'Storing in het gebouw',
    });
    expect(res.statusCode).toBe(201);
    const { closures, affected } = res.json();
    expect(closures).toEqual([
      expect.objectContaining({ date, from: null, until: null, reason: 'Storing in het gebouw' }),
    ]);
    expect(affected).toEqual([
      expect.objectContaining({ reference: 'AFS-DEMO0191', date, time: '10:30', residentName: 'Jan de Vries' }),
    ]);
    expect(await slots(date)).toEqual([]);
    const mine = (await jan.get('/api/appointments')).json().appointments as Array<{
      reference: string;
      state: string;
    }>;
    expect(mine.find((a) => a.reference === 'AFS-DEMO0191')?.state).toBe('booked');
    expect(
      (await priya.get(`${BASE}/locations/${PLACE}/closures`)).json().closures.map((c: { id: string }) => c.id),
    ).toEqual([closures[0].id]);
    expect((await priya.get(`${BASE}/locations/${PLACE}/agenda?date=${date}`)).json().closures).toEqual([
      { id: closures[0].id, from: null, until: null, reason: 'Storing in het gebouw' },
    ]);

    const removed = await del(priya, `${BASE}/locations/${PLACE}/closures/${closures[0].id}`);
    expect(removed.statusCode).toBe(204);
    expect(await slots(date)).toContain('09:00');
    expect((await del(priya, `${BASE}/locations/${PLACE}/closures/${closures[0].id}`)).statusCode).toBe(404);
    const audit = (await auditRows()).filter((r) => r.object_type === 'place_closure' && r.action !== 'read');
    expect(audit.map((r) => [r.action, r.object_id])).toEqual([
      ['create', closures[0].id],
      ['delete', closures[0].id],
    ]);
  });

  it('closes part of several days once per Idempotency-Key', async () => {
    const key = idempotencyKey();
    const body = {
      dateFrom: '2026-04-06',
      dateUntil: '2026-04-08',
      from: '13:00',
      until: '17:00',
      reason: 'Teamoverleg',
    };
    const first = await post(priya, `${BASE}/locations/${PLACE}/closures`, body, key);
    expect(first.statusCode).toBe(201);
    expect(first.json().closures.map((c: { date: string }) => c.date)).toEqual([
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
    ]);
    const replay = await post(priya, `${BASE}/locations/${PLACE}/closures`, body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(
      await t.ctx.db.selectFrom('place_closures').select('id').where('reason', '=', 'Teamoverleg').execute(),
    ).toHaveLength(3);
    expect((await slots('2026-04-07')).every((time) => time < '13:00')).toBe(true);
    const noKey = await priya.request({
      method: 'POST',
      url: `${BASE}/locations/${PLACE}/closures`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect([noKey.statusCode, noKey.json().error.code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
  });

  it('refuses closures and capacity changes that cannot be planned, each with its own code', async () => {
    const refused = async (path: string, body: unknown) => {
      const res = await post(priya, `${BASE}/locations/${PLACE}/${path}`, body);
      return [res.statusCode, res.json().error.code];
    };
    expect(await refused('closures', { dateFrom: '2026-03-20', reason: 'x' })).toEqual([422, 'PLANNING_DATE_IN_PAST']);
    expect(await refused('closures', { dateFrom: '2026-04-10', dateUntil: '2026-04-09', reason: 'x' })).toEqual([
      422,
      'PLANNING_END_BEFORE_START',
    ]);
    expect(await refused('closures', { dateFrom: '2026-04-10', from: '12:00', until: '09:00', reason: 'x' })).toEqual([
      422,
      'PLANNING_END_BEFORE_START',
    ]);
    expect(await refused('closures', { dateFrom: '2026-04-10', from: '12:00', reason: 'x' })).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(await refused('closures', { dateFrom: '2026-04-10', dateUntil: '2026-09-10', reason: 'x' })).toEqual([
      422,
      'PLANNING_RANGE_TOO_LONG',
    ]);
    expect(await refused('closures', { dateFrom: '2026-04-10', reason: '   ' })).toEqual([400, 'VALIDATION_FAILED']);
    const change = { deskId: 'spreekkamers', dateFrom: '2026-04-10', from: '09:00', until: '12:00', units: 1 };
    expect(await refused('capacity-changes', { ...change, dateFrom: '2026-03-01' })).toEqual([
      422,
      'PLANNING_DATE_IN_PAST',
    ]);
    expect(await refused('capacity-changes', { ...change, until: '08:00' })).toEqual([
      422,
      'PLANNING_END_BEFORE_START',
    ]);
    expect(await refused('capacity-changes', { ...change, deskId: 'kelder' })).toEqual([404, 'NOT_FOUND']);
    expect(await refused('capacity-changes', { ...change, units: 51 })).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      await t.ctx.db
        .selectFrom('place_closures')
        .select('id')
        .where('date', '>=', '2026-04-09')
        .where('date', '<=', '2026-04-10')
        .execute(),
    ).toEqual([]);
  });

  it('changes capacity on chosen weekdays: slots disappear for residents, bookings above the new number are listed', async () => {
    const wednesday = '2026-04-01';
    const [first] = (
      (
        await jan.get(`/api/appointments/availability?type=intake&place=${PLACE}&from=${wednesday}&until=${wednesday}`)
      ).json() as Availability
    ).days[0]!.slots;
    for (const resident of [jan, fatima])
      expect(
        (await post(resident, '/api/appointments', { type: 'intake', place: PLACE, start: first!.start })).statusCode,
      ).toBe(201);
    const res = await post(priya, `${BASE}/locations/${PLACE}/capacity-changes`, {
      deskId: 'spreekkamers',
      dateFrom: '2026-03-30',
      dateUntil: '2026-04-05',
      weekdays: [3],
      from: '09:00',
      until: '12:00',
      units: 1,
      reason: 'Ziekte',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().capacityChanges).toEqual([
      expect.objectContaining({ date: wednesday, deskId: 'spreekkamers', units: 1, from: '09:00', until: '12:00' }),
    ]);
    expect(res.json().affected).toEqual([expect.objectContaining({ date: wednesday, time: first!.time })]);
    expect(await slots(wednesday)).not.toContain(first!.time);
    expect((await priya.get(`${BASE}/locations/${PLACE}/capacity-changes`)).json().capacityChanges).toHaveLength(1);
    await post(priya, `${BASE}/locations/${PLACE}/capacity-changes`, {
      deskId: 'spreekkamers',
      dateFrom: wednesday,
      from: '09:00',
      until: '12:00',
      units: 0,
    });
    expect((await slots(wednesday)).filter((time) => time < '12:00')).toEqual([]);
    expect(await slots('2026-03-31')).toContain('09:00'); // Tuesday untouched
  });

  it("plans the demo resident's home visit; she sees it planned in the app", async () => {
    const queue = (await priya.get(`${BASE}/home-visits`)).json().homeVisits as Array<{
      id: string;
      reference: string;
      state: string;
      address: { city: string };
    }>;
    const demo = queue.find((v) => v.reference === 'HB-DEMO032')!;
    expect(demo).toMatchObject({ state: 'requested', address: { city: 'Wassenaar' } });
    const saturday = await post(priya, `${BASE}/home-visits/${demo.id}/plan`, {
      date: '2026-03-28',
      from: '10:00',
      until: '12:00',
    });
    expect([saturday.statusCode, saturday.json().error.code]).toEqual([422, 'PLANNING_NOT_A_WORKING_DAY']);
    const backwards = await post(priya, `${BASE}/home-visits/${demo.id}/plan`, {
      date: '2026-03-26',
      from: '12:00',
      until: '10:00',
    });
    expect(backwards.json().error.code).toBe('PLANNING_END_BEFORE_START');
    const before = (await auditRows()).length;
    const planned = await post(priya, `${BASE}/home-visits/${demo.id}/plan`, {
      date: '2026-03-26',
      from: '10:00',
      until: '12:00',
    });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().homeVisit).toMatchObject({
      state: 'planned',
      planned: { date: '2026-03-26', from: '10:00', until: '12:00' },
    });
    expect((await visitsOf(fatima))[0]).toMatchObject({
      reference: 'HB-DEMO032',
      state: 'planned',
      planned: { date: '2026-03-26', from: '10:00', until: '12:00' },
    });
    const rows = (await auditRows()).slice(before);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'update',
        object_type: 'home_visit',
        object_id: demo.id,
        on_behalf_of: t.app.auditor.residentKey(FATIMA),
        purpose: 'appointment_planning',
      }),
    ]);
    const done = await post(priya, `${BASE}/home-visits/${demo.id}/done`);
    expect(done.json().homeVisit.state).toBe('done');
    expect((await visitsOf(fatima))[0]!.state).toBe('done');
    expect((await priya.get(`${BASE}/home-visits`)).json().homeVisits.map((v: { id: string }) => v.id)).not.toContain(
      demo.id,
    );
  });

  it('offers an alternative the resident can accept, declines with a reason, and refuses what the state does not allow', async () => {
    const offered = await post(priya, `${BASE}/home-visits/${jansVisit}/offer-alternative`, {
      note: 'Wij bellen u liever eerst.',
      proposed: { date: '2026-03-27', from: '13:00', until: '15:00' },
    });
    expect(offered.statusCode).toBe(200);
    const seen = (await visitsOf(jan))[0]!;
    expect(seen).toMatchObject({
      state: 'alternative_offered',
      alternative: { note: 'Wij bellen u liever eerst.', proposed: { date: '2026-03-27' } },
      canAcceptAlternative: true,
    });
    const doneTooSoon = await post(priya, `${BASE}/home-visits/${jansVisit}/done`);
    expect([doneTooSoon.statusCode, doneTooSoon.json().error.code]).toEqual([409, 'HOME_VISIT_TRANSITION_NOT_ALLOWED']);
    const declined = await post(priya, `${BASE}/home-visits/${jansVisit}/decline`, {
      reason: 'U woont te ver weg. Wij bellen u.',
    });
    expect(declined.json().homeVisit.state).toBe('declined');
    expect((await visitsOf(jan))[0]).toMatchObject({
      state: 'declined',
      declineReason: 'U woont te ver weg. Wij bellen u.',
    });
    const empty = await post(priya, `${BASE}/home-visits/${jansVisit}/decline`, { reason: '' });
    expect(empty.statusCode).toBe(400);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
