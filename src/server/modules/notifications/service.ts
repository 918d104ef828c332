/**
 * The resident's side of notifications: inbox (newest first, unread count, mark read),
 * preferences per channel with quiet hours, push devices (subscribe, list, revoke) and e-mail
 * opt-in with a confirmation link, unsubscribe by the link in every mail.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  InboxMessage,
  NewPushDevice,
  NotificationSettingsChange,
  PushDevice,
} from '../../../domain/notification-api';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { notFound } from '../../errors';

const INBOX_LIMIT = 200;
const EMAIL_TOKEN_HOURS = 48;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const token = () => randomBytes(32).toString('base64url');
const hashToken = (value: string) => createHash('sha256').update(value).digest('hex');

export async function inboxOf(
  db: Kysely<Database>,
  bsn: string,
): Promise<{ messages: InboxMessage[]; unread: number }> {
  const rows = await db
    .selectFrom('notification_messages')
    .select(['id', 'type', 'link', 'case_id', 'created_at', 'read_at'])
    .where('bsn', '=', bsn)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(INBOX_LIMIT)
    .execute();
  return {
    messages: rows.map((row) => ({
      id: row.id,
      type: row.type,
      link: row.link,
      caseId: row.case_id,
      createdAt: new Date(row.created_at).toISOString(),
      read: row.read_at !== null,
    })),
    unread: await unreadCount(db, bsn),
  };
}

export async function unreadCount(db: Kysely<Database>, bsn: string): Promise<number> {
  const row = await db
    .selectFrom('notification_messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('bsn', '=', bsn)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Kysely<Database>, clock: Clock, bsn: string, id: string | 'all'): Promise<void> {
  if (id !== 'all' && !UUID.test(id)) throw notFound('Message');
  let query = db
    .updateTable('notification_messages')
    .set({ read_at: clock.now() })
    .where('bsn', '=', bsn)
    .where('read_at', 'is', null);
  if (id !== 'all') {
    const exists = await db
      .selectFrom('notification_messages')
      .select('id')
      .where('id', '=', id)
      .where('bsn', '=', bsn)
      .executeTakeFirst();
    if (!exists) throw notFound('Message');
    query = query.where('id', '=', id);
  }
  await query.execute();
}

/** The resident's preferences row, created with the defaults (push on, e-mail off, quiet hours on). */
export async function preferencesOf(db: Kysely<Database>, clock: Clock, bsn: string) {
  await db
    .insertInto('notification_preferences')
    .values({ bsn, unsubscribe_token: token(), updated_at: clock.now() })
    .onConflict((oc) => oc.column('bsn').doNothing())
    .execute();
  return db.selectFrom('notification_preferences').selectAll().where('bsn', '=', bsn).executeTakeFirstOrThrow();
}

function toDevice(row: {
  id: string;
  label: string;
  endpoint: string;
  created_at: Date;
  last_sent_at: Date | null;
}): PushDevice {
  return {
    id: row.id,
    label: row.label,
    createdAt: new Date(row.created_at).toISOString(),
    lastSentAt: row.last_sent_at ? new Date(row.last_sent_at).toISOString() : null,
    endpointHash: createHash('sha256').update(row.endpoint).digest('base64url'),
  };
}

export async function devicesOf(db: Kysely<Database>, bsn: string): Promise<PushDevice[]> {
  const rows = await db
    .selectFrom('push_subscriptions')
    .select(['id', 'label', 'endpoint', 'created_at', 'last_sent_at'])
    .where('bsn', '=', bsn)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toDevice);
}

export async function changePreferences(
  db: Kysely<Database>,
  clock: Clock,
  bsn: string,
  change: NotificationSettingsChange,
): Promise<void> {
  const current = await preferencesOf(db, clock, bsn);
  await db
    .updateTable('notification_preferences')
    .set({
      ...(change.push !== undefined ? { push_enabled: change.push } : {}),
      // E-mail can only be on with a verified address.
      ...(change.email !== undefined ? { email_enabled: change.email && current.email_address !== null } : {}),
      ...(change.quietHours !== undefined ? { quiet_hours: change.quietHours } : {}),
      updated_at: clock.now(),
    })
    .where('bsn', '=', bsn)
    .execute();
}

