/**
 * Logging out with the device's rules (loaded when the resident presses "Uitloggen"):
 * - shared device with unsent actions: ask first (they live in memory and die with the session);
 * - personal device: remove this resident's offline copy (a phone can be lent), but keep their
 *   unsent actions: those wait for the same resident's next login.
 */
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { logout } from '../session/end-session';
import { useDeviceStore } from '../stores/device';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { wipeResidentData } from './offline-data';

export async function logoutWithDeviceRules(pinia: Pinia, router: Router, confirmed: boolean): Promise<void> {
  const device = useDeviceStore(pinia);
  const outbox = useOutboxStore(pinia);
  if (!confirmed && device.mode === 'shared' && outbox.unsentCount > 0) {
    outbox.leaveWarning = 'logout';
    return;
  }
  const key = useSessionStore(pinia).me?.resident.key ?? device.offlineResident?.userKey;
  if (device.mode === 'personal' && key) await wipeResidentData(key).catch(() => undefined);
  await logout(pinia, router);
}
