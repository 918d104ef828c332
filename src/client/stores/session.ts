import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { Me } from '../../domain/api';
import { ApiError, errorCodeOf, isAborted } from '../api/http';
import { fetchSession, loginUrl } from '../api/session';

export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous' | 'error';

/**
 * Who is signed in. The session itself lives on the server (HttpOnly cookie); this store only
 * mirrors GET /api/session (the resident or null) so the shell and the router guard can ask. Ending a session is in
 * src/client/session/end-session.ts because it resets every store, not just this one.
 */
export const useSessionStore = defineStore('session', () => {
  /** The signed-in resident, their municipality and the session's expiry; null when signed out */
  const me = ref<Me | null>(null);
  /** 'unknown' until /api/session answered; 'error' when it could not be asked (offline, 5xx) */
  const status = ref<SessionStatus>('unknown');
  /** Error code when status is 'error' */
  const errorCode = ref<string | null>(null);
  /** True once a session was seen in this page's life, so a later 401 means "expired" */
  const hadSession = ref(false);
  /**
   * The session ends soon without a request (issue 14): when (epoch ms), and whether a request
   * can still move that (not at the absolute end). Set by setup/session-expiry.ts.
   */
  const endingSoon = ref<{ endsAt: number; extendable: boolean } | null>(null);

  /** True while a resident is signed in */
  const isLoggedIn = computed(() => me.value !== null);
  /** The resident's municipality does not (yet) take part: they are sent elsewhere */
  const isElsewhere = computed(() => me.value?.elsewhere != null);

  let pending: Promise<boolean> | null = null;

  /**
   * Asks the server who is signed in; concurrent calls share one request. True when the server
   * answered with a session (which it has just renewed: the session warning needs to know).
   */
  function load(): Promise<boolean> {
    pending ??= (async () => {
      try {
        const found = await fetchSession();
        me.value = found;
        errorCode.value = null;
        if (!found) {
          status.value = 'anonymous';
          return false;
        }
        status.value = 'authenticated';
        hadSession.value = true;
        return true;
      } catch (error) {
        if (isAborted(error)) return false;
        if (error instanceof ApiError && error.status === 401) {
          me.value = null;
          status.value = 'anonymous';
          errorCode.value = null;
        } else if (me.value === null) {
          status.value = 'error';
          errorCode.value = errorCodeOf(error);
        }
        // Else: a signed-in resident whose re-check failed (offline) stays signed in here;
        // the server still decides, and its next 401 ends the session.
        return false;
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  /** Loads the session unless it is already known (the router guard calls this on every navigation). */
  async function ensureLoaded(): Promise<void> {
    if (status.value === 'unknown' || status.value === 'error') await load();
  }

  return {
    me,
    status,
    errorCode,
    hadSession,
    endingSoon,
    isLoggedIn,
    isElsewhere,
    load,
    ensureLoaded,
    /** Where the browser goes to log in (a full page navigation), back to `returnTo` after */
    loginUrl,
  };
});
