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
import { ABORTED, ApiError, getJson, isErrorResponse, readBody, sessionSignal } from './http';

export const fetchInbox = () => getJson<Inbox>('/api/notifications');
export const fetchNotificationSettings = () => getJson<NotificationSettings>('/api/notifications/settings');

async function change<T>(path: string, body: unknown = {}): Promise<T> {
  const signal = sessionSignal();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      credentials: 'same-origin',
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw new ApiError(0, ABORTED, 'Request cancelled');
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'fetch failed');
  }
  const parsed = await readBody(response).catch(() => undefined);
  if (!response.ok) {
    if (isErrorResponse(parsed)) throw new ApiError(response.status, parsed.error.code, parsed.error.message);
    throw new ApiError(response.status, 'UNKNOWN', `HTTP ${response.status}`);
  }
  return parsed as T;
}

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
