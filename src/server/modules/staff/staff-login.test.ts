/**
 * Staff login through the simulator (a separate OIDC client), staff sessions (own cookie, 30
 * minutes idle, 12 hours absolute, rotation, logout), and the wall between resident and staff
 * sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from '../../testing';
import { staffReturnPath } from '../auth/staff-routes';
import { disableStaffAccount, findStaffBySubject } from './accounts';
import { follow, logInResident, logInStaff } from './testing';

describe.each(testDatabases)('staff login and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
  });
  afterAll(() => t?.close());

  it('logs a case worker in through the simulator staff page and returns to /beheer', async () => {
    const { browser, landed } = await logInStaff(t, 'k.jansen', undefined, '/beheer/zaken/abc');
    expect(landed).toBe('/beheer/zaken/abc');
    expect(browser.cookie('loket_staff')).toBeDefined();
    expect(browser.cookie('loket_session')).toBeUndefined();
    const me = await browser.get('/api/staff/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().staff).toMatchObject({ name: 'Karin Jansen', grants: [{ role: 'case_worker', scope: '*' }] });
    // Login is audited (no resident involved)
    const login = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'login').execute();
    expect(login.length).toBeGreaterThan(0);
    expect(login.at(-1)).toMatchObject({
      actor_role: 'case_worker',
      object_type: 'staff_session',
      on_behalf_of: null,
      result: 'allowed',
    });
  });

  it('lists the test staff on the simulator page and asks for a username, not a BSN', async () => {
    const { response } = await follow(new Browser(t.app), '/api/auth/staff/login');
    expect(response.body).toContain('<label for="username">Gebruikersnaam</label>');
    expect(response.body).not.toContain('<label for="bsn">');
    expect(response.body).toContain('<code>m.bakker</code>');
  });

  it('refuses an unknown username on the simulator page, keeping what was typed', async () => {
    const { final } = await logInStaff(t, 'nobody');
    expect(final.statusCode).toBe(400);
    expect(final.body).toContain('hoort niet bij een testmedewerker');
    expect(final.body).toContain('value="nobody"');
  });

  it('does not accept a BSN on the staff page, nor a username on the resident page', async () => {
    const { final } = await logInStaff(t, '999990019');
    expect(final.statusCode).toBe(400);
    const resident = await logInResident(t, 'k.jansen');
    expect(resident.final.statusCode).toBe(400);
  });

  it('keeps resident and staff sessions apart: neither cookie opens the other side', async () => {
    const { browser: staff } = await logInStaff(t, 'k.jansen');
    const { browser: resident } = await logInResident(t, '999990019');
    expect((await resident.get('/api/staff/me')).statusCode).toBe(401);
    expect((await staff.get('/api/me')).statusCode).toBe(401);
    // The token itself, put in the other cookie, opens nothing either.
    const swapped = new Browser(t.app);
    swapped.setCookie('loket_session', staff.cookie('loket_staff')!);
    expect((await swapped.get('/api/me')).statusCode).toBe(401);
    const swappedBack = new Browser(t.app);
    swappedBack.setCookie('loket_staff', resident.cookie('loket_session')!);
    expect((await swappedBack.get('/api/staff/me')).statusCode).toBe(401);
  });

  it('rotates the staff session at login', async () => {
    const { browser } = await logInStaff(t, 'k.jansen');
    const first = browser.cookie('loket_staff')!;
    await logInStaff(t, 'k.jansen', browser);
    expect(browser.cookie('loket_staff')).not.toBe(first);
    const old = new Browser(t.app);
    old.setCookie('loket_staff', first);
    expect((await old.get('/api/staff/me')).statusCode).toBe(401);
  });

  it('ends a staff session after 30 minutes without activity, not after 15', async () => {
    const { browser } = await logInStaff(t, 'k.jansen');
    t.clock.advanceMinutes(20);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(30);
    const expired = await browser.get('/api/staff/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends a staff session after 12 hours even with constant activity', async () => {
    const { browser } = await logInStaff(t, 'k.jansen');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advanceMinutes(20);
      expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(20);
    expect((await browser.get('/api/staff/me')).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('logout ends the staff session on the server and clears the cookie', async () => {
    const { browser } = await logInStaff(t, 'k.jansen');
    const token = browser.cookie('loket_staff')!;
    const res = await browser.request({ method: 'POST', url: '/api/auth/staff/logout' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['clear-site-data']).toBe('"cookies"');
    expect(browser.cookie('loket_staff')).toBeUndefined();
    const replay = new Browser(t.app);
    replay.setCookie('loket_staff', token);
    expect((await replay.get('/api/staff/me')).statusCode).toBe(401);
  });

  it('a disabled account cannot log in, and its live sessions end at once', async () => {
    const { browser } = await logInStaff(t, 'p.smit');
    expect((await browser.get('/api/staff/me')).statusCode).toBe(200);
    const account = (await findStaffBySubject(t.ctx.db, 'p.smit'))!;
    const admin = (await findStaffBySubject(t.ctx.db, 'a.visser'))!;
    await disableStaffAccount(t.ctx.db, t.clock, account.id, admin.id);
    expect((await browser.get('/api/staff/me')).statusCode).toBe(401);
    const again = await logInStaff(t, 'p.smit');
    // The simulator no longer knows a disabled account.
    expect(again.final.statusCode).toBe(400);
  });

  it('shows a failed login where it started: a login cancelled at the front desk returns to /balie', async () => {
    for (const [from, area] of [
      ['/balie', '/balie'],
      ['/beheer/zaken/5', '/beheer'],
    ] as const) {
      const browser = new Browser(t.app);
      const start = await browser.get(`/api/auth/staff/login?returnTo=${encodeURIComponent(from)}`);
      const state = new URL(String(start.headers.location)).searchParams.get('state');
      const res = await browser.get(`/api/auth/staff/callback?error=access_denied&state=${state}`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${area}?fout=LOGIN_CANCELLED`);
    }
  });

  it('refuses a callback whose state was issued for the resident login', async () => {
    const browser = new Browser(t.app);
    const start = await browser.get('/api/auth/login');
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const res = await browser.get(`/api/auth/staff/callback?code=x&state=${state}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/beheer?fout=LOGIN_EXPIRED');
  });
});

describe('staffReturnPath', () => {
  it.each([
    ['/beheer/zaken/5', '/beheer/zaken/5'],
    ['/balie', '/balie'],
    ['/aanvragen', '/beheer'],
    ['//evil.example/beheer', '/beheer'],
    ['https://evil.example/beheer', '/beheer'],
    ['/beheerder', '/beheer'],
    ['/\t/evil.example/beheer', '/beheer'],
    ['/beheer\n', '/beheer'],
    ['/balie/../api/staff', '/beheer'],
    [undefined, '/beheer'],
  ])('%s -> %s', (input, expected) => expect(staffReturnPath(input)).toBe(expected));
});
