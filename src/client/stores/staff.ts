import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { StaffMe } from '../../domain/staff-api';
import type { StaffRole } from '../../domain/staff';
import { ApiError, errorCodeOf } from '../api/http';
import { fetchStaffMe, postStaffLogout, staffLoginUrl } from '../api/staff';

export type StaffSessionStatus = 'unknown' | 'authenticated' | 'anonymous' | 'error';
/** Why the login panel shows: a session that ran out, or a logout */
export type StaffSessionEnd = 'expired' | 'loggedOut' | null;

// A little after the server's idle deadline, so the check does not arrive just before it.
const GRACE_MS = 2_000;
const MIN_WAIT_MS = 30_000;

/**
 * The signed-in member of staff (GET /api/staff/me), mirrored from the server session (HttpOnly
 * cookie, 30 minutes idle). Just after the idle deadline the store asks again: a session that
 * ended takes the case data off the screen (an unattended desk PC shows nothing personal).
 */
export const useStaffStore = defineStore('staff', () => {
  /** The member of staff and the session's expiry; null when not signed in */
  const me = ref<StaffMe | null>(null);
  /** 'unknown' until the server answered */
  const status = ref<StaffSessionStatus>('unknown');
  /** Error code when status is 'error' */
  const errorCode = ref<string | null>(null);
  /** Why the session ended in this page's life */
  const ended = ref<StaffSessionEnd>(null);

  /** The roles of the signed-in member of staff, each once */
  const roles = computed<StaffRole[]>(() => [...new Set((me.value?.staff.grants ?? []).map((g) => g.role))]);
  const hasRole = (role: StaffRole) => roles.value.includes(role);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Promise<void> | null = null;
  /** How long the server lets a session idle, as measured at the last /me answer */
  let idleWindowMs = 0;

  function planIdleCheck(deadline: number): void {
    clearTimeout(timer);
    if (Number.isNaN(deadline)) return;
    timer = setTimeout(() => void load(), Math.max(deadline - Date.now() + GRACE_MS, MIN_WAIT_MS));
  }

  /** Asks the server who is signed in; concurrent calls share one request. */
  function load(): Promise<void> {
    pending ??= (async () => {
      try {
        me.value = await fetchStaffMe();
        status.value = 'authenticated';
        errorCode.value = null;
        ended.value = null;
        const deadline = Date.parse(me.value.session.idleExpiresAt);
        idleWindowMs = deadline - Date.now();
        planIdleCheck(deadline);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          if (me.value) ended.value = 'expired';
          sessionEnded();
        } else if (!me.value) {
          status.value = 'error';
          errorCode.value = errorCodeOf(error);
        }
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  /** Any staff request just reached the server, which restarted its idle timer: so do we. */
  function activity(): void {
    if (me.value) planIdleCheck(Date.now() + idleWindowMs);
  }

  function sessionEnded(): void {
    clearTimeout(timer);
    me.value = null;
    status.value = 'anonymous';
    errorCode.value = null;
  }

  async function logout(): Promise<void> {
    try {
      await postStaffLogout();
    } catch {
      // Already ended on the server (401) or offline: this page forgets the session all the same.
    }
    ended.value = 'loggedOut';
    sessionEnded();
  }

  return {
    me,
    status,
    errorCode,
    ended,
    roles,
    hasRole,
    load,
    activity,
    logout,
    sessionEnded,
    /** Where the browser goes to log in as staff (a full page navigation), back to `returnTo` under /beheer */
    loginUrl: staffLoginUrl,
  };
});
