import { ref } from 'vue';
import { defineStore } from 'pinia';
import type {
  NewStaffDocumentRequest,
  StaffCaseDetail,
  StaffCaseSummary,
  StaffDocumentRequest,
} from '../../domain/staff-api';
import { errorCodeOf } from '../api/http';
import {
  acceptDocumentRequest,
  createDocumentRequest,
  documentDownloadUrl,
  fetchStaffCase,
  newActionKey,
  rejectDocumentRequest,
  searchCases,
} from '../api/staff';
import type { LoadStatus } from './load-status';
import { useStaffApiCall } from './staff-api-call';

/** A change's outcome for the form that asked: ok, or the error code to show */
export type ActionResult = { ok: true } | { ok: false; code: string };

/**
 * The case worker's cases: the last search and the case open on screen, with its document
 * requests and arrivals. Every request also tells the staff session store that the server saw
 * activity, and a 401 ends the staff session on this page.
 */
export const useStaffCasesStore = defineStore('staff-cases', () => {
  const call = useStaffApiCall(clear);

  /** The reference last searched for, as typed */
  const searchedFor = ref<string | null>(null);
  /** What the last search found (within the staff's municipalities) */
  const results = ref<StaffCaseSummary[]>([]);
  const searchStatus = ref<LoadStatus>('idle');
  const searchErrorCode = ref<string | null>(null);

  /** The case open on screen */
  const detail = ref<StaffCaseDetail | null>(null);
  const detailId = ref<string | null>(null);
  const detailStatus = ref<LoadStatus>('idle');
  const detailErrorCode = ref<string | null>(null);

  async function search(reference: string): Promise<void> {
    searchedFor.value = reference;
    searchStatus.value = 'loading';
    searchErrorCode.value = null;
    try {
      results.value = (await call(() => searchCases(reference))).cases;
      searchStatus.value = 'ready';
    } catch (error) {
      results.value = [];
      searchErrorCode.value = errorCodeOf(error);
      searchStatus.value = 'error';
    }
  }

  async function open(caseId: string): Promise<void> {
    if (detailId.value !== caseId) {
      detail.value = null;
      detailId.value = caseId;
    }
    if (!detail.value) detailStatus.value = 'loading';
    detailErrorCode.value = null;
    try {
      const loaded = await call(() => fetchStaffCase(caseId));
      if (detailId.value !== caseId) return;
      detail.value = loaded;
      detailStatus.value = 'ready';
    } catch (error) {
      if (detailId.value !== caseId) return;
      detail.value = null;
      detailErrorCode.value = errorCodeOf(error);
      detailStatus.value = 'error';
    }
  }

  function replaceRequest(updated: StaffDocumentRequest): void {
    if (!detail.value) return;
    const requests = detail.value.requests.filter((r) => r.id !== updated.id);
    detail.value = {
      ...detail.value,
      requests: [...requests, updated].sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    };
  }

  /**
   * One change with its Idempotency-Key. The form keeps the key while the same action is
   * retried (network failure), and asks for a new one after a success or a refusal.
   */
  async function change(caseId: string, run: () => Promise<{ request: StaffDocumentRequest }>): Promise<ActionResult> {
    try {
      const { request } = await call(run);
      if (detailId.value === caseId) replaceRequest(request);
      return { ok: true };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  const requestDocument = (caseId: string, input: NewStaffDocumentRequest, key: string) =>
    change(caseId, () => createDocumentRequest(caseId, input, key));
  const accept = (caseId: string, requestId: string, key: string) =>
    change(caseId, () => acceptDocumentRequest(caseId, requestId, key));
  const reject = (caseId: string, requestId: string, reason: string, key: string) =>
    change(caseId, () => rejectDocumentRequest(caseId, requestId, reason, key));

  function clear(): void {
    searchedFor.value = null;
    results.value = [];
    searchStatus.value = 'idle';
    detail.value = null;
    detailId.value = null;
    detailStatus.value = 'idle';
  }

  return {
    searchedFor,
    results,
    searchStatus,
    searchErrorCode,
    detail,
    detailId,
    detailStatus,
    detailErrorCode,
    search,
    open,
    requestDocument,
    accept,
    reject,
    clear,
    newActionKey,
    /** A case document's download link (a plain link: the browser saves it) */
    documentDownloadUrl,
  };
});
