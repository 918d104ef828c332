/**
 * The one IndexedDB database of a personal device (never opened in shared mode), through `idb`
 * (promises over IndexedDB, ~1.2 KiB gzip, loaded lazily with the outbox and the offline copy).
 *
 * - outbox: queued actions, all residents of this device, by `userKey` (src/domain/outbox.ts)
 * - offlineData: each resident's last known data ('applications', 'application:<id>'), for
 *   reading offline; key [userKey, key]
 * - lastResident: who was signed in last (name, municipality, resident key), so the app can open
 *   offline with that resident's data; one record under the key 'last'
 *
 * Also used by the service worker (sw-replay.ts): nothing here may touch the DOM.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Me } from '../../domain/api';
import type { OutboxItem } from '../../domain/outbox';

export const DB_NAME = 'loket';
const DB_VERSION = 1;

export interface OfflineCopy<T = unknown> {
  userKey: string;
  key: string;
  data: T;
  /** When the server gave us this data (ISO instant): "Laatst bijgewerkt" */
  savedAt: string;
}

/** The last signed-in resident, without the session's expiry times (they mean nothing offline). */
export interface RememberedResident {
  userKey: string;
  resident: Me['resident'];
  elsewhere: Me['elsewhere'];
  savedAt: string;
}

interface LoketDB extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byUser: string } };
  offlineData: { key: [string, string]; value: OfflineCopy; indexes: { byUser: string } };
  lastResident: { key: string; value: RememberedResident };
}

export type LoketDatabase = IDBPDatabase<LoketDB>;

let opening: Promise<LoketDatabase> | null = null;

export function openLoketDb(): Promise<LoketDatabase> {
  opening ??= openDB<LoketDB>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byUser', 'userKey');
      db.createObjectStore('offlineData', { keyPath: ['userKey', 'key'] }).createIndex('byUser', 'userKey');
      db.createObjectStore('lastResident');
    },
    // Another tab (or the service worker) wants a newer version, or to delete the database:
    // step aside, the next use opens it again.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Closes this context's connection (before deleting the database). */
export async function closeLoketDb(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current.catch(() => null))?.close();
}

/**
 * Does the database exist? Asked before opening it where opening would create it for nothing
 * (the service worker on a kiosk). indexedDB.databases() is in Chromium 71+, Safari 14+ and
 * Firefox 126+; where it is missing we assume it exists, which only costs an empty database.
 */
export async function loketDbExists(): Promise<boolean> {
  const factory = globalThis.indexedDB as (IDBFactory & { databases?: () => Promise<IDBDatabaseInfo[]> }) | undefined;
  if (!factory) return false;
  if (typeof factory.databases !== 'function') return true;
  try {
    return (await factory.databases()).some((info) => info.name === DB_NAME);
  } catch {
    return true;
  }
}
