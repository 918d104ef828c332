import { defineStore } from 'pinia';
import type { AssistLookup, AssistSearchResult, NewAssistSession } from '../../domain/assist-api';
import { endAssist, searchResident, startAssist } from '../api/assist';
import { ApiError, cancelPendingRequests, errorCodeOf } from '../api/http';
import { postLogout } from '../api/session';
import type { Result } from './result';
import { useSessionStore } from './session';
import { useStaffStore } from './staff';

/**
 * Front-desk help (issue 6 point 3, /api/staff/assist): find a walk-in resident, open their own
 * screens in this browser, end that. No state of its own: the desk's forms keep what was typed
 * and get each outcome as a code. Any 404 comes back as NOT_FOUND (not there, or not within the
 * desk's municipalities); a 401 means the employee's own session ended, so the staff store asks
 * the server again (and the desk shows the login).
 */
export const useAssistStore = defineStore('assist', () => {
  const staff = useStaffStore();
  const session = useSessionStore();

  async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) void staff.load();
      return { ok: false, code: error instanceof ApiError && error.status === 404 ? 'NOT_FOUND' : errorCodeOf(error) };
    }
  }

  /** Name and municipality of the resident the desk looks up by BSN or case reference. */
  const search = (lookup: AssistLookup): Promise<Result<AssistSearchResult>> => attempt(() => searchResident(lookup));

  /** Opens the resident's screens here: the server sets the resident cookie, then the app asks who that is. */
  const start = (input: NewAssistSession): Promise<Result<void>> =>
    attempt(async () => {
      await startAssist(input);
      await session.load();
    });

  /**
   * Ends the help on the server (it ends the resident session and clears its cookie) and cancels
   * the resident's requests still in flight. False when the server could not be told: the
   * employee's session ran out (its help with it) or the network failed; then `forgetResident`.
   */
  async function end(): Promise<boolean> {
    let ended = true;
    try {
      await endAssist();
    } catch {
      ended = false;
    }
    cancelPendingRequests();
    return ended;
  }

  /** Logs the resident out, to make sure their cookie goes after an `end` that failed; never fails. */
  async function forgetResident(): Promise<void> {
    await postLogout().catch(() => undefined);
  }

  return { search, start, end, forgetResident };
});
