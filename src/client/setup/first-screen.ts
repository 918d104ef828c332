/**
 * When the app may mount: once the first screen is complete, so it is painted once and nothing
 * moves afterwards (issue 7: layout shift 0). Before this, the shell was painted at once and
 * filled in later: the page under the router (which waits for the session check) pushed the
 * footer down, the consortium's name (GET /api/config) rewrapped the start page's heading and
 * added the simulator warning, and the unread count widened "Berichten" so the menu wrapped.
 *
 * All of it is already on its way in parallel (the config from setup/consortium.ts, the
 * session from the router guard), so waiting costs the first paint little: the page could not
 * show its content sooner anyway. The first page's chunk is asked for at once instead of after
 * the session check (preloadFirstPage). A stalled network must not keep the screen blank, so
 * the app mounts after MOUNT_AT_THE_LATEST_MS in any case and fills in as answers arrive.
 */
import { watch } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { useConfigStore } from '../stores/config';
import { useInboxCountStore } from '../stores/inbox-count';
import { useSessionStore } from '../stores/session';

export const MOUNT_AT_THE_LATEST_MS = 4000;

/**
 * Starts downloading the first page's chunk now: the router would ask for it only after its
 * guard's session check. Routes with their own beforeEnter are left alone (they send the
 * visitor elsewhere, or install the staff area's real routes first).
 */
export function preloadFirstPage(router: Router): void {
  const { matched } = router.resolve(`${location.pathname}${location.search}`);
  for (const record of matched) {
    if (record.beforeEnter) return;
    const component = record.components?.default;
    // A lazy route is a function without component options (vue-router tells them apart the same way).
    if (typeof component === 'function' && !('displayName' in component) && !('__vccOpts' in component)) {
      void (component as () => Promise<unknown>)().catch(() => undefined);
    }
  }
}

/**
 * Settles when the first screen has all it shows, or after MOUNT_AT_THE_LATEST_MS. A page the
 * server rendered (`rendered`) brought the configuration and the unread count with it: only the
 * language and the page's code are waited for, so the page takes input sooner.
 */
export function firstScreenReady(
  pinia: Pinia,
  router: Router,
  languageReady: Promise<unknown>,
  { rendered = false } = {},
): Promise<void> {
  const session = useSessionStore(pinia);
  const inbox = useInboxCountStore(pinia);
  // The menu's unread count, asked for as soon as the guard's session check finds a resident
  // (in parallel with the page's chunk); a page the server rendered brought it along. AppHeader
  // asks again on every page change.
  let unread: Promise<void> | undefined;
  const stop = watch(
    () => session.me !== null,
    (signedIn) => {
      if (!signedIn || unread || rendered) return;
      unread = inbox.refresh();
    },
    { immediate: true, flush: 'sync' },
  );
  const complete = Promise.all([
    languageReady,
    // A failed first navigation (a chunk that did not load) still mounts: the shell shows.
    router.isReady().catch(() => undefined),
    // Rendered on the server: the stores came with the page, and it is on screen already.
    rendered ? undefined : useConfigStore(pinia).load(),
  ]).then(() => {
    stop();
    return rendered ? undefined : unread;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const latest = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, MOUNT_AT_THE_LATEST_MS);
  });
  return Promise.race([complete, latest]).then(() => {
    stop();
    clearTimeout(timer);
  });
}
