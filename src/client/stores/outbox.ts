import { computed, ref, toRaw } from 'vue';
import { defineStore } from 'pinia';
import type { NewOutboxItem, OutboxItem } from '../../domain/outbox';
import { isUnsent, needsAttention } from '../../domain/outbox-state';
import type { OutboxController } from '../offline/outbox-engine';
import { useDeviceStore } from './device';
import { useSessionStore } from './session';

/**
 * "Wacht op verzenden": every change the resident makes goes through here (src/domain/outbox.ts).
 * This store is the small, always-loaded part (the header shows the count); the state machine,
 * storage, idb and sending are in src/client/offline/outbox-engine.ts, loaded on first use.
 */
export const useOutboxStore = defineStore('outbox', () => {
  /**
   * The resident's items. On a personal device a mirror of IndexedDB; on a shared device the
   * only copy (memory), so ending the session (every store is reset) discards them.
   */
  const items = ref<OutboxItem[]>([]);
  /** True while this tab replays */
  const replaying = ref(false);
  /**
   * Shared device with unsent items: the session is about to end ('logout': the resident pressed
   * Uitloggen; 'expiry': the idle timeout is near). The header asks to stay or to leave anyway.
   */
  const leaveWarning = ref<'logout' | 'expiry' | null>(null);

  /** Items the resident should know about: unsent or refused (the count in the header) */
  const attentionCount = computed(() => items.value.filter(needsAttention).length);
  /** Items not delivered yet: lost if a shared session ends now */
  const unsentCount = computed(() => items.value.filter(isUnsent).length);
  /** Newest first, the way a list of things you did reads */
  const visibleItems = computed(() =>
    items.value.filter((item) => item.state !== 'cancelled').sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );

  const session = useSessionStore();
  const device = useDeviceStore();
  let controller: Promise<OutboxController> | null = null;
  const engine = () =>
    (controller ??= import('../offline/outbox-engine').then((module) =>
      module.createOutboxController({
        items,
        replaying,
        // Front-desk help (assist session) is a shared device: nothing persisted on the desk.
        mode: () => (session.me?.assist ? 'shared' : device.mode),
        // Shown and queued for: the signed-in resident, or offline the remembered one...
        ownerKey: () => session.me?.resident.key ?? device.offlineResident?.userKey ?? null,
        // ...but sent only ever under that resident's own session.
        sessionKey: () => session.me?.resident.key ?? null,
        clone: (item) => structuredClone(toRaw(item)),
        // Asking again makes a 401 reach the session module, which ends the session as usual.
        onSessionLost: () => void session.load(),
      }),
    ));

  /** Queues an action and starts sending; rejects when it cannot be kept (then keep the input). */
  async function enqueue<Body>(input: NewOutboxItem<Body>): Promise<OutboxItem<Body>> {
    return (await engine()).enqueue(input);
  }
  /** Reads the resident's items from storage (start, login, the service worker's message). */
  async function refresh(): Promise<void> {
    await (await engine()).refresh();
  }
  /** Sends what is due (one replay per tab at a time); `force` ignores the back-off. */
  async function replay(options: { force?: boolean } = {}): Promise<void> {
    await (await engine()).replay(options.force === true);
  }
  /** "Probeer nu opnieuw": send this one now. */
  async function retry(id: string): Promise<void> {
    await (await engine()).retry(id);
  }
  /** "Niet versturen", or for a refused item "Weghalen uit de lijst". */
  async function cancel(id: string): Promise<void> {
    await (await engine()).cancel(id);
  }
  /** The session ended: stop the retry timer (the reset empties `items`). */
  function stop(): void {
    void controller?.then((c) => c.stop());
  }

  return {
    items,
    replaying,
    leaveWarning,
    attentionCount,
    unsentCount,
    visibleItems,
    enqueue,
    refresh,
    replay,
    retry,
    cancel,
    stop,
  };
});
