/**
 * `/kiosk`: a friendlier address for a library than `/?apparaat=gedeeld` (README "Kiosk
 * (library) set-up"). It makes this device a kiosk the same way (the setting survives a restart,
 * and anything a personal device kept is wiped), then shows the start page.
 */
import type { RouteRecordRaw } from 'vue-router';
import { modeOf } from '../../domain/device-mode';
import { deviceSetting } from '../stores/device';

export const kioskRoute: RouteRecordRaw = {
  path: '/kiosk',
  name: 'kiosk',
  // Never shown: the guard below always sends the visitor on to the start page.
  component: () => import('../pages/start/StartPage.vue'),
  meta: { titleKey: 'start.pageTitle' },
  beforeEnter: async () => {
    const before = modeOf(deviceSetting.value);
    await (await import('../offline/device-setting')).setByLibrary('shared', before);
    return { name: 'start', replace: true };
  },
};
