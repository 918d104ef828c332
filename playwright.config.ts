import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8181);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
    launchOptions: {
      executablePath,
      // The machine has no outside network: keep Chromium from trying to reach Google.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'off',
    // The service worker precaches the whole app in every new browser context: on two cores that
    // is CPU the journeys do not need, since the worker never answers /api. The journeys about
    // it (offline, install and update, kiosk wipe, push, resumable uploads, the desk's wipe, the
    // home-visit form sent offline) allow it with test.use({ serviceWorkers: 'allow' }); the
    // rest run as in a browser without a worker, which Loket must support too (private windows).
    serviceWorkers: 'block',
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: String(port) },
  },
});
