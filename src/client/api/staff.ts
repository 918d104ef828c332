/**
 * The staff API (/api/staff) for the back office. Lazily loaded with the staff area. Every
 * change carries an Idempotency-Key made once per action, so a retry after a lost answer
 * (the desk's Wi-Fi) does the change once; the server keys it per staff account.
 * A 401 is not broadcast to the resident's session handling (http.ts): the staff store
 * handles its own session.
 */
import type {
  NewStaffDocumentRequest,
  StaffCaseDetail,
  StaffCaseList,
  StaffDocumentRequestResponse,
  StaffMe,
} from '../../domain/staff-api';
import { ApiError, isErrorResponse, readBody } from './http';

/** One staff API call (also used by api/planning.ts). */
export async function staffRequest<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'fetch failed');
  }
  const parsed = await readBody(response).catch(() => undefined);
  if (!response.ok) {
    if (isErrorResponse(parsed)) throw new ApiError(response.status, parsed.error.code, parsed.error.message);
    throw new ApiError(response.status, 'UNKNOWN', `HTTP ${response.status} without error body`);
  }
  return parsed as T;
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
