/** Rows to what the resident reads (src/domain/api.ts shapes). */
import type { CaseDocuments, DocumentInfo, DocumentRequestWithFiles, Letter } from '../../../domain/api';
import type { IsoDate } from '../../../domain/dates';
import { documentRequestState } from '../../../domain/deadlines';
import {
  acceptsDocuments,
  ACCEPTED_CONTENT_TYPES,
  compareRequestsStable,
  MAX_DOCUMENT_BYTES,
  requestDaysLeft,
} from '../../../domain/documents';
import type { CaseDocument as DocumentRow } from '../../case-system/index';
import type { RequestRow } from './queries';

export function toDocumentInfo(row: DocumentRow): DocumentInfo {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    createdAt: row.registered_at.toISOString(),
    requestId: row.request_id,
  };
}

function toLetter(row: DocumentRow): Letter {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sentAt: row.registered_at.toISOString(),
  };
}

function toRequest(row: RequestRow, documents: DocumentRow[], today: IsoDate): DocumentRequestWithFiles {
  return {
    id: row.id,
    title: { nl: row.title_nl, en: row.title_en },
    reason: { nl: row.reason_nl, en: row.reason_en },
    requestedOn: row.requested_on,
    dueDate: row.due_date,
    state: documentRequestState(row.state, row.due_date, today),
    daysLeft: requestDaysLeft(row.due_date, today),
    rejectionReason: row.state === 'rejected' ? row.rejection_reason : null,
    acceptsDocuments: acceptsDocuments(row.state),
    documents: documents.filter((d) => d.request_id === row.id).map(toDocumentInfo),
  };
}

export function toCaseDocuments(
  requests: RequestRow[],
  documents: DocumentRow[],
  today: IsoDate,
  dailyBytes: number,
): CaseDocuments {
  const fromResident = documents.filter((d) => d.origin === 'resident');
  // A letter without stored bytes (demo data made before documents existed) has nothing to show.
  const letters = documents.filter((d) => d.origin === 'service' && d.storage_key !== null);
  return {
    requests: requests.map((r) => toRequest(r, fromResident, today)).sort(compareRequestsStable),
    ownInitiative: fromResident.filter((d) => d.request_id === null).map(toDocumentInfo),
    letters: letters.map(toLetter).reverse(),
    limits: { maxFileBytes: MAX_DOCUMENT_BYTES, dailyBytes, acceptedTypes: ACCEPTED_CONTENT_TYPES },
  };
}
