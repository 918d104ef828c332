/**
 * The outbox: every change a resident makes (a question now; uploads, bookings, cancellations
 * and home-visit requests later) is queued first and then delivered, so nothing is lost when the
 * network drops. This file is the pure state machine; storage (IndexedDB or memory) and sending
 * live in src/client/offline/.
 *
 * Exactly once: each item carries an Idempotency-Key made when it is queued. The server stores
 * the first response per key (IETF draft "The Idempotency-Key HTTP Header Field") and replays it
 * for a retry, so sending an item twice (two tabs, the service worker, a lost response) has one
 * effect. The machine below makes sure we never *need* more than that: a delivered, refused or
 * cancelled item is never sent again.
 *
 *   queued ──start──▶ sending ──ack────▶ sent
 *     ▲  ▲               │ ├──fail───▶ failed ──start──▶ sending   (automatic, after back-off)
 *     │  └──release──────┘ └──refuse─▶ refused                     (the server said no: shown)
 *     └──retry── failed                 queued|failed|refused ──cancel──▶ cancelled
 */

import type { OutboxState } from './outbox-state';

export type { OutboxState } from './outbox-state';
export { isStale, isUnsent, needsAttention, STALE_AFTER_DAYS } from './outbox-state';

/** What the action is; the list shows it in words. Open for the features still to come. */
export type OutboxKind = 'question' | 'upload' | 'booking' | 'cancel-booking' | 'home-visit' | (string & {});

export type OutboxMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OutboxError {
  /** Error code as in src/domain/error-codes.ts (NETWORK_ERROR when no answer came) */
  code: string;
  /** HTTP status; 0 when no answer came */
  status: number;
}

/**
 * One queued action. Plain JSON (times as ISO strings) so it fits IndexedDB, Pinia state and
 * postMessage alike. `Body` is JSON today; uploads will carry an ArrayBuffer.
 */
export interface OutboxItem<Body = unknown> {
  id: string;
  /** Sent as the Idempotency-Key header on every attempt; made when the item is queued */
  idempotencyKey: string;
  /** resident.key of the resident who queued it: it is sent only under their session */
  userKey: string;
  kind: OutboxKind;
  method: OutboxMethod;
  url: string;
  body: Body;
  /** What it is about, to show it in place (for a question: the application id) */
  subject: string | null;
  createdAt: string;
  updatedAt: string;
  /** Number of times sending started */
  attempts: number;
  state: OutboxState;
  lastError: OutboxError | null;
  /** The server's answer once sent (for a question: { question }) */
  response: unknown;
  /** After a transient failure: no automatic attempt before this instant */
  nextAttemptAt: string | null;
}

export interface NewOutboxItem<Body = unknown> {
  kind: OutboxKind;
  method: OutboxMethod;
  url: string;
  body: Body;
  subject?: string | null;
}

export function createOutboxItem<Body>(
  input: NewOutboxItem<Body>,
  ids: { id: string; idempotencyKey: string; userKey: string },
  now: Date,
): OutboxItem<Body> {
  const at = now.toISOString();
  return {
    id: ids.id,
    idempotencyKey: ids.idempotencyKey,
    userKey: ids.userKey,
    kind: input.kind,
    method: input.method,
    url: input.url,
    body: input.body,
    subject: input.subject ?? null,
    createdAt: at,
    updatedAt: at,
    attempts: 0,
    state: 'queued',
    lastError: null,
    response: null,
    nextAttemptAt: null,
  };
}

export type OutboxEvent =
  | { type: 'start' }
  | { type: 'ack'; response: unknown }
  | { type: 'fail'; error: OutboxError }
  | { type: 'refuse'; error: OutboxError }
  | { type: 'release'; error?: OutboxError }
  | { type: 'retry' }
  | { type: 'cancel' }
  | { type: 'recover' };

/** From which states each event may happen. Everything else is a programming error. */
const ALLOWED: Record<OutboxEvent['type'], readonly OutboxState[]> = {
  start: ['queued', 'failed'],
  ack: ['sending'],
  fail: ['sending'],
  refuse: ['sending'],
  release: ['sending'],
  retry: ['queued', 'failed'],
  cancel: ['queued', 'failed', 'refused'],
  // A send that was cut off (tab closed, service worker stopped): we cannot know whether the
  // server got it, so it goes again, with the same key.
  recover: ['sending'],
};

export class OutboxTransitionError extends Error {
  constructor(message: string) {
    super(message);
    // Assigned here, not as a class field: a field would pull a helper into the first load.
    this.name = 'OutboxTransitionError';
  }
}

