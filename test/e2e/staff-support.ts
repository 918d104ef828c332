/**
 * Staff in the browser tests: a desktop browser (the desk's PC, the case worker's screen) and
 * logging in through the staff simulator. Shared by the journeys that run on a server of their
 * own (desk, front desk, case work, questions).
 */
import { expect, type Browser, type Page } from '@playwright/test';

/** A new browser on a desktop screen, in Dutch; `baseURL` is the journey's own server. */
export async function desktopPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    isMobile: false,
    hasTouch: false,
    locale: 'nl-NL',
  });
  return context.newPage();
}

/**
 * Logs `username` in at `area` (the back office or the front desk) through the staff simulator
 * and waits for the role's start page: `landsOn`, by default the area itself.
 */
export async function staffLogIn(
  page: Page,
  username: string,
  { area = '/beheer', landsOn }: { area?: '/beheer' | '/balie'; landsOn?: RegExp } = {},
): Promise<void> {
  await page.goto(area);
  await page.getByRole('link', { name: 'Inloggen als medewerker' }).click();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(landsOn ?? new RegExp(`${area}$`));
}
