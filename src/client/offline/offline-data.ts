/**
 * A personal device's copy of the resident's last known data, for reading offline. Only ever
 * called in personal mode (the callers check src/domain/device-mode.ts mayPersistPersonalData);
 * a shared device never opens the database at all.
 *
 * Privacy choices (README "Offline"):
 * - Per resident (`resident.key`, opaque, not the BSN). Another resident signing in on the same
 *   device removes the previous resident's copy: a phone that is lent is a shared device.
 * - Explicit logout removes the resident's copy and the remembered resident (their unsent outbox
 *   items stay: they wait for that resident's next login). An expired session keeps them: the
 *   resident did not leave, and reading on the bus later is the point of the copy.
 * - Nothing older than 30 days is kept: a copy that old misleads more than it helps.
 */
import type { Me } from '../../domain/api';
import { isExpired } from '../../domain/outbox';
import { closeLoketDb, loketDbExists, openLoketDb, DB_NAME, type OfflineCopy, type RememberedResident } from './db';

export const OFFLINE_COPY_MAX_AGE_DAYS = 30;
const LAST = 'last';

export async function saveOfflineCopy<T>(userKey: string, key: string, data: T, now = new Date()): Promise<void> {
  // JSON round trip: store state may hold Vue proxies, which structured clone refuses.
  const plain = JSON.parse(JSON.stringify(data)) as T;
  await (await openLoketDb()).put('offlineData', { userKey, key, data: plain, savedAt: now.toISOString() });
}

export async function readOfflineCopy<T>(userKey: string, key: string): Promise<OfflineCopy<T> | null> {
  if (!(await loketDbExists())) return null;
  return ((await (await openLoketDb()).get('offlineData', [userKey, key])) as OfflineCopy<T> | undefined) ?? null;
}

/** Remembers who is signed in, so the app can open offline with their data. */
export async function rememberResident(me: Me, now = new Date()): Promise<void> {
  const db = await openLoketDb();
  const record: RememberedResident = {
    userKey: me.resident.key,
    resident: JSON.parse(JSON.stringify(me.resident)) as Me['resident'],
    elsewhere: JSON.parse(JSON.stringify(me.elsewhere)) as Me['elsewhere'],
    savedAt: now.toISOString(),
  };
  await db.put('lastResident', record, LAST);
  // Copies of anyone else on this device go too (see the top of this file).
  const tx = db.transaction('offlineData', 'readwrite');
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.userKey !== me.resident.key) await cursor.delete();
  }
  await tx.done;
}

export async function rememberedResident(): Promise<RememberedResident | null> {
  if (!(await loketDbExists())) return null;
  return (await (await openLoketDb()).get('lastResident', LAST)) ?? null;
}

async function removeOfflineCopies(userKey: string): Promise<void> {
  const db = await openLoketDb();
  const tx = db.transaction('offlineData', 'readwrite');
  for (let cursor = await tx.store.index('byUser').openCursor(userKey); cursor; cursor = await cursor.continue()) {
    await cursor.delete();
  }
  await tx.done;
}

/** Explicit logout: the resident's copy and the remembered resident go; their outbox stays. */
export async function wipeResidentData(userKey: string): Promise<void> {
  if (!(await loketDbExists())) return;
  await removeOfflineCopies(userKey);
  const db = await openLoketDb();
  if ((await db.get('lastResident', LAST))?.userKey === userKey) await db.delete('lastResident', LAST);
}

/** The device became shared: nothing personal may stay, unsent items included. */
export async function wipeDevice(): Promise<void> {
  await closeLoketDb();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    // 'blocked' means another tab still has it open; the delete completes when that tab lets go
    // (db.ts closes on 'versionchange'), so resolve rather than wait for a tab we cannot reach.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** At start: drop copies older than 30 days and outbox items done with for a day. */
export async function purgeOldData(now = new Date()): Promise<void> {
  if (!(await loketDbExists())) return;
  const db = await openLoketDb();
  const oldest = now.getTime() - OFFLINE_COPY_MAX_AGE_DAYS * 86_400_000;
  const tx = db.transaction(['offlineData', 'outbox', 'lastResident'], 'readwrite');
  for (let cursor = await tx.objectStore('offlineData').openCursor(); cursor; cursor = await cursor.continue()) {
    if (Date.parse(cursor.value.savedAt) < oldest) await cursor.delete();
  }
  for (let cursor = await tx.objectStore('outbox').openCursor(); cursor; cursor = await cursor.continue()) {
    if (isExpired(cursor.value, now)) await cursor.delete();
  }
  const last = await tx.objectStore('lastResident').get(LAST);
  if (last && Date.parse(last.savedAt) < oldest) await tx.objectStore('lastResident').delete(LAST);
  await tx.done;
}
