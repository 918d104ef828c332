import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';
import { addDays, todayInAmsterdam } from '../../src/domain/dates';

/** WCAG 2.0/2.1/2.2 A and AA rules: a Dutch government site must meet them (Besluit digitale toegankelijkheid). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's violations on the page as "rule: targets", for `tags` or for named `rules`.
 *
 * axe-core itself rather than @axe-core/playwright's AxeBuilder, for speed on two cores: the
 * builder evaluates axe's 560 KB source again at every check, and collects every passing node
 * too. Here axe goes into a document once and reports violations only. Loket has no iframes,
 * which the builder would also have checked.
 */
export async function axeViolations(page: Page, only: { tags: string[] } | { rules: string[] }): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const runOnly = 'tags' in only ? { type: 'tag', values: only.tags } : { type: 'rule', values: only.rules };
  return page.evaluate(async (runOnly) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: runOnly as axe.RunOnly,
      resultTypes: ['violations'],
    });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, runOnly);
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page, { tags: WCAG_TAGS })).toEqual([]);
}

/**
 * The real OpenID Connect login through the simulator, as the browser makes it (login start,
 * the simulator's form, the provider's redirects, the callback that sets the session cookie),
 * with the page's own cookie jar but without drawing the pages on the way: the matrix is about
 * the states, and the login pages are rows of their own (the journeys log in on screen).
 */
export async function logInOverHttp(page: Page, who: string): Promise<void> {
  const staff = who.startsWith('staff:');
  const form: Record<string, string> = staff ? { username: who.slice('staff:'.length) } : { bsn: who };
  const start = await page.request.get(staff ? '/api/auth/staff/login?returnTo=%2Fbeheer' : '/api/auth/login');
  const interaction = new URL(start.url()).pathname;
  expect(interaction, 'the simulator asks who logs in').toMatch(/\/interaction\/[^/]+$/);
  const done = await page.request.post(`${interaction}/login`, { form });
  expect(done.ok(), `login of ${who} ends on ${done.url()}`).toBe(true);
  expect((await page.request.get(staff ? '/api/staff/me' : '/api/me')).ok(), `${who} is signed in`).toBe(true);
}

/**
 * Waits until the app runs in the page. A first screen the server rendered (issue 16) is on
 * screen before that, and its buttons do nothing until then; a person takes longer to reach
 * them than the app takes to start, a test does not. Vue marks the element it mounted on.
 */
export async function appRunning(page: Page): Promise<void> {
  // Vue notes its app on the element it mounted or hydrated (the data-v-app attribute is set by a
  // plain mount only, not by taking over a page the server rendered).
  await page.waitForFunction(() =>
    Boolean((document.getElementById('app') as { __vue_app__?: unknown } | null)?.__vue_app__),
  );
}

/**
 * Holds the app's entry back until the returned function is called, as a slow line would: the
 * page the server rendered is on screen, the app not yet running (issue 16).
 */
export async function holdAppCode(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Whether the page's first heading is still the element the server sent once the app runs: the
 * app took the page over (hydrated it) instead of drawing it again, which on a slow phone takes
 * twice as long. Watched from the first byte, so the check cannot miss a redraw.
 */
export async function watchServerHeading(page: Page): Promise<() => Promise<boolean>> {
  await page.addInitScript(() => {
    const state = { heading: null as Element | null };
    (window as { serverHeading?: typeof state }).serverHeading = state;
    new MutationObserver(() => {
      state.heading ??= document.querySelector('#app h1');
    }).observe(document, { childList: true, subtree: true });
  });
  return () =>
    page.evaluate(() => {
      const { heading } = (window as { serverHeading?: { heading: Element | null } }).serverHeading!;
      return heading !== null && heading === document.querySelector('#app h1');
    });
}

/** Types `bsn` into the "DigiD simulatie" page, reached through the real OpenID Connect flow. */
export async function submitLogin(page: Page, bsn: string): Promise<void> {
  await page.goto('/');
  // The start page comes rendered from the server: its link works at once, but a test is faster
  // than any person, so it waits for the app as on every rendered page (appRunning says why).
  await appRunning(page);
  await page.getByRole('link', { name: /Inloggen met DigiD/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /DigiD simulatie/ })).toBeVisible();
  await page.getByLabel('BSN').fill(bsn);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Logs in through the real OpenID Connect flow and the "DigiD simulatie" page. */
export async function logIn(page: Page, bsn: string): Promise<void> {
  await submitLogin(page, bsn);
  // Back in the app, on the page the login returns to.
  await page.waitForURL((url) => !/^\/(idp|interaction|api)\//.test(url.pathname));
  await appRunning(page);
}

/** The date as the resident reads it: "26 november 2026", today in Amsterdam plus `days`. */
export function dutchDate(daysFromToday: number): string {
  const day = addDays(todayInAmsterdam(), daysFromToday);
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * Waits until the service worker is active and controls this page. A page whose navigation
 * started before the first worker activated may stay uncontrolled (clients.claim() does not
 * reach it, so 'controllerchange' never comes): then a reload, as a resident's next visit.
 */
export async function ensureServiceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) await page.reload();
  await expect.poll(controlled).toBe(true);
}

/** Everything a page of this origin can read back from browser storage, for privacy checks. */
export interface BrowserStorageDump {
  indexedDB: Array<{ name: string; stores: Record<string, unknown[]> }>;
  caches: Array<{ name: string; urls: string[] }>;
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
}

export async function dumpBrowserStorage(page: Page): Promise<BrowserStorageDump> {
  return page.evaluate(async () => {
    const readDatabase = (name: string) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores: Record<string, unknown[]> = {};
          const names = [...db.objectStoreNames];
          if (names.length === 0) return (db.close(), resolve(stores));
          const tx = db.transaction(names, 'readonly');
          for (const store of names) {
            const all = tx.objectStore(store).getAll();
            all.onsuccess = () => (stores[store] = all.result);
          }
          tx.oncomplete = () => (db.close(), resolve(stores));
          tx.onerror = () => reject(tx.error);
        };
      });
    const databases = await indexedDB.databases();
    const indexed = [];
    for (const { name } of databases) if (name) indexed.push({ name, stores: await readDatabase(name) });
    const cacheList = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      cacheList.push({ name, urls: (await cache.keys()).map((request) => request.url) });
    }
    const copy = (storage: Storage) =>
      Object.fromEntries(Object.keys(storage).map((key) => [key, storage.getItem(key) ?? '']));
    return {
      indexedDB: indexed,
      caches: cacheList,
      localStorage: copy(localStorage),
      sessionStorage: copy(sessionStorage),
    };
  });
}
