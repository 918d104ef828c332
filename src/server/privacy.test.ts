/**
 * Personal data never goes into logs: a whole login and a read of the applications at the
 * most verbose level must not leave a BSN, a name or a session token in the log output.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from './testing';

describe('logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    t = await createTestApp(testDatabases[0]!, { logStream: sink, config: { logLevel: 'trace' } });
  });
  afterAll(() => t?.close());

  it('hold no BSN, name, cookie or login code after a full login and a case read', async () => {
    const browser = new Browser(t.app);
    let res = await browser.get('/api/auth/login?returnTo=/aanvragen');
    while (res.statusCode === 303 && String(res.headers.location).includes('/idp/')) {
      res = await browser.get(
        new URL(String(res.headers.location), 'http://x').pathname +
          new URL(String(res.headers.location), 'http://x').search,
      );
    }
    const formUrl = /action="([^"]+)"/.exec(res.body)?.[1];
    expect(formUrl).toBeDefined();
    res = await browser.request({
      method: 'POST',
      url: formUrl!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'bsn=999990019',
    });
    while (res.statusCode === 303) {
      const next = new URL(String(res.headers.location), 'http://x');
      if (!next.pathname.startsWith('/api/') && !next.pathname.startsWith('/idp/')) break;
      res = await browser.get(next.pathname + next.search);
    }
    const list = await browser.get('/api/applications');
    expect(list.statusCode).toBe(200);
    await browser.get(`/api/applications/${list.json().applications[0].id}`);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).not.toContain('999990019');
    expect(log).not.toContain('Jan de Vries');
    expect(log).not.toContain(browser.cookie('loket_session'));
    expect(log).not.toMatch(/code=/);
  });
});
