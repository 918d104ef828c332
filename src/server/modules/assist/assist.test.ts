/**
 * Front-desk help for a walk-in (issue 6 point 3): find a resident by BSN or case reference
 * (elfproef, scope, role), open an assist session in the desk's browser, use the resident's own
 * API with it (every request in the audit log, on the resident's behalf and with the purpose;
 * changes in the change's transaction), the resident's access log, and the end (cookie dead,
 * Clear-Site-Data without "cookies"; the staff session stays), also when the staff session ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../../../domain/bsn';
import { Browser, createTestApp, testDatabases, type TestApp } from '../../testing';
import { sessionPolicy } from '../auth/session-hook';
import { startSession } from '../auth/sessions';
import { createStaffAccount } from '../staff/accounts';
import { casesOf, idempotencyKey, logInResident, logInStaff, post } from '../staff/testing';

const PIETER = '999990044'; // Voorschoten (0626), urgent debt help
const ANNA = '999990032'; // Wassenaar (0629)
const NOW = new Date('2026-11-18T09:00:00Z'); // a Wednesday

/** A valid BSN (elfproef) that no seeded resident has */
function unknownValidBsn(): string {
  for (let n = 999_990_900; ; n += 1) if (isValidBsn(String(n))) return String(n);
}

describe.each(testDatabases)('front desk helps a walk-in on %s', (kind) => {
  let t: TestApp;
  let fatima: Browser; // front desk, whole consortium
  let wassenaarDesk: Browser; // front desk, Wassenaar only
  let karin: Browser; // case worker
  let fatimaId: string;

  const auditRows = () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const search = (browser: Browser, body: unknown) =>
    browser.request({
      method: 'POST',
      url: '/api/staff/assist/search',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const start = (browser: Browser, body: unknown) =>
    browser.request({
      method: 'POST',
      url: '/api/staff/assist',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const end = (browser: Browser) => browser.request({ method: 'POST', url: '/api/staff/assist/end' });

  beforeAll(async () => {
    t = await createTestApp(kind, { now: NOW });
    await createStaffAccount(t.ctx.db, {
      subject: 'w.balie',
      name: 'Wim Balie',
      consortiumId: t.ctx.consortium.id,
      grants: [{ role: 'front_desk', scope: '0629' }],
    });
    fatima = (await logInStaff(t, 'f.dekker', undefined, '/balie')).browser;
    wassenaarDesk = (await logInStaff(t, 'w.balie', undefined, '/balie')).browser;
    karin = (await logInStaff(t, 'k.jansen')).browser;
    fatimaId = (
      await t.ctx.db
        .selectFrom('staff_accounts')
        .select('id')
        .where('subject', '=', 'f.dekker')
        .executeTakeFirstOrThrow()
    ).id;
  }, 240_000);
  afterAll(() => t?.close());

  it('finds a resident by BSN (spaces forgiven): name and municipality only, and logs the search without the BSN', async () => {
    const before = (await auditRows()).length;
    const res = await search(fatima, { bsn: ' 9999 90044 ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      resident: { name: expect.any(String), municipality: { code: '0626', name: 'Voorschoten' } },
    });
    expect(JSON.stringify(res.json())).not.toContain(PIETER);
    const rows = await auditRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actor: fatimaId,
      actor_role: 'front_desk',
      action: 'search',
      object_type: 'resident',
      result: 'allowed',
      purpose: 'walk_in_assistance',
    });
    expect(rows.at(-1)!.on_behalf_of).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(rows)).not.toContain(PIETER);
  });

  it('finds a resident by case reference', async () => {
    const [annaCase] = await casesOf(t, ANNA);
    const res = await search(fatima, { reference: annaCase!.reference.toLowerCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json().resident.municipality).toEqual({ code: '0629', name: 'Wassenaar' });
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'search',
      object_type: 'case',
      object_id: annaCase!.id,
    });
  });

  it('refuses a BSN that fails the elfproef with 422 BSN_INVALID, and asks for exactly one of BSN and reference', async () => {
    const res = await search(fatima, { bsn: '999990045' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('BSN_INVALID');
    expect((await search(fatima, { bsn: '12345' })).json().error.code).toBe('BSN_INVALID');
    expect((await search(fatima, {})).json().error.code).toBe('ASSIST_LOOKUP_REQUIRED');
    expect((await search(fatima, { bsn: PIETER, reference: 'WI-2026-00001' })).json().error.code).toBe(
      'ASSIST_LOOKUP_REQUIRED',
    );
  });

  it('answers "not found" outside the desk\'s municipalities exactly as for nobody, and logs the refusal', async () => {
    const outside = await search(wassenaarDesk, { bsn: PIETER });
    const nobody = await search(wassenaarDesk, { bsn: unknownValidBsn() });
    expect(outside.statusCode).toBe(404);
    expect({ status: outside.statusCode, body: outside.json() }).toEqual({
      status: nobody.statusCode,
      body: nobody.json(),
    });
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'search', result: 'denied', actor_role: 'front_desk' });
    // Within scope it works, and starting outside it is refused the same way.
    expect((await search(wassenaarDesk, { bsn: ANNA })).statusCode).toBe(200);
    expect((await start(wassenaarDesk, { bsn: PIETER, purpose: 'appointment' })).statusCode).toBe(404);
    expect(wassenaarDesk.cookie('loket_session')).toBeUndefined();
  });

  it('refuses other roles (403), residents and anonymous callers (401)', async () => {
    expect((await search(karin, { bsn: PIETER })).statusCode).toBe(403);
    expect((await start(karin, { bsn: PIETER, purpose: 'appointment' })).statusCode).toBe(403);
    expect(karin.cookie('loket_session')).toBeUndefined();
    expect((await search(new Browser(t.app), { bsn: PIETER })).statusCode).toBe(401);
  });

  it('needs a short text with the purpose "other"', async () => {
    const res = await start(fatima, { bsn: PIETER, purpose: 'other' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ASSIST_PURPOSE_TEXT_REQUIRED');
    expect((await start(fatima, { bsn: PIETER, purpose: 'other', purposeText: '   ' })).statusCode).toBe(422);
    expect((await start(fatima, { bsn: PIETER, purpose: 'other', purposeText: 'x'.repeat(201) })).statusCode).toBe(400);
    expect(fatima.cookie('loket_session')).toBeUndefined();
  });

  it("opens the resident's own screens; a booking is audited on their behalf with the purpose; the resident reads it; the end kills the cookie", async () => {
    const before = (await auditRows()).length;
    const started = await start(fatima, { bsn: PIETER, purpose: 'appointment' });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({
      resident: { municipality: { name: 'Voorschoten' } },
      assist: { purpose: 'appointment', purposeText: null },
    });
    const token = fatima.cookie('loket_session');
    expect(token).toBeTruthy();
    expect((await auditRows()).at(-1)).toMatchObject({
      actor: fatimaId,
      action: 'create',
      object_type: 'assist_session',
      purpose: 'assist_appointment',
    });

    // The session endpoint says it is an assist session, with the resident's name.
    const me = await fatima.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      resident: { name: started.json().resident.name },
      assist: { purpose: 'appointment', purposeText: null },
    });
    expect((await fatima.get('/api/applications')).statusCode).toBe(200);

    // Book urgent debt help for the resident, through the resident's own API.
    const availability = await fatima.get('/api/appointments/availability?type=debt-help-first&urgent=true');
    expect(availability.statusCode).toBe(200);
    const slot = availability.json().days[0].slots[0];
    const booking = { type: 'debt-help-first', place: slot.placeId, start: slot.start, urgency: 'eviction' };
    const key = idempotencyKey();
    const booked = await post(fatima, '/api/appointments', booking, key);
    expect(booked.statusCode).toBe(201);
    const appointmentId = booked.json().appointment.id;
    const rows = await auditRows();
    const onBehalf = rows.slice(before).filter((r) => r.purpose === 'assist_appointment');
    const created = onBehalf.find((r) => r.action === 'create' && r.object_type === 'appointment');
    expect(created).toMatchObject({
      actor: fatimaId,
      actor_role: 'front_desk',
      result: 'allowed',
      on_behalf_of: rows.at(-1)!.on_behalf_of,
    });
    expect(onBehalf.filter((r) => r.action === 'read').map((r) => r.object_type)).toEqual(
      expect.arrayContaining(['resident', 'case', 'appointment']),
    );
    // A replay is answered from the idempotency store: no second entry.
    const count = (await auditRows()).length;
    expect((await post(fatima, '/api/appointments', booking, key)).headers['idempotent-replayed']).toBe('true');
    expect(await auditRows()).toHaveLength(count);

    // A failed change leaves no entry: the audit row rolls back with the change.
    const refused = await post(fatima, '/api/appointments', { ...booking, start: '2020-01-01T09:00:00.000Z' });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(await auditRows()).toHaveLength(count);

    // End: 204, the browser clears cache and storage but keeps cookies (the staff session).
    const ended = await end(fatima);
    expect(ended.statusCode).toBe(204);
    expect(ended.headers['clear-site-data']).toBe('"cache", "storage"');
    expect(fatima.cookie('loket_session')).toBeUndefined();
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'logout',
      object_type: 'assist_session',
      purpose: 'assist_appointment',
    });
    const old = new Browser(t.app);
    old.setCookie('loket_session', token!);
    expect((await old.get('/api/me')).statusCode).toBe(401);
    expect((await old.get('/api/appointments')).statusCode).toBe(401);
    expect((await fatima.get('/api/staff/me')).statusCode).toBe(200);

    // The resident, logged in themselves later, sees the appointment and who booked it and why.
    const { browser: pieter } = await logInResident(t, PIETER);
    const mine = (await pieter.get('/api/appointments')).json();
    expect(JSON.stringify(mine)).toContain(appointmentId);
    const log = (await pieter.get('/api/me/access-log')).json();
    // This desk visit is one entry: who, why, and what they did, each kind once, in order.
    const visits = log.visits.filter((v: { purpose: string }) => v.purpose === 'assist_appointment');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ role: 'front_desk', staffName: null });
    const seen = visits[0].seen.map((s: { action: string; objectType: string }) => `${s.action} ${s.objectType}`);
    expect(seen[0]).toBe('create assist_session');
    expect(seen.at(-1)).toBe('logout assist_session');
    expect(seen).toContain('create appointment');
    expect(new Set(seen).size).toBe(seen.length);
    // The resident's own requests are not in their log: only the desk's.
    expect(log.visits.every((v: { role: string }) => v.role === 'front_desk')).toBe(true);
  }, 120_000);

  it('tells the resident in their inbox when the desk cancels their appointment, and leaves push and e-mail to the resident', async () => {
    expect((await start(fatima, { bsn: PIETER, purpose: 'appointment' })).statusCode).toBe(201);
    // Not urgent: a slot weeks ahead, well before the cancellation cut-off.
    const availability = await fatima.get('/api/appointments/availability?type=debt-help-first');
    expect(availability.statusCode).toBe(200);
    const slot = availability.json().days.at(-1).slots.at(-1);
    const booked = await post(fatima, '/api/appointments', {
      type: 'debt-help-first',
      place: slot.placeId,
      start: slot.start,
    });
    expect(booked.statusCode).toBe(201);
    const id = booked.json().appointment.id;
    // Exactly one message about this appointment's change (the delivery worker may add other
    // messages, such as reminders, meanwhile: they are not what this test is about).
    const aboutThis = (messages: Array<{ type: string; link: string }>) =>
      messages.filter((m) => m.type === 'appointment_changed' && m.link === `/afspraken/${id}`);
    expect(aboutThis((await fatima.get('/api/notifications')).json().messages)).toHaveLength(0);
    expect((await post(fatima, `/api/appointments/${id}/cancel`, {})).statusCode).toBe(200);
    expect(aboutThis((await fatima.get('/api/notifications')).json().messages)).toHaveLength(1);

    const push = await post(fatima, '/api/notifications/devices', {
      endpoint: 'https://push.example/abc',
      keys: { p256dh: 'x'.repeat(87), auth: 'y'.repeat(22) },
      label: 'Balie',
    });
    expect(push.statusCode).toBe(403);
    expect(push.json().error.code).toBe('NOT_DURING_ASSIST');
    const mail = await post(fatima, '/api/notifications/email', { address: 'desk@example.org' });
    expect(mail.statusCode).toBe(403);
    expect(mail.json().error.code).toBe('NOT_DURING_ASSIST');
    expect((await end(fatima)).statusCode).toBe(204);
  }, 120_000);

  it('keeps the free text with the session only, never in the audit log', async () => {
    const res = await start(fatima, { bsn: ANNA, purpose: 'other', purposeText: 'Hulp bij formulier huurtoeslag' });
    expect(res.statusCode).toBe(201);
    expect((await fatima.get('/api/me')).json().assist).toEqual({
      purpose: 'other',
      purposeText: 'Hulp bij formulier huurtoeslag',
    });
    expect(JSON.stringify(await auditRows())).not.toContain('huurtoeslag');
    expect((await end(fatima)).statusCode).toBe(204);
  });

  it("refuses a resident logout during help (it would end the employee's session too); the end of help is the way out", async () => {
    const desk = (await logInStaff(t, 'f.dekker', undefined, '/balie')).browser;
    expect((await start(desk, { bsn: PIETER, purpose: 'walk_in_help' })).statusCode).toBe(201);
    for (const url of ['/api/auth/logout', '/api/auth/logout?wissen=alles']) {
      const refused = await desk.request({ method: 'POST', url });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('LOGOUT_DURING_ASSIST');
      expect(refused.headers['clear-site-data']).toBeUndefined();
      expect(refused.headers['set-cookie']).toBeUndefined();
    }
    // Both sessions still work: the resident's screens and the employee's own.
    expect((await desk.get('/api/me')).statusCode).toBe(200);
    expect((await desk.get('/api/staff/me')).statusCode).toBe(200);
    expect((await end(desk)).statusCode).toBe(204);
    expect((await desk.get('/api/staff/me')).statusCode).toBe(200);
  });

  it('a resident logout in a browser that also holds a staff session clears every cookie but that one', async () => {
    const desk = (await logInStaff(t, 'f.dekker', undefined, '/balie')).browser;
    // A resident session in the same browser, not opened by the desk (no assist).
    desk.setCookie('loket_session', await startSession(t.ctx.db, t.clock, sessionPolicy(t.ctx), ANNA));
    const me = await desk.get('/api/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().assist).toBeNull();
    const out = await desk.request({ method: 'POST', url: '/api/auth/logout?wissen=alles' });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"');
    expect((await desk.get('/api/me')).statusCode).toBe(401);
    expect((await desk.get('/api/staff/me')).statusCode).toBe(200);
    // Without a staff session the answer is as before: every cookie goes.
    const alone = new Browser(t.app);
    alone.setCookie('loket_session', await startSession(t.ctx.db, t.clock, sessionPolicy(t.ctx), ANNA));
    expect((await alone.request({ method: 'POST', url: '/api/auth/logout' })).headers['clear-site-data']).toBe(
      '"cookies"',
    );
  });

  it('ends the assist session when the staff session ends (logout, idle, account disabled)', async () => {
    const desk = (await logInStaff(t, 'f.dekker', undefined, '/balie')).browser;
    expect((await start(desk, { bsn: PIETER, purpose: 'walk_in_help' })).statusCode).toBe(201);
    const token = desk.cookie('loket_session')!;
    expect((await desk.request({ method: 'POST', url: '/api/auth/staff/logout' })).statusCode).toBe(204);
    const old = new Browser(t.app);
    old.setCookie('loket_session', token);
    expect((await old.get('/api/me')).statusCode).toBe(401);

    // Idle: assist requests keep the staff session alive; 31 minutes of nothing ends both.
    const desk2 = (await logInStaff(t, 'f.dekker', undefined, '/balie')).browser;
    expect((await start(desk2, { bsn: PIETER, purpose: 'walk_in_help' })).statusCode).toBe(201);
    t.clock.advanceMinutes(20);
    expect((await desk2.get('/api/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(20);
    expect((await desk2.get('/api/me')).statusCode).toBe(200); // 40 minutes after login: kept alive by the assist requests
    expect((await desk2.get('/api/staff/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await desk2.get('/api/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');

    // Disabled: an administrator disables the account; its assist session ends at once.
    const desk3 = (await logInStaff(t, 'f.dekker', undefined, '/balie')).browser;
    expect((await start(desk3, { bsn: PIETER, purpose: 'walk_in_help' })).statusCode).toBe(201);
    expect((await desk3.get('/api/me')).statusCode).toBe(200);
    const anton = (await logInStaff(t, 'a.visser')).browser;
    expect((await post(anton, `/api/staff/accounts/${fatimaId}/disable`)).statusCode).toBe(200);
    expect((await desk3.get('/api/me')).statusCode).toBe(401);
  }, 120_000);
});
