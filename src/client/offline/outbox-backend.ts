/**
 * Where outbox items are kept. Personal device: IndexedDB, so they survive a closed tab, a
 * restart and a logout (they wait for the same resident's next login). Shared device: memory
 * only, in the outbox store's own state, so ending the session (which resets every store) is
 * what discards them.
 */
import type { OutboxItem } from '../../domain/outbox';
import { openLoketDb } from './db';

export interface OutboxBackend {
  /** All items of one resident */
  list(userKey: string): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
}

export function idbOutboxBackend(): OutboxBackend {
  return {
    async list(userKey) {
      return (await openLoketDb()).getAllFromIndex('outbox', 'byUser', userKey);
    },
    async get(id) {
      return (await openLoketDb()).get('outbox', id);
    },
    async put(item) {
      await (await openLoketDb()).put('outbox', item);
    },
    async remove(id) {
      await (await openLoketDb()).delete('outbox', id);
    },
  };
}

/**
 * Items in the outbox store's state (or any `{ value }` holder). `copy` makes plain copies in and
 * out, as IndexedDB's structured clone does, so both backends behave the same (an upload's
 * ArrayBuffer included); the store passes one that unwraps Vue's proxies first.
 */
export function memoryOutboxBackend(
  holder: { value: OutboxItem[] },
  copy: (item: OutboxItem) => OutboxItem = (item) => structuredClone(item),
): OutboxBackend {
  return {
    async list(userKey) {
      return holder.value.filter((item) => item.userKey === userKey).map(copy);
    },
    async get(id) {
      const found = holder.value.find((item) => item.id === id);
      return found && copy(found);
    },
    async put(item) {
      holder.value = [...holder.value.filter((existing) => existing.id !== item.id), copy(item)];
    },
    async remove(id) {
      holder.value = holder.value.filter((existing) => existing.id !== id);
    },
  };
}
