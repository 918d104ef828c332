/**
 * Screenshots of every state of the accessibility matrix, at a phone's width (360 px) and a
 * desktop's (1280 px), whole pages: screenshots/phone/NN-<state>.png and
 * screenshots/desktop/NN-<state>.png. Run by `npm run screenshots` (playwright.screenshots.config.ts).
 */
import { mkdirSync } from 'node:fs';
import { expect, test as base } from '@playwright/test';
import { STATES, signIn } from '../e2e/a11y-state-list';
import { startOwnServer, type OwnServer } from '../e2e/fixtures/own-server';

const FIRST_PORT = Number(process.env.E2E_PORT ?? 8181) + 60;
const OUT = 'screenshots';
const WIDTHS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

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

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

STATES.forEach((state, index) => {
  test(`screenshot: ${state.name}`, async ({ page, context }) => {
    await page.goto('/toegankelijkheid');
    if (state.as) await signIn(page, context, state.as);
    await expect(await state.open(page, context)).toBeVisible();
    for (const [device, size] of Object.entries(WIDTHS)) {
      mkdirSync(`${OUT}/${device}`, { recursive: true });
      await page.setViewportSize(size);
      // Let the font and the new layout settle before the picture.
      await page.evaluate(() => document.fonts.ready);
      const file = `${OUT}/${device}/${String(index + 1).padStart(2, '0')}-${slug(state.name)}.png`;
      await page.screenshot({ path: file, fullPage: true });
    }
  });
});
