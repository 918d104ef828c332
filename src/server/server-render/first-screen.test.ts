/**
 * A signed-in resident's first screen rendered on the server (issue 16), through the real build
 * (dist/client and its render bundle, dist/render: `npm run test:server` builds them first).
 * The browser's side, the app taking the page over, is walked in test/e2e/server-render.spec.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { brotliDecompressSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, Browser, type TestApp } from '../testing';
import { sessionPolicy } from '../modules/auth/session-hook';
import { startSession } from '../modules/auth/sessions';
import { installNotFoundHandler } from '../errors';
import { pageHtml } from './first-screen';

const clientDir = resolve(process.env.LOKET_DIST || 'dist', 'client');

describe.each(testDatabases)('the first screen rendered on the server, on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind, { config: { clientDir } });
  });
  afterAll(() => t?.close());

  async function signedIn(bsn: string): Promise<Browser> {
    const browser = new Browser(t.app);
    browser.setCookie('loket_session', await startSession(t.ctx.db, t.ctx.clock, sessionPolicy(t.ctx), bsn));
    return browser;
  }

  it("sends a signed-in resident's list with its status, kept by no cache", async () => {
    const res = await (await signedIn('999990019')).get('/aanvragen');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<h1 class="nl-heading nl-heading--level-1" tabindex="-1">Mijn aanvragen</h1>');
    expect(res.body).toContain('Wij hebben meer informatie van u nodig');
    expect(res.body).toContain('<title>Mijn aanvragen - Werk en Inkomen</title>');
    // The state the app starts from, in a data block the browser never runs.
    expect(res.body).toMatch(/<script type="application\/json" id="loket-server-state">\{"locale":"nl"/);
    expect(res.body).not.toContain('Even geduld. Loket wordt geladen.');
  });

  it("writes index.html's stylesheet and then the drawn components' into the page, each allowed by its hash", async () => {
    const res = await (await signedIn('999990019')).get('/aanvragen');
    const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'ssr-manifest.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    const shell = readFileSync(join(clientDir, 'index.html'), 'utf8');
    const appStyle = /<link rel="stylesheet" crossorigin href="(\/assets\/index-[^"]+\.css)">/.exec(shell)?.[1];
    // The facts list (NL Design System data list) has a stylesheet of its own.
    const facts = manifest['src/client/components/applications/ApplicationFacts.vue']!.filter((f) =>
      f.endsWith('.css'),
    );
    expect(appStyle).toBeDefined();
    expect(facts).not.toEqual([]);
    const head = res.body.slice(0, res.body.indexOf('</head>'));
    // Linked only as disabled (never fetched), for the app's loader to see (first-screen.ts).
    const links = head.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
    expect(links.length).toBeGreaterThan(1);
    expect(links.filter((link) => !link.endsWith(' disabled>'))).toEqual([]);
    const styles = [...head.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]!);
    const positions = [appStyle!, ...facts].map((file) => styles.indexOf(readFileSync(join(clientDir, file), 'utf8')));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const css of styles) {
      const hash = createHash('sha256').update(css).digest('base64');
      expect(res.headers['content-security-policy']).toMatch(
        new RegExp(`style-src 'self'[^;]* 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`),
      );
    }
  });

  it("keeps the app's code out of the way of the first paint, and sends the page compressed", async () => {
    const browser = await signedIn('999990019');
    const res = await browser.get('/aanvragen');
    const shell = readFileSync(join(clientDir, 'index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(shell)?.[0];
    expect(entry).toBeDefined();
    // Inert in a template, which the boot script empties after the first paint (server-render.spec.ts).
    const template = /<template id="loket-deferred-code">([\s\S]*?)<\/template>/.exec(res.body)?.[1];
    expect(template).toContain(entry);
    expect(res.body.replace(/<template[\s\S]*?<\/template>/, '')).not.toMatch(/type="module"|rel="modulepreload"/);

    const compressed = await browser.request({
      method: 'GET',
      url: '/aanvragen',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers.vary).toContain('Accept-Encoding');
    expect(compressed.rawPayload.length).toBeLessThan(res.body.length / 4);
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toContain('Wij hebben meer informatie van u nodig');
  });

  it("renders for our service worker's navigation preload only when the worker has this build's shell, with its stylesheets linked", async () => {
    const browser = await signedIn('999990019');
    const revision = createHash('md5')
      .update(readFileSync(join(clientDir, 'index.html'), 'utf8'))
      .digest('hex');
    const preload = (value: string, url = '/aanvragen') =>
      browser.request({ method: 'GET', url, headers: { 'service-worker-navigation-preload': value } });

    const same = await preload(revision);
    expect(same.statusCode).toBe(200);
    expect(same.headers['loket-shell-revision']).toBe(revision);
    expect(same.headers['cache-control']).toBe('no-store');
    expect(same.body).toContain('Wij hebben meer informatie van u nodig');
    // The worker holds the build's files: linked, not written in.
    expect(same.body).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/index-[\w-]+\.css">/);

    // A worker of another build answers with its own shell, and the update still waits for the
    // resident; a page not rendered here is the worker's to answer too. Nothing is sent.
    for (const res of [await preload('a-revision-of-another-build'), await preload(revision, '/afspraken')]) {
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
    }
  });

  it("draws in the consortium's colours, allowed by their hash in the page's CSP", async () => {
    const res = await (await signedIn('999990019')).get('/aanvragen');
    const style = /<style>([^<]*)<\/style>/.exec(res.body)?.[1] ?? '';
    expect(style).toContain('--loket-primary-color:#00613a');
    const hash = createHash('sha256').update(style).digest('base64');
    expect(res.headers['content-security-policy']).toContain(`style-src 'self' 'sha256-${hash}'`);
  });

  it('renders one application, in the language of ?taal= or of the language cookie', async () => {
    const browser = await signedIn('999990019');
    const list = await browser.get('/api/applications');
    const id = (list.json() as { applications: Array<{ id: string }> }).applications[0]!.id;
    const english = await browser.get(`/aanvragen/${id}?taal=en`);
    expect(english.body).toContain('<html lang="en" dir="ltr"');
    expect(english.body).toContain('Social assistance benefit');
    browser.setCookie('loket_taal', 'en');
    expect((await browser.get('/aanvragen')).body).toContain('>My applications</h1>');
  });

  it("renders the booking page's first step with the stylesheets its script imports, and only its state", async () => {
    const res = await (await signedIn('999990019')).get('/afspraken/maken');
    expect(res.body).toContain('Waarvoor wilt u een afspraak?');
    expect(res.body).toContain('Gesprek met uw consulent');
    // appointments.css sits with a chunk the page imports, not with the page's own chunk.
    const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[]; css?: string[] }
    >;
    const page = manifest['src/client/pages/appointments/BookingPage.vue']!;
    const imported = (page.imports ?? []).flatMap((key) => manifest[key]!.css ?? []);
    expect(imported).not.toEqual([]);
    const head = res.body.slice(0, res.body.indexOf('</head>'));
    for (const file of [...(page.css ?? []), ...imported].filter((f) => !f.includes('/index-')))
      expect(head, file).toContain(readFileSync(join(clientDir, file), 'utf8'));
    const state = JSON.parse(/id="loket-server-state">([^<]*)</.exec(res.body)![1]!) as {
      stores: Record<string, { catalog?: { types: unknown[] } }>;
    };
    expect(state.stores.appointments!.catalog!.types.length).toBeGreaterThan(0);
    // The applications store was only touched by the page: the browser loads it there.
    expect(Object.keys(state.stores).sort()).toEqual(['appointments', 'config', 'inbox-count', 'session']);
  });

  it('sends the plain app, with nothing personal, to a visitor without a session or with an ended one', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/aanvragen' });
    const ended = new Browser(t.app);
    ended.setCookie('loket_session', 'not-a-session');
    for (const res of [anonymous, await ended.get('/aanvragen')]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('Even geduld. Loket wordt geladen.');
      expect(res.body).not.toContain('id="loket-server-state"');
    }
  });

  it('sends the start page rendered to a visitor who is not signed in, with the reason from the address and nothing personal', async () => {
    for (const res of [
      await t.app.inject({ method: 'GET', url: '/?reden=verlopen' }),
      // An ended session is a visitor who is not signed in.
      await (async () => {
        const ended = new Browser(t.app);
        ended.setCookie('loket_session', 'not-a-session');
        return ended.get('/?reden=verlopen');
      })(),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatch(/<h1 class="nl-heading nl-heading--level-1" tabindex="-1">Welkom bij [^<]+<\/h1>/);
      expect(res.body).toContain('Inloggen met DigiD');
      expect(res.body).toContain('U bent uitgelogd omdat u een tijd niets deed.');
      expect(res.body).not.toContain('Even geduld. Loket wordt geladen.');
      const state = JSON.parse(/id="loket-server-state">([^<]+)</.exec(res.body)![1]!) as {
        stores: Record<string, { me?: unknown }>;
      };
      expect(Object.keys(state.stores).sort()).toEqual(['config', 'session']);
      expect(state.stores.session!.me).toBeNull();
    }
  });

  it('answers HEAD on the start page and on other app pages, as a monitor asks, without rendering', async () => {
    for (const url of ['/', '/aanvragen']) {
      const res = await t.app.inject({ method: 'HEAD', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe('');
    }
  });

  it("sends the plain app on the start page to a resident who is signed in (the app sends them on) and for a kiosk's set-up address", async () => {
    for (const res of [
      await (await signedIn('999990019')).get('/'),
      await t.app.inject({ method: 'GET', url: '/?apparaat=gedeeld' }),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('Even geduld. Loket wordt geladen.');
      expect(res.body).not.toContain('id="loket-server-state"');
    }
  });

  it("sends the plain app for what it handles itself: someone else's application, a municipality that does not take part, a page it does not render", async () => {
    const anna = await signedIn('999990019');
    const list = await anna.get('/api/applications');
    const annasApplication = (list.json() as { applications: Array<{ id: string }> }).applications[0]!.id;
    const other = await signedIn('999990032');
    const elsewhere = await signedIn('999990056');
    for (const res of [
      await other.get(`/aanvragen/${annasApplication}`),
      await elsewhere.get('/aanvragen'),
      await anna.get('/afspraken'),
      // A later step of the booking page waits for the free times the server does not look up.
      await anna.get('/afspraken/maken?stap=plaats&type=consulent'),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).not.toContain('id="loket-server-state"');
    }
  });
});

describe("the rendered page's log", () => {
  it('has the page request, not the four API requests made for it inside the process; a client cannot hide its own', async () => {
    const lines: Array<{ msg?: string; req?: { path?: string } }> = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const t = await createTestApp(testDatabases[0]!, { logStream: sink, config: { clientDir, logLevel: 'info' } });
    try {
      const browser = new Browser(t.app);
      browser.setCookie('loket_session', await startSession(t.ctx.db, t.ctx.clock, sessionPolicy(t.ctx), '999990019'));
      const page = await browser.get('/aanvragen');
      expect(page.body).toContain('id="loket-server-state"');
      await browser.request({
        method: 'GET',
        url: '/api/applications',
        headers: { 'loket-internal-request': 'guessed' },
      });
      const incoming = lines.filter((line) => line.msg === 'incoming request').map((line) => line.req?.path);
      expect(incoming).toEqual(['/aanvragen', '/api/applications']);
    } finally {
      await t.close();
    }
  });
});

describe('a render that fails', () => {
  it('sends the plain app instead of an error page', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loket-shell-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Loket</title><div id="app">laden</div>');
    const app = Fastify({ logger: false });
    await app.register(fastifyStatic, { root });
    installNotFoundHandler(app, true, { render: () => Promise.reject(new Error('a bug in a page')) });
    try {
      const res = await app.inject({ method: 'GET', url: '/aanvragen' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="app">laden</div>');
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the rendered page as HTML', () => {
  it('keeps a value that looks like the end of a script inside the data block', () => {
    const { html } = pageHtml(
      '<html lang="nl" dir="ltr"><head><title>Loket</title></head><body><div id="app"><p>laden</p></div></body></html>',
      {
        html: '<p>x</p>',
        title: 'A & B',
        lang: 'nl',
        dir: 'ltr',
        modules: [],
        state: { locale: 'nl', stores: { session: { name: '</script><script>alert(1)</script>' } } },
      },
      { stateElementId: 'loket-server-state', style: ':root{}' },
    );
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>');
    expect(html).toContain('<title>A &amp; B</title>');
    expect(html).toContain('<div id="app"><p>x</p></div>');
  });
});
