/**
 * Installs the offline machinery (main.ts). Only what must happen at once is here, because this
 * file is in every route's first load: a library's `?apparaat=` URL, and <html data-device-mode>
 * (CSS and the update banner read it). The rest (the moments the outbox replays, remembering the
 * resident, the warnings on a shared device) is in runtime.ts, loaded once the page has loaded
 * and shows its first screen (setup/after-first-screen.ts).
 */
import { watchEffect } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { DEVICE_MODE_QUERY_PARAMETER, deviceModeFromQuery, modeOf, settingFromLibrary } from '../../domain/device-mode';
import { afterFirstScreen } from '../setup/after-first-screen';
import { keepAssetsOnThisDevice } from './kept-assets';
import { deviceSetting, useDeviceStore } from '../stores/device';

export function installOffline(pinia: Pinia, router: Router): void {
  const device = useDeviceStore(pinia);

  // A library sets up a kiosk once with /?apparaat=gedeeld; the device remembers it. In force
  // at once (before the first navigation could show an offline copy); stored and, for a device
  // that becomes shared, wiped, by the lazily loaded part.
  const asked = deviceModeFromQuery(new URLSearchParams(location.search).get(DEVICE_MODE_QUERY_PARAMETER));
  if (asked) {
    const before = modeOf(deviceSetting.value);
    deviceSetting.value = settingFromLibrary(asked);
    void import('./device-setting').then((setting) => setting.setByLibrary(asked, before));
  }

  watchEffect(() => {
    document.documentElement.dataset.deviceMode = device.mode;
    // Whether the service worker may keep code fetched later (kept-assets.ts): never on a shared device.
    void keepAssetsOnThisDevice(device.mode);
  });

  afterFirstScreen(() => void import('./runtime').then((runtime) => runtime.startOfflineRuntime(pinia, router)));
}
