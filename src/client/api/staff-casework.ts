/**
 * The case worker's handling of a case (status, decision term, decision, letter) and the
 * administrator's accounts and sessions (/api/staff). Staff chunk only. Each change carries
 * the Idempotency-Key of its action (kept for a retry of the same action).
 */
import type {
  CaseHandlingResponse,
  DecisionInput,
  StaffSessionList,
  StatusChange,
  TermExtension,
} from '../../domain/casework-api';
import type { StaffAccountList } from '../../domain/staff-api';
import { ApiError, isErrorResponse, readBody } from './http';

type StaffAccount = StaffAccountList['accounts'][number];

async function send<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { json?: unknown; file?: Blob; key?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.file) {
    headers['Content-Type'] = 'application/pdf';
    body = options.file;
  }
  if (options.key) headers['Idempotency-Key'] = options.key;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body });
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

const caseUrl = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}`;

export const changeCaseStatus = (caseId: string, change: StatusChange, key: string) =>
  send<CaseHandlingResponse>('POST', `${caseUrl(caseId)}/status`, { json: change, key });

export const extendDecisionTerm = (caseId: string, extension: TermExtension, key: string) =>
  send<CaseHandlingResponse>('POST', `${caseUrl(caseId)}/decision-term/extension`, { json: extension, key });

export const recordDecision = (caseId: string, decision: DecisionInput, key: string) =>
  send<CaseHandlingResponse>('POST', `${caseUrl(caseId)}/decision`, { json: decision, key });

/** The PDF itself is the body (Content-Type application/pdf). */
export const uploadDecisionLetter = (caseId: string, file: Blob, key: string) =>
  send<CaseHandlingResponse>('POST', `${caseUrl(caseId)}/decision/letter`, { file, key });

export const fetchStaffAccounts = () => send<StaffAccountList>('GET', '/api/staff/accounts');

export const disableStaffAccount = (accountId: string, key: string) =>
  send<StaffAccount>('POST', `/api/staff/accounts/${encodeURIComponent(accountId)}/disable`, { key });

export const fetchStaffSessions = () => send<StaffSessionList>('GET', '/api/staff/sessions');

export const endStaffSession = (sessionId: string, key: string) =>
  send<StaffSessionList>('POST', `/api/staff/sessions/${encodeURIComponent(sessionId)}/end`, { key });
