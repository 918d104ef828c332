import { defineConfig } from '@playwright/test';
import { findChromium, findHeadlessShell } from './scripts/ensure-chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 8181);

/**
 * The machine has no outside network: keep Chromium from trying to reach Google. Each project
 * names them: a project's launchOptions replace the shared ones rather than merge with them.
 */
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The journeys that need the full browser (scripts/ensure-chromium.mjs says why): the headless
 * shell denies notification permission, and after the network came back its service worker left
 * the queued questions unsent for longer than the journey waits (measured, not explained).
 */
const FULL_BROWSER_FILES = ['notifications.spec.ts', 'offline.spec.ts'];

export default defineConfig({
  testDir: 'test/e2e',
  // Files run two at a time, one per core; a file's tests run in order. Journeys that change
  // demo data another file reads run on a server of their own (fixtures/own-server.ts).
  fullyParallel: false,
  workers: Number(process.env.LOKET_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    // A cheap phone: small viewport, touch.
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'off',
    // The service worker precaches the whole app in every new browser context: on two cores that
    // is CPU the journeys do not need, since the worker never answers /api. The journeys about
    // it (offline, install and update, kiosk wipe, push, resumable uploads, the desk's wipe, the
    // home-visit form sent offline) allow it with test.use({ serviceWorkers: 'allow' }); the
    // rest run as in a browser without a worker, which Loket must support too (private windows).
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'headless-shell',
      testIgnore: FULL_BROWSER_FILES,
      use: { launchOptions: { executablePath: findHeadlessShell() ?? undefined, args: BROWSER_ARGS } },
    },
    {
      name: 'chromium',
      testMatch: FULL_BROWSER_FILES,
      use: { launchOptions: { executablePath: findChromium() ?? undefined, args: BROWSER_ARGS } },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: String(port) },
  },
});
