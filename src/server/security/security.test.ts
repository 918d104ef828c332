/**
 * Issue 7: security headers on every kind of response, no-store for every API answer to a
 * session, and rate limits per device and per IP (kiosks in one library share one IP).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from '../testing';
import { sessionPolicy } from '../modules/auth/session-hook';
import { startSession } from '../modules/auth/sessions';
import { logInStaff } from '../modules/staff/testing';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { security } from './index';

const NOW = new Date('2026-11-18T10:00:00Z');

async function signedIn(t: TestApp, bsn: string): Promise<Browser> {
  const browser = new Browser(t.app);
  browser.setCookie('loket_session', await startSession(t.ctx.db, t.ctx.clock, sessionPolicy(t.ctx), bsn));
  return browser;
}

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const csp = directives(res);
  expect(csp.size, `${what}: CSP`).toBeGreaterThan(0);
  for (const values of csp.values()) {
    expect(values, what).not.toContain("'unsafe-inline'");
    expect(values, what).not.toContain("'unsafe-eval'");
  }
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('base-uri'), what).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  // Our origin, and the one <style> a server-rendered page carries (the consortium's colours) by its hash.
  expect(csp.get('style-src'), what).toEqual(["'self'", expect.stringMatching(/^'sha256-[\w+/]+=*'$/)]);
  expect(csp.get('script-src'), what).toEqual(["'self'"]);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
}

describe('security headers', () => {
  let t: TestApp;
  let clientDir: string;

  beforeAll(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'loket-client-'));
    await mkdir(join(clientDir, 'assets'));
    await writeFile(
      join(clientDir, 'index.html'),
      '<!doctype html><title>Loket</title><script type="module" src="/assets/app.js"></script>',
    );
    await writeFile(join(clientDir, 'assets/app.js'), 'console.log(1)');
    await writeFile(join(clientDir, 'assets/reduce-image.worker-AAAA1111.js'), 'onmessage = () => {};');
    await writeFile(join(clientDir, 'assets/logo-BBBB2222.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await createTestApp(testDatabases[0]!, { now: NOW, config: { clientDir } });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  it('are on HTML, files, API answers, API errors, unknown files, tus and the simulator', async () => {
    const jan = await signedIn(t, '999990019');
    const caseId: string = (await jan.get('/api/applications')).json().applications[0].id;
    const responses: Array<[string, LightMyRequestResponse]> = [
      ['the app page', await t.app.inject({ url: '/' })],
      ['an app route', await t.app.inject({ url: '/aanvragen' })],
      ['an SVG asset', await t.app.inject({ url: '/assets/logo-BBBB2222.svg' })],
      ['a web worker script', await t.app.inject({ url: '/assets/reduce-image.worker-AAAA1111.js' })],
      ['the health API', await t.app.inject({ url: '/api/health' })],
      ['a signed-in API answer', await jan.get('/api/applications')],
      ['an API 401', await t.app.inject({ url: '/api/applications' })],
      ['an API 404', await t.app.inject({ url: '/api/nothing-here' })],
      [
        'a bad JSON body',
        await jan.request({
          method: 'POST',
          url: '/api/auth/logout',
          headers: { 'content-type': 'application/json' },
          payload: '{',
        }),
      ],
      ['an unknown file', await t.app.inject({ url: '/nothing.png' })],
      // Replies that bypass Fastify's reply (hijacked): tus and the login simulator.
      [
        'a tus upload',
        await jan.request({
          method: 'POST',
          url: '/api/uploads',
          headers: {
            'tus-resumable': '1.0.0',
            'upload-length': '10',
            'upload-metadata': `caseId ${Buffer.from(caseId).toString('base64')}`,
          },
        }),
      ],
      [
        'a tus answer to an unknown upload',
        await jan.request({ method: 'HEAD', url: '/api/uploads/nothing-here', headers: { 'tus-resumable': '1.0.0' } }),
      ],
      ['the simulator', await t.app.inject({ url: '/idp/.well-known/openid-configuration' })],
      // Refused by Fastify's router before any hook (security/framework-errors.ts).
      ['a path parameter too long', await jan.get(`/api/applications/${'a'.repeat(300)}`)],
      ['a broken URL escape', await jan.get('/api/applications/%E0%A4%A')],
    ];
    for (const [what, res] of responses.slice(-2)) {
      expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(res.json(), what).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    }
    const status = new Map(responses.map(([what, res]) => [what, res.statusCode]));
    for (const what of ['the app page', 'an SVG asset', 'a web worker script', 'the simulator'])
      expect(status.get(what), what).toBe(200);
    expect(status.get('a tus upload')).toBe(201);
    for (const [what, res] of responses) expectSecurityHeaders(res, what);
  });

  it('keeps the headers of scripts, styles and fonts lean: no document policies, nosniff and CORP still', async () => {
    // A CSP, frame options or COOP mean something only to a document or a worker (issue 16).
    const res = await t.app.inject({ url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    for (const name of ['content-security-policy', 'x-frame-options', 'cross-origin-opener-policy', 'referrer-policy'])
      expect(res.headers[name], name).toBeUndefined();
    // A missing asset is a JSON 404, which nosniff keeps from ever being read as a page.
    const missing = await t.app.inject({ url: '/assets/gone-CCCC3333.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends no HSTS on http or localhost, so a developer browser is not pinned to https', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends no-store on every API answer to a resident or staff session, public ones included', async () => {
    const jan = await signedIn(t, '999990019');
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const plainGets = Object.entries(spec.paths)
      .filter(([path, ops]) => 'get' in ops && !path.includes('{'))
      .map(([path]) => path);
    expect(plainGets.length).toBeGreaterThan(3);
    for (const path of plainGets) {
      const res = await jan.get(path);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    const { browser: staff } = await logInStaff(t, 'k.jansen');
    for (const path of plainGets.filter((p) => p.startsWith('/api/staff'))) {
      expect((await staff.get(path)).headers['cache-control'], path).toBe('no-store');
    }
    const asked = await jan.request({
      method: 'POST',
      url: `/api/applications/${(await jan.get('/api/applications')).json().applications[0].id}/questions`,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      payload: JSON.stringify({ text: 'Wanneer hoor ik iets?' }),
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.headers['cache-control']).toBe('no-store');
  });

  it('treats an API path spelled with escapes (/%61pi/me) as the API route the router takes it to', async () => {
    const jan = await signedIn(t, '999990019');
    // The router decodes /%61pi/me to /api/me: it is the resident's own answer, with the API's
    // headers, not a page's, and never kept in a cache.
    const me = await jan.get('/%61pi/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().resident.name).toBe('Jan de Vries');
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['content-type']).toMatch(/^application\/json/);
    expect(String(me.headers['content-security-policy'])).toBe(
      String((await jan.get('/api/me')).headers['content-security-policy']),
    );

    // The same checks on what comes in: NUL characters in a body are refused there too.
    const id = (await jan.get('/api/applications')).json().applications[0].id;
    const withNul = await jan.request({
      method: 'POST',
      url: `/%61pi/applications/${id}/questions`,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      payload: JSON.stringify({ text: 'Wanneer\u0000 hoor ik iets?' }),
    });
    expect(withNul.statusCode).toBe(400);
    expect(withNul.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('HSTS on a public https address', () => {
  it.each([
    ['https://loket.example.nl', 'max-age=31536000; includeSubDomains'],
    ['https://localhost:8443', undefined],
    ['http://loket.example.nl', undefined],
  ])('%s: %s', async (publicUrl, expected) => {
    // The security plugin alone, as buildApp registers it (a whole app per address is slow).
    const app = Fastify({ logger: false });
    await app.register(cookie);
    const consortium = { theme: { primaryColor: '#154273', primaryTextColor: '#ffffff' } };
    await app.register(security, {
      ctx: { config: loadConfig({ PUBLIC_URL: publicUrl }), consortium } as unknown as AppContext,
    });
    app.get('/api/health', async () => ({ ok: true }));
    try {
      const res = await app.inject({ url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe(expected);
      expectSecurityHeaders(res, publicUrl);
    } finally {
      await app.close();
    }
  });
});

describe.each(testDatabases)('rate limits on %s', (kind) => {
  let t: TestApp;
  const saved = new Map<string, string | undefined>();
  const limits = {
    LOKET_RATE_LOGIN_PER_DEVICE: '3',
    LOKET_RATE_LOGIN_PER_IP: '7',
    LOKET_RATE_CHANGES_PER_DEVICE: '4',
    LOKET_RATE_CHANGES_PER_IP: '10',
  };

  beforeAll(async () => {
    for (const [name, value] of Object.entries(limits)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    t = await createTestApp(kind, { now: NOW });
  }, 180_000);
  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await t?.close();
  });
  // Each test uses its own IP address, so the per-IP counts start at zero.
  let n = 0;
  const nextIp = () => `203.0.113.${(n += 1)}`;

  const ask = (browser: Browser, caseId: string, ip: string) =>
    browser.request({
      method: 'POST',
      url: `/api/applications/${caseId}/questions`,
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      payload: JSON.stringify({ text: 'Hoe lang duurt het nog?' }),
    });

  function expectLimited(res: LightMyRequestResponse) {
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  }

  it('stops one kiosk that sends too many changes, and not the kiosk next to it on the same IP', async () => {
    const ip = nextIp();
    const jan = await signedIn(t, '999990019');
    const piet = await signedIn(t, '999990032');
    const janCase = (await jan.get('/api/applications')).json().applications[0].id;
    const pietCase = (await piet.get('/api/applications')).json().applications[0].id;
    for (let i = 0; i < 4; i += 1) expect((await ask(jan, janCase, ip)).statusCode).toBe(201);
    expectLimited(await ask(jan, janCase, ip));
    expect((await ask(piet, pietCase, ip)).statusCode).toBe(201);
    // Reading is never limited, and nor is logging out.
    expect((await jan.get('/api/applications')).statusCode).toBe(200);
    expect((await jan.request({ method: 'POST', url: '/api/auth/logout', remoteAddress: ip })).statusCode).toBe(204);
  });

  it('stops a whole IP address at its own, higher limit', async () => {
    const ip = nextIp();
    const answers: number[] = [];
    for (const bsn of ['999990019', '999990032', '999990044', '999990068']) {
      const resident = await signedIn(t, bsn);
      const cases = (await resident.get('/api/applications')).json().applications;
      // A resident without applications still counts: the limit comes before the handler.
      const caseId = cases[0]?.id ?? randomUUID();
      for (let i = 0; i < 3; i += 1) answers.push((await ask(resident, caseId, ip)).statusCode);
    }
    expect(answers.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(answers.slice(10)).toEqual([429, 429]);
    // Another address is not affected.
    const other = await signedIn(t, '999990019');
    const caseId = (await other.get('/api/applications')).json().applications[0].id;
    expect((await ask(other, caseId, nextIp())).statusCode).toBe(201);
  });

  it('limits starting a login per device with a device cookie that is not personal', async () => {
    const ip = nextIp();
    const kiosk = new Browser(t.app);
    const start = (browser: Browser) => browser.request({ method: 'GET', url: '/api/auth/login', remoteAddress: ip });
    const first = await start(kiosk);
    expect(first.statusCode).toBe(303);
    const device = kiosk.cookie('loket_device');
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const cookie = first.cookies.find((c) => c.name === 'loket_device')!;
    expect(cookie.httpOnly).toBe(true);
    expect((await start(kiosk)).statusCode).toBe(303);
    expect((await start(kiosk)).statusCode).toBe(303);
    expectLimited(await start(kiosk));
    expectLimited(await kiosk.request({ method: 'GET', url: '/api/auth/callback?state=x&code=y', remoteAddress: ip }));
    // The next kiosk in the library (same IP, its own device cookie) can still log in.
    const nextKiosk = new Browser(t.app);
    expect((await start(nextKiosk)).statusCode).toBe(303);
    expect(nextKiosk.cookie('loket_device')).not.toBe(device);
  });

  it('limits a client that drops its cookies by its IP address', async () => {
    const ip = nextIp();
    const codes: number[] = [];
    for (let i = 0; i < 9; i += 1)
      codes.push((await t.app.inject({ method: 'GET', url: '/api/auth/login', remoteAddress: ip })).statusCode);
    expect(codes).toEqual([303, 303, 303, 303, 303, 303, 303, 429, 429]);
  });

  it('stops a member of staff who sends too many changes, not the colleague beside them', async () => {
    const ip = nextIp();
    const { browser: karin } = await logInStaff(t, 'k.jansen');
    const { browser: anton } = await logInStaff(t, 'a.visser');
    const disable = (browser: Browser) =>
      browser.request({
        method: 'POST',
        url: `/api/staff/accounts/${randomUUID()}/disable`,
        remoteAddress: ip,
        headers: { 'idempotency-key': randomUUID() },
      });
    for (let i = 0; i < 4; i += 1) expect((await disable(karin)).statusCode).not.toBe(429);
    expectLimited(await disable(karin));
    expect((await disable(anton)).statusCode).not.toBe(429);
  });
});