export function canApply(item: Pick<OutboxItem, 'state'>, type: OutboxEvent['type']): boolean {
  return ALLOWED[type].includes(item.state);
}

/** Back-off after the n-th failed attempt: 5 s, 10 s, 20 s ... at most 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 300_000);
}

/** The item after `event`; throws OutboxTransitionError when the event is not allowed now. */
export function applyOutboxEvent<Body>(item: OutboxItem<Body>, event: OutboxEvent, now: Date): OutboxItem<Body> {
  if (!canApply(item, event.type)) {
    throw new OutboxTransitionError(`Outbox item ${item.id}: ${event.type} not allowed in state ${item.state}`);
  }
  const next: OutboxItem<Body> = { ...item, updatedAt: now.toISOString() };
  switch (event.type) {
    case 'start':
      return { ...next, state: 'sending', attempts: item.attempts + 1 };
    case 'ack':
      return { ...next, state: 'sent', response: event.response, lastError: null, nextAttemptAt: null };
    case 'fail':
      return {
        ...next,
        state: 'failed',
        lastError: event.error,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(item.attempts)).toISOString(),
      };
    case 'refuse':
      return { ...next, state: 'refused', lastError: event.error, nextAttemptAt: null };
    case 'release':
      return { ...next, state: 'queued', lastError: event.error ?? item.lastError, nextAttemptAt: null };
    case 'retry':
      return { ...next, state: 'queued', nextAttemptAt: null };
    case 'cancel':
      return { ...next, state: 'cancelled', nextAttemptAt: null };
    case 'recover':
      return { ...next, state: 'queued' };
  }
}

/** What a send attempt gave: an HTTP status (0 = no answer) with the error code, if any. */
export interface SendResult {
  status: number;
  code: string | null;
  body: unknown;
}

/**
 * What an attempt's result means for the item.
 * - 2xx (also a replayed first response): delivered.
 * - No answer, a timeout, 5xx, 429, or 409 IDEMPOTENCY_KEY_IN_USE (the first attempt is still
 *   running on the server): try again later, with the same key.
 * - 401 or a send we cancelled ourselves: not sent, not the item's fault: it waits, unchanged,
 *   for its resident's next session.
 * - Any other 4xx (CASE_CLOSED, NOT_FOUND, VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED...): the
 *   server refuses it for good. It is shown with the reason and a next step, never dropped.
 */
export function outcomeOf(result: SendResult): Exclude<OutboxEvent, { type: 'start' | 'retry' | 'cancel' | 'recover' }> {
  const error: OutboxError = { code: result.code ?? 'UNKNOWN', status: result.status };
  if (result.status >= 200 && result.status < 300) return { type: 'ack', response: result.body ?? null };
  if (result.status === 0) return result.code === 'ABORTED' ? { type: 'release' } : { type: 'fail', error };
  if (result.status === 401) return { type: 'release', error };
  if (result.status >= 500 || [408, 425, 429].includes(result.status)) return { type: 'fail', error };
  if (result.status === 409 && result.code === 'IDEMPOTENCY_KEY_IN_USE') return { type: 'fail', error };
  return { type: 'refuse', error };
}

/**
 * The items to send now for `userKey`, oldest first. Only that resident's items: a session never
 * sends what another resident queued. A failed item waits for its back-off unless `force`
 * (the network just came back, or the resident pressed "Probeer opnieuw").
 */
export function dueItems<T extends OutboxItem>(items: readonly T[], userKey: string, now: Date, force = false): T[] {
  return items
    .filter(
      (item) =>
        item.userKey === userKey &&
        (item.state === 'queued' ||
          (item.state === 'failed' && (force || item.nextAttemptAt === null || Date.parse(item.nextAttemptAt) <= now.getTime()))),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The earliest instant a failed item of `userKey` becomes due again, or null. */
export function nextRetryAt(items: readonly OutboxItem[], userKey: string): Date | null {
  const times = items
    .filter((item) => item.userKey === userKey && item.state === 'failed' && item.nextAttemptAt)
    .map((item) => Date.parse(item.nextAttemptAt!));
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

const DAY_MS = 86_400_000;

/**
 * Delivered and cancelled items stay a day so the resident sees "Verstuurd", then go. Refused
 * items stay until the resident removes them: a conflict is shown, not swallowed.
 */
export function isExpired(item: Pick<OutboxItem, 'state' | 'updatedAt'>, now: Date): boolean {
  return (item.state === 'sent' || item.state === 'cancelled') && now.getTime() - Date.parse(item.updatedAt) > DAY_MS;
}
