/**
 * Front-desk help (/api/staff/assist), for the /balie area and the assist banner. Like the
 * staff API (api/staff.ts) a 401 is not broadcast to the resident's session handling: the staff
 * store handles the staff session. None of these needs an Idempotency-Key: search and end
 * change no dossier, and a start is like a login (the server explains, assist-routes.ts).
 */
import type {
  AssistLookup,
  AssistSearchResult,
  AssistSessionResponse,
  NewAssistSession,
} from '../../domain/assist-api';
import { staffRequest } from './staff';

const assistPost = <T>(path: string, body?: unknown) => staffRequest<T>('POST', path, body);

/** Name and municipality of the resident, within the desk's municipalities (404 otherwise). */
export const searchResident = (lookup: AssistLookup) =>
  assistPost<AssistSearchResult>('/api/staff/assist/search', lookup);

/** Opens the resident's own screens in this browser (the server sets the resident cookie). */
export const startAssist = (start: NewAssistSession) => assistPost<AssistSessionResponse>('/api/staff/assist', start);

/** Ends the assist session; the server clears the resident cookie and the browser's cache and storage. */
export const endAssist = () => assistPost<void>('/api/staff/assist/end');
