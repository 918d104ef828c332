/**
 * The foundation journey of a resident on a phone: log in through the real OIDC flow,
 * see the application that waits for documents with its due date, open it, log out,
 * and find nothing personal behind the Back button.
 */
import { expect, test } from '@playwright/test';
import { appRunning, dutchDate, expectNoAxeViolations, logIn, submitLogin } from './support';

test('a resident logs in, reads their application and logs out for good', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await expect(page.getByText(/simulatie van DigiD/)).toBeVisible();

  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanvragen' })).toBeVisible();
  await expect(page.getByText('Jan de Vries')).toBeVisible();
  // The document request due in 4 days is the date that matters.
  await expect(page.getByText(`Stuur uw documenten uiterlijk ${dutchDate(4)}`)).toBeVisible();
  // "Wie keek in mijn gegevens" is in the main menu, not only in the footer.
  await expect(
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wie keek in mijn gegevens' }),
  ).toBeVisible();

  await page
    .getByRole('link', { name: /bijstand/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(/bijstand/i);
  await expect(heading).toBeFocused();
  // The menu says where the resident is: in "Mijn aanvragen", though not on that page itself.
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(menu.getByRole('link', { name: 'Mijn aanvragen' })).toHaveAttribute('aria-current', 'true');
  await expect(menu.getByRole('link', { name: 'Mijn afspraken' })).not.toHaveAttribute('aria-current');
  // On a wide screen the menu starts where the page's text starts, not 16 px before it.
  await page.setViewportSize({ width: 1280, height: 800 });
  const leftOf = async (locator: typeof heading) => (await locator.boundingBox())!.x;
  expect(await leftOf(menu.getByRole('link', { name: 'Mijn aanvragen' }))).toBe(await leftOf(heading));
  await expect(page.getByText('Bankafschriften van de laatste 3 maanden')).toBeVisible();
  await expect(page.getByText('Huurcontract')).toBeVisible();
  // "Wat moet u doen?" holds the task with its one button; the decision date is under
  // "Belangrijke datums", not presented as something to do.
  const todo = page.getByRole('region', { name: 'Wat moet u doen?' });
  await expect(todo).toContainText(`Dat kan tot en met ${dutchDate(4)}`);
  await expect(todo.getByRole('link', { name: 'Documenten sturen' })).toBeVisible();
  await expect(todo).not.toContainText('Besluit');
  await expect(page.getByRole('region', { name: 'Belangrijke datums' })).toContainText('Besluit verwacht');
  const button = await todo.getByRole('link', { name: 'Documenten sturen' }).boundingBox();
  expect(button!.height).toBeGreaterThanOrEqual(44);

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

test('urgent debt help leads with the first conversation; a decided application explains how to object', async ({
  page,
}) => {
  await logIn(page, '999990044');
  await page
    .getByRole('link', { name: /schuld/i })
    .first()
    .click();
  const todo = page.getByRole('region', { name: 'Wat moet u doen?' });
  await expect(todo).toContainText('Maak een afspraak voor het eerste gesprek over uw schulden.');
  await expect(todo.getByRole('link', { name: 'Afspraak maken' })).toBeVisible();
  const dates = page.getByRole('region', { name: 'Belangrijke datums' });
  await expect(dates).toContainText('Eerste gesprek over uw schulden');
  await expect(dates).not.toContainText('Besluit verwacht');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText(/U bent uitgelogd/)).toBeVisible();

  await logIn(page, '999990032');
  await page
    .getByRole('link', { name: /bijzondere bijstand/i })
    .first()
    .click();
  const decided = page.getByRole('region', { name: 'Wat moet u doen?' });
  await expect(decided.getByRole('link', { name: 'Brief lezen' })).toBeVisible();
  await expect(decided).not.toContainText(/bezwaar/i);
  await page
    .getByRole('region', { name: 'Belangrijke datums' })
    .getByRole('link', { name: 'Zo maakt u bezwaar' })
    .click();
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}\/bezwaar$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bezwaar maken' })).toBeFocused();
  await expect(page.getByText('U heeft 6 weken, vanaf de dag na het besluit.', { exact: false })).toBeVisible();
  await expect(page.getByText('Dat formulier komt later.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Waar stuurt u de brief naartoe?' })).toBeVisible();
  await expect(page.getByText(/Bel ons: 070/)).toBeVisible();
});

test('a resident of Den Haag is told where to go instead', async ({ page }) => {
  await logIn(page, '999990056');
  await expect(page).toHaveURL(/\/elders$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/Den Haag/).first()).toBeVisible();
});

test('a resident without applications sees a calm empty state', async ({ page }) => {
  await logIn(page, '999990068');
  await expect(page.getByText('U heeft geen aanvragen.')).toBeVisible();
});

test('the simulator refuses a BSN that fails the elfproef and keeps what was typed', async ({ page }) => {
  await submitLogin(page, '999990018');
  await expect(page.getByText('Dit BSN bestaat niet. Kijk of u geen cijfer verkeerd heeft getypt.')).toBeVisible();
  await expect(page.getByLabel('BSN')).toHaveValue('999990018');
  // Too few digits is another mistake, with its own message.
  await page.getByLabel('BSN').fill('99999001');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Een BSN heeft 9 cijfers. Kijk of u het hele nummer heeft getypt.')).toBeVisible();
  await expect(page.getByLabel('BSN')).toHaveValue('99999001');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByText('U heeft het inloggen afgebroken.')).toBeVisible();
});

test('the app speaks English when asked, and remembers it', async ({ page }) => {
  await page.goto('/');
  // The start page comes rendered from the server: its buttons work once the app runs.
  await appRunning(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
});

test('an unknown page says so, in the app', async ({ page }) => {
  await page.goto('/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
});

test('the accessibility statement is linked from the start page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /toegankelijkheid/i }).click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
