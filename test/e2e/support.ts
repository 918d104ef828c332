import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0/2.1/2.2 A and AA rules: a Dutch government site must meet them (Besluit digitale toegankelijkheid). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** Logs in through the real OpenID Connect flow and the "DigiD simulatie" page. */
export async function logIn(page: Page, bsn: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: /Inloggen met DigiD/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /DigiD simulatie/ })).toBeVisible();
  await page.getByLabel('BSN').fill(bsn);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** The date as the resident reads it: "26 november 2026", today in Amsterdam plus `days`. */
export function dutchDate(daysFromToday: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + daysFromToday);
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
