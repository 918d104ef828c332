/**
 * The staff API (/api/staff) for the back office. Lazily loaded with the staff area. Every
 * change carries an Idempotency-Key made once per action, so a retry after a lost answer
 * (the desk's Wi-Fi) does the change once; the server keys it per staff account.
 * A 401 is not broadcast to the resident's session handling (the staff policy in http.ts): the
 * staff stores handle their own session (stores/staff-api-call.ts).
 */
import type {
  NewStaffDocumentRequest,
  StaffCaseDetail,
  StaffCaseList,
  StaffDocumentRequestResponse,
  StaffMe,
} from '../../domain/staff-api';
import { apiRequest } from './http';

/** One staff API call (also used by api/planning.ts, api/staff-casework.ts and api/assist.ts). */
export function staffRequest<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  json?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  return apiRequest<T>(path, { method, json, idempotencyKey, audience: 'staff' });
}

/** A new key for one staff action; reuse it when retrying that same action. */
export function newActionKey(): string {
  return crypto.randomUUID();
}

const caseUrl = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}`;

export const fetchStaffMe = () => staffRequest<StaffMe>('GET', '/api/staff/me');

export const searchCases = (reference: string) =>
  staffRequest<StaffCaseList>('GET', `/api/staff/cases?${new URLSearchParams({ reference }).toString()}`);

export const fetchStaffCase = (caseId: string) => staffRequest<StaffCaseDetail>('GET', caseUrl(caseId));

export const createDocumentRequest = (caseId: string, request: NewStaffDocumentRequest, key: string) =>
  staffRequest<StaffDocumentRequestResponse>('POST', `${caseUrl(caseId)}/document-requests`, request, key);

export const acceptDocumentRequest = (caseId: string, requestId: string, key: string) =>
  staffRequest<StaffDocumentRequestResponse>(
    'POST',
    `${caseUrl(caseId)}/document-requests/${encodeURIComponent(requestId)}/accept`,
    undefined,
    key,
  );

export const rejectDocumentRequest = (caseId: string, requestId: string, reason: string, key: string) =>
  staffRequest<StaffDocumentRequestResponse>(
    'POST',
    `${caseUrl(caseId)}/document-requests/${encodeURIComponent(requestId)}/reject`,
    { reason },
    key,
  );

/** A download is a plain link: the browser saves it (Content-Disposition: attachment). */
export const documentDownloadUrl = (caseId: string, documentId: string) =>
  `${caseUrl(caseId)}/documents/${encodeURIComponent(documentId)}/content`;

export const postStaffLogout = () => staffRequest<void>('POST', '/api/auth/staff/logout');

/** Full-page navigation into the staff OpenID Connect flow, back to `returnTo` (under /beheer). */
export const staffLoginUrl = (returnTo: string) =>
  `/api/auth/staff/login?${new URLSearchParams({ returnTo }).toString()}`;
