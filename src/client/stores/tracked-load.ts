import { ref } from 'vue';
import { errorCodeOf } from '../api/http';
import type { LoadStatus } from './load-status';

/**
 * One thing a store loads from the API, as the page shows it: where the load is (`status`) and
 * the error code of the last failure (`errorCode`, for ApiErrorMessage). `track` runs a fetch
 * and keeps both in step; what the fetch answers is the caller's to keep (one load may fill more
 * than one ref). Every back-office store loads this way.
 */
export function useTrackedLoad() {
  const status = ref<LoadStatus>('idle');
  const errorCode = ref<string | null>(null);

  /**
   * Runs `fetch`; true when it succeeded. `quiet` leaves the status as it is while loading: a
   * refresh of what is already on screen does not replace it by "loading".
   */
  async function track(fetch: () => Promise<void>, { quiet = false } = {}): Promise<boolean> {
    if (!quiet) status.value = 'loading';
    errorCode.value = null;
    try {
      await fetch();
      status.value = 'ready';
      return true;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
      status.value = 'error';
      return false;
    }
  }

  function reset(): void {
    status.value = 'idle';
    errorCode.value = null;
  }

  return { status, errorCode, track, reset };
}
