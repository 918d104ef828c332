/**
 * A library kiosk (issue 6, point 1) in real Chromium: the library's URL, a resident who logs in,
 * looks at an application, starts sending a document, and walks away. Playwright's clock runs
 * the 3 minutes without input and the 60-second countdown; then the session ends by itself and
 * nothing is left: not in Cache Storage (except the app shell), IndexedDB, web storage or
 * cookies, not on Back, and the old session cookie no longer opens the API.
 *
 * The upload never reaches the server (its requests are aborted): the document stays "being
 * sent", which is what the warnings are about, and the demo data stays as the other journeys
 * expect it.
 */
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { ensureServiceWorkerControls, expectNoAxeViolations, logIn } from './support';

// This journey needs the real service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const SESSION_COOKIE = 'loket_session';

/** The library's address; the device stays a kiosk from then on. */
async function openKiosk(page: Page): Promise<void> {
  await page.goto('/kiosk');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).toHaveAttribute('data-device-mode', 'shared');
  await expect(page.getByText('Dit is een computer die ook andere mensen gebruiken.')).toBeVisible();
}

/** The idle dialog (and its timer) loads lazily after login: wait for it before moving the clock. */
async function idleTimerRunning(page: Page): Promise<void> {
  await expect(page.locator('dialog.loket-idle-dialog')).toBeAttached();
}

async function smallPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Huurcontract');
  return Buffer.from(await pdf.save());
}

test('kiosk: idle for 3 minutes and 60 seconds, the session ends and the browser holds nothing', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await openKiosk(page);
  await ensureServiceWorkerControls(page);

  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  const stop = page.getByRole('button', { name: 'Stop en wis' });
  await expect(stop).toBeVisible();
  expect((await stop.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);

  // View a case, then its documents page.
  await page
    .getByRole('link', { name: /bijstand/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Ingelogd als Jan de Vries')).toBeVisible();
  await page.getByRole('link', { name: 'Alle documenten en brieven' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documenten voor uw aanvraag' })).toBeVisible();

  // Start sending a document; the network drops every upload request, so it stays unsent.
  await context.route('**/api/uploads**', (route) => route.abort('connectionaborted'));
  await page.getByRole('radio', { name: 'Huurcontract' }).check();
  await page
    .locator('input[type="file"][multiple]')
    .setInputFiles({ name: 'huurcontract.pdf', mimeType: 'application/pdf', buffer: await smallPdf() });
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.locator('[aria-labelledby="sending-title"] li')).toContainText('Huurcontract');
  await expect(page.locator('header')).toContainText(
    'Er is nog iets niet verstuurd. Stopt u nu? Dan gaat het verloren.',
  );

  // Whatever else a page might have left (another script, a browser extension's page world):
  // a cache, a database and web storage, so the wipe has something to remove.
  await page.evaluate(async () => {
    await (await caches.open('loket-test-leftover')).put('/leftover', new Response('personal'));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('loket-test-leftover');
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
    });
    localStorage.setItem('leftover', 'personal');
    sessionStorage.setItem('leftover', 'personal');
  });
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();

  await idleTimerRunning(page);
  // Nobody touches the screen for 3 minutes: the question, with the warning about the upload.
  await page.clock.fastForward('03:01');
  const dialog = page.getByRole('alertdialog', { name: 'Bent u er nog?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('U deed 3 minuten niets.');
  await expect(dialog).toContainText('Er is nog iets niet verstuurd.');
  await expect(dialog.getByRole('timer')).toHaveText(/Nog (59|60) seconden/);
  await expect(dialog.getByRole('button', { name: 'Doorgaan' })).toBeFocused();

  // ...and 60 seconds more: the session ends by itself.
  await page.clock.fastForward('01:00');
  await expect(
    page.getByText(
      'U deed een tijd niets. Daarom is uw sessie gestopt. Wij hebben alles van u van deze computer gewist.',
    ),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/\?reden=gewist-inactief$/);
  await expect(page.getByText('Jan de Vries')).toHaveCount(0);
  await expectNoAxeViolations(page);

  const left = await page.evaluate(async () => ({
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map((db) => db.name),
    localStorage: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
    sessionStorage: sessionStorage.length,
  }));
  // Only the app shell's precache may stay (Clear-Site-Data "storage" may have removed it too).
  expect(left.caches.filter((name) => !name.startsWith('workbox-precache'))).toEqual([]);
  expect(left.databases).toEqual([]);
  // Only the kiosk setting itself, which is not personal and keeps the next session a kiosk.
  expect(left.localStorage).toEqual({ 'loket.apparaat': JSON.stringify({ mode: 'shared', setBy: 'library' }) });
  expect(left.sessionStorage).toBe(0);
  expect((await context.cookies()).filter((c) => c.name === SESSION_COOKIE)).toEqual([]);

  // Back shows the start page, not the resident's pages.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom bij/ })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByText('Jan de Vries')).toHaveCount(0);

  // The old session cookie opens nothing any more.
  const replay = await page.request.get('/api/applications', {
    headers: { cookie: `${SESSION_COOKIE}=${cookie!.value}` },
  });
  expect(replay.status()).toBe(401);
});

test('kiosk: "Doorgaan" keeps the session, and the dialog is accessible', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page);
  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanvragen' })).toBeVisible();
  await idleTimerRunning(page);

  await page.clock.fastForward('03:01');
  const dialog = page.getByRole('alertdialog', { name: 'Bent u er nog?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Doorgaan' })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.clock.fastForward('00:30');
  // The clock also runs on by itself (axe took a few seconds): 30 seconds or fewer are left.
  await expect(dialog.getByRole('timer')).toHaveText(/^Nog ([1-9]|[12]\d|30) seconden?$/);
  await dialog.getByRole('button', { name: 'Doorgaan' }).click();
  await expect(dialog).toBeHidden();
  // Still signed in, and the next question is 3 minutes of quiet away again.
  await page.clock.fastForward('02:30');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Ingelogd als Jan de Vries')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanvragen' })).toBeVisible();
});

