// Who may say where a request came from: by default only a proxy on this host. A client that
// sends X-Forwarded-For itself must not choose the address in the audit log (or for rate limits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../config';
import { logInStaff } from '../modules/staff/testing';
import { createTestApp, testDatabases, type TestApp } from '../testing';

describe('LOKET_TRUST_PROXY', () => {
  it('trusts only loopback unless told otherwise', () => {
    expect(parseTrustProxy(undefined)).toBe('loopback');
    expect(parseTrustProxy(' ')).toBe('loopback');
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('10.0.0.1, 10.0.0.2')).toBe('10.0.0.1, 10.0.0.2');
  });
});

describe('the origin in the audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(testDatabases[0]!);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const lastOrigin = async () =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('origin_ip')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).origin_ip;

  it('is the connecting address when a client claims another; the proxy on this host is believed', async () => {
    const { browser } = await logInStaff(t, 'k.jansen');
    // A search that finds a case is audited with its origin.
    const reference = (await t.ctx.db.selectFrom('cases').select('reference').limit(1).executeTakeFirstOrThrow())
      .reference;
    const find = (remoteAddress: string) =>
      browser.request({
        method: 'GET',
        url: `/api/staff/cases?reference=${encodeURIComponent(reference)}`,
        remoteAddress,
        headers: { 'x-forwarded-for': '198.51.100.7' },
      });
    await find('203.0.113.9');
    expect(await lastOrigin()).toBe('203.0.113.9');
    await find('127.0.0.1');
    expect(await lastOrigin()).toBe('198.51.100.7');
  });
});
