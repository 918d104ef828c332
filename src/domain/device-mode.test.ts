import { describe, expect, it } from 'vitest';
import {
  deviceModeFromQuery,
  mayPersistPersonalData,
  modeOf,
  mustWipeOnChange,
  parseDeviceModeSetting,
  residentMayChoose,
  serializeDeviceModeSetting,
  settingFromLibrary,
  settingFromResident,
  type DeviceModeSetting,
} from './device-mode';

const library: DeviceModeSetting = { mode: 'shared', setBy: 'library' };
const residentShared: DeviceModeSetting = { mode: 'shared', setBy: 'resident' };

describe('device mode from the URL a library uses', () => {
  it.each([
    ['gedeeld', 'shared'],
    ['GEDEELD', 'shared'],
    [' persoonlijk ', 'personal'],
    ['kiosk', null],
    ['', null],
    [undefined, null],
    [['gedeeld'], null],
  ])('%j -> %s', (value, expected) => {
    expect(deviceModeFromQuery(value)).toBe(expected);
  });

  it('gedeeld makes a kiosk; persoonlijk removes the setting, back to the default', () => {
    expect(settingFromLibrary('shared')).toEqual(library);
    expect(settingFromLibrary('personal')).toBeNull();
    expect(modeOf(settingFromLibrary('personal'))).toBe('personal');
  });
});

describe('the stored setting', () => {
  it('round-trips', () => {
    expect(parseDeviceModeSetting(serializeDeviceModeSetting(library))).toEqual(library);
  });

  it.each([null, '', 'shared', '{"mode":"kiosk","setBy":"library"}', '{"mode":"shared"}', 'null', '[]'])(
    'ignores %j: the default applies',
    (stored) => {
      expect(parseDeviceModeSetting(stored)).toBeNull();
      expect(modeOf(parseDeviceModeSetting(stored))).toBe('personal');
    },
  );
});

describe("the resident's answer on the start page", () => {
  it.each([
    // current setting, answer "shared?", change?, resulting mode
    [null, true, true, 'shared'],
    [null, false, true, 'personal'],
    [residentShared, false, true, 'personal'],
    [residentShared, true, true, 'shared'],
    [library, false, false, 'shared'],
    [library, true, false, 'shared'],
  ] as const)('current %j, answers shared=%s -> change %s, mode %s', (current, shared, change, mode) => {
    const result = settingFromResident(current, shared);
    expect(result.change).toBe(change);
    expect(modeOf(result.setting)).toBe(mode);
  });

  it('is not asked on a kiosk the library set up', () => {
    expect(residentMayChoose(library)).toBe(false);
    expect(residentMayChoose(residentShared)).toBe(true);
    expect(residentMayChoose(null)).toBe(true);
  });
});

describe('what a mode allows', () => {
  it('persists personal data on a personal device only', () => {
    expect(mayPersistPersonalData('personal')).toBe(true);
    expect(mayPersistPersonalData('shared')).toBe(false);
  });

  it('wipes what a personal device kept when it becomes shared, and only then', () => {
    expect(mustWipeOnChange('personal', 'shared')).toBe(true);
    expect(mustWipeOnChange('shared', 'personal')).toBe(false);
    expect(mustWipeOnChange('shared', 'shared')).toBe(false);
    expect(mustWipeOnChange('personal', 'personal')).toBe(false);
  });
});
