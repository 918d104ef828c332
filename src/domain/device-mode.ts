/**
 * Device modes: what the PWA may keep on the device it runs on.
 *
 * - personal: the resident's own phone or computer (the default). Their last known data is kept
 *   in IndexedDB for reading offline, and actions made offline wait in a durable outbox.
 * - shared: a library kiosk ("Informatiepunt Digitale Overheid") or any computer others use too.
 *   The next user is a stranger, so nothing personal is written to any browser storage: no
 *   IndexedDB, no localStorage or sessionStorage, no Cache Storage. Unsent actions live in memory
 *   only and are lost when the session ends (the resident is warned first).
 *
 * The mode itself is not personal data: it may stay in localStorage, like the language choice.
 * Pure rules only; the client store (src/client/stores/device.ts) does the reading and writing.
 */

export type DeviceMode = 'personal' | 'shared';

/**
 * Who chose the mode. A library sets it through a URL once (and it survives a restart); a
 * resident answers the question on the start page. A resident cannot undo a library's choice:
 * a kiosk must stay a kiosk whatever the previous person clicked.
 */
type DeviceModeSetBy = 'library' | 'resident';

export interface DeviceModeSetting {
  mode: DeviceMode;
  setBy: DeviceModeSetBy;
}

const DEFAULT_DEVICE_MODE: DeviceMode = 'personal';

/** localStorage key of the setting (JSON DeviceModeSetting); absent means the default. */
export const DEVICE_MODE_STORAGE_KEY = 'loket.apparaat';

/** The URL parameter a library uses: `/?apparaat=gedeeld`, undone by `/?apparaat=persoonlijk`. */
export const DEVICE_MODE_QUERY_PARAMETER = 'apparaat';

const QUERY_VALUES: Record<string, DeviceMode> = { gedeeld: 'shared', persoonlijk: 'personal' };

function isDeviceMode(value: unknown): value is DeviceMode {
  return value === 'personal' || value === 'shared';
}

/** The mode a URL parameter value asks for, or null when it asks for none (or nonsense). */
export function deviceModeFromQuery(value: unknown): DeviceMode | null {
  return typeof value === 'string' ? (QUERY_VALUES[value.trim().toLowerCase()] ?? null) : null;
}

/** A stored setting, or null when absent or unreadable (then the default applies). */
export function parseDeviceModeSetting(stored: string | null): DeviceModeSetting | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as Partial<DeviceModeSetting> | null;
    if (!value || !isDeviceMode(value.mode) || (value.setBy !== 'library' && value.setBy !== 'resident')) return null;
    return { mode: value.mode, setBy: value.setBy };
  } catch {
    return null;
  }
}

export function serializeDeviceModeSetting(setting: DeviceModeSetting): string {
  return JSON.stringify({ mode: setting.mode, setBy: setting.setBy });
}

/**
 * The setting after a library's URL: `gedeeld` makes this a kiosk; `persoonlijk` removes the
 * setting (null), so the device is back to the default and the resident's question returns.
 */
export function settingFromLibrary(mode: DeviceMode): DeviceModeSetting | null {
  return mode === 'shared' ? { mode: 'shared', setBy: 'library' } : null;
}

/**
 * The setting after the resident answered "Is dit een computer die ook andere mensen
 * gebruiken?". Null means: leave the setting as it is (a library's choice stands).
 * Answering "no" removes the setting rather than storing 'personal', so it never outlives a
 * later library setting.
 */
export function settingFromResident(
  current: DeviceModeSetting | null,
  shared: boolean,
): { change: boolean; setting: DeviceModeSetting | null } {
  if (current?.setBy === 'library') return { change: false, setting: current };
  return { change: true, setting: shared ? { mode: 'shared', setBy: 'resident' } : null };
}

/** The mode in force for a setting (the default without one). */
export function modeOf(setting: DeviceModeSetting | null): DeviceMode {
  return setting?.mode ?? DEFAULT_DEVICE_MODE;
}

/** May the start page ask the resident? Not on a kiosk the library set up. */
export function residentMayChoose(setting: DeviceModeSetting | null): boolean {
  return setting?.setBy !== 'library';
}

/**
 * May personal data (cached applications, the remembered resident, the outbox) be written to
 * durable browser storage? Only on a personal device.
 */
export function mayPersistPersonalData(mode: DeviceMode): boolean {
  return mode === 'personal';
}

/**
 * Does switching from `before` to `after` require wiping what a personal device kept?
 * Yes when a device becomes shared: from then on it must hold nothing personal.
 */
export function mustWipeOnChange(before: DeviceMode, after: DeviceMode): boolean {
  return before === 'personal' && after === 'shared';
}
