/**
 * The real login: OpenID Connect code flow with PKCE against the embedded simulator, all
 * through inject() with a cookie jar, plus session rotation, timeouts and logout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from '../../testing';
import { safeReturnPath } from './routes';

/** Follows redirects like a browser until a response is not a redirect or leaves the app. */
async function follow(browser: Browser, url: string) {
  let response = await browser.get(url);
  let location = url;
  for (let hops = 0; hops < 10 && response.statusCode >= 300 && response.statusCode < 400; hops += 1) {
    location =
      new URL(String(response.headers.location), 'http://localhost:8080').pathname +
      new URL(String(response.headers.location), 'http://localhost:8080').search;
    response = await browser.get(location);
  }
  return { response, location };
}

async function logIn(t: TestApp, bsn: string, browser = new Browser(t.app), returnTo = '/aanvragen/123') {
  const { response: form, location } = await follow(
    browser,
    `/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
  expect(form.statusCode).toBe(200);
  expect(form.body).toContain('DigiD simulatie');
  const submitted = await browser.request({
    method: 'POST',
    url: `${location}/login`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `bsn=${bsn}`,
  });
  if (submitted.statusCode !== 303) return { browser, final: submitted };
  const next = new URL(String(submitted.headers.location), 'http://localhost:8080');
  const { response: final, location: landed } = await follow(browser, next.pathname + next.search);
  return { browser, final, landed };
}

describe.each(testDatabases)('login and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
  });
  afterAll(() => t?.close());

  it('logs a test resident in through the OIDC simulator and returns to the asked page', async () => {
    const { browser, landed } = await logIn(t, '999990019');
    // The app page itself is served by the PWA (not built in this test): we stop at the redirect.
    expect(landed).toBe('/aanvragen/123');
    const me = await browser.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().resident.name).toBe('Jan de Vries');
  });

  it("answers the app's session check with the resident, or with null and 200 when nobody is signed in", async () => {
    // Not signed in: no failed request (a 401 is an error in the browser's console on every first visit).
    const anonymous = await new Browser(t.app).get('/api/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });

    const { browser } = await logIn(t, '999990019');
    const signedIn = await browser.get('/api/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    expect(signedIn.json()).toEqual({ me: (await browser.get('/api/me')).json() });

    // After logout the same cookie is nobody.
    const token = browser.cookie('loket_session')!;
    await browser.request({ method: 'POST', url: '/api/auth/logout' });
    const replay = new Browser(t.app);
    replay.setCookie('loket_session', token);
    expect((await replay.get('/api/session')).json()).toEqual({ me: null });
  });

  it("lists the consortium's demo residents on the simulator page, each with what a tester will see", async () => {
    const { response } = await follow(new Browser(t.app), '/api/auth/login');
    const names = [...response.body.matchAll(/name="bsn" value="(\d{9})">([^<]+)<\/button>/g)].map((m) => m[2]);
    expect(names).toEqual([
      'Jan de Vries, BSN 999990019',
      'Fatima El Amrani, BSN 999990032',
      'Pieter Bakker, BSN 999990044',
      'Sanne Jansen, BSN 999990056',
      'Ahmed Yilmaz, BSN 999990068',
    ]);
    expect(response.body).toContain('Schuldhulp met spoed (dreigende huisuitzetting)');
  });

  // Browsers drop tabs and newlines in a URL, so '/\t/evil.example' would land on another site;
  // a newline or an ideographic space in the Location header made the callback answer 500.
  it.each(['/\t/evil.example', '/aanvragen\n/x', '/\u3000/evil.example', '/%09/evil.example/..'])(
    'a hostile way back (%j) still logs in, and lands on a page of this app',
    async (returnTo) => {
      const { final, landed } = await logIn(t, '999990019', new Browser(t.app), returnTo);
      expect(final?.statusCode).toBeLessThan(500);
      expect(landed).toMatch(/^\/(?!\/)/);
      expect(new URL(landed!, 'http://localhost:8080').host).toBe('localhost:8080');
    },
  );

  it('sets an HttpOnly, SameSite=Lax session cookie and stores only its hash', async () => {
    const browser = new Browser(t.app);
    const { response } = await follow(browser, '/api/auth/login');
    expect(response.statusCode).toBe(200);
    const { browser: b } = await logIn(t, '999990032', browser);
    const token = b.cookie('loket_session');
    expect(token).toBeDefined();
    const rows = await t.ctx.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
  });

  it('refuses a BSN that fails the elfproef and keeps what was typed', async () => {
    const { final } = await logIn(t, '999990018');
    expect(final.statusCode).toBe(400);
    expect(final.body).toContain('value="999990018"');
  });

  it('rotates the session at login: the old token stops working', async () => {
    const { browser } = await logIn(t, '999990019');
    const first = browser.cookie('loket_session')!;
    await logIn(t, '999990019', browser);
    const second = browser.cookie('loket_session')!;
    expect(second).not.toBe(first);
    const old = new Browser(t.app);
    old.setCookie('loket_session', first);
    expect((await old.get('/api/me')).statusCode).toBe(401);
  });

  it('ends the session after 15 minutes without activity', async () => {
    const { browser } = await logIn(t, '999990019');
    t.clock.advanceMinutes(14);
    expect((await browser.get('/api/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(14); // activity at 14 restarted the idle timer
    expect((await browser.get('/api/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(15);
    const expired = await browser.get('/api/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends the session after 12 hours even with constant activity', async () => {
    const { browser } = await logIn(t, '999990019');
    for (let minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
      t.clock.advanceMinutes(10);
      await browser.get('/api/me');
    }
    expect((await browser.get('/api/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(10);
    expect((await browser.get('/api/me')).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('logout ends the server session and clears the cookie', async () => {
    const { browser } = await logIn(t, '999990019');
    const token = browser.cookie('loket_session')!;
    const res = await browser.request({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['clear-site-data']).toBe('"cookies"');
    expect(browser.cookie('loket_session')).toBeUndefined();
    const replay = new Browser(t.app);
    replay.setCookie('loket_session', token);
    expect((await replay.get('/api/applications')).statusCode).toBe(401);
  });

  it('logout on a shared device (?wissen=alles) tells the browser to clear everything, and ends the session', async () => {
    const { browser } = await logIn(t, '999990019');
    const token = browser.cookie('loket_session')!;
    const res = await browser.request({ method: 'POST', url: '/api/auth/logout?wissen=alles' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(browser.cookie('loket_session')).toBeUndefined();
    const replay = new Browser(t.app);
    replay.setCookie('loket_session', token);
    expect((await replay.get('/api/me')).statusCode).toBe(401);
  });

  it("logout keeps a personal device's storage (its outbox) and refuses an unknown wipe value", async () => {
    const { browser } = await logIn(t, '999990019');
    const unknown = await browser.request({ method: 'POST', url: '/api/auth/logout?wissen=niets' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['clear-site-data']).toBeUndefined();
    expect((await browser.get('/api/me')).statusCode).toBe(200);
    // Without a session (already ended, or a second tab) the browser is still told to clear.
    const anonymous = await new Browser(t.app).request({ method: 'POST', url: '/api/auth/logout?wissen=alles' });
    expect(anonymous.statusCode).toBe(204);
    expect(anonymous.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    const personal = await browser.request({ method: 'POST', url: '/api/auth/logout' });
    expect(personal.headers['clear-site-data']).toBe('"cookies"');
  });

  it('sends a cancelled login back to the start page with a code', async () => {
    const browser = new Browser(t.app);
    const { location } = await follow(browser, '/api/auth/login');
    const cancelled = await browser.request({ method: 'POST', url: `${location}/abort` });
    const next = new URL(String(cancelled.headers.location), 'http://localhost:8080');
    const { landed } = { landed: (await follow(browser, next.pathname + next.search)).location };
    expect(landed).toBe('/?fout=LOGIN_CANCELLED');
  });

  it('refuses a callback whose state it never issued', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/callback?code=x&state=forged' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/?fout=LOGIN_EXPIRED');
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/aanvragen/5', '/aanvragen/5'],
    ['//evil.example/x', '/aanvragen'],
    ['https://evil.example', '/aanvragen'],
    ['/\\evil.example', '/aanvragen'],
    ['/api/auth/logout', '/aanvragen'],
    ['/idp/auth', '/aanvragen'],
    ['/\t/evil.example', '/aanvragen'],
    ['/aanvragen\r\nSet-Cookie: x=1', '/aanvragen'],
    ['/\u3000/evil.example', '/aanvragen'],
    ['/aanvragen/../api/me', '/aanvragen'],
    ['/afspraken?stap=2#tijd', '/afspraken?stap=2#tijd'],
    [undefined, '/aanvragen'],
  ])('%s -> %s', (input, expected) => expect(safeReturnPath(input)).toBe(expected));
});
