/**
 * Loket as an installed app: installable in Chromium, opens offline after one visit, never
 * keeps API answers, and updates only when the resident says so, without losing typed text.
 * Service workers are allowed (Playwright's default); the update journey builds the client a
 * second time into a folder of its own, served by a server of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { readManifest } from '../../scripts/first-load-sizes.mjs';
import { precachedFiles } from '../../scripts/precache-sizes.mjs';
import { expectNoAxeViolations } from './support';
import { buildClient, cachedUrls, startOwnServer, waitForServiceWorker, type OwnServer } from './pwa-support';

// This journey needs the real service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const API_OR_LOGIN = /^\/(api|idp)(\/|$)/;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): string {
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

test('Chromium can install Loket: the consortium manifest, its icons, no installability errors', async ({
  playwright,
  request,
}, testInfo) => {
  // Chromium never offers to install from an incognito profile, and Playwright's contexts are
  // incognito ("in-incognito"): this check needs a real, persistent profile.
  const profile = mkdtempSync(join(tmpdir(), 'loket-profile-'));
  const { launchOptions, baseURL, viewport, isMobile, hasTouch, locale } = testInfo.project.use;
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...launchOptions,
    baseURL,
    viewport,
    isMobile,
    hasTouch,
    locale,
  });
  try {
    await expectInstallable(context, request);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

async function expectInstallable(context: BrowserContext, request: APIRequestContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const response = await request.get('/manifest.webmanifest');
  expect(response.headers()['content-type']).toBe('application/manifest+json; charset=utf-8');
  expect(response.headers()['cache-control']).toBe('no-cache');
  const manifest = await response.json();
  const { consortium } = await (await request.get('/api/config')).json();
  expect(manifest).toMatchObject({
    id: '/',
    name: consortium.name,
    short_name: consortium.shortName,
    theme_color: consortium.theme.primaryColor,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    lang: 'nl',
    dir: 'ltr',
  });
  for (const icon of manifest.icons as Array<{ src: string; sizes: string }>) {
    const file = await request.get(icon.src);
    expect(file.headers()['content-type'], icon.src).toBe('image/png');
    expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }

  await page.goto('/');
  for (const link of ['link[rel="apple-touch-icon"]', 'link[rel="icon"][type="image/png"]']) {
    const href = await page.locator(link).getAttribute('href');
    expect((await request.get(href!)).status(), link).toBe(200);
  }
  await waitForServiceWorker(page);

  const cdp = await page.context().newCDPSession(page);
  const appManifest = await cdp.send('Page.getAppManifest');
  expect(appManifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(appManifest.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
}

test('after one visit online, every page that works offline opens offline; API answers are never kept', async ({
  page,
  context,
  request,
}) => {
  // The browser must always ask the server for the worker, so a new version is found.
  const worker = await request.get('/sw.js');
  expect(worker.headers()['content-type']).toMatch(/javascript/);
  expect(worker.headers()['cache-control']).toBe('no-cache');

  await page.goto('/toegankelijkheid');
  await waitForServiceWorker(page);

  // The precache holds the app shell as residents use it: index.html and every chunk and
  // stylesheet a resident can load, the lazy routes included (issue 16: not the staff areas or
  // pdf-lib, test/e2e/precache-budget.spec.ts), and nothing from /api or /idp.
  const cached = (await cachedUrls(page)).map((url) => new URL(url).pathname);
  expect(cached).toContain('/index.html');
  const residentAssets = precachedFiles(`${process.env.LOKET_DIST || 'dist'}/client`)
    .filter((file) => file.startsWith('assets/'))
    .map((file) => `/${file}`);
  expect(residentAssets.length).toBeGreaterThan(40);
  expect(cached).toEqual(expect.arrayContaining(residentAssets));
  // Not the build's .br/.gz copies: the server sends those in place of their file.
  expect(cached.filter((path) => /\.(br|gz)$/.test(path))).toEqual([]);
  expect(cached.filter((path) => API_OR_LOGIN.test(path))).toEqual([]);

  await context.setOffline(true);
  try {
    // Offline for the page and for the service worker alike.
    const pageFetch = await page.evaluate(() =>
      fetch('/api/health', { cache: 'no-store' }).then(
        () => 'answered',
        () => 'failed',
      ),
    );
    expect(pageFetch).toBe('failed');
    const [serviceWorker] = context.serviceWorkers();
    expect(
      await serviceWorker!.evaluate(() =>
        fetch('/api/health', { cache: 'no-store' }).then(
          () => 'answered',
          () => 'failed',
        ),
      ),
    ).toBe('failed');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheid' })).toBeVisible();

    await page.goto('/aanvragen/anything');
    // The app shell, not the browser's offline page: the app's own header and footer.
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.locator('#main')).toBeAttached();
    expect((await cachedUrls(page)).filter((url) => API_OR_LOGIN.test(new URL(url).pathname))).toEqual([]);

    // An API URL opened directly is not answered by the worker (it never serves /api).
    await expect(page.goto('/api/health')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  } finally {
    await context.setOffline(false);
  }
});

test('code fetched after the install is kept for offline use on a personal device, never on a shared one', async ({
  page,
}) => {
  const manifest = readManifest(`${process.env.LOKET_DIST || 'dist'}/client`);
  const staffArea = `/${manifest['src/client/pages/beheer/area.ts']!.file}`;
  const pdfLib = `/${manifest['src/client/documents/pdf.ts']!.file}`;
  const kept = (url: string) =>
    page.evaluate(async (path) => (await caches.match(path, { cacheName: 'loket-kept-assets' })) !== undefined, url);
  const load = (url: string) => page.evaluate(async (path) => (await fetch(path)).status, url);

  await page.goto('/toegankelijkheid');
  await waitForServiceWorker(page);
  expect(await kept(staffArea)).toBe(false);
  expect(await load(staffArea)).toBe(200);
  await expect.poll(() => kept(staffArea)).toBe(true);

  // The same browser made a library kiosk: what was kept is gone, and nothing is kept again.
  await page.goto('/?apparaat=gedeeld');
  await expect(page.locator('html')).toHaveAttribute('data-device-mode', 'shared');
  await expect.poll(() => page.evaluate(() => caches.has('loket-kept-assets'))).toBe(false);
  expect(await load(pdfLib)).toBe(200);
  expect(await load(staffArea)).toBe(200);
  expect(await page.evaluate(() => caches.has('loket-kept-assets'))).toBe(false);
});

test.describe('a new version', () => {
  // A server and build folder of their own: this journey rebuilds the client under its feet.
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startOwnServer(Number(process.env.E2E_PWA_PORT ?? 8182));
  });
  test.afterAll(async () => server?.stop());

  test('waits for the resident, reloads once on "Nu vernieuwen" and keeps typed text', async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    // A form field to protect (the first pages with forms are on their way): present on every
    // load, as a page's own field would be.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.body.insertAdjacentHTML(
          'beforeend',
          '<p><label for="kept-note">Uw vraag</label><input id="kept-note" data-keep-on-update></p>',
        );
      });
    });

    await page.goto('/toegankelijkheid');
    await waitForServiceWorker(page);
    const firstBuild = await page.locator('html').getAttribute('data-loket-build');
    const oldIndexChunk = await page.evaluate(
      () => document.querySelector<HTMLScriptElement>('script[src*="/assets/index-"]')!.src,
    );

    const note = page.getByLabel('Uw vraag');
    await note.fill('Mag ik mijn afspraak verzetten?');

    // Deploy a new version into the folder the server serves, while it runs.
    const secondBuild = `e2e-${Date.now()}`;
    buildClient(server.clientDir, secondBuild);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const status = page.getByRole('status').filter({ hasText: 'Er is een nieuwe versie van Loket.' });
    await expect(status).toContainText('Herlaad de pagina om die te gebruiken.');
    // Not a dialog, and focus stays where the resident was typing.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(note).toBeFocused();
    expect(await page.locator('html').getAttribute('data-loket-build')).toBe(firstBuild);
    await expectNoAxeViolations(page);

    let loads = 0;
    page.on('load', () => loads++);
    await status.getByRole('button', { name: 'Nu vernieuwen' }).click();

    await expect(page.locator('html')).toHaveAttribute('data-loket-build', secondBuild);
    await expect(page.getByLabel('Uw vraag')).toHaveValue('Mag ik mijn afspraak verzetten?');
    // Once. A reload follows a change of controlling worker; when the new worker controls this
    // page, is activated and no other version is installing or waiting, no change is left to come.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return Boolean(
            registration?.active &&
            registration.active === navigator.serviceWorker.controller &&
            registration.active.state === 'activated' &&
            !registration.installing &&
            !registration.waiting,
          );
        }),
      )
      .toBe(true);
    expect(loads).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('loket.keepOnUpdate'))).toBeNull();
    await expect(page.getByRole('status').filter({ hasText: 'nieuwe versie' })).toHaveCount(0);

    // The new worker controls the page and the old build's files left the precache.
    const cached = await cachedUrls(page);
    expect(cached).not.toContain(oldIndexChunk);
    await context.close();
  });
});
