import type { CaseDocuments, NewDocument, UPLOAD_METADATA_KEYS } from '../../domain/api';
import type { NewOutboxItem } from '../../domain/outbox';
import { getJson } from './http';

// The contract's Upload-Metadata keys, checked against it by type: importing the value would
// bring the whole TypeBox contract (src/domain/api.ts) into the app.
const METADATA_KEYS: typeof UPLOAD_METADATA_KEYS = { caseId: 'caseId', requestId: 'requestId' };

const applicationPath = (applicationId: string) => `/api/applications/${encodeURIComponent(applicationId)}`;

/** GET /api/applications/:id/documents: requests (open first), own-initiative documents, letters. */
export function fetchCaseDocuments(applicationId: string): Promise<CaseDocuments> {
  return getJson<CaseDocuments>(`${applicationPath(applicationId)}/documents`);
}

/** Where a document or letter downloads (always as an attachment, the server sees to that). */
export function documentContentUrl(applicationId: string, documentId: string): string {
  return `${applicationPath(applicationId)}/documents/${encodeURIComponent(documentId)}/content`;
}

/** The tus creation endpoint (POST /api/uploads), same origin. */
const UPLOAD_ENDPOINT = '/api/uploads';

export interface OutgoingFile {
  bytes: ArrayBuffer;
  contentType: string;
  fileName: string;
}

/** What the registration carries before the upload exists; `uploadId` is added once it does. */
export type PendingDocument = Omit<NewDocument, 'uploadId'>;

/**
 * A document as an outbox item: the bytes go to /api/uploads with tus (naming the application
 * and the request in Upload-Metadata), then POST /api/applications/:id/documents registers the
 * upload with the item's Idempotency-Key. Never sent directly: the outbox delivers it, online or
 * not, exactly once. The answer, once sent, is a DocumentCreated.
 */
export function sendDocument(
  applicationId: string,
  file: OutgoingFile,
  target: { requestId: string | null; title: string },
): NewOutboxItem<PendingDocument> {
  const metadata: Record<string, string> = { [METADATA_KEYS.caseId]: applicationId };
  if (target.requestId) metadata[METADATA_KEYS.requestId] = target.requestId;
  return {
    kind: 'document',
    method: 'POST',
    url: `${applicationPath(applicationId)}/documents`,
    body: {
      ...(target.requestId ? { requestId: target.requestId } : {}),
      title: target.title,
      fileName: file.fileName,
    },
    subject: applicationId,
    upload: {
      bytes: file.bytes,
      size: file.bytes.byteLength,
      contentType: file.contentType,
      fileName: file.fileName,
      endpoint: UPLOAD_ENDPOINT,
      metadata,
    },
  };
}
