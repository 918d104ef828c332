/**
 * Web Push (RFC 8030/8291/8292) with the `web-push` package. VAPID keys come from the
 * configuration or are generated on first start and kept in server_settings, so every instance
 * on a shared PostgreSQL signs with the same key and subscriptions survive restarts.
 *
 * The payload is the same for every event: "Er is nieuws in Loket" and the path of the page to
 * open. Nothing personal passes through the push service or shows on a lock screen.
 */
import type { Agent } from 'node:https';
import type { Kysely } from 'kysely';
import webpush, { WebPushError } from 'web-push';
import { PUSH_TEXT } from '../../../domain/notification-texts';
import type { NotificationsConfig } from '../../config';
import type { Database } from '../../db/schema';
import { ensureSetting } from '../../settings';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

let generated: VapidKeys | null = null;
function generatedPair(): VapidKeys {
  generated ??= webpush.generateVAPIDKeys();
  return generated;
}

const known = new WeakMap<NotificationsConfig, VapidKeys>();

/** `db`: inside a mutating handler, the request's transaction (dbFor). */
export async function vapidKeys(db: Kysely<Database>, config: NotificationsConfig): Promise<VapidKeys> {
  if (config.vapid) return config.vapid;
  const cached = known.get(config);
  if (cached) return cached;
  // Generated once, kept: the first instance to start wins (ensureSetting is insert-or-keep).
  const publicKey = await ensureSetting(db, 'vapid_public_key', () => generatedPair().publicKey);
  const privateKey = await ensureSetting(db, 'vapid_private_key', () => generatedPair().privateKey);
  generated = null;
  known.set(config, { publicKey, privateKey });
  return { publicKey, privateKey };
}

export interface PushPayload {
  text: string;
  /** Path in the app the notification opens */
  link: string;
}

export function pushPayload(link: string): PushPayload {
  return { text: PUSH_TEXT, link };
}

interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

type PushOutcome = 'sent' | 'gone' | 'failed';

export interface PushSender {
  send(target: PushTarget, payload: PushPayload, options: { topic: string; urgent: boolean }): Promise<PushOutcome>;
}

/**
 * `agent`: tests point it at a local push service with a self-signed certificate. `topic`
 * (RFC 8030 5.4) replaces an undelivered message with the same topic at the push service, so
 * sending an event again after a crash does not pile up on the phone.
 */
export function webPushSender(
  keys: VapidKeys,
  subject: string,
  options: { agent?: Agent; timeoutMs?: number } = {},
): PushSender {
  return {
    async send(target, payload, { topic, urgent }) {
      try {
        await webpush.sendNotification(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          JSON.stringify(payload),
          {
            vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
            // RFC 8291, what every current browser speaks
            contentEncoding: 'aes128gcm',
            TTL: 24 * 60 * 60,
            topic,
            urgency: urgent ? 'high' : 'normal',
            timeout: options.timeoutMs ?? 30_000,
            ...(options.agent ? { agent: options.agent } : {}),
          },
        );
        return 'sent';
      } catch (error) {
        // 404/410: the browser dropped the subscription (RFC 8030 7.3); remove it.
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) return 'gone';
        return 'failed';
      }
    },
  };
}
