/**
 * Accessibility in every state (issue 7.3), in Dutch and in English: axe with the WCAG 2.0, 2.1
 * and 2.2 A and AA rules (support.ts), the accessibility statement linked in the footer, and
 * reflow: no horizontal scrolling at 320 CSS px wide (WCAG 1.4.10) and at 200 % zoom; in Dutch
 * also the one look of issue 14 (look-support.ts: our font on every text, target sizes), on the
 * same page load.
 *
 * Both languages render the same components with the same styles; only the text differs. So all
 * axe rules run once, in Dutch, and in English only the rules whose outcome depends on the text
 * (TEXT_RULES: language, names, labels, titles, target size); the statement link and reflow are
 * checked in both, since longer words can make a page scroll sideways. English is chosen with
 * the language switch in the footer, as a resident does, in the state the Dutch checks left: so
 * every state is also proof that switching language live shows it whole in the other language
 * (and the page is not loaded and brought into its state a second time).
 *
 * 200 % zoom is emulated as the browser does it: zooming a 1280 x 720 window to 200 % leaves a
 * layout viewport of 640 x 360 CSS px (Chromium's zoom changes the CSS pixel size, not the
 * layout rules), so the page is laid out at 640 x 360 here.
 *
 * The states are in a11y-state-list.ts, one row each. Nothing there changes the demo data,
 * but other journeys change data these states read (a case worker decides an application), so
 * the states run on servers of their own: one per Playwright worker, the rows spread over the
 * workers.
 */
import { expect, test as base } from '@playwright/test';
import { STATES, signIn } from './a11y-state-list';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { expectAccessibilityStatementLink, expectReflow } from './a11y-support';
import { expectOneLook, isStaffState } from './look-support';
import { axeViolations, expectNoAxeViolations } from './support';

const FIRST_PORT = Number(process.env.E2E_PORT ?? 8181) + 10;

/** A product of this worker's own (a fresh database), and every page of the worker on it. */
const test = base.extend<object, { ownServer: OwnServer }>({
  ownServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern; none here
    async ({}, use, workerInfo) => {
      const server = await startOwnServer(FIRST_PORT + workerInfo.parallelIndex);
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ ownServer }, use) => use(ownServer.baseURL),
});
test.describe.configure({ mode: 'parallel' });

/**
 * The axe rules, among the WCAG A and AA ones run in Dutch, whose outcome can change with the
 * words on the page (not with its structure or colours).
 */
const TEXT_RULES = [
  'html-has-lang',
  'html-lang-valid',
  'valid-lang',
  'document-title',
  'link-name',
  'button-name',
  'input-button-name',
  'label',
  'select-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'image-alt',
  'svg-img-alt',
  'role-img-alt',
  'summary-name',
  'target-size',
];

for (const state of STATES) {
  test(`accessible, one look: ${state.name}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    // Dutch is the default of a device with a Dutch browser: no choice stored.
    if (state.as) await signIn(page, context, state.as);
    const shown = await state.open(page, context);
    await test.step('nl', async () => {
      await expect(shown).toBeVisible();
      if (!state.outsideApp) {
        await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
        await expectAccessibilityStatementLink(page, 'nl');
      }
      // The one look (look-support.ts) on this same page load: staff pages at a desktop's width.
      if (isStaffState(state)) await page.setViewportSize({ width: 1280, height: 800 });
      await expectOneLook(page, state);
      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoAxeViolations(page);
      await expectReflow(page, 320, 640);
      await expectReflow(page, 640, 360);
    });
    if (state.outsideApp) return;
    await test.step('en', async () => {
      // As a resident does it: the language switch in the footer, in the same state.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByRole('contentinfo').getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(shown).toBeVisible();
      await expectAccessibilityStatementLink(page, 'en');
      expect(await axeViolations(page, { rules: TEXT_RULES })).toEqual([]);
      await expectReflow(page, 320, 640);
      await expectReflow(page, 640, 360);
    });
  });
}
