/**
 * Right to left (issue 7.4): with Arabic chosen the app sets <html lang="ar" dir="rtl">, and no
 * page breaks: every visible control (link, button, field) lies inside the viewport, no two
 * controls lie on top of each other, there is no horizontal scrolling (also at 320 px), and axe
 * finds nothing. Arabic has only a few strings so far (src/client/i18n/ar.ts); the rest is
 * Dutch, which is the hard case for the layout: long words in a right-to-left flow. Because of
 * that mix it is not offered in the language switch yet; `?taal=ar` opens it.
 *
 * One row of PAGES per page; nothing here changes demo data.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseLanguage, controlProblems, expectAccessibilityStatementLink, expectReflow } from './a11y-support';
import { appRunning, expectNoAxeViolations } from './support';

interface RtlPage {
  name: string;
  /** Signed in as 999990019 (the resident with the most on screen) */
  signedIn: boolean;
  open(page: Page): Promise<Locator>;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function applicationId(page: Page): Promise<string> {
  const { applications } = (await (await page.request.get('/api/applications')).json()) as {
    applications: Array<{ id: string; nextAction: { kind: string } }>;
  };
  return applications.find((a) => a.nextAction.kind === 'send_documents')!.id;
}

async function bookingDay(page: Page): Promise<void> {
  await page.goto('/afspraken/maken?stap=dag&type=consultation&plaats=voorburg-corbulo');
  await page.locator('[data-step="dag"] button').first().click();
}

const PAGES: RtlPage[] = [
  { name: 'start', signedIn: false, open: async (page) => (await page.goto('/'), heading(page)) },
  {
    name: 'accessibility statement',
    signedIn: false,
    open: async (page) => (await page.goto('/toegankelijkheid'), heading(page)),
  },
  {
    name: 'applications',
    signedIn: true,
    open: async (page) => (await page.goto('/aanvragen'), page.locator('#main .loket-card').first()),
  },
  {
    name: 'application',
    signedIn: true,
    open: async (page) => (
      await page.goto(`/aanvragen/${await applicationId(page)}`),
      page.locator('.loket-question-form')
    ),
  },
  {
    name: 'documents',
    signedIn: true,
    open: async (page) => (
      await page.goto(`/aanvragen/${await applicationId(page)}/documenten`),
      page.locator('form.loket-send')
    ),
  },
  {
    name: 'appointments',
    signedIn: true,
    open: async (page) => (await page.goto('/afspraken'), page.locator('[data-appointment]').first()),
  },
  {
    name: 'booking: type',
    signedIn: true,
    open: async (page) => (await page.goto('/afspraken/maken'), page.locator('[data-step="soort"]')),
  },
  {
    name: 'booking: place',
    signedIn: true,
    open: async (page) => (
      await page.goto('/afspraken/maken?stap=plaats&type=consultation'),
      page.locator('[data-step="plaats"]')
    ),
  },
  {
    name: 'booking: day',
    signedIn: true,
    open: async (page) => (
      await page.goto('/afspraken/maken?stap=dag&type=consultation&plaats=voorburg-corbulo'),
      page.locator('[data-step="dag"] button').first()
    ),
  },
  {
    name: 'booking: time',
    signedIn: true,
    open: async (page) => (await bookingDay(page), page.locator('[data-step="tijd"] button').first()),
  },
  {
    name: 'booking: needs and confirm',
    signedIn: true,
    async open(page) {
      await bookingDay(page);
      await page.locator('[data-step="tijd"] button').first().click();
      return page.locator('[data-step="gegevens"]');
    },
  },
  {
    name: 'home visit request',
    signedIn: true,
    open: async (page) => (await page.goto('/afspraken/huisbezoek'), page.locator('#main form')),
  },
];

test.describe('Arabic, right to left', () => {
  test("a translator's link turns the page right to left, and Nederlands turns it back", async ({ page }) => {
    await page.goto('/');
    // Not offered to residents until ar.ts is complete (i18n/index.ts, OFFERED_LOCALES).
    await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'العربية' })).toHaveCount(0);
    await page.goto('/?taal=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('link', { name: 'تسجيل الدخول باستخدام DigiD' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'العربية' })).toHaveAttribute('aria-pressed', 'true');
    // The service's name starts on the right, where a right-to-left reader begins.
    const brand = await page.locator('.loket-header__brand').boundingBox();
    expect(brand!.x + brand!.width).toBeGreaterThan(page.viewportSize()!.width / 2);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('button', { name: 'العربية' })).toHaveCount(0);
  });

  test('no page has clipped or overlapping controls', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/');
    let signedIn = false;
    for (const row of PAGES) {
      await test.step(row.name, async () => {
        if (row.signedIn && !signedIn) {
          await chooseLanguage(page, 'nl');
          await page.goto('/');
          await appRunning(page);
          await page.getByRole('link', { name: /DigiD/ }).click();
          await page.getByLabel('BSN').fill('999990019');
          await page.getByRole('button', { name: 'Inloggen' }).click();
          await expect(page).toHaveURL(/\/aanvragen$/);
          signedIn = true;
        }
        await page.setViewportSize({ width: 360, height: 740 });
        await chooseLanguage(page, 'ar');
        await expect(await row.open(page)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
        await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('#main')!).direction)).toBe('rtl');
        await expectAccessibilityStatementLink(page, 'ar');
        expect(await controlProblems(page)).toEqual([]);
        await expectNoAxeViolations(page);
        await expectReflow(page, 320, 640);
        expect(await controlProblems(page), 'at 320 px').toEqual([]);
      });
    }
  });
});
