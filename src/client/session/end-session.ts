/**
 * Ending a session, by the resident (logout) or by the server (idle timeout, 401).
 *
 * Order matters: first cancel requests in flight (a late answer must not refill a store), then
 * reset every store (personal data gone from memory), then replace the history entry. With the
 * stores empty, Back can only reach a guarded route, whose guard asks the server again and
 * gets a 401: no personal data can reappear.
 */
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { cancelPendingRequests } from '../api/http';
import { postLogout } from '../api/session';
import { resetAllStores } from '../stores/reset';

/** Why the start page is shown after a session: the `reden` query parameter. */
export type EndReason = 'uitgelogd' | 'verlopen' | 'uitloggen-mislukt';

// While a logout runs, its own 401 (session already gone) must not also count as "expired".
let loggingOut = false;

export async function endSession(pinia: Pinia, router: Router, reason: EndReason): Promise<void> {
  cancelPendingRequests();
  resetAllStores(pinia);
  await router.replace({ name: 'start', query: { reden: reason } });
}

/** Called on a 401 while signed in: the server ended the session. */
export async function expireSession(pinia: Pinia, router: Router): Promise<void> {
  if (loggingOut) return;
  await endSession(pinia, router, 'verlopen');
}

/**
 * The resident logs out. A 401 means the server had already ended the session: that is a
 * success too. Any other failure (offline) still wipes this page, and says the server may not
 * have heard it, so the resident closes the browser on a shared computer.
 */
export async function logout(pinia: Pinia, router: Router): Promise<void> {
  loggingOut = true;
  let reason: EndReason = 'uitgelogd';
  try {
    await postLogout();
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
