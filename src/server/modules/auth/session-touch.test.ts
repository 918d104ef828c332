/**
 * Session activity is stored at most once a minute (issue 7, API throughput), and what a
 * resident or member of staff notices must still hold: using the app keeps you signed in, 15
 * minutes without a request signs you out (up to a minute early, never late), the time the
 * client is told is the time the server keeps to, and 12 hours after login it ends whatever
 * happens. The clock is the test's; every answer comes from the real app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from '../../testing';
import { sessionPolicy } from './session-hook';
import { sessionTokenHash, startSession, touchSessionByHash, useSession } from './sessions';

const IDLE_MINUTES = 15; // SESSION_IDLE_MINUTES' default, which the test app uses
const SECOND = 1 / 60;

describe.each(testDatabases)('session activity on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
  });
  afterAll(() => t?.close());

  async function signedIn() {
    const token = await startSession(t.ctx.db, t.clock, sessionPolicy(t.ctx), '999990019');
    const browser = new Browser(t.app);
    browser.setCookie('loket_session', token);
    return { browser, token };
  }
  const status = async (browser: Browser) => (await browser.get('/api/me')).statusCode;

  it('keeps a session in use alive past the idle limit counted from login', async () => {
    const { browser } = await signedIn();
    t.clock.advanceMinutes(1);
    expect(await status(browser)).toBe(200);
    t.clock.advanceMinutes(IDLE_MINUTES - 0.5); // 15.5 minutes after login, 14.5 after the request
    expect(await status(browser)).toBe(200);
  });

  it('keeps a resident who works steadily signed in for hours, each request well within the idle limit', async () => {
    const { browser } = await signedIn();
    for (let minutes = 0; minutes < 4 * 60; minutes += 10) {
      t.clock.advanceMinutes(10);
      expect(await status(browser)).toBe(200);
    }
  });

  it('signs out 15 minutes after the last request', async () => {
    const { browser } = await signedIn();
    t.clock.advanceMinutes(5);
    expect(await status(browser)).toBe(200);
    t.clock.advanceMinutes(IDLE_MINUTES);
    const expired = await browser.get('/api/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
    // Over means over: a request afterwards does not bring it back.
    t.clock.advanceMinutes(SECOND);
    expect(await status(browser)).toBe(401);
  });

  it('may end a session up to a minute early (activity within a minute of the last stored one), never late', async () => {
    const { browser } = await signedIn();
    t.clock.advanceMinutes(0.5); // within the minute after login: this activity is not stored
    expect(await status(browser)).toBe(200);
    t.clock.advanceMinutes(IDLE_MINUTES - 0.5); // 15 after login, 14.5 after the last request: 30 s early
    expect((await browser.get('/api/me')).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('tells the client the moment the server will end the session, to the second', async () => {
    const a = await signedIn();
    const b = await signedIn();
    t.clock.advanceMinutes(0.5);
    const deadlineA = new Date((await a.browser.get('/api/me')).json().session.idleExpiresAt);
    const deadlineB = new Date((await b.browser.get('/api/me')).json().session.idleExpiresAt);
    expect(deadlineB).toEqual(deadlineA);

    t.clock.set(new Date(deadlineA.getTime() - 1000));
    expect(await status(a.browser)).toBe(200); // one second before: still signed in
    t.clock.set(deadlineB);
    expect(await status(b.browser)).toBe(401); // at the announced moment: signed out
  });

  it('tells the client the new deadline on every answer, so it warns before the end and never early (issue 14)', async () => {
    const { browser } = await signedIn();
    t.clock.advanceMinutes(5);
    const list = await browser.get('/api/applications');
    expect(list.statusCode).toBe(200);
    const deadline = list.headers['loket-session-idle-expires'];
    expect(deadline).toBe(new Date(t.clock.now().getTime() + IDLE_MINUTES * 60_000).toISOString());
    expect((await browser.get('/api/me')).json().session.idleExpiresAt).toBe(deadline);
    // Nobody signed in: no deadline to tell.
    expect((await new Browser(t.app).get('/api/me')).headers['loket-session-idle-expires']).toBeUndefined();
  });

  it('does not store activity again within a minute (one write per session per minute at most)', async () => {
    const { browser, token } = await signedIn();
    const stored = async () =>
      (
        await t.ctx.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id_hash', '=', sessionTokenHash(token))
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const atLogin = await stored();
    for (let i = 0; i < 5; i += 1) {
      t.clock.advanceMinutes(0.1);
      expect(await status(browser)).toBe(200);
    }
    expect(await stored()).toEqual(atLogin);
    t.clock.advanceMinutes(0.5);
    expect(await status(browser)).toBe(200);
    expect(await stored()).toEqual(t.clock.now());
  });

  it('ends a session 12 hours after login however busy it is', async () => {
    const { browser } = await signedIn();
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      t.clock.advanceMinutes(10);
      expect(await status(browser)).toBe(200);
    }
    t.clock.advanceMinutes(10); // 12 hours after login, 10 minutes after the last request
    expect((await browser.get('/api/me')).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('keeps a staff session alive while an assist session uses it, and ends both after its idle limit', async () => {
    const policy = { idleMinutes: 30, absoluteHours: 12 };
    const token = await startSession(t.ctx.db, t.clock, policy, 'some-staff-account', 'staff');
    const touch = () => touchSessionByHash(t.ctx.db, t.clock, policy, sessionTokenHash(token), 'staff');
    for (let i = 0; i < 4; i += 1) {
      t.clock.advanceMinutes(20);
      expect(await touch()).toBe(true); // 80 minutes after start, never 30 without use
    }
    expect((await useSession(t.ctx.db, t.clock, policy, token, 'staff')).ok).toBe(true);
    t.clock.advanceMinutes(30);
    expect(await touch()).toBe(false);
    expect((await useSession(t.ctx.db, t.clock, policy, token, 'staff')).ok).toBe(false);
  });
});

describe.each(testDatabases)('a short idle time on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: new Date('2026-11-18T10:00:00Z'), config: { sessionIdleMinutes: 1 } });
  });
  afterAll(() => t?.close());

  it('keeps someone who clicks every 50 seconds signed in with an idle time of one minute', async () => {
    const token = await startSession(t.ctx.db, t.clock, sessionPolicy(t.ctx), '999990019');
    const browser = new Browser(t.app);
    browser.setCookie('loket_session', token);
    for (let step = 0; step < 6; step += 1) {
      t.clock.advanceMinutes(50 * SECOND);
      expect((await browser.get('/api/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(1);
    expect((await browser.get('/api/me')).statusCode).toBe(401);
  });
});
