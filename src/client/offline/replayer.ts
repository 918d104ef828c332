/**
 * Sends what waits in the outbox, for one resident, one item at a time, oldest first. Used by
 * the page (stores/outbox.ts, through outbox-engine.ts) and by the service worker (sw-replay.ts).
 *
 * One replay at a time across tabs and the service worker: the Web Locks API
 * (navigator.locks, also on WorkerNavigator; in every engine since March 2022, see
 * https://w3c.github.io/web-locks/) serialises them under one lock name. Without it (older
 * Safari) two contexts may send the same item at once; the server's Idempotency-Key handling
 * makes that harmless (the second gets 409 IDEMPOTENCY_KEY_IN_USE or the stored first answer).
 */
import {
  applyOutboxEvent,
  dueItems,
  outcomeOf,
  type OutboxEvent,
  type OutboxItem,
  type SendResult,
} from '../../domain/outbox';
import { isTooOldToSend, OUTBOX_TOO_OLD } from '../../domain/outbox-state';
import type { OutboxBackend } from './outbox-backend';

/**
 * What a send may do before it settles: record the steps of a document's upload (its tus URL,
 * the offset, completion) through the state machine, saved at once so that a closed tab resumes
 * from there. Returns the item as saved.
 */
export interface SendSteps {
  record(event: Extract<OutboxEvent, { type: 'upload-progress' | 'upload-complete' }>): Promise<OutboxItem>;
}

export const OUTBOX_LOCK_NAME = 'loket-outbox';

export interface ReplayOptions {
  backend: OutboxBackend;
  userKey: string;
  /** Ignore the back-off of failed items (network just came back, or the resident asked) */
  force?: boolean;
  send: (item: OutboxItem, steps: SendSteps) => Promise<SendResult>;
  /**
   * Items this context cannot send are left for another (the service worker has no
   * XMLHttpRequest for tus, so it leaves documents with bytes still to upload to the page).
   */
  canSend?: (item: OutboxItem) => boolean;
  /** Called after every change of an item, so a list on screen follows along */
  onChange?: (item: OutboxItem) => void;
  now?: () => Date;
}

export interface ReplayReport {
  sent: OutboxItem[];
  refused: OutboxItem[];
  /** Items of this resident still waiting after the replay (failed, or queued behind them) */
  unsent: number;
  /** The server said 401: this resident's session is gone, the items wait for the next login */
  sessionLost: boolean;
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function lockManager(): LockManagerLike | undefined {
  return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
}

/** Runs `task` holding the outbox lock (waits for another holder), or directly without Web Locks. */
function withOutboxLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? locks.request(OUTBOX_LOCK_NAME, task) : task();
}

export function replayOutbox(options: ReplayOptions): Promise<ReplayReport> {
  return withOutboxLock(() => replayHoldingLock(options));
}

async function replayHoldingLock({
  backend,
  userKey,
  force = false,
  send,
  canSend = () => true,
  onChange,
  now = () => new Date(),
}: ReplayOptions): Promise<ReplayReport> {
  const report: ReplayReport = { sent: [], refused: [], unsent: 0, sessionLost: false };
  const save = async (item: OutboxItem) => {
    await backend.put(item);
    onChange?.(item);
    return item;
  };

  // Holding the lock, nobody else is sending: an item still 'sending' was cut off (tab closed,
  // worker stopped) and goes again with the same key. Without Web Locks this may re-send an
  // item another tab is sending right now; the server's idempotency keeps that to one effect.
  for (const item of await backend.list(userKey)) {
    if (item.state === 'sending') await save(applyOutboxEvent(item, { type: 'recover' }, now()));
  }

  // Each item at most once per replay, or a forced replay against a failing server never ends.
  const tried = new Set<string>();
  for (;;) {
    // Read again every round: another tab may have cancelled or queued something meanwhile.
    const next = dueItems(await backend.list(userKey), userKey, now(), force).find(
      (item) => !tried.has(item.id) && canSend(item),
    );
    if (!next) break;
    tried.add(next.id);
    let sending = await save(applyOutboxEvent(next, { type: 'start' }, now()));
    if (isTooOldToSend(sending, now())) {
      // Never sent: the resident sees it refused as too old and can do it again.
      const refused = await save(
        applyOutboxEvent(sending, { type: 'refuse', error: { code: OUTBOX_TOO_OLD, status: 0 } }, now()),
      );
      report.refused.push(refused);
      continue;
    }
    const steps: SendSteps = {
      record: async (event) => (sending = await save(applyOutboxEvent(sending, event, now()))),
    };
    const outcome = outcomeOf(await send(sending, steps));
    const settled = await save(applyOutboxEvent(sending, outcome, now()));
    if (settled.state === 'sent') report.sent.push(settled);
    if (settled.state === 'refused') report.refused.push(settled);
    // No network, or no session for this resident: the rest would fare no better. Stop.
    if (outcome.type === 'release') {
      report.sessionLost = outcome.error?.status === 401;
      break;
    }
    if (outcome.type === 'fail' && outcome.error.status === 0) break;
  }

  report.unsent = dueItems(await backend.list(userKey), userKey, now(), true).filter(canSend).length;
  return report;
}
