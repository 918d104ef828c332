/**
 * "Meldingen instellen": the resident's notification settings (push devices, e-mail, quiet
 * hours). Kept apart from the inbox store (stores/notifications.ts), which the settings page
 * does not need. Every change answers with the settings as they are now; the page keeps them
 * (and what the resident typed, when a change fails) and shows the error code it gets.
 */
import { defineStore } from 'pinia';
import type { NewPushDevice, NotificationSettings, NotificationSettingsChange } from '../../domain/notification-api';
import { errorCodeOf, isAborted } from '../api/http';
import {
  addPushDevice,
  askEmailConfirmation,
  changeNotificationSettings,
  fetchNotificationSettings,
  removeEmailAddress,
  revokePushDevice,
} from '../api/notifications';
import type { Result } from './result';

type SettingsResult = Result<NotificationSettings>;

export const useNotificationSettingsStore = defineStore('notification-settings', () => {
  async function settle(run: () => Promise<NotificationSettings>): Promise<SettingsResult> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  /** The settings; null when the request was cancelled because the session ended (nothing to show). */
  async function load(): Promise<SettingsResult | null> {
    try {
      return { ok: true, value: await fetchNotificationSettings() };
    } catch (error) {
      return isAborted(error) ? null : { ok: false, code: errorCodeOf(error) };
    }
  }

  /** Push on this device (its subscription), then the settings with it. */
  const addDevice = (device: NewPushDevice) =>
    settle(async () => {
      await addPushDevice(device);
      return fetchNotificationSettings();
    });

  /** Push off for one device, then the settings without it. */
  const revokeDevice = (deviceId: string) =>
    settle(async () => {
      await revokePushDevice(deviceId);
      return fetchNotificationSettings();
    });

  /** E-mail on or off, quiet hours on or off. */
  const change = (body: NotificationSettingsChange) => settle(() => changeNotificationSettings(body));

  /** Sends a confirmation mail to `address` (REAUTH_REQUIRED: changing where mail goes needs a fresh login). */
  const confirmEmail = (address: string) => settle(() => askEmailConfirmation(address));

  const removeEmail = () => settle(removeEmailAddress);

  return { load, addDevice, revokeDevice, change, confirmEmail, removeEmail };
});
