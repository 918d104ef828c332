/** Table types of the notifications module (migration 008), part of the Database in db/schema.ts. */
import type { ColumnType, Generated } from 'kysely';
import type { NotificationEventType } from '../../../domain/notification-events';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One event as the resident's inbox shows it. */
interface NotificationMessagesTable {
  id: Generated<string>;
  bsn: string;
  type: NotificationEventType;
  case_id: string | null;
  object_id: string | null;
  link: string;
  /** Once per object per kind (reminders); null: no deduplication */
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export type JobChannel = 'push' | 'email';
export type JobKind = 'event' | 'verify_email';

/** One delivery of a message on one channel (or one confirmation mail). */
interface NotificationJobsTable {
  id: Generated<string>;
  bsn: string;
  message_id: string | null;
  kind: Generated<JobKind>;
  channel: JobChannel;
  payload: ColumnType<{ address: string; token: string } | null, string | null | undefined, string | null>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  lease_token: string | null;
  sent_at: Timestamp | null;
  failed_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
}

interface PushSubscriptionsTable {
  id: Generated<string>;
  bsn: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  /** What the resident recognises the device by ("Chrome op Android") */
  label: string;
  created_at: Timestamp;
  last_sent_at: Timestamp | null;
}

interface PushDeliveriesTable {
  job_id: string;
  subscription_id: string;
  sent_at: Timestamp;
}

interface NotificationPreferencesTable {
  bsn: string;
  push_enabled: Generated<boolean>;
  email_enabled: Generated<boolean>;
  quiet_hours: Generated<boolean>;
  email_address: string | null;
  email_verified_at: Timestamp | null;
  email_pending_address: string | null;
  email_token_hash: string | null;
  email_token_expires_at: Timestamp | null;
  unsubscribe_token: string;
  updated_at: Timestamp;
}

export interface NotificationTables {
  notification_messages: NotificationMessagesTable;
  notification_jobs: NotificationJobsTable;
  push_subscriptions: PushSubscriptionsTable;
  push_deliveries: PushDeliveriesTable;
  notification_preferences: NotificationPreferencesTable;
}
