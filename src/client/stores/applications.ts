import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { ApplicationDetail, ApplicationList, ApplicationSummary } from '../../domain/api';
import { fetchApplication, fetchApplications } from '../api/applications';
import { errorCodeOf, isAborted } from '../api/http';
import { cameWithThisPage } from '../server-render/server-state';
import { afterFirstScreen } from '../setup/after-first-screen';
import type { LoadStatus } from './load-status';

const NETWORK_ERROR = 'NETWORK_ERROR';

// The offline copy (personal devices only) is loaded on first use: not in the first load.
const offlineCopies = () => import('../offline/personal-copy');
const keepOfflineCopy = (key: string, data: unknown) =>
  void offlineCopies().then(
    (copies) => copies.keepOfflineCopy(key, data),
    () => undefined,
  );
const readOfflineCopy = async <T>(key: string) => (await offlineCopies()).readOfflineCopy<T>(key).catch(() => null);

/**
 * Applications that ask the resident to send documents come first, earliest due date first:
 * a missed repair term (hersteltermijn, Awb 4:5) can end an application unprocessed. The rest
 * keep the server's order. Array.prototype.sort is stable, so equal items keep it too.
 * ISO dates compare as plain strings: localeCompare would load the phone's collation data first
 * (about 50 ms on a slow phone, measured for issue 16), on the way to the first screen.
 */
function orderByUrgency(applications: readonly ApplicationSummary[]): ApplicationSummary[] {
  const rank = (a: ApplicationSummary) => (a.nextAction.kind === 'send_documents' ? 0 : 1);
  const due = (a: ApplicationSummary) => (rank(a) === 0 ? (a.nextAction.dueDate ?? '9999-12-31') : '');
  return [...applications].sort((a, b) => rank(a) - rank(b) || (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
}

/** The resident's applications (aanvragen): the list and the one open in detail. */
export const useApplicationsStore = defineStore('applications', () => {
  /** The applications as the server listed them (GET /api/applications) */
  const applications = ref<ApplicationSummary[]>([]);
  /** Set when the list shown is the offline copy: when the server gave it (ISO instant) */
  const listSavedAt = ref<string | null>(null);
  /** Loading state of the list */
  const listStatus = ref<LoadStatus>('idle');
  /** Error code of the last failed list load */
  const listErrorCode = ref<string | null>(null);

  /** The application open in detail (GET /api/applications/:id); null when none or not loaded */
  const detail = ref<ApplicationDetail | null>(null);
  /** Which id the detail state is about, so a late answer for another id is ignored */
  const detailId = ref<string | null>(null);
  /** Loading state of the detail */
  const detailStatus = ref<LoadStatus>('idle');
  /** Error code of the last failed detail load (NOT_FOUND when it is not there or not theirs) */
  const detailErrorCode = ref<string | null>(null);
  /** Set when the detail shown is the offline copy: when the server gave it (ISO instant) */
  const detailSavedAt = ref<string | null>(null);

  /** The list in the order a resident needs it: documents to send first */
  const applicationsInOrder = computed(() => orderByUrgency(applications.value));

  /**
   * Whether this is the page's first load and the server rendered the page with that data
   * (`shown`) a moment ago: then it is not asked for again, only kept for reading offline once
   * the app has taken the page over (not in that same long task).
   */
  function cameWithPage(shown: boolean, key: string, data: unknown): boolean {
    if (!cameWithThisPage('applications') || !shown) return false;
    afterFirstScreen(() => keepOfflineCopy(key, data));
    return true;
  }

  /** Loads the list. A list already shown stays visible while it refreshes. */
  async function loadList(): Promise<void> {
    if (cameWithPage(listStatus.value === 'ready', 'applications', { applications: applications.value })) return;
    if (listStatus.value !== 'ready') listStatus.value = 'loading';
    listErrorCode.value = null;
    try {
      const { applications: list } = await fetchApplications();
      applications.value = list;
      listSavedAt.value = null;
      listStatus.value = 'ready';
      keepOfflineCopy('applications', { applications: list });
    } catch (error) {
      if (isAborted(error)) return;
      // No network: the last known list, if this personal device kept one (offline/).
      const copy = errorCodeOf(error) === NETWORK_ERROR ? await readOfflineCopy<ApplicationList>('applications') : null;
      if (copy) {
        applications.value = copy.data.applications;
        listSavedAt.value = copy.savedAt;
        listStatus.value = 'ready';
        return;
      }
      listErrorCode.value = errorCodeOf(error);
      listStatus.value = 'error';
    }
  }

  /** Loads one application; a detail for another id is cleared first so it never flashes. */
  async function loadDetail(id: string): Promise<void> {
    if (cameWithPage(detailId.value === id && detail.value !== null, `application:${id}`, detail.value)) return;
    if (detailId.value !== id) {
      detail.value = null;
      detailSavedAt.value = null;
      detailId.value = id;
    }
    if (detail.value === null) detailStatus.value = 'loading';
    detailErrorCode.value = null;
    try {
      const loaded = await fetchApplication(id);
      if (detailId.value !== id) return;
      detail.value = loaded;
      detailSavedAt.value = null;
      detailStatus.value = 'ready';
      keepOfflineCopy(`application:${id}`, loaded);
    } catch (error) {
      if (isAborted(error) || detailId.value !== id) return;
      const copy =
        errorCodeOf(error) === NETWORK_ERROR ? await readOfflineCopy<ApplicationDetail>(`application:${id}`) : null;
      if (detailId.value !== id) return;
      if (copy) {
        detail.value = copy.data;
        detailSavedAt.value = copy.savedAt;
        detailStatus.value = 'ready';
        return;
      }
      detail.value = null;
      detailSavedAt.value = null;
      detailErrorCode.value = errorCodeOf(error);
      detailStatus.value = 'error';
    }
  }

  return {
    applications,
    listStatus,
    listErrorCode,
    listSavedAt,
    detail,
    detailId,
    detailStatus,
    detailErrorCode,
    detailSavedAt,
    applicationsInOrder,
    loadList,
    loadDetail,
  };
});
