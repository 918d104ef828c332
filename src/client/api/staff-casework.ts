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
import { apiRequest } from './http';
import { staffRequest } from './staff';

type StaffAccount = StaffAccountList['accounts'][number];

const caseUrl = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}`;

export const changeCaseStatus = (caseId: string, change: StatusChange, key: string) =>
  staffRequest<CaseHandlingResponse>('POST', `${caseUrl(caseId)}/status`, change, key);

export const extendDecisionTerm = (caseId: string, extension: TermExtension, key: string) =>
  staffRequest<CaseHandlingResponse>('POST', `${caseUrl(caseId)}/decision-term/extension`, extension, key);

export const recordDecision = (caseId: string, decision: DecisionInput, key: string) =>
  staffRequest<CaseHandlingResponse>('POST', `${caseUrl(caseId)}/decision`, decision, key);

/**
 * The PDF itself is the body (Content-Type application/pdf). The server scans it for malware
 * first (up to 30 s, CLAMD_TIMEOUT_MS), so this waits longer than a JSON request.
 */
export const uploadDecisionLetter = (caseId: string, file: Blob, key: string) =>
  apiRequest<CaseHandlingResponse>(`${caseUrl(caseId)}/decision/letter`, {
    method: 'POST',
    file,
    contentType: 'application/pdf',
    idempotencyKey: key,
    timeoutMs: 60_000,
    audience: 'staff',
  });

export const fetchStaffAccounts = () => staffRequest<StaffAccountList>('GET', '/api/staff/accounts');

export const disableStaffAccount = (accountId: string, key: string) =>
  staffRequest<StaffAccount>('POST', `/api/staff/accounts/${encodeURIComponent(accountId)}/disable`, undefined, key);

export const fetchStaffSessions = () => staffRequest<StaffSessionList>('GET', '/api/staff/sessions');

export const endStaffSession = (sessionId: string, key: string) =>
  staffRequest<StaffSessionList>('POST', `/api/staff/sessions/${encodeURIComponent(sessionId)}/end`, undefined, key);
