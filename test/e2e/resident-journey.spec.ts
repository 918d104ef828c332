/**
 * The foundation journey of a resident on a phone: log in through the real OIDC flow,
 * see the application that waits for documents with its due date, open it, log out,
 * and find nothing personal behind the Back button.
 */
import { expect, test } from '@playwright/test';
import { dutchDate, expectNoAxeViolations, logIn } from './support';

test('a resident logs in, reads their application and logs out for good', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await expect(page.getByText(/simulatie van DigiD/)).toBeVisible();
  await expectNoAxeViolations(page);

  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanvragen' })).toBeVisible();
  await expect(page.getByText('Jan de Vries')).toBeVisible();
  // The document request due in 4 days is the date that matters.
  await expect(page.getByText(`Stuur uw documenten uiterlijk ${dutchDate(4)}`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole('link', { name: /bijstand/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(/bijstand/i);
  await expect(heading).toBeFocused();
  await expect(page.getByText('Bankafschriften van de laatste 3 maanden')).toBeVisible();
  await expect(page.getByText('Huurcontract')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText(/U bent uitgelogd/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await expect(page.getByText('Bankafschriften van de laatste 3 maanden')).toHaveCount(0);
  await expect(page.getByText('Jan de Vries')).toHaveCount(0);
  // The server session is gone too, not only the page's memory.
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(401);
});

test('a resident of Den Haag is told where to go instead', async ({ page }) => {
  await logIn(page, '999990056');
  await expect(page).toHaveURL(/\/elders$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/Den Haag/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a resident without applications sees a calm empty state', async ({ page }) => {
  await logIn(page, '999990068');
  await expect(page.getByText('U heeft geen aanvragen.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the simulator refuses a BSN that fails the elfproef and keeps what was typed', async ({ page }) => {
  await logIn(page, '999990018');
  await expect(page.getByText('Dit BSN klopt niet. Een BSN heeft 9 cijfers.')).toBeVisible();
  await expect(page.getByLabel('BSN')).toHaveValue('999990018');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByText('U heeft het inloggen afgebroken.')).toBeVisible();
});

test('the app speaks English when asked, and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await expectNoAxeViolations(page);
});

test('an unknown page says so, in the app', async ({ page }) => {
  await page.goto('/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the accessibility statement is linked from the start page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /toegankelijkheid/i }).click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});
