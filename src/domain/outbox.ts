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
 *
 * A document (kind 'document') carries its file and is sent in two phases within 'sending':
 * first the bytes (tus, resumable), then the registration request with the Idempotency-Key.
 * The upload phase is recorded on the item, not as states of its own, so every rule above
 * holds for documents too:
 *
 *   sending ──upload-progress (tus URL, offset)──▶ sending      (a resume asks that URL: HEAD)
 *   sending ──upload-complete (registration body)─▶ sending     (only the request remains)
 *
 * A cut-off document send recovers like any other: back to queued, and the next start resumes
 * the upload where the server's offset says, or, once complete, only sends the registration.
 */

import type { OutboxState } from './outbox-state';

export type { OutboxState } from './outbox-state';
export { isStale, isUnsent, STALE_AFTER_DAYS } from './outbox-state';

/** What the action is; the list shows it in words. Open for the features still to come. */
type OutboxKind = 'question' | 'document' | 'upload' | 'booking' | 'cancel-booking' | 'home-visit' | (string & {});

type OutboxMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface OutboxError {
  /** Error code as in src/domain/error-codes.ts (NETWORK_ERROR when no answer came) */
  code: string;
  /** HTTP status; 0 when no answer came */
  status: number;
}

/**
 * The file of a document item and how far its upload got (tus, https://tus.io/protocols/resumable-upload).
 *
 * `bytes` is an ArrayBuffer, never a Blob or File: WebKit has a long record of Blobs in
 * IndexedDB that fail to store ("UnknownError: Error preparing Blob/File data to be stored in
 * object store", iOS 11 to 17) or to read back ("WebKitBlobResource error 1"; most recently
 * https://bugs.webkit.org/show_bug.cgi?id=292142, iOS 18.4: reading a stored Blob kills the
 * networking process). An ArrayBuffer is plain structured-clone data in every engine.
 */
interface OutboxUpload {
  /** The file; null once delivered or cancelled (nothing left to send, memory freed) */
  bytes: ArrayBuffer | null;
  size: number;
  contentType: string;
  fileName: string;
  /** tus creation endpoint and its Upload-Metadata */
  endpoint: string;
  metadata: Record<string, string>;
  /** The tus upload URL once created: a resume continues at the offset the server reports */
  url: string | null;
  /** Bytes the server confirmed at the last checkpoint (to show "paused at 40%") */
  offset: number;
  /** All bytes are on the server: only the item's own request (the registration) remains */
  complete: boolean;
}

/**
 * One queued action. Plain data (times as ISO strings) so it fits IndexedDB, Pinia state and
 * postMessage alike. `Body` is JSON; a document's file is in `upload`.
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
  /** A file to upload before the request is sent (documents); absent or null otherwise */
  upload?: OutboxUpload | null;
}

type NewOutboxUpload = Pick<OutboxUpload, 'size' | 'contentType' | 'fileName' | 'endpoint' | 'metadata'> & {
  bytes: ArrayBuffer;
};

export interface NewOutboxItem<Body = unknown> {
  kind: OutboxKind;
  method: OutboxMethod;
  url: string;
  body: Body;
  subject?: string | null;
  upload?: NewOutboxUpload;
}

/** The item still has bytes to upload before its request can go. */
export function needsUpload(item: Pick<OutboxItem, 'upload'>): boolean {
  return item.upload != null && !item.upload.complete;
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
    upload: input.upload ? { ...input.upload, url: null, offset: 0, complete: false } : null,
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
  | { type: 'recover' }
  | { type: 'upload-progress'; url: string | null; offset: number }
  | { type: 'upload-complete'; body: unknown };

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
  // The upload phase of a document happens while it is being sent, and only before its bytes
  // are all on the server (needsUpload); checked in applyOutboxEvent.
  'upload-progress': ['sending'],
  'upload-complete': ['sending'],
};

export class OutboxTransitionError extends Error {
  constructor(message: string) {
    super(message);
    // Assigned here, not as a class field: a field would pull a helper into the first load.
    this.name = 'OutboxTransitionError';
  }
}

function canApply(item: Pick<OutboxItem, 'state' | 'upload'>, type: OutboxEvent['type']): boolean {
  if ((type === 'upload-progress' || type === 'upload-complete') && !needsUpload(item)) return false;
  // A document is registered only once all its bytes are on the server.
  if (type === 'ack' && needsUpload(item)) return false;
  return ALLOWED[type].includes(item.state);
}

/** Delivered or given up: the file is not needed any more. */
const withoutBytes = (upload: OutboxUpload | null | undefined) => (upload ? { ...upload, bytes: null } : upload);

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
      return {
        ...next,
        state: 'sent',
        response: event.response,
        lastError: null,
        nextAttemptAt: null,
        upload: withoutBytes(item.upload),
      };
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
      return { ...next, state: 'cancelled', nextAttemptAt: null, upload: withoutBytes(item.upload) };
    case 'recover':
      return { ...next, state: 'queued' };
    case 'upload-progress':
      return { ...next, upload: { ...item.upload!, url: event.url, offset: event.offset } };
    case 'upload-complete':
      return {
        ...next,
        body: event.body as Body,
        upload: { ...item.upload!, offset: item.upload!.size, complete: true },
      };
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
 * - 429 DAILY_UPLOAD_LIMIT: no back-off of minutes helps (the limit counts 24 hours), so it is
 *   refused and shown: the resident chooses to send it again later or to call.
 * - Any other 4xx (CASE_CLOSED, NOT_FOUND, VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED...): the
 *   server refuses it for good. It is shown with the reason and a next step, never dropped.
 */
export function outcomeOf(
  result: SendResult,
): Exclude<OutboxEvent, { type: 'start' | 'retry' | 'cancel' | 'recover' | 'upload-progress' | 'upload-complete' }> {
  const error: OutboxError = { code: result.code ?? 'UNKNOWN', status: result.status };
  if (result.status >= 200 && result.status < 300) return { type: 'ack', response: result.body ?? null };
  if (result.status === 0) return result.code === 'ABORTED' ? { type: 'release' } : { type: 'fail', error };
  if (result.status === 401) return { type: 'release', error };
  if (result.code === 'DAILY_UPLOAD_LIMIT') return { type: 'refuse', error };
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
          (item.state === 'failed' &&
            (force || item.nextAttemptAt === null || Date.parse(item.nextAttemptAt) <= now.getTime()))),
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
