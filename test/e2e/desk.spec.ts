/**
 * The front desk, finished (issue 14), in real Chromium:
 * - check-in: the resident reads the reference on their appointment page (the demo's intake
 *   today at the central office, AFS-DEMO0681); Fatima Dekker at /balie sees today's list,
 *   finds it by that reference (typed, and read from the QR code where the browser can) and
 *   marks the resident arrived; the planner's agenda says "aangemeld";
 * - front-desk help has no control that ends the employee's own session, and the server
 *   refuses a resident logout then;
 * - a kiosk's "Stop en wis" is not followed by a false "nieuwe versie" notice;
 * - the session warning before the end, and a half-typed question back after the next login.
 * Runs on a server of its own (E2E_PORT + 41): the check-in changes demo data others read.
 */
import { expect, test, type Page } from '@playwright/test';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { ensureServiceWorkerControls, expectNoAxeViolations, logIn } from './support';
import { desktopPage, staffLogIn } from './staff-support';

// This journey needs the real service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const PORT = Number(process.env.E2E_PORT ?? 8181) + 41;
let server: OwnServer | undefined;
test.use({ baseURL: `http://localhost:${PORT}` });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

/**
 * A camera and a QR reader for a browser that has neither here (headless Chromium on Linux): a
 * BarcodeDetector that reads `text` from any frame, and a camera that films a blank canvas.
 */
async function fakeQrCamera(page: Page, text: string): Promise<void> {
  await page.addInitScript((value) => {
    class FakeBarcodeDetector {
      static getSupportedFormats() {
        return Promise.resolve(['qr_code']);
      }
      detect() {
        return Promise.resolve([{ rawValue: value }]);
      }
    }
    Object.assign(window, { BarcodeDetector: FakeBarcodeDetector });
    navigator.mediaDevices.getUserMedia = () => {
      const canvas = document.createElement('canvas');
      canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
      return Promise.resolve(canvas.captureStream());
    };
  }, text);
}

test('the desk finds an appointment by its reference and checks the resident in; the planner sees "aangemeld"', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // The resident's phone: the appointment page shows the reference and its QR code "for the desk".
  await logIn(page, '999990068');
  await expect(page).toHaveURL(/\/aanvragen$/);
  // Its page (by id: once its time has passed today, the list shows it under "earlier", unlinked).
  const { appointments } = (await (await page.request.get('/api/appointments')).json()) as {
    appointments: Array<{ id: string; reference: string }>;
  };
  await page.goto(`/afspraken/${appointments.find((a) => a.reference === 'AFS-DEMO0681')!.id}`);
  const reference = (await page.locator('[data-reference]').textContent())!.trim();
  expect(reference).toBe('AFS-DEMO0681');
  await expect(page.getByRole('img', { name: new RegExp(reference) })).toBeVisible();

  const desk = await desktopPage(browser, `http://localhost:${PORT}`);
  await fakeQrCamera(desk, reference);
  await staffLogIn(desk, 'f.dekker', { area: '/balie' });
  await expect(desk.getByRole('heading', { level: 1, name: 'Balie' })).toBeVisible();
  await expect(desk.getByRole('heading', { level: 2, name: 'Aanmelden voor een afspraak' })).toBeVisible();
  const today = desk.getByRole('list', { name: /, Werk en Inkomen, kantoor Voorburg: 1 afspraak$/ });
  const ahmed = today.getByRole('listitem').filter({ hasText: 'Ahmed Yilmaz' });
  await expect(ahmed).toContainText(reference);
  // An expected appointment's time is not struck through (that is for a cancelled one).
  await expect(ahmed.getByText(/^\d\d:\d\d–\d\d:\d\d$/)).toHaveCSS('text-decoration-line', 'none');
  await expect(today.getByRole('button', { name: 'Ahmed Yilmaz aanmelden' })).toBeVisible();
  await expectNoAxeViolations(desk);

  // Typed, as the resident reads it out (lower case, a space): found.
  await desk.getByLabel('Afspraaknummer').fill('afs demo0681');
  await desk.getByRole('button', { name: 'Afspraak zoeken' }).click();
  const found = desk.getByRole('heading', { level: 3, name: `Afspraak ${reference}` });
  await expect(found).toBeFocused();
  await expect(desk.locator('.loket-desk__found')).toContainText('Ahmed Yilmaz');
  await expect(desk.locator('.loket-desk__found')).toContainText('Verwacht');
  // A mistyped one is not: said plainly, and what was typed stays.
  await desk.getByLabel('Afspraaknummer').fill('AFS-ZZZZZZZ');
  await desk.getByRole('button', { name: 'Afspraak zoeken' }).click();
  await expect(desk.getByText('Wij vinden geen afspraak met dit nummer.')).toBeVisible();
  await expect(desk.getByLabel('Afspraaknummer')).toHaveValue('AFS-ZZZZZZZ');
  await expectNoAxeViolations(desk);

  // Scanned from the QR code (where the browser can read one): the same appointment.
  await desk.getByRole('button', { name: 'QR-code scannen' }).click();
  await expect(found).toBeFocused();
  await expect(desk.getByLabel('Afspraaknummer')).toHaveValue(reference);

  await desk.locator('.loket-desk__found').getByRole('button', { name: 'Aanmelden' }).click();
  await expect(desk.getByRole('status').filter({ hasText: 'Ahmed Yilmaz is aangemeld.' })).toBeVisible();
  await expect(desk.locator('.loket-desk__found')).toContainText(/Aangemeld om \d\d:\d\d/);
  await expect(ahmed).toContainText(/Aangemeld om \d\d:\d\d/);
  await expect(today.getByRole('button', { name: 'Ahmed Yilmaz aanmelden' })).toHaveCount(0);
  await expectNoAxeViolations(desk);
  await desk.context().close();

  // The planner's agenda of today says so.
  const planner = await desktopPage(browser, `http://localhost:${PORT}`);
  await staffLogIn(planner, 'p.smit', { landsOn: /\/beheer\/agenda$/ });
  await planner.getByRole('button', { name: 'Agenda tonen' }).click();
  const agenda = planner.getByRole('table', { name: /^Afspraken op / });
  await expect(agenda.getByRole('row', { name: /Ahmed Yilmaz/ })).toContainText(/aangemeld om \d\d:\d\d/);
  await planner.context().close();
});

