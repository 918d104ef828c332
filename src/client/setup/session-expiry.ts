/**
 * Notices that the server ended the session (15 minutes idle) and then wipes the page.
 * Two ways: any API answer 401 while signed in, and a check just after the idle expiry time
 * the server gave us, so personal data does not stay on screen on an unattended device.
 *
 * Before that, a warning (issue 14, WCAG 2.2.1): two minutes before the end the session store's
 * `endingSoon` is set and the header shows components/session/SessionWarning.vue, whose button
 * renews the session. The deadline comes from /api/me and from every answer's
 * Loket-Session-Idle-Expires header (any request moves it), so the warning never comes early.
 */
import { watch } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { onSessionIdleExpiry, onUnauthorized } from '../api/http';
import { expireSession } from '../session/end-session';
import { warningPlan } from '../session/session-warning';
import { useSessionStore } from '../stores/session';

// A little after the server's deadline, so our check does not arrive just before it; and never
// more often than once a minute, should the phone's clock run ahead of the server's.
const GRACE_MS = 2_000;
const MIN_WAIT_MS = 60_000;
const MAX_WAIT_MS = 2_147_483_647; // setTimeout fires at once for longer delays

/** Installs both checks and the warning; returns a function that removes them again (tests). */
export function installSessionExpiry(pinia: Pinia, router: Router): () => void {
  const session = useSessionStore(pinia);

  const stopListening = onUnauthorized(() => {
    if (session.isLoggedIn) void expireSession(pinia, router);
  });
  const stopFollowing = onSessionIdleExpiry((idleExpiresAt) => {
    if (session.me && session.me.session.idleExpiresAt !== idleExpiresAt)
      session.me.session.idleExpiresAt = idleExpiresAt;
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let warningTimer: ReturnType<typeof setTimeout> | undefined;
  const stopWatching = watch(
    // Two sources, each compared by value: a fresh /api/me with the same deadlines plans nothing anew.
    [() => session.me?.session.idleExpiresAt, () => session.me?.session.absoluteExpiresAt],
    ([idleExpiresAt, absoluteExpiresAt]) => {
      clearTimeout(timer);
      clearTimeout(warningTimer);
      session.endingSoon = null;
      const expiresAt = idleExpiresAt ? Date.parse(idleExpiresAt) : Number.NaN;
      if (Number.isNaN(expiresAt)) return;
      // Other requests may have extended the session meanwhile: then their answer brings a new
      // expiry and this watch plans the next check. A 401 ends the session (see above).
      const wait = Math.min(Math.max(expiresAt - Date.now() + GRACE_MS, MIN_WAIT_MS), MAX_WAIT_MS);
      timer = setTimeout(() => void session.load(), wait);

      const plan = absoluteExpiresAt
        ? warningPlan({ idleExpiresAt: idleExpiresAt!, absoluteExpiresAt }, Date.now())
        : null;
      if (!plan) return;
      warningTimer = setTimeout(
        () => (session.endingSoon = { endsAt: plan.endsAt, extendable: plan.extendable }),
        Math.min(plan.warnIn, MAX_WAIT_MS),
      );
    },
    { immediate: true },
  );

  return () => {
    stopListening();
    stopFollowing();
    stopWatching();
    clearTimeout(timer);
    clearTimeout(warningTimer);
  };
}
