/**
 * The API contract for notifications (issue 8), as TypeBox schemas; conventions as in api.ts.
 * Inbox under /api/notifications, settings and devices under /api/notifications/settings and
 * /api/notifications/devices, e-mail confirmation and unsubscribe links under
 * /api/notifications/email.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { literals } from './literals';
import { NOTIFICATION_EVENT_TYPES } from './notification-events';

const IsoDateTime = Type.String({ format: 'date-time' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const NotificationType = literals(NOTIFICATION_EVENT_TYPES);

export const InboxMessage = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: NotificationType,
  /** The page of the app it is about */
  link: Type.String(),
  caseId: nullable(Type.String()),
  createdAt: IsoDateTime,
  read: Type.Boolean(),
});
export type InboxMessage = Static<typeof InboxMessage>;

export const Inbox = Type.Object({
  /** Newest first */
  messages: Type.Array(InboxMessage),
  unread: Type.Integer({ minimum: 0 }),
});
export type Inbox = Static<typeof Inbox>;

export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;

export const PushDevice = Type.Object({
  id: Type.String({ format: 'uuid' }),
  label: Type.String(),
  createdAt: IsoDateTime,
  lastSentAt: nullable(IsoDateTime),
  /** SHA-256 (base64url) of the subscription's endpoint: the browser recognises its own device */
  endpointHash: Type.String(),
});
export type PushDevice = Static<typeof PushDevice>;

export const NotificationSettings = Type.Object({
  push: Type.Object({
    enabled: Type.Boolean(),
    /** VAPID public key (base64url) for PushManager.subscribe */
    publicKey: Type.String(),
    devices: Type.Array(PushDevice),
  }),
  email: Type.Object({
    /** false: no SMTP server configured, e-mail is off for everyone */
    available: Type.Boolean(),
    enabled: Type.Boolean(),
    /** The verified address */
    address: nullable(Type.String()),
    /** Waiting for the resident to click the link in the confirmation mail */
    pendingAddress: nullable(Type.String()),
  }),
  /** No push between 22:00 and 08:00, except on the day of a deadline */
  quietHours: Type.Boolean(),
});
export type NotificationSettings = Static<typeof NotificationSettings>;

export const NotificationSettingsChange = Type.Object(
  {
    push: Type.Optional(Type.Boolean()),
    email: Type.Optional(Type.Boolean()),
    quietHours: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NotificationSettingsChange = Static<typeof NotificationSettingsChange>;

export const NewPushDevice = Type.Object(
  {
    /** PushSubscription.endpoint: the push service's URL for this browser */
    endpoint: Type.String({ pattern: '^https://', maxLength: 1000 }),
    keys: Type.Object({
      p256dh: Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}={0,2}$' }),
      auth: Type.String({ pattern: '^[A-Za-z0-9_-]{16,30}={0,2}$' }),
    }),
    /** What the resident recognises the device by, e.g. "Chrome op Android" */
    label: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type NewPushDevice = Static<typeof NewPushDevice>;

export const PushDeviceResponse = Type.Object({ device: PushDevice });

export const NewEmailAddress = Type.Object(
  { address: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }) },
  { additionalProperties: false },
);
export type NewEmailAddress = Static<typeof NewEmailAddress>;

export const EmailTokenQuery = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