test('front-desk help cannot log the employee out; "Hulp beëindigen" is the way out', async ({ browser }) => {
  test.setTimeout(120_000);
  const desk = await desktopPage(browser, `http://localhost:${PORT}`);
  await staffLogIn(desk, 'f.dekker', { area: '/balie' });
  await desk.getByLabel('BSN').fill('999990032');
  await desk.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await desk.getByRole('radio', { name: 'Vragen beantwoorden en meekijken' }).check();
  await desk.getByRole('button', { name: 'Hulp starten' }).click();
  await expect(desk).toHaveURL(/\/aanvragen$/);
  const banner = desk.getByRole('region', { name: 'Hulp aan de balie' });
  await expect(banner).toBeVisible();
  // No "Uitloggen" in the resident's header: it would end the employee's own session.
  await expect(desk.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
  await expect(desk.getByRole('button', { name: 'Hulp beëindigen' })).toHaveCount(1);
  // And the server refuses such a logout, whoever sends it.
  const refused = await desk.request.post('/api/auth/logout?wissen=alles');
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe('LOGOUT_DURING_ASSIST');
  expect((await desk.request.get('/api/staff/me')).status()).toBe(200);

  await banner.getByRole('button', { name: 'Hulp beëindigen' }).click();
  await expect(desk).toHaveURL(/\/balie$/);
  await expect(desk.getByText('Ingelogd als Fatima Dekker')).toBeVisible();
  expect((await desk.request.get('/api/staff/me')).status()).toBe(200);
  expect((await desk.request.get('/api/me')).status()).toBe(401);
  await desk.context().close();
});

test('after a kiosk\'s "Stop en wis" no "nieuwe versie" notice appears', async ({ page }) => {
  await page.goto('/kiosk');
  await expect(page.locator('html')).toHaveAttribute('data-device-mode', 'shared');
  await ensureServiceWorkerControls(page);
  await logIn(page, '999990019');
  await expect(page.getByText('Ingelogd als Jan de Vries')).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await page.getByRole('button', { name: 'Stop en wis' }).click();
  await expect(page.getByText('Uw sessie is gestopt. Wij hebben alles van u van deze computer gewist.')).toBeVisible();
  // Clear-Site-Data "storage" took the service worker away: the change that used to be taken
  // for a new version has happened. After the next frame nothing announces one.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller === null)).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(page.getByText('Er is een nieuwe versie van Loket')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nu vernieuwen' })).toHaveCount(0);
});

test('a warning before the session ends; a half-typed question is back after the next login', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page
    .getByRole('link', { name: /bijstand/i })
    .first()
    .click();
  const question = page.getByLabel('Stel een vraag');
  await question.fill('Mag ik de bankafschriften later sturen?');

  // 13 minutes without a request: two minutes before the server's end, the warning.
  await page.clock.fastForward('13:01');
  const warning = page.getByRole('alertdialog', { name: 'Uw sessie stopt bijna' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('timer')).toHaveText(/^Nog (2 minuten|1 minuut|\d+ seconden)$/);
  await expect(warning.getByRole('button', { name: 'Ingelogd blijven' })).toBeFocused();
  await expectNoAxeViolations(page);
  await warning.getByRole('button', { name: 'Ingelogd blijven' }).click();
  await expect(warning).toBeHidden();
  await expect(question).toHaveValue('Mag ik de bankafschriften later sturen?');

  // The session ends anyway (here: on the server, at once); the check at the end finds out.
  expect((await page.request.post('/api/auth/logout')).status()).toBe(204);
  await page.clock.fastForward('16:00');
  await expect(page.getByText('U bent uitgelogd omdat u een tijd niets deed.')).toBeVisible();
  const start = page.url();
  expect(new URL(start).searchParams.get('terug')).toMatch(/^\/aanvragen\//);
  // Logging in again on this phone brings the resident back to the page, and the question back.
  await page.getByRole('link', { name: /Inloggen met DigiD/ }).click();
  await page.getByLabel('BSN').fill('999990019');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Stel een vraag')).toHaveValue('Mag ik de bankafschriften later sturen?');
});
