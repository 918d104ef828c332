/**
 * The outbox's states and the few questions the always-loaded UI asks about them (the count in
 * the header, the warning before a shared session ends). Apart from outbox.ts, the state machine,
 * so that the first load carries only this.
 */

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'refused' | 'cancelled';

/** Not delivered yet (and not given up): lost if a shared session ends now. */
export function isUnsent(item: { state: OutboxState }): boolean {
  return item.state === 'queued' || item.state === 'sending' || item.state === 'failed';
}

/** Shown in the "Wacht op verzenden" count: unsent, or refused and not yet seen to. */
export function needsAttention(item: { state: OutboxState }): boolean {
  return isUnsent(item) || item.state === 'refused';
}

/**
 * Unsent items older than this warn the resident: Safari deletes all of a site's script-written
 * storage, IndexedDB included, after 7 days of browser use without a visit to the site (WebKit,
 * "Full Third-Party Cookie Blocking and More", March 2020; web apps added to the home screen
 * count their own days of use). Five days leaves two to act.
 */
export const STALE_AFTER_DAYS = 5;

export function isStale(item: { state: OutboxState; createdAt: string }, now: Date): boolean {
  return isUnsent(item) && now.getTime() - Date.parse(item.createdAt) > STALE_AFTER_DAYS * 86_400_000;
}

/**
 * An unsent item older than this is not sent any more: it is shown as refused ("too old to
 * send, please do it again"), because what it asks (a question about last month, a booking)
 * may no longer make sense, and because the server keeps idempotency keys for a bounded time.
 */
export const OUTBOX_MAX_AGE_DAYS = 30;

/**
 * How long the server keeps an idempotency key and its answer: longer than an outbox item may
 * wait, so a replay after a lost answer, however late, gets the stored answer instead of doing
 * the action twice (two days more for clocks and time zones).
 */
export const IDEMPOTENCY_KEY_LIFETIME_DAYS = OUTBOX_MAX_AGE_DAYS + 2;

/** The error code a too-old item is refused with (by the client itself, never sent). */
export const OUTBOX_TOO_OLD = 'OUTBOX_ITEM_TOO_OLD';

export function isTooOldToSend(item: { createdAt: string }, now: Date): boolean {
  return now.getTime() - Date.parse(item.createdAt) > OUTBOX_MAX_AGE_DAYS * 86_400_000;
}
