import { ApiError } from '../api/http';
import { useStaffStore } from './staff';

/**
 * How the back-office stores call the API (use inside a setup store). Every answer tells the
 * staff session store that the server restarted its idle timer; a 401 means the server ended the
 * session, so this page ends it too and `forget` takes the store's data off the screen.
 */
export function useStaffApiCall(forget: () => void = () => {}) {
  const staff = useStaffStore();
  return async function call<T>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      staff.activity();
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        staff.ended = 'expired';
        staff.sessionEnded();
        forget();
      }
      throw error;
    }
  };
}
