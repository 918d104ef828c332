/**
 * Notices that the server ended the session (15 minutes idle) and then wipes the page.
 * Two ways: any API answer 401 while signed in, and a check just after the idle expiry time
 * the server gave us, so personal data does not stay on screen on an unattended device.
 */
import { watch } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { onUnauthorized } from '../api/http';
import { expireSession } from '../session/end-session';
import { useSessionStore } from '../stores/session';

// A little after the server's deadline, so our check does not arrive just before it; and never
// more often than once a minute, should the phone's clock run ahead of the server's.
const GRACE_MS = 2_000;
const MIN_WAIT_MS = 60_000;
const MAX_WAIT_MS = 2_147_483_647; // setTimeout fires at once for longer delays

/** Installs both checks; returns a function that removes them again (used by tests). */
export function installSessionExpiry(pinia: Pinia, router: Router): () => void {
  const session = useSessionStore(pinia);

  const stopListening = onUnauthorized(() => {
    if (session.isLoggedIn) void expireSession(pinia, router);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopWatching = watch(
    () => session.me?.session.idleExpiresAt,
    (idleExpiresAt) => {
      clearTimeout(timer);
      const expiresAt = idleExpiresAt ? Date.parse(idleExpiresAt) : Number.NaN;
      if (Number.isNaN(expiresAt)) return;
      // Other requests may have extended the session meanwhile: then /api/me answers with a
      // new expiry and this watch plans the next check. A 401 ends the session (see above).
      const wait = Math.min(Math.max(expiresAt - Date.now() + GRACE_MS, MIN_WAIT_MS), MAX_WAIT_MS);
      timer = setTimeout(() => void session.load(), wait);
    },
    { immediate: true },
  );

  return () => {
    stopListening();
    stopWatching();
    clearTimeout(timer);
  };
}
