import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idpSimulatorPlugin } from './index';
import type { IdpSimulatorOptions } from './index';

const PERSON = { bsn: '999990019', name: 'J. de Vries' };
const CLIENT_ID = 'loket';
const CLIENT_SECRET = 'test-secret-that-is-long-enough';

let app: FastifyInstance;
let base: string;
let redirectUri: string;
const logLines: string[] = [];

/** Minimal cookie jar: one host, so paths can be ignored; the newest value of a name wins. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** fetch with manual redirects until a page is shown or the browser would leave for the RP. */
async function browse(
  jar: CookieJar,
  url: string,
  init: RequestInit = {},
): Promise<{ response: Response; url: string }> {
  let current = url;
  let response = await fetch(current, {
    ...init,
    redirect: 'manual',
    headers: { ...init.headers, cookie: jar.header() },
  });
  for (let hops = 0; hops < 10; hops += 1) {
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
    current = new URL(location, current).href;
    if (current.startsWith(redirectUri)) return { response, url: current };
    response = await fetch(current, { redirect: 'manual', headers: { cookie: jar.header() } });
  }
  throw new Error('too many redirects');
}

function postForm(jar: CookieJar, url: string, fields: Record<string, string>) {
  return browse(jar, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

function formAction(html: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no login form on the page');
  return new URL(action, base).href;
}

async function startFlow(config: client.Configuration, extra: Record<string, string> = {}) {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile bsn',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    ...extra,
  });
  const jar = new CookieJar();
  const page = await browse(jar, url.href);
  return { jar, page, codeVerifier, state };
}

async function discover(auth?: client.ClientAuth): Promise<client.Configuration> {
  return client.discovery(new URL(`${base}/idp`), CLIENT_ID, { client_secret: CLIENT_SECRET }, auth, {
    execute: [client.allowInsecureRequests],
  });
}

