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
import { ApiError, isErrorResponse, readBody } from './http';

async function assistPost<T>(path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
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

/** Name and municipality of the resident, within the desk's municipalities (404 otherwise). */
export const searchResident = (lookup: AssistLookup) =>
  assistPost<AssistSearchResult>('/api/staff/assist/search', lookup);

/** Opens the resident's own screens in this browser (the server sets the resident cookie). */
export const startAssist = (start: NewAssistSession) => assistPost<AssistSessionResponse>('/api/staff/assist', start);

/** Ends the assist session; the server clears the resident cookie and the browser's cache and storage. */
export const endAssist = () => assistPost<void>('/api/staff/assist/end');
