/// <reference lib="webworker" />
/**
 * Loket's service worker: one ES module of Workbox parts, bundled by vite-plugin-pwa
 * (injectManifest) into dist/client/sw.js with the list of build files put in
 * `self.__WB_MANIFEST`.
 *
 * What it does, and what it must never do:
 * - Precache the app shell: index.html, the JS chunks and CSS of every resident page that
 *   works offline, so those pages open offline after one visit online. Not installed
 *   (src/client/build/precache-files.ts, LAZY_ONLY in vite.config.ts): staff areas, pdf-lib,
 *   messages in other languages than Dutch, and the two resident pages that need the network
 *   anyway; they are fetched when first needed and, on a personal device, kept from then on
 *   (KEPT_ASSETS_CACHE). Only build files go in Cache Storage.
 * - Answer navigations inside the app with the precached index.html (the client router then
 *   shows the page), except the paths in NAVIGATION_DENYLIST; for the pages the server renders,
 *   with the rendered page when the server sends one in time (renderedPage below).
 * - NEVER cache /api or /idp, nor answer them from a cache: those responses hold personal data
 *   (and set cookies on login); a navigation there gets the network's own answer (through the
 *   navigation preload, which asks once). The only runtime caching is of build files under /assets/. The resident's last known data is kept by the
 *   page in IndexedDB, per user and only on a personal device (src/client/offline).
 * - Not take over by itself: a new version waits until the resident chooses "Nu vernieuwen"
 *   (src/client/setup/pwa.ts sends SKIP_WAITING), so a half-filled form is never swapped out
 *   from under them.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { isRenderedPage, SHELL_REVISION_HEADER } from '../domain/server-render';
import { keptAsset } from './offline/sw-kept-assets';
import { OUTBOX_SYNC_TAG, replayOutboxFromServiceWorker } from './offline/sw-replay';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** Background Sync is not in TypeScript's DOM/worker libraries (Chromium only, no standard yet). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/**
 * Navigations that go to the network, never to the app shell. Workbox tests these against
 * pathname + search. Kept in step with the server's own rule for app paths (isAppRoute in
 * src/server/errors.ts):
 * - /api and /idp: the API (login start, /api/auth/callback, logout) and the DigiD simulation.
 *   Serving index.html for the OIDC callback would swallow the login code (Elk does the same
 *   for /api, /login, /oauth: elk-zone/elk, service-worker/sw.ts).
 * - a path whose last segment has a file extension (/manifest.webmanifest, /sw.js,
 *   /robots.txt, /icons/...): a file opened directly, not a page of the app.
 */
const NAVIGATION_DENYLIST = [/^\/(api|idp)(\/|\?|$)/, /^[^?]*\/[^/?]+\.[a-z0-9]+(\?|$)/i];

// The precache revisions come from the build; a new build installs a new worker.
const precached = self.__WB_MANIFEST;
precacheAndRoute(precached);
// Removes caches of older Workbox precache formats; entries of our previous build are
// removed by precaching itself when this worker activates.
cleanupOutdatedCaches();

// createHandlerBoundToURL throws at start if index.html is missing from the precache list, so
// a broken build fails loudly instead of serving nothing offline.
const shell = createHandlerBoundToURL('index.html');
const shellRevision = precached.find(
  (entry): entry is PrecacheEntry => typeof entry !== 'string' && entry.url === 'index.html',
)?.revision;

/**
 * How long a page the server renders may take before the shell answers instead: on slow 4G the
 * rendered page is in after about 0.3 s, and the shell's app would need 0.9 s to show the same
 * (issue 16). Longer means a line too bad for the app's own requests as well; offline, the
 * preload fails at once.
 */
const RENDERED_PAGE_WAIT_MS = 1500;

/**
 * The first screen rendered on the server (src/server/server-render/), asked for with the
 * navigation: the server sends it only to a worker of its own build (SHELL_REVISION_HEADER),
 * with a session, for the pages it renders; anything else (204, an error, offline, too slow)
 * and the worker answers with its shell, as it always did. Passed on as it came: nothing of it
 * is kept here (no-store, personal data).
 */
