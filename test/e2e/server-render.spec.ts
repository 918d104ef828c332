/**
 * Issue 16: a signed-in resident's first screen comes rendered from the server, so a phone on a
 * slow connection shows the status of their applications as soon as the HTML is in; the app
 * then takes that page over (hydration) from the same state. Both sides: the page without any
 * of the app's code, and the same page once the app runs.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from './pwa-support';
import { appRunning, expectNoAxeViolations, holdAppCode, logInOverHttp, watchServerHeading } from './support';

/** Every script of the app refused: what shows now came from the server alone. */
const APP_SCRIPTS = /\/assets\/[^/]+\.js$/;

function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test.beforeEach(async ({ page }) => {
  // Over HTTP: no page of the app has run yet, so no service worker answers for it.
  await logInOverHttp(page, '999990019');
});

test("the list, with its status, is on screen before any of the app's code has run", async ({ page }) => {
  await page.route(APP_SCRIPTS, (route) => route.abort());
  await page.goto('/aanvragen');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanvragen' })).toBeVisible();
  await expect(page.getByText('Wij hebben meer informatie van u nodig')).toBeVisible();
  await expect(page.getByText('Ingelogd als Jan de Vries')).toBeVisible();
  await expect(page).toHaveTitle('Mijn aanvragen - Werk en Inkomen');
  // In the consortium's colours from the first paint, not the app's defaults.
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  const primary = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--loket-primary-color').trim(),
  );
  expect(primary).toBe('#00613a');
  // No loading line: the content is there.
  await expect(page.getByText('Even geduld. Loket wordt geladen.')).toHaveCount(0);
});

test("nothing holds the first paint back: the page's styles are in it, and the app's code is asked for after that paint", async ({
  page,
}) => {
  await page.goto('/aanvragen');
  await appRunning(page);
  const timing = await page.evaluate(() => {
    // renderBlockingStatus: Chromium's, not yet in TypeScript's DOM types.
    const resources = performance.getEntriesByType('resource') as Array<
      PerformanceResourceTiming & { renderBlockingStatus?: string }
    >;
    return {
      painted: performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN,
      entryAsked: resources.find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.name))?.startTime ?? Number.NaN,
      blocking: resources.filter((r) => r.renderBlockingStatus === 'blocking').map((r) => r.name),
      stylesheets: resources.filter((r) => r.name.endsWith('.css')).map((r) => r.name),
    };
  });
  expect(timing.blocking).toEqual([]);
  expect(timing.entryAsked).toBeGreaterThan(timing.painted);
  await expect(page.getByText('Wij hebben meer informatie van u nodig')).toBeVisible();
  // The app needs none of the stylesheets again: it found them in the page.
  expect(timing.stylesheets).toEqual([]);
});

test('the page does not move when the app takes it over', async ({ page }) => {
  const where = async () => {
    const reference = page.getByText('WI-2026-00001');
    await expect(reference).toBeVisible();
    return reference.boundingBox();
  };
  await page.route(APP_SCRIPTS, (route) => route.abort());
  await page.goto('/aanvragen');
  const rendered = await where();
  await page.unroute(APP_SCRIPTS);
  await page.goto('/aanvragen');
  await appRunning(page);
  // Every stylesheet the app added is in.
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]:not([disabled])')].every(
      (link) => link.sheet,
    ),
  );
  expect(await where()).toEqual(rendered);
});

