/**
 * The one place where the PWA (and its service worker) calls `fetch`. Every feature file in
 * src/client/api is a list of typed functions over `apiRequest` (paths and the contract's
 * types from src/domain), so each request gets the same treatment:
 *
 * - a JSON body, or a file as the body (its own Content-Type), or none (then no Content-Type:
 *   Fastify refuses an empty body declared as JSON);
 * - an Idempotency-Key when the caller has one for the action;
 * - the session's abort signal (logout cancels what is in flight) and a timeout, so a request
 *   that hangs on a bad connection ends as NETWORK_ERROR and the resident can try again;
 * - one 401 policy per audience: a resident's 401 reaches `onUnauthorized` (the session ends
 *   everywhere, src/client/setup/session-expiry.ts); a staff 401 never touches the resident's
 *   session, it is thrown to the back-office store that asked (stores/staff-api-call.ts);
 * - every success reaches `onApiSuccess`: the network and the session work, so the outbox
 *   takes it as a moment to send what waits (src/client/offline/runtime.ts).
 *
 * Errors are values with codes: a non-2xx answer becomes an ApiError whose `code` the UI
 * translates (i18n key `errors.<CODE>`). The server's `message` is kept for developers only and
 * must never be shown to a resident.
 */
import type { ErrorResponse } from '../../domain/api';
import { dropEarlyAnswers, takeEarlyAnswer } from './early-answers';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when no answer came (offline, DNS, timeout, aborted) */
    readonly status: number,
    /** Stable machine code, e.g. NOT_FOUND, NETWORK_ERROR, UNKNOWN */
    readonly code: string,
    message: string,
    /** What the server offers instead, for refusals that carry it (e.g. SLOT_TAKEN's next slots) */
    readonly details: ErrorDetails | null = null,
  ) {
    super(message);
  }
}

type ErrorDetails = NonNullable<ErrorResponse['error']['details']>;

/** Code for requests we cancelled ourselves (logout, session end): callers ignore these. */
const ABORTED = 'ABORTED';

export function isAborted(error: unknown): boolean {
  return error instanceof ApiError && error.code === ABORTED;
}

/** Whose session a request runs in: decides what a 401 does (see above). */
type Audience = 'resident' | 'staff';

type UnauthorizedListener = (path: string) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();
const successListeners = new Set<() => void>();

/**
 * Called on every resident 401. The session set-up step uses this to end a session that expired
 * on the server (idle timeout) no matter which feature, or the outbox, noticed it first.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

/**
 * An answer that says "nobody is signed in" without a 401 (the app's session check,
 * api/session.ts): for a page that was signed in it means the same as a 401, so the same
 * listeners hear it. A visitor who never signed in passes through them unnoticed.
 */
export function reportNobodySignedIn(path: string): void {
  unauthorizedListeners.forEach((listener) => listener(path));
}

type SessionExpiryListener = (idleExpiresAt: string) => void;
const sessionExpiryListeners = new Set<SessionExpiryListener>();

/** The server's answer header with the resident session's idle deadline (auth/session-hook.ts). */
const SESSION_IDLE_EXPIRES_HEADER = 'Loket-Session-Idle-Expires';

/**
 * Called with the session's new idle deadline whenever an answer carries one: every request
 * moves it, so the session warning (setup/session-expiry.ts) plans from the latest.
 */
export function onSessionIdleExpiry(listener: SessionExpiryListener): () => void {
  sessionExpiryListeners.add(listener);
  return () => {
    sessionExpiryListeners.delete(listener);
  };
}

/** Called after every successful API request, whichever feature (or the outbox) sent it. */
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
  // Answers the boot script fetched belong to the session that is ending.
  dropEarlyAnswers();
  controller.abort();
  controller = new AbortController();
}

/** The signal that ending a session aborts; the tus upload (documents/transport.ts) uses it too. */
export function sessionSignal(): AbortSignal {
  return controller.signal;
}

