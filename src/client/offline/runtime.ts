/**
 * The offline machinery that may wait for the first paint (install.ts loads it after 'load'):
 *
 * - when the outbox replays: at start and at every login (a watch on the resident), on 'online',
 *   when the page becomes visible, after any successful API request, when the service worker
 *   says it replayed, and on the back-off timer (outbox-engine.ts). Background Sync (Chromium)
 *   is requested per queued item; Safari and Firefox lack it, so it is never the only way.
 * - a personal device remembers who signed in, for reading offline (offline-data.ts).
 * - a shared device warns before its memory-only outbox could be lost (tab closed, idle expiry).
 */
import { watch } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { onApiSuccess } from '../api/http';
import { expireSession } from '../session/end-session';
import { setOnline, useDeviceStore } from '../stores/device';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { OUTBOX_CHANGED_MESSAGE } from './constants';
import { provideDocumentTransport } from './document-uploads';
import { purgeOldData, rememberResident } from './offline-data';

/** Warn this long before a shared session's idle expiry when actions are still unsent. */
const EXPIRY_WARNING_MS = 2 * 60_000;

/** Starts it all; returns a function that stops it again (tests). */
export function startOfflineRuntime(pinia: Pinia, router: Router): () => void {
  const device = useDeviceStore(pinia);
  const session = useSessionStore(pinia);
  const outbox = useOutboxStore(pinia);
  const cleanups: Array<() => void> = [];
  // Documents in the outbox upload their bytes with tus: loaded when one is due (see document-uploads.ts).
  provideDocumentTransport(() => import('../documents/transport'));
  cleanups.push(() => provideDocumentTransport(null));
  const listen = (target: EventTarget | undefined, type: string, listener: (event: Event) => void) => {
    target?.addEventListener(type, listener);
    cleanups.push(() => target?.removeEventListener(type, listener));
  };

  // Someone signed in (start, login, back online): remember them on a personal device, then
  // their outbox. Signed out: stop the outbox's timer.
  cleanups.push(
    watch(
      () => session.me?.resident.key ?? null,
      async (key) => {
        if (!key) {
          outbox.stop();
          return;
        }
        device.offlineResident = null;
        // Front-desk help (assist session): the desk's browser keeps nothing of the resident.
        if (device.mode === 'personal' && session.me && !session.me.assist) {
          await rememberResident(session.me).catch(() => undefined);
          await purgeOldData().catch(() => undefined);
        }
        await outbox.refresh().catch(() => undefined);
        await outbox.replay();
      },
      { immediate: true },
    ),
  );
  // Offline at start on a personal device: show the remembered resident's waiting items too.
  cleanups.push(
    watch(
      () => device.offlineResident?.userKey,
      (key) => {
        if (key && !session.me) void outbox.refresh().catch(() => undefined);
      },
      { immediate: true },
    ),
  );

  listen(window, 'online', () => {
    setOnline(true);
    void backOnline();
  });
  listen(window, 'offline', () => setOnline(false));
  listen(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible' && session.me) void outbox.replay();
  });
  cleanups.push(
    onApiSuccess(() => {
      if (outbox.unsentCount > 0) setTimeout(() => void outbox.replay(), 0);
    }),
  );
  listen(navigator.serviceWorker, 'message', (event) => {
    if ((event as MessageEvent<{ type?: string } | null>).data?.type === OUTBOX_CHANGED_MESSAGE) void outbox.refresh();
  });

  /** The network is back: is the session still there? Then send (pages showing an offline copy
   * refresh themselves: components/offline/OfflineNotice.vue). */
  async function backOnline(): Promise<void> {
    await session.load();
    if (!session.me) {
      // Read offline, but the session ended meanwhile: the items wait for the next login.
      if (device.offlineResident && session.status === 'anonymous') await expireSession(pinia, router);
      return;
    }
    void outbox.replay({ force: true });
  }

  // A shared device keeps unsent actions in memory only: closing the tab loses them. The
  // browser's own "leave site?" dialog is the one warning a closing tab can still give.
  listen(window, 'beforeunload', (event) => {
    if (device.mode === 'shared' && outbox.unsentCount > 0) event.preventDefault();
  });

  // ...and the session's idle expiry would lose them too: warn two minutes before.
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  cleanups.push(
    watch(
      [() => session.me?.session.idleExpiresAt, () => outbox.unsentCount, () => device.mode],
      ([idleExpiresAt, unsent, mode]) => {
        clearTimeout(expiryTimer);
        if (unsent === 0 && outbox.leaveWarning === 'expiry') outbox.leaveWarning = null;
        if (!idleExpiresAt || unsent === 0 || mode !== 'shared') return;
        const wait = Date.parse(idleExpiresAt) - Date.now() - EXPIRY_WARNING_MS;
        expiryTimer = setTimeout(() => (outbox.leaveWarning = 'expiry'), Math.max(wait, 0));
      },
      { immediate: true },
    ),
  );
  cleanups.push(() => clearTimeout(expiryTimer));

  return () => cleanups.forEach((cleanup) => cleanup());
}
