/**
 * Ending a session, by the resident (logout, or "Stop en wis" on a kiosk) or by the server or
 * the kiosk's idle timer (expiry, 401).
 *
 * Order matters: first cancel requests in flight (a late answer must not refill a store), then
 * reset every store (personal data gone from memory), then replace the history entry. With the
 * stores empty, Back can only reach a guarded route, whose guard asks the server again and
 * gets a 401: no personal data can reappear.
 *
 * On a shared device (library kiosk) the end of a session also wipes the browser: the server is
 * asked for `Clear-Site-Data: "cache", "cookies", "storage"` (`?wissen=alles`), and the page
 * wipes what it can reach itself (wipe-browser.ts), because Safari honours only part of that
 * header. A personal device keeps its storage: unsent outbox items wait for the next login.
 */
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { cancelPendingRequests } from '../api/http';
import { postLogout } from '../api/session';
import { useDeviceStore } from '../stores/device';
import { useSessionStore } from '../stores/session';
import { resetAllStores } from '../stores/reset';
import { clearFormDrafts } from './form-draft-storage';

/**
 * Why the start page is shown after a session: the `reden` query parameter. On a shared device
 * 'gewist' (stopped, device wiped) and 'gewist-inactief' (idle, device wiped).
 */
type EndReason = 'uitgelogd' | 'verlopen' | 'uitloggen-mislukt' | 'gewist' | 'gewist-inactief';

// While a logout runs, its own 401 (session already gone) must not also count as "expired".
let loggingOut = false;

function isShared(pinia: Pinia): boolean {
  return useDeviceStore(pinia).mode === 'shared';
}

async function endSession(pinia: Pinia, router: Router, reason: EndReason): Promise<void> {
  cancelPendingRequests();
  if (isShared(pinia)) {
    // Loaded on demand (it brings idb along); should that fail (offline, no service worker
    // yet), memory is reset below all the same.
    resetAllStores(pinia);
    const wipe = await import('./wipe-browser').catch(() => null);
    await wipe?.wipeBrowser(pinia);
    if (reason === 'uitgelogd') reason = 'gewist';
    if (reason === 'verlopen') reason = 'gewist-inactief';
  } else {
    resetAllStores(pinia);
  }
  const query: Record<string, string> = { reden: reason };
  // A personal device whose session ran out: the next login returns to the page the resident
  // was on, where an open form puts back what they typed (form-draft.ts).
  const here = router.currentRoute.value;
  // As the router guard does: the applications page is where a login goes anyway.
  if (reason === 'verlopen' && here.name && !['start', 'applications'].includes(String(here.name)))
    query.terug = here.fullPath;
  await router.replace({ name: 'start', query });
}

/** Called on a 401 while signed in: the server ended the session. */
export async function expireSession(pinia: Pinia, router: Router): Promise<void> {
  if (loggingOut) return;
  if (useSessionStore(pinia).me?.assist) {
    await endExpiredAssist(pinia, router);
    return;
  }
  if (isShared(pinia)) {
    // The server session is gone already; this only asks the browser to clear the site.
    await endWithLogout(pinia, router, 'verlopen');
    return;
  }
  await endSession(pinia, router, 'verlopen');
}

/**
 * Front-desk help that ran out (30 minutes idle, or the employee's own session ended): the
 * desk's browser forgets the resident as at "Hulp beëindigen" and goes back to /balie, not to
 * the resident's start page. No logout request: its Clear-Site-Data "cookies" would also log
 * the employee out, and the server has ended the resident session already.
 */
async function endExpiredAssist(pinia: Pinia, router: Router): Promise<void> {
  cancelPendingRequests();
  resetAllStores(pinia);
  const wipe = await import('./wipe-browser').catch(() => null);
  await wipe?.wipeBrowser(pinia);
  await router.replace({ path: '/balie', query: { hulp: 'verlopen' } });
}

/**
 * The resident logs out (or presses "Stop en wis"). A 401 means the server had already ended the
 * session: that is a success too. Any other failure (offline) still wipes this page, and says
 * the server may not have heard it, so the resident closes the browser on a shared computer.
 */
export async function logout(pinia: Pinia, router: Router): Promise<void> {
  // Logging out on purpose: half-typed forms go too (the phone may be handed to someone else).
  clearFormDrafts();
  await endWithLogout(pinia, router, 'uitgelogd');
}

/** The kiosk's idle timer ran out (components/kiosk/IdleDialog.vue): end and wipe. */
export async function endIdleSession(pinia: Pinia, router: Router): Promise<void> {
  await endWithLogout(pinia, router, 'verlopen');
}

async function endWithLogout(pinia: Pinia, router: Router, reason: EndReason): Promise<void> {
  if (loggingOut) return;
  loggingOut = true;
  try {
    await postLogout({ wipeAll: isShared(pinia) });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 401) reason = 'uitloggen-mislukt';
  }
  try {
    await endSession(pinia, router, reason);
  } finally {
    loggingOut = false;
  }
}
