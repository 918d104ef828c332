import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { CaseDocuments } from '../../domain/api';
import type { OutboxItem } from '../../domain/outbox';
import {
  documentContentUrl,
  fetchCaseDocuments,
  sendDocument,
  type OutgoingFile,
  type PendingDocument,
} from '../api/documents';
import { errorCodeOf, isAborted } from '../api/http';
import type { LoadStatus } from './load-status';
import { useOutboxStore } from './outbox';

export type { PendingDocument };

// As the applications store: the offline copy (personal devices only) is loaded on first use.
const offlineCopies = () => import('../offline/personal-copy');

/**
 * The documents of the application open on the documents page: what we ask for (open requests
 * first, with days left), what the resident sent, and our letters. What they are sending now is
 * in the outbox (stores/outbox.ts); what they are picking is the page's own (documents/capture.ts).
 */
export const useDocumentsStore = defineStore('documents', () => {
  /** GET /api/applications/:id/documents for `applicationId`; null when none or not loaded */
  const documents = ref<CaseDocuments | null>(null);
  /** Which application `documents` is about, so a late answer for another one is ignored */
  const applicationId = ref<string | null>(null);
  /** Loading state */
  const status = ref<LoadStatus>('idle');
  /** Error code of the last failed load (NOT_FOUND when it is not there or not theirs) */
  const errorCode = ref<string | null>(null);
  /** Set when what is shown is the offline copy: when the server gave it (ISO instant) */
  const savedAt = ref<string | null>(null);
  const outbox = useOutboxStore();

  /** Loads (or refreshes) one application's documents; another application's are cleared first. */
  async function load(id: string): Promise<void> {
    if (applicationId.value !== id) {
      documents.value = null;
      savedAt.value = null;
      applicationId.value = id;
    }
    if (documents.value === null) status.value = 'loading';
    errorCode.value = null;
    const key = `documents:${id}`;
    try {
      const loaded = await fetchCaseDocuments(id);
      if (applicationId.value !== id) return;
      documents.value = loaded;
      savedAt.value = null;
      status.value = 'ready';
      void offlineCopies().then(
        (copies) => copies.keepOfflineCopy(key, loaded),
        () => undefined,
      );
    } catch (error) {
      if (isAborted(error) || applicationId.value !== id) return;
      const copy =
        errorCodeOf(error) === 'NETWORK_ERROR'
          ? await offlineCopies().then(
              (copies) => copies.readOfflineCopy<CaseDocuments>(key),
              () => null,
            )
          : null;
      if (applicationId.value !== id) return;
      if (copy) {
        documents.value = copy.data;
        savedAt.value = copy.savedAt;
        status.value = 'ready';
        return;
      }
      // A list already shown stays (a refresh that failed changes nothing the resident can use).
      if (documents.value !== null) return;
      errorCode.value = errorCodeOf(error);
      status.value = 'error';
    }
  }

  /**
   * Queues one file for the application, for one of our requests (`requestId`) or of their own:
   * the outbox uploads and registers it, online or not. Rejects when the outbox cannot keep it
   * (then the form keeps what the resident picked).
   */
  const send = (
    id: string,
    file: OutgoingFile,
    target: { requestId: string | null; title: string },
  ): Promise<OutboxItem<PendingDocument>> => outbox.enqueue(sendDocument(id, file, target));

  return {
    documents,
    applicationId,
    status,
    errorCode,
    savedAt,
    load,
    send,
    /** Where a document or letter downloads (as an attachment) */
    contentUrl: documentContentUrl,
  };
});
