/**
 * Sending one outbox item (src/client/offline/): a mutating request with its Idempotency-Key,
 * as a result value for the outbox's state machine (src/domain/outbox.ts outcomeOf), never an
 * exception. It goes through http.ts like every request: logout cancels it, a 401 ends the
 * resident's session (the item stays queued for the next login), and a success is the outbox's
 * cue to send what else waits. Runs in the service worker too: no DOM.
 */
import type { OutboxItem, SendResult } from '../../domain/outbox';
import { apiExchange, ApiError } from './http';

/** A send that hangs must not block the outbox: give up (and retry later) after this long. */
const TIMEOUT_MS = 30_000;

export async function sendOutboxItem(
  item: Pick<OutboxItem, 'method' | 'url' | 'body' | 'idempotencyKey'>,
): Promise<SendResult> {
  try {
    const answer = await apiExchange(item.url, {
      method: item.method,
      json: item.body,
      idempotencyKey: item.idempotencyKey,
      timeoutMs: TIMEOUT_MS,
    });
    return { status: answer.status, code: null, body: answer.body ?? null };
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, body: null };
    return { status: 0, code: 'NETWORK_ERROR', body: null };
  }
}