beforeAll(async () => {
  // The issuer must be known before the plugin is registered, and it contains the port; so the
  // HTTP server is listening first and Fastify is attached to it through serverFactory.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  redirectUri = `${base}/api/auth/callback`;

  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
  app = Fastify({
    logger: { level: 'trace', stream: logStream },
    serverFactory: (handler) => server.on('request', handler),
  });
  const options: IdpSimulatorOptions = {
    issuer: `${base}/idp`,
    clients: [
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUris: [redirectUri],
        postLogoutRedirectUris: [`${base}/`],
      },
    ],
    findPerson: async (bsn) => (bsn === PERSON.bsn ? PERSON : null),
    listPersons: async () => [{ ...PERSON, description: 'Bijstand: wij wachten op <2> documenten.' }],
  };
  await app.register(idpSimulatorPlugin(options), { prefix: '/idp' });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

describe('DigiD simulator (embedded OpenID provider)', () => {
  it('publishes discovery under the issuer path: code flow, S256 only, bsn scope', async () => {
    const config = await discover();
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(`${base}/idp`);
    expect(meta.authorization_endpoint).toBe(`${base}/idp/auth`);
    expect(meta.token_endpoint).toBe(`${base}/idp/token`);
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'bsn']));
    expect(meta.id_token_signing_alg_values_supported).toContain('RS256');
  });

  it('runs the full code + PKCE flow and issues bsn and name in the ID token and userinfo', async () => {
    const config = await discover();
    const { jar, page, codeVerifier, state } = await startFlow(config);

    expect(page.response.status).toBe(200);
    const html = await page.response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<title>DigiD simulatie</title>');
    expect(html).toMatch(/<main>[\s\S]*<h1>DigiD simulatie<\/h1>[\s\S]*<\/main>/);
    expect(html).toContain('<label for="bsn">BSN</label>');
    expect(html).toMatch(/<input id="bsn" name="bsn" type="text" inputmode="numeric" autocomplete="off"/);
    expect(html).toContain('geen echte DigiD');
    expect(html).toContain('>Inloggen</button>');
    expect(html).toContain('>Annuleren</button>');
    expect(page.response.headers.get('content-security-policy')).toContain("default-src 'none'");

    const callback = await postForm(jar, formAction(html), { bsn: PERSON.bsn });
    expect(callback.url.startsWith(`${redirectUri}?`)).toBe(true);
    expect(new URL(callback.url).searchParams.get('code')).toBeTruthy();

    const tokens = await client.authorizationCodeGrant(config, new URL(callback.url), {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
    });
    expect(tokens.claims()).toMatchObject({
      iss: `${base}/idp`,
      aud: CLIENT_ID,
      sub: PERSON.bsn,
      bsn: PERSON.bsn,
      name: PERSON.name,
    });
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, PERSON.bsn);
    expect(userinfo).toMatchObject({ sub: PERSON.bsn, bsn: PERSON.bsn, name: PERSON.name });
  });

  it('lists the test residents; picking one fills the BSN, and logging in works', async () => {
    const config = await discover();
    const { jar, page, codeVerifier, state } = await startFlow(config);
    const html = await page.response.text();
    expect(html).toContain('<h2>Testpersonen</h2>');
    // Escaped: a description is data, never markup.
    expect(html).toContain('Bijstand: wij wachten op &lt;2&gt; documenten.');
    expect(html).toMatch(
      /<button type="submit" class="person" name="bsn" value="999990019">J\. de Vries, BSN 999990019<\/button>/,
    );
    const pick = /<form method="post" action="([^"]+\/kies)">/.exec(html)?.[1];
    expect(pick).toBeTruthy();

    const chosen = await postForm(jar, new URL(pick!, base).href, { bsn: '999990019' });
    expect(chosen.response.status).toBe(200);
    const filled = await chosen.response.text();
    expect(filled).toMatch(/<input id="bsn" name="bsn"[^>]* value="999990019"/);
    expect(filled).toContain('<button type="submit" autofocus>Inloggen</button>');

    const callback = await postForm(jar, formAction(filled), { bsn: '999990019' });
    const tokens = await client.authorizationCodeGrant(config, new URL(callback.url), {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
    });
    expect(tokens.claims()?.bsn).toBe(PERSON.bsn);
  });

  it('fills nothing from a choice that is not a BSN', async () => {
    const config = await discover();
    const { jar, page } = await startFlow(config);
    const pick = formAction(await page.response.text()).replace(/\/login$/, '/kies');
    const odd = await postForm(jar, pick, { bsn: '"><script>' });
    const html = await odd.response.text();
    expect(html).toMatch(/<input id="bsn" name="bsn"[^>]* value=""/);
    expect(html).not.toContain('<script>');
  });

  it('accepts client_secret_basic too, and a BSN typed with spaces', async () => {
    const config = await discover(client.ClientSecretBasic(CLIENT_SECRET));
    const { jar, page, codeVerifier, state } = await startFlow(config);
    const callback = await postForm(jar, formAction(await page.response.text()), { bsn: '9999 900 19' });
    const tokens = await client.authorizationCodeGrant(config, new URL(callback.url), {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
    });
    expect(tokens.claims()?.bsn).toBe(PERSON.bsn);
  });

  it('asks for a BSN again on the next authorization request in the same browser', async () => {
    const config = await discover();
    const first = await startFlow(config);
    await postForm(first.jar, formAction(await first.page.response.text()), { bsn: PERSON.bsn });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid bsn',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const again = await browse(first.jar, url.href);
    expect(again.response.status).toBe(200);
    expect(await again.response.text()).toContain('<label for="bsn">BSN</label>');
  });

  it('refuses a BSN that fails the elfproef with 400, the message and the typed value kept', async () => {
    const { jar, page } = await startFlow(await discover());
    const result = await postForm(jar, formAction(await page.response.text()), { bsn: '999990018' });
    expect(result.response.status).toBe(400);
    const html = await result.response.text();
    expect(html).toContain(
      '<p id="bsn-error" class="error">Dit BSN bestaat niet. Kijk of u geen cijfer verkeerd heeft getypt.</p>',
    );
    expect(html).not.toContain('Een BSN heeft 9 cijfers');
    expect(html).toContain('value="999990018"');
    expect(html).toContain('aria-describedby="bsn-hint bsn-error" aria-invalid="true"');
  });

  it.each([
    ['8 digits', '99999001'],
    ['10 digits', '9999900190'],
    ['a letter among the digits', '99999001a'],
  ])(
    'refuses a BSN of the wrong length or with other signs (%s) with its own message, the typed value kept',
    async (_, typed) => {
      const { jar, page } = await startFlow(await discover());
      const result = await postForm(jar, formAction(await page.response.text()), { bsn: typed });
      expect(result.response.status).toBe(400);
      const html = await result.response.text();
      expect(html).toContain(
        '<p id="bsn-error" class="error">Een BSN heeft 9 cijfers. Kijk of u het hele nummer heeft getypt.</p>',
      );
      expect(html).not.toContain('bestaat niet');
      expect(html).toContain(`value="${typed}"`);
    },
  );

  it('refuses a valid BSN that is not a test person', async () => {
    const { jar, page } = await startFlow(await discover());
    const result = await postForm(jar, formAction(await page.response.text()), { bsn: '111222333' });
    expect(result.response.status).toBe(400);
    const html = await result.response.text();
    expect(html).toContain('Dit BSN hoort niet bij een testpersoon.');
    expect(html).toContain('value="111222333"');
  });

  it('escapes whatever was typed when showing it again', async () => {
    const { jar, page } = await startFlow(await discover());
    const result = await postForm(jar, formAction(await page.response.text()), { bsn: '"><script>x</script>' });
    const html = await result.response.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('refuses an authorization request without PKCE', async () => {
    const config = await discover();
    const url = client.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: 'openid bsn', state: 'xyz' });
    const { url: landed } = await browse(new CookieJar(), url.href);
    const params = new URL(landed).searchParams;
    expect(landed.startsWith(redirectUri)).toBe(true);
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('code')).toBeNull();
  });

  it('returns error=access_denied to the client on Annuleren', async () => {
    const config = await discover();
    const { jar, page, state } = await startFlow(config);
    const action = formAction(await page.response.text()).replace(/\/login$/, '/abort');
    const { url: landed } = await postForm(jar, action, { bsn: '' });
    const params = new URL(landed).searchParams;
    expect(landed.startsWith(redirectUri)).toBe(true);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe(state);
    expect(params.get('code')).toBeNull();
  });

  it('shows a Dutch error page when the interaction cookie is missing', async () => {
    const { page } = await startFlow(await discover());
    const response = await fetch(page.url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('verlopen');
  });

  it('logs out through a Dutch confirmation page and returns to the post-logout URI', async () => {
    const config = await discover();
    const { jar, page, codeVerifier, state } = await startFlow(config);
    const callback = await postForm(jar, formAction(await page.response.text()), { bsn: PERSON.bsn });
    const tokens = await client.authorizationCodeGrant(config, new URL(callback.url), {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
    });

    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: `${base}/`,
    });
    const confirm = await browse(jar, endSession.href);
    expect(confirm.response.status).toBe(200);
    const html = await confirm.response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('>Ja, uitloggen</button>');
    const action = /<form id="op\.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action && xsrf).toBeTruthy();

    const done = await postForm(jar, new URL(action!, base).href, { xsrf: xsrf!, logout: 'yes' });
    expect(done.url).toBe(`${base}/`);
  });

  it('never writes a BSN to the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const bsn of [PERSON.bsn, '999990018', '111222333']) {
      expect(logLines.filter((line) => line.includes(bsn))).toEqual([]);
    }
  });

  it('refuses to mount under a path other than the issuer path', async () => {
    const other = Fastify();
    other.register(idpSimulatorPlugin({ issuer: 'http://localhost/idp', clients: [], findPerson: async () => null }), {
      prefix: '/elders',
    });
    await expect(other.ready()).rejects.toThrow(/prefix '\/idp'/);
  });
});
