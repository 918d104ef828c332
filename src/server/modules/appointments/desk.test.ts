/**
 * The front desk's check-in (issue 14) through the staff API: today's appointments at a place,
 * one found by its reference as typed or as the QR code holds it, "aangemeld", and what the
 * planner and the case worker then see; the desk's municipalities (404 like nothing, the
 * refusal logged), other roles (403), a clear code for an unknown reference, and the audit log
 * with the resident key, never a BSN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../../../domain/appointments-api';
import type { DeskAppointment } from '../../../domain/desk-api';
import { testDatabases, type Browser } from '../../testing';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/testing';
import { createStaffAccount } from '../staff/accounts';
import { casesOf, idempotencyKey, logInStaff, post } from '../staff/testing';

const AHMED = '999990068'; // Leidschendam-Voorburg, the demo's appointment today (AFS-DEMO0681)
const JAN = '999990019'; // Leidschendam-Voorburg, an intake a week from now (AFS-DEMO0191)
const PLACE = 'voorburg-corbulo'; // the central office, in Leidschendam-Voorburg (1916)
const NOW = new Date('2026-03-23T07:00:00Z'); // Monday 08:00 in Amsterdam
const TODAY = '2026-03-23';
const BASE = '/api/staff/appointments';

describe.each(testDatabases)("the front desk's check-in on %s", (kind) => {
  let t: DocumentsTestApp;
  let fatima: Browser; // front desk, whole consortium
  let wassenaarDesk: Browser; // front desk, Wassenaar only
  let karin: Browser; // case worker
  let priya: Browser; // planner

  const auditRows = () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const lookup = (browser: Browser, reference: string) =>
    browser.get(`${BASE}/lookup?${new URLSearchParams({ reference }).toString()}`);
  const arrive = (browser: Browser, id: string, key = idempotencyKey()) =>
    post(browser, `${BASE}/${id}/arrival`, undefined, key);

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now: NOW });
    await createStaffAccount(t.ctx.db, {
      subject: 'w.balie',
      name: 'Wim Balie',
      consortiumId: t.ctx.consortium.id,
      grants: [{ role: 'front_desk', scope: '0629' }],
    });
    fatima = (await logInStaff(t, 'f.dekker', undefined, '/balie')).browser;
    wassenaarDesk = (await logInStaff(t, 'w.balie', undefined, '/balie')).browser;
    karin = (await logInStaff(t, 'k.jansen')).browser;
    priya = (await logInStaff(t, 'p.smit')).browser;
  }, 180_000);
  afterAll(() => t?.close());

  it("lists today's appointments at the central office, and logs the day and every resident on it", async () => {
    const places = (await fatima.get(`${BASE}/locations`)).json().locations as Array<{ id: string }>;
    expect(places[0]!.id).toBe(PLACE);
    const before = (await auditRows()).length;
    const res = await fatima.get(`${BASE}/locations/${PLACE}/today`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ location: { id: PLACE }, date: TODAY });
    expect(res.json().appointments).toEqual([
      expect.objectContaining({
        reference: 'AFS-DEMO0681',
        date: TODAY,
        time: '09:00',
        residentName: 'Ahmed Yilmaz',
        checkIn: 'expected',
        arrivedAt: null,
        today: true,
      }),
    ]);
    expect(JSON.stringify(res.json())).not.toContain(AHMED);
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.action, r.object_type, r.actor_role, r.purpose, r.result])).toEqual([
      ['read', 'agenda', 'front_desk', 'walk_in_assistance', 'allowed'],
      ['read', 'appointment', 'front_desk', 'walk_in_assistance', 'allowed'],
    ]);
    expect(rows[1]!.on_behalf_of).toBe(t.app.auditor.residentKey(AHMED));
    expect(JSON.stringify(rows)).not.toContain(AHMED);
  });

  it('finds an appointment by its reference as the QR code holds it, and as typed (lower case, spaces, no dash)', async () => {
    for (const typed of ['AFS-DEMO0681', ' afs demo0681 ', 'AFSDEMO0681']) {
      const res = await lookup(fatima, typed);
      expect(res.statusCode, typed).toBe(200);
      expect(res.json().appointment).toMatchObject({ reference: 'AFS-DEMO0681', checkIn: 'expected', today: true });
    }
    const jans = (await lookup(fatima, 'AFS-DEMO0191')).json().appointment as DeskAppointment;
    expect(jans).toMatchObject({ residentName: 'Jan de Vries', today: false, date: '2026-03-30' });
  });

  it('answers an unknown reference with 404 APPOINTMENT_REFERENCE_UNKNOWN', async () => {
    for (const typed of ['AFS-ZZZZZZZ', 'hallo', 'HB-DEMO032']) {
      const res = await lookup(fatima, typed);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('APPOINTMENT_REFERENCE_UNKNOWN');
    }
  });

  it("answers outside the desk's municipalities exactly as for nothing, and logs the refusal", async () => {
    expect(
      (await wassenaarDesk.get(`${BASE}/locations`)).json().locations.map((l: { id: string }) => l.id),
    ).not.toContain(PLACE);
    const unknown = await lookup(wassenaarDesk, 'AFS-ZZZZZZZ');
    const hidden = await lookup(wassenaarDesk, 'AFS-DEMO0681');
    expect([hidden.statusCode, hidden.json()]).toEqual([unknown.statusCode, unknown.json()]);
    expect((await wassenaarDesk.get(`${BASE}/locations/${PLACE}/today`)).statusCode).toBe(404);
    const id = (await lookup(fatima, 'AFS-DEMO0681')).json().appointment.id as string;
    const refused = await arrive(wassenaarDesk, id);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');
    const denials = (await auditRows()).filter((r) => r.result === 'denied' && r.object_id === id);
    expect(denials.map((r) => r.action)).toEqual(['read', 'update']);
  });

  it('refuses other roles (403) and residents or anonymous callers (401)', async () => {
    expect((await lookup(karin, 'AFS-DEMO0681')).statusCode).toBe(403);
    expect((await priya.get(`${BASE}/locations/${PLACE}/today`)).statusCode).toBe(403);
    const jan = (await t.signedIn(JAN)).browser;
    expect((await lookup(jan, 'AFS-DEMO0681')).statusCode).toBe(401);
  });

  it('marks the resident as arrived (once); the planner reads "arrived"; another day is refused', async () => {
    const id = (await lookup(fatima, 'AFS-DEMO0681')).json().appointment.id as string;
    expect((await fatima.request({ method: 'POST', url: `${BASE}/${id}/arrival` })).statusCode).toBe(400);
    const before = (await auditRows()).length;
    const res = await arrive(fatima, id);
    expect(res.statusCode).toBe(200);
    expect(res.json().appointment).toMatchObject({ checkIn: 'arrived', arrivedAt: NOW.toISOString() });
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.action, r.object_type, r.object_id, r.purpose])).toEqual([
      ['update', 'appointment', id, 'walk_in_assistance'],
    ]);
    expect(rows[0]!.on_behalf_of).toBe(t.app.auditor.residentKey(AHMED));

    // Marked again a minute later (another desk): the first time stays.
    t.clock.advanceMinutes(1);
    expect((await arrive(fatima, id)).json().appointment.arrivedAt).toBe(NOW.toISOString());
    expect((await fatima.get(`${BASE}/locations/${PLACE}/today`)).json().appointments[0].checkIn).toBe('arrived');
    const agenda = (await priya.get(`/api/staff/planning/locations/${PLACE}/agenda?date=${TODAY}`)).json();
    expect(agenda.entries).toEqual([
      expect.objectContaining({ reference: 'AFS-DEMO0681', checkIn: 'arrived', arrivedAt: NOW.toISOString() }),
    ]);

    const jans = (await lookup(fatima, 'AFS-DEMO0191')).json().appointment.id as string;
    const notToday = await arrive(fatima, jans);
    expect(notToday.statusCode).toBe(409);
    expect(notToday.json().error.code).toBe('APPOINTMENT_NOT_TODAY');
  });

  it('shows the case worker the appointments booked about a case, with whether the resident arrived', async () => {
    const jan = (await t.signedIn(JAN)).browser;
    const [jansCase] = await casesOf(t, JAN);
    const availability = (
      await jan.get(`/api/appointments/availability?type=intake&place=${PLACE}&from=2026-03-24&until=2026-03-24`)
    ).json() as Availability;
    const slot = availability.days[0]!.slots[0]!;
    const booked = await post(jan, '/api/appointments', {
      type: 'intake',
      place: PLACE,
      start: slot.start,
      caseId: jansCase!.id,
    });
    expect(booked.statusCode).toBe(201);
    const detail = (await karin.get(`/api/staff/cases/${jansCase!.id}`)).json();
    expect(detail.appointments).toEqual([
      expect.objectContaining({
        reference: booked.json().appointment.reference,
        date: '2026-03-24',
        checkIn: 'expected',
        arrivedAt: null,
      }),
    ]);
  });
});
