/**
 * The resident's notification routes under /api/notifications: the inbox (newest first, unread
 * count, mark read), settings per channel with quiet hours, push devices (subscribe, list,
 * revoke) and the e-mail opt-in; plus the two links in e-mails (confirm address, unsubscribe),
 * which work without a session because they are opened from a mailbox. Mutations need an
 * Idempotency-Key and write through dbFor(request).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRecentLogin } from '../auth/recent-login';
import { ErrorResponse, IdParams } from '../../../domain/api';
import {
  EmailTokenQuery,
  Inbox,
  NewEmailAddress,
  NewPushDevice,
  NotificationSettings,
  NotificationSettingsChange,
  PushDeviceResponse,
  UnreadCount,
} from '../../../domain/notification-api';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { dbFor } from '../../idempotency';
import { requireResident } from '../auth/session-hook';
import { unsubscribePage } from './pages';
import { vapidKeys } from './push';
import {
  addDevice,
  changePreferences,
  confirmEmail,
  devicesOf,
  inboxOf,
  markRead,
  preferencesOf,
  removeEmail,
  revokeDevice,
  startEmailOptIn,
  unreadCount,
  unsubscribeEmail,
} from './service';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
  503: ErrorResponse,
};
const idempotent = 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.';
const tags = ['notifications'];

export interface NotificationRouteOptions {
  ctx: AppContext;
  /** Wakes the worker after a change that queued a mail (it also runs on its interval) */
  poke: () => void;
}

export async function notificationRoutes(
  fastify: FastifyInstance,
  { ctx, poke }: NotificationRouteOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const emailAvailable = ctx.config.notifications.smtp !== null;

  app.get(
    '/',
    {
      schema: {
        summary: 'Your messages, newest first, with the number unread',
        tags,
        response: { 200: Inbox, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      return inboxOf(ctx.db, bsn);
    },
  );

  app.get(
    '/unread',
    {
      schema: {
        summary: 'How many of your messages are unread (for the menu)',
        tags,
        response: { 200: UnreadCount, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      return { unread: await unreadCount(ctx.db, bsn) };
    },
  );

  app.post(
    '/:id/read',
    {
      schema: {
        summary: 'Mark one message read',
        description: idempotent,
        tags,
        params: IdParams,
        body: Type.Optional(Type.Object({})),
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const db = dbFor(request, ctx);
      await markRead(db, ctx.clock, bsn, request.params.id);
      return { unread: await unreadCount(db, bsn) };
    },
  );

  app.post(
    '/read-all',
    {
      schema: {
        summary: 'Mark every message read',
        description: idempotent,
        tags,
        body: Type.Optional(Type.Object({})),
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      await markRead(dbFor(request, ctx), ctx.clock, bsn, 'all');
      return { unread: 0 };
    },
  );

  const settingsOf = async (db: typeof ctx.db, bsn: string) => {
    const preferences = await preferencesOf(db, ctx.clock, bsn);
    const keys = await vapidKeys(db, ctx.config.notifications);
    return {
      push: { enabled: preferences.push_enabled, publicKey: keys.publicKey, devices: await devicesOf(db, bsn) },
      email: {
        available: emailAvailable,
        enabled: emailAvailable && preferences.email_enabled,
        address: preferences.email_address,
        pendingAddress: preferences.email_pending_address,
      },
      quietHours: preferences.quiet_hours,
    };
  };

  app.get(
    '/settings',
    {
      schema: {
        summary: 'Your notification settings and devices',
        tags,
        response: { 200: NotificationSettings, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      return settingsOf(ctx.db, bsn);
    },
  );

  app.post(
    '/settings',
    {
      schema: {
        summary: 'Change channels and quiet hours',
        description: idempotent,
        tags,
        body: NotificationSettingsChange,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const db = dbFor(request, ctx);
      await changePreferences(db, ctx.clock, bsn, request.body);
      return settingsOf(db, bsn);
    },
  );

  app.post(
    '/devices',
    {
      schema: {
        summary: 'Get push notifications on this device (a PushSubscription)',
        description: idempotent,
        tags,
        body: NewPushDevice,
        response: { 201: PushDeviceResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      refuseDuringAssist(request);
      const device = await addDevice(dbFor(request, ctx), ctx.clock, bsn, request.body);
      return reply.status(201).send({ device });
    },
  );

  app.post(
    '/devices/:id/revoke',
    {
      schema: {
        summary: 'No more push notifications on this device',
        description: idempotent,
        tags,
        params: IdParams,
        body: Type.Optional(Type.Object({})),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      await revokeDevice(dbFor(request, ctx), bsn, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/email',
    {
      schema: {
        summary: 'Get messages by e-mail: sends a confirmation link to the address',
        description: idempotent,
        tags,
        body: NewEmailAddress,
        response: { 202: NotificationSettings, ...errors },
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      refuseDuringAssist(request);
      if (!emailAvailable) throw new AppError(503, 'EMAIL_NOT_CONFIGURED', 'No SMTP server is configured');
      requireRecentLogin(request, ctx.clock);
      const db = dbFor(request, ctx);
      await startEmailOptIn(db, ctx.clock, bsn, request.body.address);
      reply.raw.once('finish', poke);
      return reply.status(202).send(await settingsOf(db, bsn));
    },
  );

  app.post(
    '/email/remove',
    {
      schema: {
        summary: 'Forget your e-mail address',
        description: idempotent,
        tags,
        body: Type.Optional(Type.Object({})),
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const db = dbFor(request, ctx);
      await removeEmail(db, ctx.clock, bsn);
      return settingsOf(db, bsn);
    },
  );

  // The confirmation link: a GET from a mail client, no session needed (the token is the proof).
  app.get(
    '/email/verify',
    { schema: { summary: 'The link in the confirmation mail', tags, querystring: EmailTokenQuery } },
    async (request, reply) => {
      const confirmed = await confirmEmail(ctx.db, ctx.clock, request.query.token);
      return reply.redirect(`/instellingen/meldingen?email=${confirmed ? 'bevestigd' : 'verlopen'}`, 303);
    },
  );

  // Unsubscribe: the GET (a click in the mail) shows a button; only the POST changes anything, so
  // a mail scanner that opens every link does not unsubscribe anyone. The POST is also the
  // one-click unsubscribe of List-Unsubscribe-Post (RFC 8058).
  app.get(
    '/email/unsubscribe',
    { schema: { summary: 'The unsubscribe link in every mail', tags, querystring: EmailTokenQuery } },
    async (request, reply) => {
      return reply.type('text/html; charset=utf-8').send(unsubscribePage('ask', request.query.token));
    },
  );

  app.post(
    '/email/unsubscribe',
    {
      config: { idempotency: false },
      schema: { summary: 'No more e-mail (one click)', tags, querystring: EmailTokenQuery },
    },
    async (request, reply) => {
      const done = await unsubscribeEmail(ctx.db, ctx.clock, request.query.token);
      return reply
        .type('text/html; charset=utf-8')
        .send(unsubscribePage(done ? 'done' : 'unknown', request.query.token));
    },
  );
}

/**
 * Front-desk staff helping a resident (assist session) must not point the resident's messages at
 * the desk's browser or at an address the resident did not give themselves.
 */
function refuseDuringAssist(request: FastifyRequest): void {
  if (request.resident?.assist)
    throw new AppError(403, 'NOT_DURING_ASSIST', 'Only the resident can do this, not the front desk on their behalf');
}