test('the app takes the page over without a loading message in between, and every control works', async ({ page }) => {
  // A page Vue finds different from its own first render shows as an error here too.
  const errors = consoleErrorsOf(page);
  const keptServerHeading = await watchServerHeading(page);
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  // Everything the page ever showed, from its first byte on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { shown?: string[] }).shown = seen;
    new MutationObserver(() => seen.push(document.body?.innerText ?? '')).observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  await page.goto('/aanvragen');
  await expect(page.getByText('Wij hebben meer informatie van u nodig')).toBeVisible();

  // The language switch is a control of the app: it works once the app runs.
  await appRunning(page);
  expect(await keptServerHeading()).toBe(true);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  const shown = await page.evaluate(() => (window as { shown?: string[] }).shown ?? []);
  expect(shown.filter((text) => /geladen|loading/i.test(text))).toEqual([]);
  // The session, the configuration, the unread count and the list came with the page: none is
  // asked for again.
  const broughtAlong = ['/api/session', '/api/config', '/api/notifications/unread', '/api/applications'];
  expect(asked.filter((path) => broughtAlong.includes(path))).toEqual([]);

  await page.getByRole('link', { name: 'Social assistance benefit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Social assistance benefit' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test("the booking page's first step comes rendered too; the app takes it over without asking for the types again", async ({
  page,
}) => {
  // Without the app's code: what the appointment is for, as the server drew it.
  await page.route(APP_SCRIPTS, (route) => route.abort());
  await page.goto('/afspraken/maken');
  await expect(page.getByRole('heading', { level: 1, name: 'Afspraak maken' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Gesprek met uw consulent/ })).toBeVisible();
  await expect(page.getByText('Stap 1 van 5')).toBeVisible();
  // Where it is on the page (not in the window: the app may scroll its step into view).
  const onPage = () =>
    page.getByRole('radio', { name: /Gesprek met uw consulent/ }).evaluate((radio) => ({
      top: radio.getBoundingClientRect().top + scrollY,
      left: radio.getBoundingClientRect().left,
    }));
  const rendered = await onPage();

  await page.unroute(APP_SCRIPTS);
  const errors = consoleErrorsOf(page);
  const keptServerHeading = await watchServerHeading(page);
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto('/afspraken/maken');
  await appRunning(page);
  // The same page, taken over where it is, and it works: the resident picks a type and goes on.
  expect(await keptServerHeading()).toBe(true);
  expect(await onPage()).toEqual(rendered);
  await page.getByRole('radio', { name: /Gesprek met uw consulent/ }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByText('Stap 2 van 5')).toBeVisible();
  expect(asked.filter((path) => path === '/api/appointments/types')).toEqual([]);
  // A later step (its query) is the plain app's: reloaded there, it still shows that step.
  await page.reload();
  await expect(page.getByText('Stap 2 van 5')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a type chosen on the booking page before the app has taken it over counts once the app runs', async ({
  page,
}) => {
  // The app's entry held back until the resident has chosen, as on a slow line.
  const release = await holdAppCode(page);
  await page.goto('/afspraken/maken');
  await page.getByRole('radio', { name: /Gesprek met uw consulent/ }).check();
  release();
  await appRunning(page);
  await expect(page.getByRole('radio', { name: /Gesprek met uw consulent/ })).toBeChecked();
  // Not "Kies waarvoor u een afspraak wilt maken": the app heard the choice.
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByText('Stap 2 van 5')).toBeVisible();
});

test('one application opens rendered too, in the language chosen on this device', async ({ page }) => {
  await page.goto('/aanvragen');
  await appRunning(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  const detail = await page.getByRole('link', { name: 'Social assistance benefit' }).getAttribute('href');

  await page.route(APP_SCRIPTS, (route) => route.abort());
  await page.goto(detail!);
  await expect(page.getByRole('heading', { level: 1, name: 'Social assistance benefit' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A new tab on the same device, with the app's code: the page above asks for its code only
  // after its first paint, so its refused requests may still be reported on that tab.
  const tab = await page.context().newPage();
  const errors = consoleErrorsOf(tab);
  const keptServerHeading = await watchServerHeading(tab);
  await tab.goto(detail!);
  await expect(tab.locator('html')).toHaveAttribute('lang', 'en');
  await appRunning(tab);
  expect(await keptServerHeading()).toBe(true);
  await tab.getByRole('button', { name: 'Nederlands' }).click();
  await expect(tab.getByRole('heading', { level: 1, name: 'Bijstandsuitkering' })).toBeVisible();
  expect(errors).toEqual([]);
});

test("after logging out, the rendered page's address shows nothing of the resident", async ({ page }) => {
  await page.goto('/aanvragen');
  await expect(page.getByText('Wij hebben meer informatie van u nodig')).toBeVisible();
  await appRunning(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText(/U bent uitgelogd/)).toBeVisible();
  // The next person types the address again: the server has no session to render for, and no
  // cache kept the page (no-store, checked in first-screen.test.ts).
  await page.goto('/aanvragen');
  await expect(page.getByRole('link', { name: /Inloggen met DigiD/ })).toBeVisible();
  await expect(page.getByText('Jan de Vries')).toHaveCount(0);
  await expect(page.getByText('Wij hebben meer informatie van u nodig')).toHaveCount(0);
});

test.describe('with the app installed', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a later visit comes rendered too, through the service worker, and the app takes it over; offline the worker answers alone', async ({
    page,
    context,
  }) => {
    // Whether the page arrived with the server's state, noted before the app takes it away.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as { cameRendered?: boolean }).cameRendered = document.getElementById('loket-server-state') !== null;
      });
    });
    const errors = consoleErrorsOf(page);
    await page.goto('/aanvragen');
    await waitForServiceWorker(page);

    await page.goto('/aanvragen');
    await expect(page.getByText('Wij hebben meer informatie van u nodig')).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.evaluate(() => (window as { cameRendered?: boolean }).cameRendered)).toBe(true);
    await appRunning(page);
    await page.getByRole('link', { name: 'Bijstandsuitkering' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bijstandsuitkering' })).toBeVisible();

    expect(errors).toEqual([]);

    // Offline the worker answers with the app, which shows what it last knew (its own requests
    // fail, as the browser reports).
    await context.setOffline(true);
    await page.goto('/aanvragen');
    await expect(page.getByText('Wij hebben meer informatie van u nodig')).toBeVisible();
    expect(await page.evaluate(() => (window as { cameRendered?: boolean }).cameRendered)).toBe(false);
    await context.setOffline(false);
  });
});
