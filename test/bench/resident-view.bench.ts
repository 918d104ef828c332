/**
 * The resident's view (issue 16): how long a signed-in resident on a cheap phone with slow 4G
 * looks at /aanvragen before the status of their application shows, cold (empty cache, no
 * service worker) and warm (service worker installed, files cached), and how many bytes the
 * service worker installs.
 *
 * Chromium (system, never downloaded) driven by Playwright, throttled through the DevTools
 * protocol as the issue measured: 150 ms latency, 1.6 Mbps down, 750 kbps up, 4x CPU slowdown.
 * The time is taken inside the page: performance.now() (from the navigation's start) in the
 * first animation frame after the status text is in the DOM, or the first contentful paint if
 * that comes later (a page rendered on the server has the status in its HTML before the browser
 * may paint). Also reported: first contentful
 * paint, when the list's answer had arrived (the network part, less bound to a busy machine's
 * processor) and the layout shift of the whole load.
 * The page tells the bench through a console message. Waiting with page.waitForFunction would
 * load Playwright's own script into the page while it starts, about 300 ms of the throttled
 * main thread that no resident's phone spends (measured).
 * Each figure is the median of BENCH_RESIDENT_RUNS (default 5) page loads, with min and max.
 *
 * Part of `npm run bench`; alone: `npm run bench -- resident` (builds first) or, after a
 * build, `npx tsx test/bench/resident-view.bench.ts`. Port: BENCH_RESIDENT_PORT (8330).
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { precacheSizes } from '../../scripts/precache-sizes.mjs';
import { distDir } from './bundle.bench';
import { logIn, startBuiltServer } from './built-server';
import { startFloorServer } from './floor-page';
import type { Figure, Section } from './report';
import { BENCH_CHROMIUM_FLAGS } from './chromium-flags';

const PORT = Number(process.env.BENCH_RESIDENT_PORT ?? 8330);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.BENCH_RESIDENT_RUNS ?? 5));
/** What the status text is: the value of the first fact on the first application card. */
const STATUS_SELECTOR = '.loket-card .utrecht-data-list__item-value';

/** Slow 4G as Lighthouse's mobile preset names it, in the DevTools protocol's units. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

interface Load {
  /** ms from navigation start to the frame after the status text appeared */
  status: number;
  /** first contentful paint, ms */
  fcp: number;
  /** when the list's answer (GET /api/applications) had arrived, ms: less bound to the CPU than the rest */
  listAnswered: number;
  /** cumulative layout shift of the load */
  cls: number;
}

/** Runs before the app: notes when the status shows, the paints and the layout shifts. */
function watchTheStatus(selector: string): void {
  const w = window as unknown as { benchStatusAt?: number; benchShift: number; benchRendered?: boolean };
  w.benchShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
      if (!entry.hadRecentInput) w.benchShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  // Nothing is on screen before the first contentful paint: a page whose HTML holds the status
  // (rendered on the server) has it in the DOM long before the stylesheet lets the browser paint.
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  const seen: { inDom?: number; fcp?: number } = {};
  new PerformanceObserver((list) => {
    seen.fcp ??= list.getEntriesByName('first-contentful-paint')[0]?.startTime;
    if (w.benchStatusAt !== undefined || seen.inDom === undefined || seen.fcp === undefined) return;
    w.benchStatusAt = Math.max(seen.inDom, seen.fcp);
    console.debug('loket-bench: status shown');
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    if (seen.inDom !== undefined || !document.querySelector(selector)?.textContent?.trim()) return;
    observer.disconnect();
    // Rendered on the server: the state it came with is still there (the app takes it at start).
    w.benchRendered = document.getElementById('loket-server-state') !== null;
    requestAnimationFrame(() => {
      seen.inDom = performance.now();
      if (w.benchStatusAt !== undefined || seen.fcp === undefined) return;
      w.benchStatusAt = Math.max(seen.inDom, seen.fcp);
      console.debug('loket-bench: status shown');
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

async function measure(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  try {
    await throttle(context, page);
    const shown = page.waitForEvent('console', {
      predicate: (message) => message.text() === 'loket-bench: status shown',
      timeout: 60_000,
    });
    await page.goto(url, { waitUntil: 'commit' });
    await shown;
    if (!new URL(page.url()).pathname.endsWith('/aanvragen')) throw new Error(`the page ended on ${page.url()}`);
    return await page.evaluate(() => {
      const w = window as unknown as { benchStatusAt: number; benchShift: number; benchRendered: boolean };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      const list = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
        entry.name.endsWith('/api/applications'),
      );
      // A page rendered on the server brought the list in its HTML.
      const page = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const listAnswered = w.benchRendered ? (page?.responseEnd ?? Number.NaN) : (list?.responseEnd ?? Number.NaN);
      return { status: w.benchStatusAt, fcp, cls: w.benchShift, listAnswered };
    });
  } finally {
    await page.close();
  }
}

async function residentContext(browser: Browser, origin: string, cookie: string | undefined, serviceWorkers: boolean) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    serviceWorkers: serviceWorkers ? 'allow' : 'block',
  });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: origin }]);
  }
  await context.addInitScript(watchTheStatus, STATUS_SELECTOR);
  return context;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
};

