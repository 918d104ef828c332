/**
 * The unread count in the menu. Kept apart from the inbox store (stores/notifications.ts) so
 * that every page's first load carries only this, not the inbox and its API calls.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { UnreadCount } from '../../domain/notification-api';
import { getJson } from '../api/http';

export const useInboxCountStore = defineStore('inbox-count', () => {
  const unread = ref(0);

  /** Quiet on failure: offline or signed out, the menu keeps what it had. */
  async function refresh(): Promise<void> {
    try {
      unread.value = (await getJson<UnreadCount>('/api/notifications/unread')).unread;
    } catch {
      // see above
    }
  }

  return { unread, refresh };
});

/**
 * The service worker tells open pages when a push arrived (src/client/sw.ts): the menu's count
 * and an open inbox catch up at once.
 */
export function listenForPushes(onPush: () => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  const listener = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'LOKET_PUSH') onPush();
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
