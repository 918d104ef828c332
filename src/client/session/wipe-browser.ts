/**
 * Wiping this browser at the end of a session on a shared device (library kiosk, front desk),
 * from the page itself. The server also answers the logout with
 * `Clear-Site-Data: "cache", "cookies", "storage"`, but Safari honours only part of that header
 * (and a logout that failed offline gets no header at all), so the page wipes what it can reach:
 *
 * - Cache Storage: every cache except the Workbox precache of the app shell (build files only,
 *   nothing personal; keeping it lets the kiosk open offline for the next person);
 * - IndexedDB: every database of this origin (indexedDB.databases(); where a browser lacks it,
 *   the databases we know we create);
 * - localStorage and sessionStorage;
 * - in-memory Pinia state (every store back to its initial state).
 *
 * Kept: the device-mode setting (src/domain/device-mode.ts). It is not personal data, and a
 * kiosk that forgot it is a kiosk would let the next person's data be kept on disk. It is
 * written back after localStorage is cleared, also when the server's header already cleared it.
 *
 * Never throws: each part is attempted whatever the others do (storage may be off, a database
 * may be blocked by another tab).
 */
import type { Pinia } from 'pinia';
import { DEVICE_MODE_STORAGE_KEY, serializeDeviceModeSetting } from '../../domain/device-mode';
import { closeLoketDb, DB_NAME } from '../offline/db';
import { deviceSetting } from '../stores/device';
import { resetAllStores } from '../stores/reset';

/**
 * Workbox names its precache `workbox-precache-v2-<scope>` (workbox-core cacheNames; sw.ts uses
 * the default prefix). Everything else is wiped.
 */
export const PRECACHE_PREFIX = 'workbox-precache';

/** The databases this app creates, for browsers without indexedDB.databases(). */
export const KNOWN_DATABASES: readonly string[] = [DB_NAME];

export async function wipeBrowser(pinia: Pinia): Promise<void> {
  // Memory first: it is synchronous, and nothing personal should render while the rest runs.
  resetAllStores(pinia);
  clearWebStorage();
  await Promise.all([wipeCaches(), wipeDatabases()]);
}

/** Clears both web storages, then puts the device-mode setting back (see the top). */
function clearWebStorage(): void {
  for (const storage of [() => globalThis.localStorage, () => globalThis.sessionStorage]) {
    try {
      storage()?.clear();
    } catch {
      // Storage off (private mode, blocked by policy): nothing was kept there either.
    }
  }
  const setting = deviceSetting.value;
  if (!setting) return;
  try {
    localStorage.setItem(DEVICE_MODE_STORAGE_KEY, serializeDeviceModeSetting(setting));
  } catch {
    // The mode still holds in memory for this page.
  }
}

async function wipeCaches(): Promise<void> {
  const storage = globalThis.caches as CacheStorage | undefined;
  if (!storage) return;
  try {
    const names = await storage.keys();
    await Promise.all(names.filter((name) => !name.startsWith(PRECACHE_PREFIX)).map((name) => storage.delete(name)));
  } catch {
    // Cache Storage refused (opaque origin, private mode): there is nothing in it to wipe.
  }
}

async function wipeDatabases(): Promise<void> {
  const factory = globalThis.indexedDB as (IDBFactory & { databases?: () => Promise<IDBDatabaseInfo[]> }) | undefined;
  if (!factory) return;
  // Our own connection would block the delete: close it first.
  await closeLoketDb().catch(() => undefined);
  let names: string[] = [...KNOWN_DATABASES];
  if (typeof factory.databases === 'function') {
    try {
      const listed = (await factory.databases()).map((info) => info.name).filter((name): name is string => !!name);
      names = [...new Set([...listed, ...KNOWN_DATABASES])];
    } catch {
      // Keep the known names.
    }
  }
  await Promise.all(names.map((name) => deleteDatabase(factory, name)));
}

/** A delete that never reports (a broken IndexedDB) must not keep the session from ending. */
const DELETE_TIMEOUT_MS = 2_000;

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    setTimeout(resolve, DELETE_TIMEOUT_MS);
    try {
      const request = factory.deleteDatabase(name);
      // 'blocked': another tab (or the service worker) still has it open; the delete completes
      // when that lets go (db.ts closes on 'versionchange'). Do not wait for a tab we cannot reach.
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}