test('kiosk: "Stop en wis" wipes from the page too, for browsers that ignore Clear-Site-Data', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  await ensureServiceWorkerControls(page);
  // Safari honours only part of the header: take it away altogether.
  await context.route('**/api/auth/logout**', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['clear-site-data'];
    await route.fulfill({ response, headers });
  });
  await logIn(page, '999990019');
  await expect(page.getByText('Ingelogd als Jan de Vries')).toBeVisible();
  await page.evaluate(async () => {
    await (await caches.open('loket-test-leftover')).put('/leftover', new Response('personal'));
    await new Promise<void>((resolve) => {
      const request = indexedDB.open('loket-test-leftover');
      request.onsuccess = () => (request.result.close(), resolve());
    });
    sessionStorage.setItem('leftover', 'personal');
    localStorage.setItem('leftover', 'personal');
  });

  await page.getByRole('button', { name: 'Stop en wis' }).click();
  await expect(page.getByText('Uw sessie is gestopt. Wij hebben alles van u van deze computer gewist.')).toBeVisible();
  const left = await page.evaluate(async () => ({
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map((db) => db.name),
    localStorage: Object.keys(localStorage),
    sessionStorage: sessionStorage.length,
  }));
  // The app shell stays, so the kiosk still opens without a network for the next person.
  expect(left.caches).toHaveLength(1);
  expect(left.caches[0]).toMatch(/^workbox-precache/);
  expect(left.databases).toEqual([]);
  expect(left.localStorage).toEqual(['loket.apparaat']);
  expect(left.sessionStorage).toBe(0);
  // The server ended the session, and its cookie was cleared with the answer (Set-Cookie).
  expect((await context.cookies()).filter((c) => c.name === SESSION_COOKIE)).toEqual([]);
});
