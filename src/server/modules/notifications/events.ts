/**
 * Records a notification event in the same transaction as the change that caused it (issue 8
 * point 5). Callers pass the transaction they are in (`dbFor(request, ctx)` in a route).
 *
 * One event = one inbox message, plus one delivery job per channel the resident has switched
 * on: push (when at least one device is subscribed) and e-mail (when an address is verified).
 * A push job outside the quiet hours' limits waits until 08:00 Amsterdam time (preferences).
 * Events that must happen once per object (reminders, a letter two code paths may announce)
 * carry a dedupe key; a second event with the same key changes nothing.
 */
import type { Kysely } from 'kysely';
import type { NotificationEvent, NotificationEventType } from '../../../domain/notification-events';
import { pushAllowedFrom } from '../../../domain/notification-schedule';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';

/** Kinds that exist once per object: the object id is the deduplication key. */
const ONCE_PER_OBJECT: ReadonlySet<NotificationEventType> = new Set([
  'document_requested',
  'decision_letter_available',
  'letter_available',
  // a question is answered once; a retried answer must not send a second message
  'question_answered',
]);

export interface RecordOptions {
  /** Overrides the default key (reminders: kind + object + the date they are about) */
  dedupeKey?: string;
}

/** The id of the inbox message, or null when the event was already recorded (dedupe key). */
export async function recordEvent(
  db: Kysely<Database>,
  clock: Clock,
  event: NotificationEvent,
  options: RecordOptions = {},
): Promise<string | null> {
  const now = clock.now();
  const dedupeKey =
    options.dedupeKey ?? (ONCE_PER_OBJECT.has(event.type) && event.objectId ? `${event.type}:${event.objectId}` : null);
  const message = await db
    .insertInto('notification_messages')
    .values({
      bsn: event.residentBsn,
      type: event.type,
      case_id: event.caseId ?? null,
      object_id: event.objectId ?? null,
      link: safeLink(event.link),
      dedupe_key: dedupeKey,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!message) return null;

  const preferences = await db
    .selectFrom('notification_preferences')
    .select(['push_enabled', 'email_enabled', 'email_address', 'quiet_hours'])
    .where('bsn', '=', event.residentBsn)
    .executeTakeFirst();
  const pushOn = preferences?.push_enabled ?? true;
  const quietHours = preferences?.quiet_hours ?? true;
  const devices = pushOn
    ? await db
        .selectFrom('push_subscriptions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('bsn', '=', event.residentBsn)
        .executeTakeFirstOrThrow()
    : { n: '0' };

  const jobs = [];
  if (Number(devices.n) > 0) {
    jobs.push({ channel: 'push' as const, next_attempt_at: pushAllowedFrom(now, event.type, quietHours) });
  }
  if (preferences?.email_enabled && preferences.email_address) {
    jobs.push({ channel: 'email' as const, next_attempt_at: now });
  }
  if (jobs.length > 0) {
    await db
      .insertInto('notification_jobs')
      .values(jobs.map((job) => ({ ...job, bsn: event.residentBsn, message_id: message.id, created_at: now })))
      .onConflict((oc) => oc.columns(['message_id', 'channel']).doNothing())
      .execute();
  }
  return message.id;
}

export async function recordNotificationEvent(
  db: Kysely<Database>,
  clock: Clock,
  event: NotificationEvent,
): Promise<void> {
  await recordEvent(db, clock, event);
}

/** Only a path inside the app: a message can never send a resident elsewhere. */
function safeLink(link: string): string {
  return /^\/[^/\\]/.test(link) && link.length <= 300 ? link : '/berichten';
}
