/**
 * Notifications (issue 8): the inbox, settings, push devices, e-mail opt-in. Changes are sent at
 * once (they need the network anyway: a push subscription, a confirmation mail) with an
 * Idempotency-Key made per action, so a retry after a lost answer changes things once.
 */
import type {
  Inbox,
  NewPushDevice,
  NotificationSettings,
  NotificationSettingsChange,
  PushDevice,
  UnreadCount,
} from '../../domain/notification-api';
import { apiRequest, getJson } from './http';

export const fetchInbox = () => getJson<Inbox>('/api/notifications');
export const fetchNotificationSettings = () => getJson<NotificationSettings>('/api/notifications/settings');

/** A change with a key of its own: a retry after a lost answer (same call) is a new action. */
const change = <T>(path: string, json: unknown = {}) =>
  apiRequest<T>(path, { method: 'POST', json, idempotencyKey: crypto.randomUUID() });

const id = (value: string) => encodeURIComponent(value);

export const markMessageRead = (messageId: string) => change<UnreadCount>(`/api/notifications/${id(messageId)}/read`);
export const markAllRead = () => change<UnreadCount>('/api/notifications/read-all');
export const changeNotificationSettings = (body: NotificationSettingsChange) =>
  change<NotificationSettings>('/api/notifications/settings', body);
export const addPushDevice = (body: NewPushDevice) =>
  change<{ device: PushDevice }>('/api/notifications/devices', body);
export const revokePushDevice = (deviceId: string) =>
  change<undefined>(`/api/notifications/devices/${id(deviceId)}/revoke`);
export const askEmailConfirmation = (address: string) =>
  change<NotificationSettings>('/api/notifications/email', { address });
export const removeEmailAddress = () => change<NotificationSettings>('/api/notifications/email/remove');
