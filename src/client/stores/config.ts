import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { PublicConfig } from '../../domain/api';
import { fetchPublicConfig } from '../api/config';
import { errorCodeOf, isAborted } from '../api/http';
import type { LoadStatus } from './load-status';

/** The consortium this server runs for: public, the same for every resident. */
export const useConfigStore = defineStore('config', () => {
  /** Public consortium facts (GET /api/config); null until loaded */
  const config = ref<PublicConfig | null>(null);
  /** Loading state of the config */
  const status = ref<LoadStatus>('idle');
  /** Error code of the last failed load, translated by the page as errors.<CODE> */
  const errorCode = ref<string | null>(null);

  /** The joint service's short name for the header and the document title */
  const shortName = computed(() => config.value?.consortium.shortName ?? null);

  let pending: Promise<void> | null = null;

  /** Loads the config once; later calls share the request in flight. */
  function load(): Promise<void> {
    pending ??= (async () => {
      status.value = 'loading';
      errorCode.value = null;
      try {
        config.value = await fetchPublicConfig();
        status.value = 'ready';
      } catch (error) {
        if (isAborted(error)) return;
        errorCode.value = errorCodeOf(error);
        status.value = 'error';
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  return { config, status, errorCode, shortName, load };
});
