/**
 * The service worker (src/client/sw.ts) and the update flow: the small part every page loads.
 *
 * - Registered only in a production build; `vite dev` and the tests run without a worker.
 * - The rest (workbox-window, the registration, keeping typed text over the reload) is in
 *   pwa-update.ts, loaded after the page's 'load' event and its first screen
 *   (after-first-screen.ts): it is not part of any page's first load (60 KiB gzip budget) and
 *   never competes with it for the network.
 * - pwa-update.ts gets the state as an argument and imports only types from here: when it
 *   imported this file (and so Vue) at run time, Vite 8's bundler (Rolldown) moved Vue's
 *   reactivity into a chunk of its own and every page's first load grew by ~2 KiB gzip
 *   (measured with the build's manifest).
 * - A new version never takes over by itself: the resident chooses "Nu vernieuwen" or "Later"
 *   in components/UpdateBanner.vue.
 */
import { reactive } from 'vue';
import { afterFirstScreen } from './after-first-screen';

declare const __LOKET_BUILD_ID__: string | undefined;

/** This build's id (package version, or LOKET_BUILD_ID at build time): see vite.config.ts. */
const BUILD_ID = typeof __LOKET_BUILD_ID__ === 'string' ? __LOKET_BUILD_ID__ : 'dev';

export interface PwaUpdateState {
  /** A new version is installed and waits for the resident (or already runs in another tab) */
  available: boolean;
  /** The resident chose "Later" on this page */
  dismissed: boolean;
  /** Accepts the update; set by the registration */
  accept: (() => void) | undefined;
}

/** What the update banner shows; written by pwa-update.ts, read by UpdateBanner.vue. */
export const pwaUpdate: PwaUpdateState = reactive({ available: false, dismissed: false, accept: undefined });

/** Starts it all: the build id on <html> and, in a production build, the worker. */
export function installPwa(): void {
  document.documentElement.dataset.loketBuild = BUILD_ID;
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () =>
    void import('./pwa-update')
      .then((update) => {
        // Right after an update reload: fill the kept fields as the page renders them.
        update.restoreKeptFields();
        return update.registerServiceWorker(pwaUpdate);
      })
      // Without a worker the app still works online; an error here must not disturb the page.
      .catch(() => undefined);
  afterFirstScreen(start);
}
