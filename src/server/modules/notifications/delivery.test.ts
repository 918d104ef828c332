/**
 * The delivery machinery on both databases: a worker killed mid-send and another started after
 * it sends every message exactly once per channel (lease expiry, no double send of what was
 * done); two workers at once never send a job twice (SKIP LOCKED); a failing push service gets
 * retries with back-off; reminders are created once per object per kind at their Amsterdam time.
 */
import { caseSystemFor } from '../../case-system/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../domain/dates';
import { amsterdamInstant } from '../../../domain/availability-time';
import { EMAIL_SUBJECT } from '../../../domain/notification-texts';
import { loadConfig } from '../../config';
import { createTestApp, bothDatabases, type TestApp } from '../../testing';
import { createDocumentRequest } from '../documents/staff';
import { smtpSender } from './email';
import { recordNotificationEvent } from './events';
import { vapidKeys, webPushSender, type PushSender } from './push';
import { scheduleReminders } from './scheduler';
import { addDevice, confirmEmail, startEmailOptIn } from './service';
import { browserSubscription, startPushService, startSmtpServer } from './testing';
import { DeliveryWorker, LEASE_MS } from './worker';

const ANNA = '999990032';
const NOW = new Date('2026-11-18T10:00:00Z');

describe.each(bothDatabases)('notification delivery on %s', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let pushService: Awaited<ReturnType<typeof startPushService>>;
  let failing = false;
  let caseId: string;

  const realPush = async () => {
    const settings = t.ctx.config.notifications;
    return webPushSender(await vapidKeys(t.ctx.db, settings), settings.vapidSubject, { agent: pushService.agent });
  };
  const newWorker = (push: () => Promise<PushSender | null> = realPush) =>
    new DeliveryWorker({
      db: t.ctx.db,
      cases: caseSystemFor(t.ctx, t.ctx.db),
      clock: t.clock,
      publicUrl: 'https://loket.example',
      mail: smtpSender(smtp.url, 'Loket <noreply@loket.example>'),
      push,
    });
  const eventMails = () => smtp.mails.filter((m) => m.subject === EMAIL_SUBJECT);
  const statusChange = () =>
    t.ctx.db.transaction().execute((trx) =>
      recordNotificationEvent(trx, t.clock, {
        type: 'status_changed',
        residentBsn: ANNA,
        caseId,
        link: `/aanvragen/${caseId}`,
      }),
    );

  beforeAll(async () => {
    smtp = await startSmtpServer();
    pushService = await startPushService(() => (failing ? 503 : 201));
    const base = loadConfig({ PORT: '8080' }).notifications;
    t = await createTestApp(kind, {
      now: NOW,
      config: {
        notifications: { ...base, workerIntervalMs: 0, smtp: { url: smtp.url, from: 'Loket <noreply@loket.example>' } },
      },
    });
    caseId = (
      await t.ctx.db.selectFrom('case_roles').select('case_id').where('bsn', '=', ANNA).executeTakeFirstOrThrow()
    ).case_id;
    // Anna: one phone subscribed, a verified e-mail address (seeded through the module's own functions).
    const phone = browserSubscription(`${pushService.origin}/send/anna`);
    await addDevice(t.ctx.db, t.clock, ANNA, { endpoint: phone.endpoint, keys: phone.keys, label: 'Telefoon' });
    await startEmailOptIn(t.ctx.db, t.clock, ANNA, 'anna@example.nl');
    const job = await t.ctx.db
      .selectFrom('notification_jobs')
      .select('payload')
      .where('kind', '=', 'verify_email')
      .executeTakeFirstOrThrow();
    expect(await confirmEmail(t.ctx.db, t.clock, job.payload!.token)).toBe(true);
    await newWorker().runOnce(); // the confirmation mail
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await pushService?.close();
  });

  it('sends each message exactly once per channel when a worker dies mid-send and another takes over', async () => {
    smtp.mails.length = 0;
    pushService.received.length = 0;
    for (let i = 0; i < 3; i++) await statusChange();

    // Worker A sends the first job, then hangs in the middle of its second send and is never
    // heard from again (a killed process: no error, no clean-up).
    let calls = 0;
    let hung!: () => void;
    const reachedHang = new Promise<void>((resolve) => (hung = resolve));
    const dying = newWorker(async () => {
      const real = await realPush();
      return {
        send: (target, payload, options) => {
          calls += 1;
          if (calls === 2) {
            hung();
            return new Promise(() => undefined);
          }
          return real.send(target, payload, options);
        },
      };
    });
    void dying.runOnce();
    await reachedHang;

    // Worker B, started while A's lease still runs: everything except A's job in flight.
    const restarted = newWorker();
    const first = await restarted.runOnce();
    expect(first.retried).toBe(0);
    const pending = await t.ctx.db
      .selectFrom('notification_jobs')
      .select(['channel', 'attempts'])
      .where('sent_at', 'is', null)
      .where('kind', '=', 'event')
      .execute();
    expect(pending).toEqual([{ channel: 'push', attempts: 1 }]);

    // After the lease has run out, B sends that one too, and then nothing more.
    t.clock.advanceMinutes(LEASE_MS / 60_000 + 1);
    expect(await restarted.runOnce()).toEqual({ sent: 1, retried: 0 });
    expect(await restarted.runOnce()).toEqual({ sent: 0, retried: 0 });

    const topics = pushService.received.map((p) => p.headers.topic);
    expect(topics).toHaveLength(3);
    expect(new Set(topics).size).toBe(3);
    const ids = eventMails().map((m) => m.messageId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('never sends a job twice with two workers at the same time', async () => {
    smtp.mails.length = 0;
    pushService.received.length = 0;
    for (let i = 0; i < 4; i++) await statusChange();
    const rounds = await Promise.all([newWorker().runOnce(), newWorker().runOnce()]);
    expect(rounds[0].sent + rounds[1].sent).toBe(8);
    expect(pushService.received).toHaveLength(4);
    expect(eventMails()).toHaveLength(4);
  });

  it('retries a failing push service with back-off, then delivers', async () => {
    pushService.received.length = 0;
    failing = true;
    await statusChange();
    const worker = newWorker();
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 1 }); // e-mail sent, push retried
    const job = await t.ctx.db
      .selectFrom('notification_jobs')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('kind', '=', 'event')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ channel: 'push', attempts: 1, last_error: 'push_failed_1', lease_until: null });
    expect(new Date(job.next_attempt_at).getTime() - t.clock.now().getTime()).toBe(30_000);
    failing = false;
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0 }); // not yet
    t.clock.advanceMinutes(1);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0 });
  });

  it('creates document reminders once, at 09:00 two days before and at 08:00 on the day (Amsterdam time)', async () => {
    const today = amsterdamDateOf(t.clock.now());
    const due = addDays(today, 3);
    const request = await createDocumentRequest(t.ctx.db, t.ctx, {
      caseId,
      title: { nl: 'Loonstrook' },
      reason: { nl: 'Voor uw inkomen.' },
      dueDate: due,
    });
    const reminders = (type: 'document_due_soon' | 'document_due_today') =>
      t.ctx.db
        .selectFrom('notification_messages')
        .select('id')
        .where('type', '=', type)
        .where('object_id', '=', request.id)
        .execute();

    t.clock.set(new Date(amsterdamInstant(addDays(due, -2), '09:00').getTime() - 60_000));
    await scheduleReminders(t.ctx.db, t.clock, caseSystemFor(t.ctx, t.ctx.db));
    expect(await reminders('document_due_soon')).toHaveLength(0);
    t.clock.set(amsterdamInstant(addDays(due, -2), '09:00'));
    expect(await scheduleReminders(t.ctx.db, t.clock, caseSystemFor(t.ctx, t.ctx.db))).toBe(1);
    expect(await scheduleReminders(t.ctx.db, t.clock, caseSystemFor(t.ctx, t.ctx.db))).toBe(0);
    expect(await reminders('document_due_soon')).toHaveLength(1);

    t.clock.set(amsterdamInstant(due, '08:00'));
    expect(await scheduleReminders(t.ctx.db, t.clock, caseSystemFor(t.ctx, t.ctx.db))).toBe(1);
    expect(await reminders('document_due_today')).toHaveLength(1);
    const [message] = await t.ctx.db
      .selectFrom('notification_messages')
      .select(['link', 'bsn'])
      .where('type', '=', 'document_due_today')
      .execute();
    expect(message).toEqual({ link: `/aanvragen/${caseId}/documenten`, bsn: ANNA });
  });

  it('reminds of an appointment once, at 09:00 the day before (Amsterdam time)', async () => {
    t.clock.set(NOW);
    const appointment = await t.ctx.db
      .selectFrom('appointments')
      .select(['id', 'bsn', 'starts_at'])
      .where('state', '=', 'booked')
      .where('starts_at', '>', NOW)
      .orderBy('starts_at')
      .executeTakeFirstOrThrow(); // from the demo data
    const startsAt = new Date(appointment.starts_at);
    const dayBefore = addDays(amsterdamDateOf(startsAt), -1);
    const reminders = () =>
      t.ctx.db
        .selectFrom('notification_messages')
        .select(['bsn', 'link'])
        .where('type', '=', 'appointment_tomorrow')
        .where('object_id', '=', appointment.id)
        .execute();

    t.clock.set(new Date(amsterdamInstant(dayBefore, '09:00').getTime() - 60_000));
    await scheduleReminders(t.ctx.db, t.clock, caseSystemFor(t.ctx, t.ctx.db));
    expect(await reminders()).toHaveLength(0);
    t.clock.set(amsterdamInstant(dayBefore, '09:00'));
    await scheduleReminders(t.ctx.db, t.clock, caseSystemFor(t.ctx, t.ctx.db));
    await scheduleReminders(t.ctx.db, t.clock, caseSystemFor(t.ctx, t.ctx.db));
    expect(await reminders()).toEqual([{ bsn: appointment.bsn, link: `/afspraken/${appointment.id}` }]);
  });

  it('holds a push back until 08:00 during the quiet hours, the e-mail not', async () => {
    t.clock.set(new Date('2026-11-20T22:30:00Z')); // 23:30 in Amsterdam
    await statusChange();
    const jobs = await t.ctx.db
      .selectFrom('notification_jobs')
      .select(['channel', 'next_attempt_at'])
      .where('created_at', '=', t.clock.now())
      .execute();
    expect(jobs).toHaveLength(2);
    const push = jobs.find((j) => j.channel === 'push')!;
    expect(new Date(push.next_attempt_at).toISOString()).toBe('2026-11-21T07:00:00.000Z'); // 08:00 CET
    const email = jobs.find((j) => j.channel === 'email')!;
    expect(new Date(email.next_attempt_at).toISOString()).toBe('2026-11-20T22:30:00.000Z');
  });
});
