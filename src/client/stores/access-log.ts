import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { AccessLog } from '../../domain/staff-api';
import { fetchAccessLog } from '../api/access-log';
import { errorCodeOf, isAborted } from '../api/http';
import type { LoadStatus } from './load-status';

/**
 * "Wie keek in mijn gegevens": the signed-in resident's access log (personal data: reset at
 * logout by the reset plugin). Loaded with its page, not with the app.
 */
export const useAccessLogStore = defineStore('access-log', () => {
  const log = ref<AccessLog | null>(null);
  const status = ref<LoadStatus>('idle');
  const errorCode = ref<string | null>(null);

  async function load(): Promise<void> {
    status.value = 'loading';
    try {
      log.value = await fetchAccessLog();
      errorCode.value = null;
      status.value = 'ready';
    } catch (error) {
      if (isAborted(error)) return;
      errorCode.value = errorCodeOf(error);
      status.value = 'error';
    }
  }

  return { log, status, errorCode, load };
});
