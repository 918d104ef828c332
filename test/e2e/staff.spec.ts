/**
 * The back office in real Chromium: a case worker logs in at /beheer through the staff
 * simulator (real OIDC flow), lands on the worklist, finds Jan de Vries's case by its reference
 * (the search below the list), opens its documents part and asks for a document;
 * Jan, in his own browser, sees the request in his application and, on "Wie keek in mijn
 * gegevens", that a case worker (role, not name) looked at and changed his dossier, and why.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './support';

const DOCUMENT = `Loonstroken van oktober (${Date.now()})`;

/** A desk PC, not a phone: staff work on a desktop screen. */
async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    isMobile: false,
    hasTouch: false,
    locale: 'nl-NL',
  });
  return context.newPage();
}

/** Jan's bijstand case reference, as the resident's own API gives it (shown in his letters). */
async function referenceOfJansCase(page: Page): Promise<string> {
  const response = await page.request.get('/api/applications');
  expect(response.ok()).toBe(true);
  const { applications } = (await response.json()) as {
    applications: Array<{ reference: string; scheme: { name: { nl: string } } }>;
  };
  return applications.find((a) => /bijstand/i.test(a.scheme.name.nl))!.reference;
}

test('a case worker asks for a document; the resident sees the request and who looked at his data', async ({
  page,
  browser,
}) => {
  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  const reference = await referenceOfJansCase(page);

  const staff = await staffPage(browser);
  await staff.goto('/beheer');
  await expect(staff.getByRole('heading', { level: 1, name: 'Beheer: inloggen voor medewerkers' })).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.getByRole('link', { name: 'Inloggen als medewerker' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Inlogsimulatie medewerkers' })).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.getByLabel('Gebruikersnaam').fill('k.jansen');
  await staff.getByRole('button', { name: 'Inloggen' }).click();

  await expect(staff).toHaveURL(/\/beheer$/);
  await expect(staff.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
  await expect(staff.getByRole('heading', { level: 2, name: /^Documenten beoordelen/ })).toBeVisible();
  await expect(staff.getByText('Ingelogd als Karin Jansen')).toBeVisible();
  await expect(staff).toHaveTitle(/^Werklijst - /);
  await expectNoAxeViolations(staff);

  await staff.getByLabel('Zaaknummer').fill(reference.toLowerCase());
  await staff.getByRole('button', { name: 'Zoeken' }).click();
  // The case is on the worklist too; the search's own result is under "Gevonden".
  await staff
    .getByRole('region', { name: 'Gevonden' })
    .getByRole('link', { name: new RegExp(reference) })
    .click();
  await expect(staff).toHaveURL(/\/beheer\/zaken\/[0-9a-f-]{36}$/);
  const heading = staff.getByRole('heading', { level: 1, name: `Zaak ${reference}` });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(staff.getByText('Jan de Vries')).toBeVisible();
  await staff
    .getByRole('navigation', { name: 'Onderdelen van de zaak' })
    .getByRole('link', { name: /^Documenten/ })
    .click();
  await expect(
    staff.getByRole('heading', { level: 3, name: 'Bankafschriften van de laatste 3 maanden' }),
  ).toBeVisible();
  await expectNoAxeViolations(staff);

  await staff.getByLabel('Welk document? (Nederlands)').fill(DOCUMENT);
  await staff.getByLabel('Waarom is het nodig? (Nederlands)').fill('Dan weten wij hoeveel u verdient.');
  await staff.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(staff.getByText('De vraag is verstuurd. De inwoner ziet hem nu in Loket.')).toBeVisible();
  await expect(staff.getByRole('heading', { level: 3, name: DOCUMENT })).toBeVisible();
  await expectNoAxeViolations(staff);

  // The resident, in his own browser: the new request is on his application.
  await page
    .getByRole('link', { name: /bijstand/i })
    .first()
    .click();
  await expect(page.getByText(DOCUMENT)).toBeVisible();

  // ... and the access log (in the main menu) says a case worker did it, and why; no name by
  // default. Karin's whole session is one visit: what she did is a short list inside it.
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Wie keek in mijn gegevens' })
    .click();
  await expect(page).toHaveURL(/\/mijn-gegevens-ingezien$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Wie keek in mijn gegevens' })).toBeFocused();
  const visits = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  const newest = visits.filter({ hasText: 'Vroeg u om een document' });
  await expect(newest).toHaveCount(1);
  await expect(visits.first()).toContainText('Vroeg u om een document');
  await expect(newest.getByRole('heading', { level: 3 })).toHaveText('Een klantmanager');
  await expect(newest).toContainText('Om uw aanvraag te behandelen');
  await expect(newest).toContainText('Bekeek uw aanvraag en uw documenten');
  await expect(newest).toContainText(/ (om|van) \d{2}:\d{2}/);
  await expect(newest.getByText('Bekeek uw aanvraag en uw documenten')).toHaveCount(1);
  await expect(page.getByText('Karin Jansen')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who looked at my data' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Asked you for a document' }).first()).toContainText(
    'A case worker',
  );
  await expect(page).toHaveTitle(/^Who looked at my data - /);
  await page.getByRole('button', { name: 'Nederlands' }).click();

  // Staff logout: the case is gone from the screen, the server session too.
  await staff.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(staff.getByText('U bent uitgelogd.')).toBeVisible();
  await expect(staff.getByText('Jan de Vries')).toHaveCount(0);
  expect((await staff.request.get('/api/staff/me')).status()).toBe(401);
  await expectNoAxeViolations(staff);
  await staff.context().close();
});

test('a resident cannot use the back office: /beheer asks for a staff login', async ({ page }) => {
  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page.goto('/beheer');
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer: inloggen voor medewerkers' })).toBeVisible();
  expect((await page.request.get('/api/staff/cases?reference=WI-2026-00001')).status()).toBe(401);
});
