/**
 * last_seen_at is written at most once a minute per session (issue 7, API throughput), and the
 * idle timeout is still decided by the stored value: a session never lives longer than its idle
 * period after the last write, and the client is told that same deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from '../../testing';
import { sessionPolicy } from './session-hook';
import {
  LAST_SEEN_WRITE_INTERVAL_MS,
  sessionTokenHash,
  startSession,
  touchSessionByHash,
  useSession,
} from './sessions';

describe.each(testDatabases)('writing last_seen_at on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
  });
  afterAll(() => t?.close());

  const lastSeen = async (token: string) =>
    (
      await t.ctx.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('id_hash', '=', sessionTokenHash(token))
        .executeTakeFirstOrThrow()
    ).last_seen_at;

  async function signedIn() {
    const start = t.clock.now();
    const token = await startSession(t.ctx.db, t.clock, sessionPolicy(t.ctx), '999990019');
    const browser = new Browser(t.app);
    browser.setCookie('loket_session', token);
    return { browser, token, start };
  }

  it('is once a minute', () => {
    expect(LAST_SEEN_WRITE_INTERVAL_MS).toBe(60_000);
  });

  it('does not write for a request within the minute, and does for one after it', async () => {
    const { browser, token, start } = await signedIn();
    t.clock.advanceMinutes(0.5);
    expect((await browser.get('/api/applications')).statusCode).toBe(200);
    expect(await lastSeen(token)).toEqual(start);

    t.clock.advanceMinutes(0.5);
    expect((await browser.get('/api/applications')).statusCode).toBe(200);
    expect(await lastSeen(token)).toEqual(t.clock.now());
  });

  it('tells the client the idle deadline of the stored time, not of this request', async () => {
    const { browser, start } = await signedIn();
    t.clock.advanceMinutes(0.5);
    const me = await browser.get('/api/me');
    expect(me.json().session.idleExpiresAt).toBe(new Date(start.getTime() + 15 * 60_000).toISOString());
    t.clock.advanceMinutes(1);
    const later = await browser.get('/api/me');
    expect(later.json().session.idleExpiresAt).toBe(new Date(t.clock.now().getTime() + 15 * 60_000).toISOString());
  });

  it('ends the session 15 minutes after the stored time, even when a request came after it', async () => {
    const { browser } = await signedIn();
    t.clock.advanceMinutes(0.5); // not written: the stored time stays at the login
    expect((await browser.get('/api/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(14.5); // 14.5 minutes after the last request, 15 after the stored time
    const expired = await browser.get('/api/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('still ends a session after 15 minutes without requests, counted from the last write', async () => {
    const { browser } = await signedIn();
    t.clock.advanceMinutes(5);
    expect((await browser.get('/api/me')).statusCode).toBe(200); // written
    t.clock.advanceMinutes(14.9);
    expect((await browser.get('/api/me')).statusCode).toBe(200); // written again
    t.clock.advanceMinutes(15);
    expect((await browser.get('/api/me')).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('does the same for staff sessions, also when an assist session keeps them alive', async () => {
    const policy = { idleMinutes: 30, absoluteHours: 12 };
    const start = t.clock.now();
    const token = await startSession(t.ctx.db, t.clock, policy, 'some-staff-account', 'staff');
    t.clock.advanceMinutes(0.5);
    const found = await useSession(t.ctx.db, t.clock, policy, token, 'staff');
    expect(found.ok && found.idleExpiresAt).toEqual(new Date(start.getTime() + 30 * 60_000));
    expect(await touchSessionByHash(t.ctx.db, t.clock, policy, sessionTokenHash(token), 'staff')).toBe(true);
    expect(await lastSeen(token)).toEqual(start);

    t.clock.advanceMinutes(0.5);
    expect(await touchSessionByHash(t.ctx.db, t.clock, policy, sessionTokenHash(token), 'staff')).toBe(true);
    expect(await lastSeen(token)).toEqual(t.clock.now());

    t.clock.advanceMinutes(30);
    expect(await touchSessionByHash(t.ctx.db, t.clock, policy, sessionTokenHash(token), 'staff')).toBe(false);
    expect((await useSession(t.ctx.db, t.clock, policy, token, 'staff')).ok).toBe(false);
  });
});
