import { sql, type Kysely } from 'kysely';

// Notifications (issue 8): the inbox, delivery jobs per channel, push subscriptions per device,
// and each resident's preferences.
//
// An event becomes one inbox message and at most one job per channel, in the transaction of
// the change that caused it. `dedupe_key` makes time-based reminders (and events two code paths
// may raise) happen once per object per kind; `unique (message_id, channel)` makes a second job
// for the same event and channel impossible. Workers claim jobs with FOR UPDATE SKIP LOCKED and
// a lease (lease_until, lease_token): a worker that died mid-send leaves a job that another
// worker picks up once the lease has expired.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id').onDelete('cascade'))
    .addColumn('object_id', 'text')
    .addColumn('link', 'text', (c) => c.notNull().check(sql`link ~ '^/[^/]' and char_length(link) <= 300`))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await sql`create index notification_messages_inbox_idx on notification_messages (bsn, created_at desc)`.execute(db);
  await sql`create index notification_messages_unread_idx on notification_messages (bsn) where read_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('notification_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('message_id', 'uuid', (c) => c.references('notification_messages.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('event')
        .check(sql`kind in ('event', 'verify_email')`),
    )
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('push', 'email')`))
    // verify_email only: the address and the raw token until the mail is sent (then cleared)
    .addColumn('payload', 'jsonb')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz')
    .addColumn('lease_token', 'uuid')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('failed_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('notification_jobs_once_per_channel', ['message_id', 'channel'])
    .addCheckConstraint('notification_jobs_event_has_message', sql`kind <> 'event' or message_id is not null`)
    .execute();
  await sql`create index notification_jobs_due_idx on notification_jobs (next_attempt_at) where sent_at is null and failed_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`endpoint ~ '^https://' and char_length(endpoint) <= 1000`),
    )
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().check(sql`char_length(label) <= 100`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_sent_at', 'timestamptz')
    .execute();
  await sql`create index push_subscriptions_bsn_idx on push_subscriptions (bsn)`.execute(db);

  // Which device already got a push job's message: a retry after a partial failure (or a
  // crash) does not send it to that device again.
  await db.schema
    .createTable('push_deliveries')
    .addColumn('job_id', 'uuid', (c) => c.notNull().references('notification_jobs.id').onDelete('cascade'))
    .addColumn('subscription_id', 'uuid', (c) => c.notNull().references('push_subscriptions.id').onDelete('cascade'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_deliveries_pk', ['job_id', 'subscription_id'])
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('bsn', 'text', (c) => c.primaryKey())
    .addColumn('push_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('email_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('quiet_hours', 'boolean', (c) => c.notNull().defaultTo(true))
    // A verified address; only then can e-mail be on
    .addColumn('email_address', 'text', (c) => c.check(sql`char_length(email_address) <= 254`))
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('email_pending_address', 'text', (c) => c.check(sql`char_length(email_pending_address) <= 254`))
    // SHA-256 of the confirmation link's token; the token itself is only in the mail
    .addColumn('email_token_hash', 'text')
    .addColumn('email_token_expires_at', 'timestamptz')
    // Capability in every mail's unsubscribe link: it can only switch e-mail off
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notification_preferences',
    'push_deliveries',
    'push_subscriptions',
    'notification_jobs',
    'notification_messages',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
