/**
 * This browser's push subscription (Push API): ask permission, subscribe with the server's
 * VAPID key, recognise the device in the server's list, unsubscribe. Only ever called on a
 * personal device (the settings page does not offer it in shared mode).
 */
import type { NewPushDevice, PushDevice } from '../../../domain/notification-api';

export type PushProblem = 'unsupported' | 'denied' | 'failed';

export class PushSetupError extends Error {
  constructor(readonly problem: PushProblem) {
    super(problem);
  }
}

export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
  );
}

export function permission(): NotificationPermission | 'unsupported' {
  return pushSupported() ? Notification.permission : 'unsupported';
}

function bytesOf(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  // ready never settles without a service worker (dev server): give up after a while.
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new PushSetupError('failed')), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/** What the resident recognises the device by: "Chrome op Android". */
function deviceLabel(userAgent = navigator.userAgent): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /SamsungBrowser/.test(userAgent)
      ? 'Samsung Internet'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone/.test(userAgent)
      ? 'iPhone'
      : /iPad/.test(userAgent)
        ? 'iPad'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Mac OS X|Macintosh/.test(userAgent)
            ? 'Mac'
            : /Linux|CrOS/.test(userAgent)
              ? 'Linux'
              : '';
  return system ? `${browser} op ${system}` : browser;
}

/** Asks permission and subscribes; the result goes to the server as this device. */
export async function subscribeThisDevice(publicKey: string): Promise<NewPushDevice> {
  if (!pushSupported()) throw new PushSetupError('unsupported');
  const answer = await Notification.requestPermission();
  if (answer !== 'granted') throw new PushSetupError('denied');
  try {
    const reg = await registration();
    const existing = await reg.pushManager.getSubscription();
    const subscription =
      existing ??
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytesOf(publicKey) }));
    const json = subscription.toJSON();
    return {
      endpoint: json.endpoint!,
      keys: { p256dh: json.keys!.p256dh!, auth: json.keys!.auth! },
      label: deviceLabel(),
    };
  } catch (error) {
    throw error instanceof PushSetupError ? error : new PushSetupError('failed');
  }
}

async function hashOf(endpoint: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(endpoint)));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The server's entry for this browser's subscription, if it has one. */
export async function thisDevice(devices: PushDevice[]): Promise<PushDevice | null> {
  if (!pushSupported() || devices.length === 0) return null;
  try {
    const reg = await navigator.serviceWorker.getRegistration();
    const subscription = await reg?.pushManager.getSubscription();
    if (!subscription) return null;
    const hash = await hashOf(subscription.endpoint);
    return devices.find((d) => d.endpointHash === hash) ?? null;
  } catch {
    return null;
  }
}

/** Ends this browser's subscription (the server's entry is revoked separately). */
export async function unsubscribeThisDevice(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker.getRegistration();
    await (await reg?.pushManager.getSubscription())?.unsubscribe();
  } catch {
    // already gone
  }
}
