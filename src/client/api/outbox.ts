/**
 * Sending one outbox item (src/client/offline/): a mutating request with its Idempotency-Key,
 * as a result value for the outbox's state machine (src/domain/outbox.ts outcomeOf), never an
 * exception. Apart from http.ts because only the lazily loaded outbox needs it; it shares the
 * session's abort signal (logout cancels a send) and the 401 handling by construction: a 401
 * here leaves the item queued and the page's next request ends the session as usual.
 * Runs in the service worker too: no DOM.
 */
import type { OutboxItem, SendResult } from '../../domain/outbox';
import { isErrorResponse, readBody, sessionSignal } from './http';

/** A send that hangs must not block the outbox: give up (and retry later) after this long. */
const TIMEOUT_MS = 30_000;

export async function sendOutboxItem(
  item: Pick<OutboxItem, 'method' | 'url' | 'body' | 'idempotencyKey'>,
): Promise<SendResult> {
  const signal = sessionSignal();
  const timeout = new AbortController();
  const onAbort = () => timeout.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(onAbort, TIMEOUT_MS);
  try {
    const response = await fetch(item.url, {
      method: item.method,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Idempotency-Key': item.idempotencyKey,
      },
      credentials: 'same-origin',
      body: JSON.stringify(item.body),
      signal: timeout.signal,
    });
    const body = await readBody(response).catch(() => undefined);
    if (response.ok) return { status: response.status, code: null, body: body ?? null };
    return { status: response.status, code: isErrorResponse(body) ? body.error.code : 'UNKNOWN', body: null };
  } catch {
    // Cancelled by the end of the session: not sent, not the item's fault (it stays queued).
    return { status: 0, code: signal.aborted ? 'ABORTED' : 'NETWORK_ERROR', body: null };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