/**
 * Subscribes this device. A subscription (endpoint) belongs to one resident: when another
 * resident subscribes the same browser, it moves to them (a personal device changed hands).
 */
export async function addDevice(
  db: Kysely<Database>,
  clock: Clock,
  bsn: string,
  device: NewPushDevice,
): Promise<PushDevice> {
  await preferencesOf(db, clock, bsn);
  const row = await db
    .insertInto('push_subscriptions')
    .values({
      bsn,
      endpoint: device.endpoint,
      p256dh: device.keys.p256dh,
      auth: device.keys.auth,
      label: device.label.trim().slice(0, 100),
      created_at: clock.now(),
    })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet((eb) => ({
        bsn: eb.ref('excluded.bsn'),
        p256dh: eb.ref('excluded.p256dh'),
        auth: eb.ref('excluded.auth'),
        label: eb.ref('excluded.label'),
      })),
    )
    .returning(['id', 'label', 'endpoint', 'created_at', 'last_sent_at'])
    .executeTakeFirstOrThrow();
  await db
    .updateTable('notification_preferences')
    .set({ push_enabled: true, updated_at: clock.now() })
    .where('bsn', '=', bsn)
    .execute();
  return toDevice(row);
}

export async function revokeDevice(db: Kysely<Database>, bsn: string, id: string): Promise<void> {
  if (!UUID.test(id)) throw notFound('Device');
  const result = await db
    .deleteFrom('push_subscriptions')
    .where('id', '=', id)
    .where('bsn', '=', bsn)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Device');
}

/** Starts the opt-in: keeps the address as pending and queues the confirmation mail. */
export async function startEmailOptIn(db: Kysely<Database>, clock: Clock, bsn: string, address: string): Promise<void> {
  await preferencesOf(db, clock, bsn);
  const now = clock.now();
  const raw = token();
  await db
    .updateTable('notification_preferences')
    .set({
      email_pending_address: address.trim(),
      email_token_hash: hashToken(raw),
      email_token_expires_at: new Date(now.getTime() + EMAIL_TOKEN_HOURS * 3_600_000),
      updated_at: now,
    })
    .where('bsn', '=', bsn)
    .execute();
  await db
    .insertInto('notification_jobs')
    .values({
      bsn,
      kind: 'verify_email',
      channel: 'email',
      payload: JSON.stringify({ address: address.trim(), token: raw }),
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
}

/** The link in the confirmation mail: the pending address becomes the address, e-mail goes on. */
export async function confirmEmail(db: Kysely<Database>, clock: Clock, raw: string): Promise<boolean> {
  const now = clock.now();
  const result = await db
    .updateTable('notification_preferences')
    .set((eb) => ({
      email_address: eb.ref('email_pending_address'),
      email_verified_at: now,
      email_enabled: true,
      email_pending_address: null,
      email_token_hash: null,
      email_token_expires_at: null,
      updated_at: now,
    }))
    .where('email_token_hash', '=', hashToken(raw))
    .where('email_token_expires_at', '>', now)
    .where('email_pending_address', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The link in every mail: e-mail off (the address stays, so switching it on again is one tap). */
export async function unsubscribeEmail(db: Kysely<Database>, clock: Clock, raw: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_preferences')
    .set({ email_enabled: false, updated_at: clock.now() })
    .where('unsubscribe_token', '=', raw)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes the address altogether. */
export async function removeEmail(db: Kysely<Database>, clock: Clock, bsn: string): Promise<void> {
  await preferencesOf(db, clock, bsn);
  await db
    .updateTable('notification_preferences')
    .set({
      email_enabled: false,
      email_address: null,
      email_verified_at: null,
      email_pending_address: null,
      email_token_hash: null,
      email_token_expires_at: null,
      updated_at: clock.now(),
    })
    .where('bsn', '=', bsn)
    .execute();
}
