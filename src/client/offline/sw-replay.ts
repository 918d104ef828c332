/**
 * Outbox replay inside the service worker: for Background Sync (Chromium fires the 'sync' event
 * when the network returns, even with the tab closed) and any other moment the worker chooses.
 * No DOM and no Pinia here: IndexedDB through idb, fetch through api/http.ts.
 *
 * In src/client/sw.ts:
 *   self.addEventListener('sync', (event) => {
 *     if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(replayOutboxFromServiceWorker({ throwIfUnsent: true }));
 *   });
 *
 * Background Sync is in Chromium only (Safari: https://webkit.org/b/182565; Firefox: none), so
 * the page replays on start, on 'online', on becoming visible and after any successful request
 * too (src/client/offline/install.ts); this is an extra, never the only way.
 */
import type { Me } from '../../domain/api';
import { needsUpload } from '../../domain/outbox';
import { ApiError } from '../api/http';
import { sendOutboxItem } from '../api/outbox';
import { fetchMe } from '../api/session';
import { OUTBOX_CHANGED_MESSAGE } from './constants';
import { loketDbExists } from './db';
import { idbOutboxBackend } from './outbox-backend';
import { replayOutbox } from './replayer';

export { OUTBOX_SYNC_TAG } from './constants';

interface WorkerClients {
  matchAll(options: {
    type: 'window';
    includeUncontrolled: boolean;
  }): Promise<Array<{ postMessage(message: unknown): void }>>;
}

/**
 * Sends the signed-in resident's queued items, then tells open pages to refresh their lists.
 * Only that resident's items: GET /api/me (with the session cookie) says who is signed in; with
 * no session everything waits for its resident's next login.
 *
 * `throwIfUnsent`: reject when items are left unsent after a network or server failure, so the
 * browser schedules another 'sync' (Chromium retries a rejected sync a few times with back-off).
 * Otherwise it never rejects.
 */
export async function replayOutboxFromServiceWorker(options: { throwIfUnsent?: boolean } = {}): Promise<void> {
  // A shared device never created the database: do not create it now.
  if (!(await loketDbExists())) return;

  let me: Me;
  try {
    me = await fetchMe();
  } catch (error) {
    // 401: nobody signed in, items wait. Offline: let the browser try the sync again.
    if (options.throwIfUnsent && !(error instanceof ApiError && error.status === 401)) throw error;
    return;
  }

  const report = await replayOutbox({
    backend: idbOutboxBackend(),
    userKey: me.resident.key,
    // The browser only fires 'sync' once it sees a network: do not wait for back-off.
    force: true,
    send: sendOutboxItem,
    // tus needs XMLHttpRequest, which a service worker lacks: a document whose bytes are not all
    // on the server waits for a page. Once uploaded, its registration is a plain request.
    canSend: (item) => !needsUpload(item),
  });

  const clients = (globalThis as unknown as { clients?: WorkerClients }).clients;
  for (const client of (await clients?.matchAll({ type: 'window', includeUncontrolled: true })) ?? []) {
    client.postMessage({ type: OUTBOX_CHANGED_MESSAGE });
  }
  if (options.throwIfUnsent && report.unsent > 0) throw new Error(`${report.unsent} outbox item(s) still unsent`);
}
