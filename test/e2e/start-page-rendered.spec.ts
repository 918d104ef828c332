/**
 * Issue 16: the start page comes rendered from the server too, for a visitor who is not signed
 * in, so the welcome and the DigiD button are on screen as soon as the HTML is in (before, a
 * phone showed "Even geduld. Loket wordt geladen." until the app's code had arrived and run).
 * Both sides: the page without any of the app's code, and the same page once the app runs.
 */
import { expect, test } from '@playwright/test';
import { appRunning, expectNoAxeViolations, holdAppCode, watchServerHeading } from './support';

/** Every script of the app refused: what shows now came from the server alone. */
const APP_SCRIPTS = /\/assets\/[^/]+\.js$/;

test("the start page, with its DigiD button, is on screen before any of the app's code has run", async ({ page }) => {
  await page.route(APP_SCRIPTS, (route) => route.abort());
  await page.goto('/?reden=verlopen');
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom bij / })).toBeVisible();
  await expect(page.getByRole('link', { name: /Inloggen met DigiD/ })).toBeVisible();
  // Why the visitor is here, from the address, as the app would say it.
  await expect(page.getByText(/U bent uitgelogd omdat u een tijd niets deed/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Nee' })).toBeChecked();
  await expect(page.getByText('Even geduld. Loket wordt geladen.')).toHaveCount(0);
});

test('the app takes the start page over: the same heading, nothing asked again, and the visitor can log in', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  const keptServerHeading = await watchServerHeading(page);

  await page.goto('/');
  await appRunning(page);
  expect(await keptServerHeading()).toBe(true);
  // The session and the configuration came with the page.
  expect(asked.filter((path) => path === '/api/session' || path === '/api/config')).toEqual([]);

  // Its controls are the app's: the device question answers, the button logs in.
  await page.getByRole('radio', { name: 'Ja' }).check();
  await expect(page.getByRole('radio', { name: 'Ja' })).toBeChecked();
  await page.getByRole('radio', { name: 'Nee' }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /Inloggen met DigiD/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /DigiD simulatie/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('"Ja" answered before the app has taken the page over still makes this a shared computer', async ({ page }) => {
  // The app's entry held back until the question is answered, as on a slow line.
  const release = await holdAppCode(page);
  await page.goto('/');
  await page.getByRole('radio', { name: 'Ja' }).check();
  release();
  await appRunning(page);
  // The app heard it: the device is shared now (bigger targets, nothing kept), and says so.
  await expect(page.locator('html')).toHaveAttribute('data-device-mode', 'shared');
  await expect(page.getByRole('radio', { name: 'Ja' })).toBeChecked();
});
