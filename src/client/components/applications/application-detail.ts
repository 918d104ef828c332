import { computed, watch } from 'vue';
import { useApplicationsStore } from '../../stores/applications';

/**
 * One application's detail for a page about it (the application, its objection page): loaded
 * when the id changes (by the page; `load: false` for a part of it that only reads), and only
 * ever this id's data, never a previous application's.
 */
export function useApplicationDetail(id: () => string, { load = true } = {}) {
  const store = useApplicationsStore();
  if (load) watch(id, (current) => void store.loadDetail(current), { immediate: true });
  const application = computed(() => (store.detailId === id() ? store.detail : null));
  const loading = computed(() => store.detailId !== id() || store.detailStatus === 'loading');
  // The server answers 404 for an application that is not there *or* not this resident's: it
  // does not tell which, and neither do we.
  const notFound = computed(() => ['NOT_FOUND', 'FORBIDDEN'].includes(store.detailErrorCode ?? ''));
  return { store, application, loading, notFound };
}
