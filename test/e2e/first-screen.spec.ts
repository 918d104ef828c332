/**
 * Issue 16: the first screen does not wait for a chain. The boot script in index.html starts the
 * first screen's API requests and the page's code while the HTML is read, before the app's entry
 * has even arrived; the app then takes those answers instead of asking again. That is how every
 * page starts once the service worker serves the app's shell; the page the server renders on a
 * first visit is in server-render.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { logInOverHttp } from './support';

const FIRST_REQUESTS = ['/api/config', '/api/session', '/api/notifications/unread', '/api/applications'];

/** The paths this page asks for from now on. */
function requestsOf(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

test.beforeEach(async ({ page }) => {
  await logInOverHttp(page, '999990019');
  // The page as the installed service worker serves it: the app's shell (index.html), not the
  // server's rendering of the first screen.
  await page.route(/\/(aanvragen|afspraken\/maken)(\?.*)?$/, async (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ response: await route.fetch({ url: new URL('/index.html', route.request().url()).href }) })
      : route.fallback(),
  );
});

test("the first screen's requests and the page's code start even when the app's entry never arrives", async ({
  page,
}) => {
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  const requested = requestsOf(page);
  await page.goto('/aanvragen');
  await expect.poll(() => requested).toEqual(expect.arrayContaining(FIRST_REQUESTS));
  await expect.poll(() => requested.some((path) => /\/assets\/ApplicationsPage-[\w-]+\.js$/.test(path))).toBe(true);
  expect(requested.filter((path) => /\/assets\/index-/.test(path))).not.toEqual([]);
  // Meanwhile the page says what is happening, not a white screen.
  await expect(page.getByText('Even geduld. Loket wordt geladen.')).toBeVisible();
  await expect(page.getByText('One moment. Loket is loading.')).toBeHidden();
});

test('until the app has started the page says so in the language chosen on this device', async ({ page }) => {
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/aanvragen?taal=en');
  await expect(page.getByText('One moment. Loket is loading.')).toBeVisible();
  await expect(page.getByText('Even geduld. Loket wordt geladen.')).toBeHidden();
  // The stored choice counts too (the app stores it when the language is switched).
  await page.evaluate(() => localStorage.setItem('loket.locale', 'en'));
  await page.goto('/aanvragen');
  await expect(page.getByText('One moment. Loket is loading.')).toBeVisible();
  // Arabic, right to left, as the app would start.
  await page.goto('/aanvragen?taal=ar');
  await expect(page.getByText('لحظة من فضلك. جارٍ تحميل Loket.')).toBeVisible();
  await expect(page.getByText('One moment. Loket is loading.')).toBeHidden();
  await expect(page.getByText('Even geduld. Loket wordt geladen.')).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.unroute(/\/assets\/index-[\w-]+\.js$/);
  await page.goto('/aanvragen');
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  await expect(page.getByText('One moment. Loket is loading.')).toHaveCount(0);
});

test('the app takes the early answers and the preloaded page: each is asked for once, none is missing', async ({
  page,
}) => {
  const requested = requestsOf(page);
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto('/aanvragen');
  await expect(page.getByRole('link', { name: /bijstand/i }).first()).toBeVisible();
  for (const path of FIRST_REQUESTS)
    expect(
      requested.filter((p) => p === path),
      path,
    ).toHaveLength(1);
  expect(requested.filter((path) => /\/assets\/ApplicationsPage-/.test(path))).toHaveLength(1);
  // A preload of a file the build does not have would be a wasted round trip on a slow phone.
  expect(missing).toEqual([]);
});

test('a visitor who is not signed in opens the start page without a failed request or a console error', async ({
  browser,
}) => {
  const page = await browser.newPage();
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Inloggen met DigiD/ })).toBeVisible();
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test.describe('the other pages whose first screen is their data', () => {
  // The data each page's store asks for when it opens (src/client/boot/first-requests.ts).
  const PAGES: Array<[string, string[]]> = [
    ['/afspraken/maken', ['/api/appointments/types']],
    ['/afspraken', ['/api/appointments', '/api/home-visits']],
    ['/berichten', ['/api/notifications']],
  ];

  for (const [path, data] of PAGES) {
    test(`${path}: its data starts with the HTML, and the app takes that answer instead of asking again`, async ({
      page,
    }) => {
      // Without the app's entry only the boot script asks.
      const early = requestsOf(page);
      await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
      await page.goto(path);
      await expect.poll(() => early).toEqual(expect.arrayContaining(data));
      await page.unroute(/\/assets\/index-[\w-]+\.js$/);

      const requested = requestsOf(page);
      await page.goto(path);
      // The app's page, past its loading line (the shell's and the page's both start "Even geduld").
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(/Even geduld/)).toHaveCount(0);
      for (const api of data)
        expect(
          requested.filter((p) => p === api),
          api,
        ).toHaveLength(1);
    });
  }
});
