/**
 * The embedded DigiD simulation behind a TLS-terminating proxy (an https PUBLIC_URL): every
 * login answered 500 ("only requests to HTTPS are allowed"), because the relying party's
 * in-process requests to the simulator carried no forwarded protocol. And a second login in the
 * same browser without logging out must show the login page again, not an error.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from '../testing';

const PUBLIC = 'https://loket.example.nl';

/** What nginx in front of Loket adds to every request (from 127.0.0.1, a trusted proxy). */
function behindProxy(t: TestApp): FastifyInstance {
  return {
    inject: (options: InjectOptions) =>
      t.app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), host: 'loket.example.nl', 'x-forwarded-proto': 'https' },
      }),
  } as unknown as FastifyInstance;
}

/** A page that posts itself with script (oidc-provider's form_post), posted as a browser would. */
function selfPostingForm(body: string): { action: string; fields: string } | undefined {
  if (!body.includes('document.forms[0].submit()')) return undefined;
  const action = /<form method="post" action="([^"]+)"/.exec(body)?.[1];
  if (!action) return undefined;
  const fields = [...body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)]
    .map(([, name, value]) => `${encodeURIComponent(name!)}=${encodeURIComponent(value!)}`)
    .join('&');
  return { action, fields };
}

async function follow(browser: Browser, first: Awaited<ReturnType<Browser['get']>>) {
  let response = first;
  let location = '';
  for (let hops = 0; hops < 10; hops += 1) {
    const form = response.statusCode === 200 ? selfPostingForm(response.body) : undefined;
    if (form) {
      const url = new URL(form.action, PUBLIC);
      response = await browser.request({
        method: 'POST',
        url: url.pathname + url.search,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.fields,
      });
      continue;
    }
    if (response.statusCode < 300 || response.statusCode >= 400) break;
    const url = new URL(String(response.headers.location), PUBLIC);
    if (url.origin !== PUBLIC) throw new Error(`left the site for ${url.origin}`);
    location = url.pathname + url.search;
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/idp/')) break;
    response = await browser.get(location);
  }
  return { response, location };
}

async function logIn(browser: Browser, bsn: string) {
  const { response: form, location } = await follow(
    browser,
    await browser.get('/api/auth/login?returnTo=%2Faanvragen'),
  );
  expect(form.statusCode).toBe(200);
  expect(form.body).toContain('DigiD simulatie');
  const submitted = await browser.request({
    method: 'POST',
    url: `${location}/login`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `bsn=${bsn}`,
  });
  return follow(browser, submitted);
}

describe.each(testDatabases)('simulator logins with an https PUBLIC_URL on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { publicUrl: PUBLIC } });
  });
  afterAll(() => t?.close());

  it('logs a resident in and lands on the asked page', async () => {
    const browser = new Browser(behindProxy(t));
    const { location } = await logIn(browser, '999990019');
    expect(location).toBe('/aanvragen');
    const me = await browser.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().resident.name).toBe('Jan de Vries');
  });

  it('shows the login page again for a second login in the same browser, and logs the new person in', async () => {
    const browser = new Browser(behindProxy(t));
    await logIn(browser, '999990019');
    const { location } = await logIn(browser, '999990032');
    expect(location).toBe('/aanvragen');
    const me = await browser.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().resident.name).not.toBe('Jan de Vries');
  });
});