/** Long enough for a slow phone connection, short enough that nobody waits for nothing. */
const DEFAULT_TIMEOUT_MS = 20_000;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON body */
  json?: unknown;
  /** A file as the body */
  file?: Blob;
  /** The file's Content-Type; default its own type */
  contentType?: string;
  /** The key of this action; reuse it when retrying the same action */
  idempotencyKey?: string;
  /** Give up after this long (NETWORK_ERROR); default 20 s */
  timeoutMs?: number;
  /** Default 'resident' */
  audience?: Audience;
}

/** A 2xx answer: its status and its JSON body (undefined when empty). */
interface ApiAnswer {
  status: number;
  body: unknown;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function headersFor(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  else if (options.file)
    headers['Content-Type'] = options.contentType ?? (options.file.type || 'application/octet-stream');
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return headers;
}

const isPlainGet = (options: RequestOptions) =>
  (options.method ?? 'GET') === 'GET' && options.json === undefined && options.file === undefined;

/** The answer, or a rejection as soon as `signal` aborts (the early answer's fetch has no signal of ours). */
function untilAborted(answer: Promise<Response>, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Sends one request and returns the 2xx answer, or throws an ApiError (see the file's top). */
export async function apiExchange(path: string, options: RequestOptions = {}): Promise<ApiAnswer> {
  // Rendered on the server (src/client/server-render/): the stores already hold the answers the
  // server looked up, and a page's refresh must not change them halfway through the render. The
  // browser asks again once the app runs. Vite drops this line from the browser's build.
  if (import.meta.env.SSR) return new Promise<never>(() => undefined);
  const session = controller.signal;
  const request = new AbortController();
  const cancel = () => request.abort();
  session.addEventListener('abort', cancel, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const stopped = (): ApiError =>
    session.aborted
      ? new ApiError(0, ABORTED, 'Request cancelled')
      : new ApiError(0, 'NETWORK_ERROR', timedOut ? 'No answer in time' : 'The answer broke off');

  try {
    let response: Response;
    // The boot script may have asked already (src/client/boot/boot.ts): the same GET, taken once.
    const early = isPlainGet(options) ? takeEarlyAnswer(path) : undefined;
    try {
      response = await (early
        ? untilAborted(early, request.signal)
        : fetch(path, {
            method: options.method ?? 'GET',
            headers: headersFor(options),
            credentials: 'same-origin',
            body: options.json !== undefined ? JSON.stringify(options.json) : options.file,
            signal: request.signal,
          }));
    } catch (error) {
      if (request.signal.aborted) throw stopped();
      throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'fetch failed');
    }
    const body = await readBody(response).catch(() => undefined);
    if (request.signal.aborted) throw stopped();
    const idleExpiresAt = response.headers?.get(SESSION_IDLE_EXPIRES_HEADER);
    if (idleExpiresAt) sessionExpiryListeners.forEach((listener) => listener(idleExpiresAt));

    if (!response.ok) {
      if (response.status === 401 && (options.audience ?? 'resident') === 'resident') {
        unauthorizedListeners.forEach((listener) => listener(path));
      }
      if (isErrorResponse(body)) {
        throw new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? null);
      }
      throw new ApiError(response.status, 'UNKNOWN', `HTTP ${response.status} without error body`);
    }
    successListeners.forEach((listener) => listener());
    return { status: response.status, body };
  } finally {
    clearTimeout(timer);
    session.removeEventListener('abort', cancel);
  }
}

/** Sends one request and returns its JSON answer (undefined for 204). The type is the contract's. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiExchange(path, options)).body as T;
}

/** GET a JSON resource as the signed-in resident. */
export function getJson<T>(path: string): Promise<T> {
  return apiRequest<T>(path);
}

/** The code to keep in a store after a failure (stores hold JSON, not Error objects). */
export function errorCodeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'UNKNOWN';
}
