import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import {
  DEVICE_MODE_STORAGE_KEY,
  modeOf,
  parseDeviceModeSetting,
  type DeviceMode,
  type DeviceModeSetting,
} from '../../domain/device-mode';
import type { RememberedResident } from '../offline/db';

function readSetting(): DeviceModeSetting | null {
  try {
    return parseDeviceModeSetting(localStorage.getItem(DEVICE_MODE_STORAGE_KEY));
  } catch {
    return null; // storage off: the default (personal) applies for this page
  }
}

/**
 * The device's mode setting. Outside the store's state on purpose: ending a session resets every
 * store's state, and the mode must outlive sessions (it is about the device, not the resident).
 * Changed only through src/client/offline/device-setting.ts (which also stores and wipes).
 */
export const deviceSetting = ref<DeviceModeSetting | null>(readSetting());

/** Reads the stored setting again (tests; another tab changed it). */
export function reloadDeviceSetting(): void {
  deviceSetting.value = readSetting();
}

// Whether the browser says it has a network. Only a hint for wording ("Wacht op verbinding");
// requests decide.
const online = ref(typeof navigator === 'undefined' || navigator.onLine !== false);

export function setOnline(value: boolean): void {
  online.value = value;
}

/**
 * This device: personal or shared (src/domain/device-mode.ts), and, on a personal device that
 * cannot reach the server, the remembered resident whose offline copy is shown.
 */
export const useDeviceStore = defineStore('device', () => {
  /** 'personal' or 'shared'; survives sessions and restarts */
  const mode = computed<DeviceMode>(() => modeOf(deviceSetting.value));
  /** The start page asks the question unless a library made this a kiosk */
  const residentMayChoose = computed(() => deviceSetting.value?.setBy !== 'library');
  /** The browser thinks it is online (navigator.onLine and its events) */
  const isOnline = computed(() => online.value);
  /**
   * Personal device, server unreachable at start: the last signed-in resident, whose offline
   * copy is shown read-only. Personal data, so it is store state (reset when a session ends).
   */
  const offlineResident = ref<RememberedResident | null>(null);

  /**
   * The server cannot be reached at start: on a personal device, show the last signed-in
   * resident's offline copy (read-only). Returns whether there is one.
   */
  async function resumeOffline(): Promise<boolean> {
    if (mode.value !== 'personal') return false;
    try {
      offlineResident.value ??= await (await import('../offline/offline-data')).rememberedResident();
    } catch {
      offlineResident.value = null; // no IndexedDB (private mode): nothing to show
    }
    return offlineResident.value !== null;
  }

  return { mode, residentMayChoose, isOnline, offlineResident, resumeOffline };
});
