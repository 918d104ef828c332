/**
 * Issue 16: API answers over 1 KB go out compressed to a browser that accepts it (Brotli, else
 * gzip), plain to one that does not; small answers, tus uploads and HEAD keep working.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPolicy } from './modules/auth/session-hook';
import { startSession } from './modules/auth/sessions';
import { Browser, createTestApp, testDatabases, type TestApp } from './testing';

const NOW = new Date('2026-03-23T07:00:00Z'); // a Monday morning: six weeks of free slots ahead
const AVAILABILITY = '/api/appointments/availability?type=intake&place=voorburg-corbulo';
const BROWSER = 'gzip, deflate, br, zstd';

describe('compressed API answers', () => {
  let t: TestApp;
  let jan: Browser;

  beforeAll(async () => {
    t = await createTestApp(testDatabases[0]!, { now: NOW });
    jan = new Browser(t.app);
    jan.setCookie('loket_session', await startSession(t.ctx.db, t.ctx.clock, sessionPolicy(t.ctx), '999990019'));
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const ask = (url: string, acceptEncoding?: string, method: 'GET' | 'HEAD' = 'GET') =>
    jan.request({ method, url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends a large JSON answer as Brotli, gzip or plain, whichever the browser accepts', async () => {
    const plain = await ask(AVAILABILITY);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(10_000);

    const br = await ask(AVAILABILITY, BROWSER);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 5);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    // Still an answer to a session: never cached, with the session's headers and the security set.
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.headers['loket-session-idle-expires']).toBeDefined();
    expect(br.headers['content-security-policy']).toContain("default-src 'self'");

    const gzip = await ask(AVAILABILITY, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());

    const identity = await ask(AVAILABILITY, 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.json()).toEqual(plain.json());
  });

  it('sends small answers as they are, and answers HEAD without a body', async () => {
    const live = await ask('/api/health/live', BROWSER);
    expect(live.headers['content-encoding']).toBeUndefined();
    expect(live.json()).toEqual({ status: 'live' });

    const head = await ask('/api/openapi.json', BROWSER, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('leaves tus upload answers alone', async () => {
    const caseId: string = (await jan.get('/api/applications')).json().applications[0].id;
    const created = await jan.request({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        'accept-encoding': BROWSER,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `caseId ${Buffer.from(caseId).toString('base64')}`,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-encoding']).toBeUndefined();
    expect(created.headers.location).toMatch(/\/api\/uploads\/\w+/);
  });
});
