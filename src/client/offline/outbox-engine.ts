/**
 * The page's side of the outbox, loaded on first use (after the first paint), so the state
 * machine, idb and the replayer are in no route's first load. stores/outbox.ts is the thin,
 * always-loaded part and hands its state to this controller.
 */
import type { Ref } from 'vue';
import { mayPersistPersonalData, type DeviceMode } from '../../domain/device-mode';
import {
  applyOutboxEvent,
  createOutboxItem,
  needsUpload,
  nextRetryAt,
  type NewOutboxItem,
  type OutboxEvent,
  type OutboxItem,
  type SendResult,
} from '../../domain/outbox';
import { sendOutboxItem } from '../api/outbox';
import { OUTBOX_SYNC_TAG } from './constants';
import { openLoketDb } from './db';
import { idbOutboxBackend, memoryOutboxBackend, type OutboxBackend } from './outbox-backend';
import { uploadDocument } from './document-uploads';
import { replayOutbox, type SendSteps } from './replayer';

export type { OutboxBackend } from './outbox-backend';

/**
 * A document with bytes still to upload goes through tus first (document-uploads.ts);
 * everything else, a document's registration included, is one request.
 */
async function send(item: OutboxItem, steps: SendSteps): Promise<SendResult> {
  if (needsUpload(item)) {
    const uploaded = await uploadDocument(item, steps);
    if ('failed' in uploaded) return uploaded.failed;
    item = uploaded.item;
  }
  return sendOutboxItem(item);
}

export interface OutboxContext {
  items: Ref<OutboxItem[]>;
  replaying: Ref<boolean>;
  mode: () => DeviceMode;
  /** Whose items to show and queue */
  ownerKey: () => string | null;
  /** Whose items to send: the signed-in resident only */
  sessionKey: () => string | null;
  /** A plain copy of an item (Vue's proxies cannot be stored as they are) */
  clone: (item: OutboxItem) => OutboxItem;
  /** A send answered 401: let the session module find out and end the session */
  onSessionLost: () => void;
}

let testBackend: OutboxBackend | null = null;

/** Component tests: use this backend whatever the mode (happy-dom has no IndexedDB). */
export function useOutboxBackendForTests(backend: OutboxBackend | null): void {
  testBackend = backend;
}

export function createOutboxController(ctx: OutboxContext) {
  const memory = memoryOutboxBackend(ctx.items, ctx.clone);
  // Some browsers refuse IndexedDB (Firefox private windows before 115, storage turned off):
  // then even a personal device keeps its outbox in memory for this page, rather than none.
  let idbUsable: boolean | null = null;
  const personal = async (): Promise<OutboxBackend> => {
    idbUsable ??= await openLoketDb().then(
      () => true,
      () => false,
    );
    return idbUsable ? idbOutboxBackend() : memory;
  };
  // IndexedDB on a personal device; the store's own state on a shared one.
  const backend = async (): Promise<OutboxBackend> =>
    testBackend ?? (mayPersistPersonalData(ctx.mode()) ? personal() : memory);

  /** Keeps the store's list in step with storage (for the memory backend it is the storage). */
  function mirror(item: OutboxItem): void {
    if (item.userKey !== ctx.ownerKey()) return;
    const others = ctx.items.value.filter((existing) => existing.id !== item.id);
    ctx.items.value = [...others, item];
  }

  async function refresh(): Promise<void> {
    const key = ctx.ownerKey();
    if (!key) return;
    const list = await (await backend()).list(key);
    if (ctx.ownerKey() === key) ctx.items.value = list;
  }

  async function enqueue<Body>(input: NewOutboxItem<Body>): Promise<OutboxItem<Body>> {
    // Offline on a personal device the remembered resident may queue: the item is still sent
    // only under their own session, once they are back online and signed in.
    const key = ctx.ownerKey();
    if (!key) throw new Error('Only a known resident can queue an action');
    const item = createOutboxItem(
      input,
      { id: crypto.randomUUID(), idempotencyKey: crypto.randomUUID(), userKey: key },
      new Date(),
    );
    await (await backend()).put(item);
    mirror(item);
    if (mayPersistPersonalData(ctx.mode())) void requestBackgroundSync();
    void replay(false);
    return item;
  }

  async function change(id: string, event: OutboxEvent): Promise<void> {
    const store = await backend();
    const current = await store.get(id);
    if (!current) return;
    const next = applyOutboxEvent(current, event, new Date());
    await store.put(next);
    mirror(next);
  }

  let running: Promise<void> | null = null;
  let again = false;
  let againForced = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * One replay per tab at a time: a call during a replay asks for one more round after it
   * (something may have been queued after the running one read the list).
   */
  function replay(force: boolean): Promise<void> {
    if (running) {
      again = true;
      againForced ||= force;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const key = ctx.sessionKey();
          if (!key) return;
          ctx.replaying.value = true;
          const report = await replayOutbox({
            backend: await backend(),
            userKey: key,
            force,
            onChange: mirror,
            send,
          });
          if (report.sessionLost) ctx.onSessionLost();
          force = againForced;
          againForced = false;
        } while (again);
      } finally {
        ctx.replaying.value = false;
        running = null;
        scheduleRetry();
      }
    })();
    return running;
  }

  /** After a failure, try again when its back-off ends (while this page is open). */
  function scheduleRetry(): void {
    clearTimeout(timer);
    const key = ctx.sessionKey();
    const at = key ? nextRetryAt(ctx.items.value, key) : null;
    if (at) timer = setTimeout(() => void replay(false), Math.max(at.getTime() - Date.now(), 1_000));
  }

  return {
    enqueue,
    refresh,
    replay,
    async retry(id: string) {
      await change(id, { type: 'retry' });
      await replay(true);
    },
    cancel: (id: string) => change(id, { type: 'cancel' }),
    stop: () => clearTimeout(timer),
  };
}

export type OutboxController = ReturnType<typeof createOutboxController>;

/**
 * Asks the service worker for a 'sync' event when the network is back (Chromium). getRegistration
 * rather than `ready`, which never settles on a page without a service worker.
 */
async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (
      registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
    )?.sync;
    if (registration?.active && sync) await sync.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not allowed (the user turned it off) or not supported: the page's own triggers remain.
  }
}