/** The status time alone: the floor, held against no goal. */
function statusFigures(label: string, loads: Load[]): Figure[] {
  const status = stats(loads.map((l) => l.status / 1000));
  return [
    { name: `${label}: status text shown (median)`, value: status.median, unit: 's' },
    { name: `${label}: status text shown (min)`, value: status.min, unit: 's' },
  ];
}

function figuresOf(label: string, loads: Load[], goal: string): Figure[] {
  const status = stats(loads.map((l) => l.status / 1000));
  const fcp = stats(loads.map((l) => l.fcp / 1000));
  const list = stats(loads.map((l) => l.listAnswered / 1000));
  return [
    { name: `${label}: status text shown (median)`, value: status.median, unit: 's', goal },
    { name: `${label}: status text shown (min)`, value: status.min, unit: 's' },
    { name: `${label}: status text shown (max)`, value: status.max, unit: 's' },
    { name: `${label}: first contentful paint (median)`, value: fcp.median, unit: 's' },
    {
      name: `${label}: list answered, GET /api/applications or the page rendered with it (median)`,
      value: list.median,
      unit: 's',
    },
    { name: `${label}: layout shift (max)`, value: Math.max(...loads.map((l) => l.cls)), unit: '', goal: '== 0' },
  ];
}

/**
 * Cold: a new context per load (empty HTTP cache, no service worker). Warm: one context whose
 * first, unthrottled visit installed the service worker. With a cookie, Loket (signed in);
 * without, the floor page, installed from its /install page.
 */
async function coldAndWarm(browser: Browser, origin: string, cookie?: string) {
  const url = `${origin}/aanvragen`;
  const cold: Load[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await residentContext(browser, origin, cookie, false);
    cold.push(await measure(context, url).finally(() => context.close()));
  }
  const context = await residentContext(browser, origin, cookie, true);
  const warm: Load[] = [];
  try {
    const first = await context.newPage();
    await first.goto(cookie ? url : `${origin}/install`);
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await first.close();
    for (let i = 0; i < RUNS; i += 1) warm.push(await measure(context, url));
  } finally {
    await context.close();
  }
  return { cold, warm };
}

export async function residentViewBench(): Promise<Section> {
  const installed = precacheSizes(distDir());
  const { origin, stop } = await startBuiltServer(PORT);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: BENCH_CHROMIUM_FLAGS,
    });
    const cookie = await logIn(origin, '999990019');
    const loadBefore = loadavg()[0]!;
    const loket = await coldAndWarm(browser, origin, cookie);
    const floorServer = await startFloorServer();
    const floor = await coldAndWarm(browser, floorServer.origin).finally(() => floorServer.stop());
    const loadAfter = loadavg()[0]!;
    return {
      title: "The resident's view: /aanvragen on slow 4G (Chromium, throttled)",
      figures: [
        ...figuresOf('cold (no service worker, empty cache: the page rendered on the server)', loket.cold, '<= 1.0'),
        ...figuresOf('warm (service worker installed)', loket.warm, '<= 0.5'),
        ...statusFigures('floor, cold: the status text in plain HTML, nothing else', floor.cold),
        ...statusFigures('floor, warm: the same page from a service worker', floor.warm),
        { name: 'service worker install (brotli)', value: installed.brotli / 1024, unit: 'KiB', goal: '<= 150' },
        { name: 'service worker install (files)', value: installed.files.length, unit: '' },
      ],
      notes: [
        'Signed in as 999990019 (real login through the simulator); the time is from the navigation to the frame ' +
          'after the first application status is in the page. Throttled through the DevTools protocol: 150 ms ' +
          `latency, 1.6 Mbps down, 750 kbps up, ${CPU_SLOWDOWN}x CPU slowdown. Median, min and max of ${RUNS} loads.`,
        'Cold, the server sends /aanvragen rendered, with the status in its HTML (src/server/server-render/); ' +
          'warm, the service worker passes on the same rendered page from its navigation preload (src/client/sw.ts), ' +
          "and answers with the app's shell (which asks for the data through the boot script) only when the preload " +
          'is not there within 1.5 s or comes from another build.',
        'Floor: a page with the status text in its HTML and no script, stylesheet, font or data ' +
          '(test/bench/floor-page.ts), through the same throttling; warm, a service worker answers it from ' +
          'Cache Storage. No page can show the status sooner on this machine, server-rendered or not.',
        `Install size: every file in sw.js's precache list, Brotli quality 11. Load average (1 min) on this ` +
          `${cpus().length}-core machine: ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after.`,
      ],
    };
  } finally {
    await browser?.close();
    await stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  residentViewBench().then(
    (section) => {
      for (const f of section.figures)
        console.log(`${f.name}: ${Math.round(f.value * 100) / 100} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ''}`);
      for (const note of section.notes ?? []) console.log(note);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
