/**
 * Changing the device mode (src/domain/device-mode.ts): by a library's URL or by the resident's
 * answer on the start page. Kept out of the first load: most visits change nothing.
 */
import {
  DEVICE_MODE_STORAGE_KEY,
  modeOf,
  mustWipeOnChange,
  serializeDeviceModeSetting,
  settingFromLibrary,
  settingFromResident,
  type DeviceMode,
  type DeviceModeSetting,
} from '../../domain/device-mode';
import { deviceSetting } from '../stores/device';

async function store(next: DeviceModeSetting | null, before = modeOf(deviceSetting.value)): Promise<void> {
  deviceSetting.value = next;
  try {
    if (next) localStorage.setItem(DEVICE_MODE_STORAGE_KEY, serializeDeviceModeSetting(next));
    else localStorage.removeItem(DEVICE_MODE_STORAGE_KEY);
  } catch {
    // Storage off: the choice lasts for this page only.
  }
  // A device that becomes shared keeps nothing personal from its personal days.
  if (mustWipeOnChange(before, modeOf(next))) {
    await (await import('./offline-data')).wipeDevice().catch(() => undefined);
  }
}

/**
 * A library's URL: `?apparaat=gedeeld` or `?apparaat=persoonlijk`. `before`: the mode before the
 * URL was read (install.ts already applied the new one in memory).
 */
export function setByLibrary(mode: DeviceMode, before?: DeviceMode): Promise<void> {
  return store(settingFromLibrary(mode), before);
}

/** The resident's answer on the start page; ignored on a library's kiosk. */
export function chooseShared(shared: boolean): Promise<void> {
  const { change, setting } = settingFromResident(deviceSetting.value, shared);
  return change ? store(setting) : Promise.resolve();
}
