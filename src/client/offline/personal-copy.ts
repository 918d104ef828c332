/**
 * The stores' way to keep and read the offline copy (offline-data.ts), with the rules applied
 * here once: personal devices only, always per resident, idb loaded on first use.
 */
import { mayPersistPersonalData } from '../../domain/device-mode';
import { useDeviceStore } from '../stores/device';
import { useSessionStore } from '../stores/session';

const offlineData = () => import('./offline-data');

/** The resident whose copy this is: the signed-in one, or offline the remembered one. */
function ownerKey(): string | null {
  return useSessionStore().me?.resident.key ?? useDeviceStore().offlineResident?.userKey ?? null;
}

/** Keeps `data` as the resident's last known `key` ('applications', 'application:<id>'). */
export function keepOfflineCopy(key: string, data: unknown): void {
  const me = useSessionStore().me;
  // Front-desk help (assist session): the desk's browser is no personal device of the resident.
  if (!me || me.assist || !mayPersistPersonalData(useDeviceStore().mode)) return;
  void offlineData()
    .then((module) => module.saveOfflineCopy(me.resident.key, key, data))
    .catch(() => undefined); // storage full or refused: reading offline is a bonus, not a duty
}

/** The resident's last known `key` and when the server gave it, or null. */
export async function readOfflineCopy<T>(key: string): Promise<{ data: T; savedAt: string } | null> {
  const owner = ownerKey();
  if (!owner || !mayPersistPersonalData(useDeviceStore().mode)) return null;
  try {
    return await (await offlineData()).readOfflineCopy<T>(owner, key);
  } catch {
    return null;
  }
}
