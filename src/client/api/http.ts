/**
 * The one place where the PWA talks to `fetch`. Every feature module in src/client/api wraps
 * these two functions with the types of the API contract (src/domain/api.ts).
 *
 * Errors are values with codes: a non-2xx answer becomes an ApiError whose `code` the UI
 * translates (i18n key `errors.<CODE>`). The server's `message` is kept for developers only and
 * must never be shown to a resident.
 */
import type { ErrorResponse } from '../../domain/api';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when no answer came (offline, DNS, aborted) */
    readonly status: number,
    /** Stable machine code, e.g. NOT_FOUND, NETWORK_ERROR, UNKNOWN */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Code for requests we cancelled ourselves (logout, session end): callers ignore these. */
export const ABORTED = 'ABORTED';

export function isAborted(error: unknown): boolean {
  return error instanceof ApiError && error.code === ABORTED;
}

type UnauthorizedListener = (path: string) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();
const successListeners = new Set<() => void>();

/**
 * Called on every 401. The session module uses this to end a session that expired on the
 * server (idle timeout) no matter which feature noticed it first.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

/**
 * Called after every successful API request: the network and the session work, so the outbox
 * takes it as a moment to send what waits (src/client/offline/runtime.ts).
 */
export function onApiSuccess(listener: () => void): () => void {
  successListeners.add(listener);
  return () => {
    successListeners.delete(listener);
  };
}

// One controller for all requests in flight, so that ending a session can cancel them: an
// answer that arrives after logout must not put personal data back into a freshly reset store.
let controller = new AbortController();

export function cancelPendingRequests(): void {
  controller.abort();
  controller = new AbortController();
}

/** The signal that ending a session aborts; the outbox's sender (api/outbox.ts) uses it too. */
export function sessionSignal(): AbortSignal {
  return controller.signal;
}

export function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // No Content-Type without a body: Fastify refuses an empty body declared as JSON.
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  const signal = controller.signal;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw new ApiError(0, ABORTED, 'Request cancelled');
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'fetch failed');
  }

  const parsed = await readBody(response).catch(() => undefined);
  if (signal.aborted) throw new ApiError(0, ABORTED, 'Request cancelled');

  if (!response.ok) {
    if (response.status === 401) unauthorizedListeners.forEach((listener) => listener(path));
    if (isErrorResponse(parsed)) {
      throw new ApiError(response.status, parsed.error.code, parsed.error.message);
    }
    throw new ApiError(response.status, 'UNKNOWN', `HTTP ${response.status} without error body`);
  }
  successListeners.forEach((listener) => listener());
  return parsed as T;
}

/** GET a JSON resource. The type is the contract's; the server validates what it sends. */
export function getJson<T>(path: string): Promise<T> {
  return request<T>('GET', path);
}

/** POST JSON (or nothing) and read the JSON answer, if any (204 gives undefined). */
export function postJson<T = undefined>(path: string, body?: unknown): Promise<T> {
  return request<T>('POST', path, body);
}

/** The code to keep in a store after a failure (stores hold JSON, not Error objects). */
export function errorCodeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'UNKNOWN';
}
