/**
 * The front desk helps a walk-in (issue 6 point 3) in real Chromium: Fatima Dekker (front desk)
 * logs in at /balie through the staff simulator, finds 999990044 by BSN (an invalid BSN is
 * refused first), states a purpose, and books urgent debt help for them in the resident's own
 * screens, framed by "U helpt <naam>". Ending the help returns the desk to /balie with the
 * staff session kept and nothing of the resident left (no resident session, no stored data).
 * Then the resident logs in on their own phone: the appointment is in their list, and "Wie keek
 * in mijn gegevens" says a front-desk employee made it, and why. axe on every step.
 * Runs on a server of its own: the booking uses urgent capacity other journeys read.
 */
import { expect, test } from '@playwright/test';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { dumpBrowserStorage, expectNoAxeViolations, logIn } from './support';
import { desktopPage } from './staff-support';

const PORT = Number(process.env.E2E_PORT ?? 8181) + 37;
let server: OwnServer | undefined;
test.use({ baseURL: `http://localhost:${PORT}` });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

test('the front desk books urgent debt help for a walk-in; the resident sees it and why', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const desk = await desktopPage(browser, `http://localhost:${PORT}`);

  // Staff log in at /balie.
  await desk.goto('/balie');
  await expect(desk.getByRole('heading', { level: 1, name: 'Balie: inloggen voor medewerkers' })).toBeVisible();
  await expectNoAxeViolations(desk);
  await desk.getByRole('link', { name: 'Inloggen als medewerker' }).click();
  await desk.getByLabel('Gebruikersnaam').fill('f.dekker');
  await desk.getByRole('button', { name: 'Inloggen' }).click();
  await expect(desk).toHaveURL(/\/balie$/);
  await expect(desk.getByRole('heading', { level: 1, name: 'Balie' })).toBeVisible();
  await expect(desk.getByRole('heading', { level: 2, name: 'Een inwoner helpen' })).toBeVisible();
  await expect(desk.getByText('Ingelogd als Fatima Dekker')).toBeVisible();
  await expect(desk).toHaveTitle(/^Balie - /);
  await expectNoAxeViolations(desk);

  // A BSN too short, then one that fails the elfproef, each with its own words; then the right one finds the resident.
  await desk.getByLabel('BSN').fill('9999900');
  await desk.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(desk.getByRole('alert')).toContainText('Een BSN heeft 9 cijfers.');
  await desk.getByLabel('BSN').fill('999990045');
  await desk.getByRole('button', { name: 'Zoeken', exact: true }).click();
  // The error summary takes the focus and links to the field, which says the same and keeps the number.
  const summary = desk.getByRole('alert');
  await expect(summary).toContainText('Dit BSN bestaat niet');
  await expect(desk.locator('.loket-error-summary')).toBeFocused();
  await expect(desk.getByLabel('BSN')).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.getByLabel('BSN')).toHaveAccessibleDescription(/Dit BSN bestaat niet/);
  await expect(desk.getByLabel('BSN')).toHaveValue('999990045');
  await summary.getByRole('link', { name: /Dit BSN bestaat niet/ }).click();
  await expect(desk.getByLabel('BSN')).toBeFocused();
  await expectNoAxeViolations(desk);
  await desk.getByLabel('BSN').fill('999990044');
  await desk.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(desk.getByRole('heading', { level: 3, name: 'Gevonden' })).toBeVisible();
  const found = desk.locator('.loket-balie__found');
  await expect(found).toContainText('Voorschoten');
  const residentName = (await found.textContent())!.split(',')[0]!.trim();
  expect(residentName).not.toBe('');

  // A purpose is required.
  await desk.getByRole('button', { name: 'Hulp starten' }).click();
  await expect(desk.getByRole('alert')).toContainText('Kies waarmee u helpt.');
  await expect(desk.locator('.loket-error-summary')).toBeFocused();
  await desk.getByRole('radio', { name: 'Een afspraak maken, verzetten of afzeggen' }).check();
  await expectNoAxeViolations(desk);
  await desk.getByRole('button', { name: 'Hulp starten' }).click();

  // The resident's own screens, framed (their code loads first: on a busy machine that takes a while).
  await expect(desk).toHaveURL(/\/aanvragen$/, { timeout: 20_000 });
  const banner = desk.getByRole('region', { name: 'Hulp aan de balie' });
  await expect(banner).toContainText(`U helpt ${residentName}`);
  await expect(banner).toContainText('Waarvoor: Een afspraak maken, verzetten of afzeggen');
  await expectNoAxeViolations(desk);

  // Book urgent debt help, as the resident would.
  await desk.getByRole('navigation').getByRole('link', { name: 'Mijn afspraken' }).click();
  await desk.getByRole('link', { name: 'Afspraak maken' }).click();
  await desk.getByRole('radio', { name: /Eerste gesprek schuldhulp/ }).check();
  await desk.getByRole('radio', { name: /huisuitzetting/ }).check();
  await desk.getByRole('button', { name: 'Verder' }).click();
  const days = desk.locator('[data-step="dag"] button');
  await expect(days.first()).toBeVisible();
  await expect(banner).toBeVisible();
  await expectNoAxeViolations(desk);
  await days.first().click();
  const times = desk.locator('[data-step="tijd"] button');
  await expect(times.first()).toBeVisible();
  await times.first().click();
  await expect(desk.locator('[data-step="gegevens"]')).toBeVisible();
  await desk.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(desk).toHaveURL(/\/afspraken\/[0-9a-f-]{36}\?nieuw=1$/);
  await expect(desk.getByRole('heading', { name: 'Uw afspraak staat vast' })).toBeVisible();
  const reference = (await desk.locator('[data-reference]').textContent())!.trim();
  expect(reference).not.toBe('');
  await expectNoAxeViolations(desk);
  // While helping, the desk's browser keeps nothing of the resident, even on a "personal" device:
  // if the tab is closed without ending the help, there is nothing left to find.
  const during = await dumpBrowserStorage(desk);
  const loket = during.indexedDB.find((db) => db.name === 'loket');
  expect(loket?.stores.offlineData ?? []).toEqual([]);
  expect(loket?.stores.lastResident ?? []).toEqual([]);

  // End the help: back at /balie, still signed in as staff, nothing of the resident left.
  await banner.getByRole('button', { name: 'Hulp beëindigen' }).click();
  await expect(desk).toHaveURL(/\/balie$/);
  await expect(desk.getByRole('heading', { level: 2, name: 'Een inwoner helpen' })).toBeVisible();
  await expect(desk.getByRole('region', { name: 'Hulp aan de balie' })).toHaveCount(0);
  // Nothing of the resident outside today's check-in list, which is the desk's own work: it lists
  // every appointment of today, this one too when the first free time was today (a run at night).
  const checkIn = desk.getByRole('region', { name: 'Aanmelden voor een afspraak' });
  await expect
    .poll(async () => (await desk.getByText(residentName).count()) - (await checkIn.getByText(residentName).count()))
    .toBe(0);
  expect((await desk.request.get('/api/me')).status()).toBe(401);
  expect((await desk.request.get('/api/staff/me')).status()).toBe(200);
  const cookies = (await desk.context().cookies()).map((c) => c.name);
  expect(cookies).not.toContain('loket_session');
  expect(cookies).toContain('loket_staff');
  const storage = await dumpBrowserStorage(desk);
  expect(storage.indexedDB.flatMap((db) => Object.values(db.stores).flat())).toEqual([]);
  expect(storage.sessionStorage).toEqual({});
  await expectNoAxeViolations(desk);
  await desk.context().close();

  // The resident, later, on their own phone.
  await logIn(page, '999990044');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn afspraken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn afspraken' })).toBeVisible();
  await expect(page.getByText(/Eerste gesprek schuldhulp/).first()).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Wie keek in mijn gegevens' }).click();
  await expect(page).toHaveURL(/\/mijn-gegevens-ingezien$/);
  // The whole desk visit is one entry: who, why, and what the desk did, each once.
  const visits = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  const booked = visits.filter({ hasText: 'Maakte een afspraak voor u' });
  await expect(booked).toHaveCount(1);
  await expect(booked.getByRole('heading', { level: 3 })).toHaveText('Een baliemedewerker');
  await expect(booked).toContainText('Om aan de balie een afspraak voor u te maken');
  await expect(booked).toContainText('Begon u te helpen aan de balie');
  await expect(page.getByText('Fatima Dekker')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
