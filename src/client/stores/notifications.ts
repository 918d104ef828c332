/**
 * The signed-in resident's messages (personal data: reset at logout by the reset plugin). The
 * unread count is small and loaded with the app for the menu; the list comes with the inbox
 * page. On a personal device the last list is kept for reading offline (personal-copy.ts).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { InboxMessage } from '../../domain/notification-api';
import { errorCodeOf, isAborted } from '../api/http';
import { fetchInbox, markAllRead, markMessageRead } from '../api/notifications';
import { keepOfflineCopy, readOfflineCopy } from '../offline/personal-copy';
import { listenForPushes, useInboxCountStore } from './inbox-count';

const OFFLINE_KEY = 'notifications';

export const useNotificationsStore = defineStore('notifications', () => {
  /** Newest first; null until loaded */
  const messages = ref<InboxMessage[] | null>(null);
  /** For the menu: the count lives in its own small store, which the header loads */
  const count = useInboxCountStore();
  const unread = computed({ get: () => count.unread, set: (n: number) => void (count.unread = n) });
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const errorCode = ref<string | null>(null);
  /** Shown from the offline copy: when the server gave it */
  const offlineSavedAt = ref<string | null>(null);

  async function load(): Promise<void> {
    status.value = messages.value ? 'ready' : 'loading';
    errorCode.value = null;
    try {
      const inbox = await fetchInbox();
      messages.value = inbox.messages;
      unread.value = inbox.unread;
      offlineSavedAt.value = null;
      status.value = 'ready';
      keepOfflineCopy(OFFLINE_KEY, inbox);
    } catch (error) {
      if (isAborted(error)) return;
      errorCode.value = errorCodeOf(error);
      if (errorCode.value === 'NETWORK_ERROR') {
        const copy = await readOfflineCopy<{ messages: InboxMessage[]; unread: number }>(OFFLINE_KEY);
        if (copy) {
          messages.value = copy.data.messages;
          unread.value = copy.data.unread;
          offlineSavedAt.value = copy.savedAt;
          status.value = 'ready';
          return;
        }
      }
      status.value = 'error';
    }
  }

  const refreshUnread = () => count.refresh();

  async function markRead(id: string): Promise<void> {
    const message = messages.value?.find((m) => m.id === id);
    if (!message || message.read) return;
    message.read = true;
    unread.value = Math.max(0, unread.value - 1);
    try {
      unread.value = (await markMessageRead(id)).unread;
    } catch {
      // Offline: it shows as read here; the server still counts it until next time.
    }
  }

  async function markEverythingRead(): Promise<void> {
    for (const message of messages.value ?? []) message.read = true;
    unread.value = 0;
    try {
      await markAllRead();
    } catch {
      // as above
    }
  }

  return { messages, unread, status, errorCode, offlineSavedAt, load, refreshUnread, markRead, markEverythingRead };
});

/** An open inbox catches up when a push arrives (the menu's count does so in AppHeader). */
export function listenForPushesInInbox(store: ReturnType<typeof useNotificationsStore>): () => void {
  return listenForPushes(() => {
    if (store.messages) void store.load();
  });
}