async function renderedPage(event: FetchEvent): Promise<Response | undefined> {
  const preload = (event.preloadResponse as Promise<Response | undefined>).catch(() => undefined);
  // Settled in any case, or the browser reports a preload cancelled before it was used.
  event.waitUntil(preload);
  if (!shellRevision || !isRenderedPage(new URL(event.request.url).pathname)) return undefined;
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => (timer = self.setTimeout(resolve, RENDERED_PAGE_WAIT_MS)));
  const response = await Promise.race([preload, late]).finally(() => clearTimeout(timer));
  return response?.status === 200 && response.headers.get(SHELL_REVISION_HEADER) === shellRevision
    ? response
    : undefined;
}

registerRoute(
  new NavigationRoute(async (options) => (await renderedPage(options.event as FetchEvent)) ?? shell(options), {
    denylist: NAVIGATION_DENYLIST,
  }),
);

// The navigations that go to the network (NAVIGATION_DENYLIST: login, logout, the DigiD
// simulation, files) get the navigation preload's answer, never a cached one: that is the request
// made once, while left unanswered here the browser would send it a second time, and a login
// started twice fails. Offline they are left to the browser, which then says the device is
// offline rather than that the worker failed.
const toNetwork = new NetworkOnly();
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' &&
    self.navigator.onLine &&
    NAVIGATION_DENYLIST.some((path) => path.test(url.pathname + url.search)),
  toNetwork,
);

// The navigation preload asks the server for a rendered page beside the worker's start; its
// header tells the server which shell this worker has.
self.addEventListener('activate', (event) => {
  const preload = self.registration.navigationPreload;
  if (preload && shellRevision)
    event.waitUntil(Promise.all([preload.enable(), preload.setHeaderValue(shellRevision)]).catch(() => undefined));
});

// After the precache's own route, so only files it does not hold get here. Same origin, GET,
// /assets/ only: never /api.
registerRoute(
  ({ url, sameOrigin, request }) => sameOrigin && request.method === 'GET' && url.pathname.startsWith('/assets/'),
  ({ request, event }) => keptAsset(request, (work) => (event as ExtendableEvent).waitUntil(work)),
);

// The first install controls the open page at once, so it works offline without a reload.
// This is only about pages without a worker; a waiting update still waits (no skipWaiting).
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  // Sent by workbox-window's messageSkipWaiting() when the resident accepts the update.
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync (Chromium): the browser wakes us when the network is back, even with no
// page open ('loket-outbox', registered by the page when it queues an item). Browsers without
// it (Safari, Firefox) replay from the page instead, on start and on 'online'; this is an
// extra, never the only way. throwIfUnsent rejects while items are left, so Chromium
// schedules the sync again with back-off.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(replayOutboxFromServiceWorker({ throwIfUnsent: true }));
});

// Web Push (issue 8). The payload is only "Er is nieuws in Loket" and the path of the page to
// open: nothing personal passes the push service or shows on the lock screen. Open pages are
// told, so the menu's unread count and an open inbox update at once.
self.addEventListener('push', (event: PushEvent) => {
  let payload: { text?: string; link?: string } = {};
  try {
    payload = (event.data?.json() as typeof payload | undefined) ?? {};
  } catch {
    // not JSON: show the fixed text
  }
  const link = typeof payload.link === 'string' && /^\/[^/\\]/.test(payload.link) ? payload.link : '/berichten';
  const text = typeof payload.text === 'string' ? payload.text : 'Er is nieuws in Loket';
  event.waitUntil(
    (async () => {
      const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      for (const page of pages) page.postMessage({ type: 'LOKET_PUSH', link });
      await self.registration.showNotification('Loket', {
        body: text,
        data: { link },
        icon: '/icons/icon-192.png',
        tag: link,
      });
    })(),
  );
});

// A tap on the notification opens the page it is about (in an open Loket tab when there is one).
self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.notification.close();
  const link = (event.notification.data as { link?: string } | null)?.link;
  const path = typeof link === 'string' && /^\/[^/\\]/.test(link) ? link : '/berichten';
  event.waitUntil(
    (async () => {
      const url = new URL(path, self.location.origin).href;
      const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = pages.find((page) => new URL(page.url).origin === self.location.origin) as WindowClient | undefined;
      if (open) {
        await open.focus();
        await open.navigate(url);
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
