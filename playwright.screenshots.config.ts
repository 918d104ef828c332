/**
 * `npm run screenshots`: phone (360 px) and desktop (1280 px) screenshots of every page and
 * state of the accessibility matrix (test/e2e/a11y-state-list.ts) into screenshots/ (ignored
 * by git), to look at. Not a test: `npm test` does not run it (its files are outside test/e2e).
 * The same browser settings as the browser tests; each worker starts a product of its own.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'test/screenshots',
  webServer: undefined,
  timeout: 120_000,
});
