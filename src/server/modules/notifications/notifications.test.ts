/**
 * Notifications end to end on the server, on both databases: a case worker's status change
 * becomes exactly one inbox message, one push job and one e-mail job; the worker delivers the
 * e-mail to a real SMTP server (subject without personal details, text and HTML, unsubscribe)
 * and the push to a local push service, encrypted so that only the subscription's key decrypts
 * it to "Er is nieuws in Loket" and the link; a 410 removes the subscription. Also the inbox API,
 * settings, e-mail opt-in with its confirmation link, and unsubscribe.
 */
import { caseSystemFor } from '../../case-system/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_SUBJECT, EMAIL_VERIFY_SUBJECT, NOTIFICATION_TEXTS, PUSH_TEXT } from '../../../domain/notification-texts';
import { loadConfig } from '../../config';
import { Browser, createTestApp, testDatabases, type TestApp } from '../../testing';
import { casesOf, logInResident, logInStaff, post } from '../staff/testing';
import { smtpSender } from './email';
import { vapidKeys, webPushSender } from './push';
import { browserSubscription, startPushService, startSmtpServer } from './testing';
import { DeliveryWorker } from './worker';

const JAN = '999990019'; // Leidschendam-Voorburg: bijstand, information requested
const NOW = new Date('2026-11-18T10:00:00Z'); // 11:00 in Amsterdam: outside the quiet hours

describe.each(testDatabases)('notifications on %s', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let pushService: Awaited<ReturnType<typeof startPushService>>;
  let worker: DeliveryWorker;
  let karin: Browser;
  let jan: Browser;
  let caseId: string;
  const phone = browserSubscription('');
  const oldPhone = browserSubscription('');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    pushService = await startPushService((path) => (path.startsWith('/gone') ? 410 : 201));
    const base = loadConfig({ PORT: '8080' }).notifications;
    t = await createTestApp(kind, {
      now: NOW,
      config: {
        notifications: { ...base, workerIntervalMs: 0, smtp: { url: smtp.url, from: 'Loket <noreply@loket.example>' } },
      },
    });
    const settings = t.ctx.config.notifications;
    worker = new DeliveryWorker({
      db: t.ctx.db,
      cases: caseSystemFor(t.ctx, t.ctx.db),
      clock: t.clock,
      publicUrl: t.ctx.config.publicUrl,
      mail: smtpSender(smtp.url, 'Loket <noreply@loket.example>'),
      push: async () =>
        webPushSender(await vapidKeys(t.ctx.db, settings), settings.vapidSubject, { agent: pushService.agent }),
    });
    karin = (await logInStaff(t, 'k.jansen')).browser;
    jan = (await logInResident(t, JAN)).browser;
    caseId = (await casesOf(t, JAN))[0]!.id;
    phone.endpoint = `${pushService.origin}/send/phone-of-jan`;
    oldPhone.endpoint = `${pushService.origin}/gone/old-tablet`;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await pushService?.close();
  });

  it('starts with push on, e-mail available but off, quiet hours on, and a VAPID key for subscribing', async () => {
    const settings = (await jan.get('/api/notifications/settings')).json();
    expect(settings).toMatchObject({
      push: { enabled: true, devices: [] },
      email: { available: true, enabled: false, address: null, pendingAddress: null },
      quietHours: true,
    });
    expect(settings.push.publicKey).toMatch(/^[A-Za-z0-9_-]{80,90}$/);
    // Generated once and kept: the same key after asking again.
    expect((await jan.get('/api/notifications/settings')).json().push.publicKey).toBe(settings.push.publicKey);
  });

  it('subscribes two devices and lists them', async () => {
    for (const [subscription, label] of [
      [phone, 'Chrome op Android'],
      [oldPhone, 'Oude tablet'],
    ] as const) {
      const res = await post(jan, '/api/notifications/devices', {
        endpoint: subscription.endpoint,
        keys: subscription.keys,
        label,
      });
      expect(res.statusCode).toBe(201);
    }
    const { devices } = (await jan.get('/api/notifications/settings')).json().push;
    expect(devices.map((d: { label: string }) => d.label).sort()).toEqual(['Chrome op Android', 'Oude tablet']);
  });

  it('opts in to e-mail with a confirmation link sent to the address', async () => {
    const asked = await post(jan, '/api/notifications/email', { address: 'jan@example.nl' });
    expect(asked.statusCode).toBe(202);
    expect(asked.json().email).toMatchObject({ enabled: false, address: null, pendingAddress: 'jan@example.nl' });
    await worker.runOnce();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['jan@example.nl']);
    expect(mail.subject).toBe(EMAIL_VERIFY_SUBJECT);
    const link = /http:\/\/localhost:8080(\/api\/notifications\/email\/verify\?token=[A-Za-z0-9_%-]+)/.exec(
      mail.text,
    )?.[1];
    expect(link).toBeDefined();
    expect(mail.html).toContain('Bevestig mijn e-mailadres');

    const wrong = await new Browser(t.app).get('/api/notifications/email/verify?token=not-the-token-at-all-xxxxxxxx');
    expect(wrong.headers.location).toBe('/instellingen/meldingen?email=verlopen');
    // Opened from the mailbox, perhaps on another device: no session needed.
    const confirmed = await new Browser(t.app).get(link!);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/instellingen/meldingen?email=bevestigd');
    expect((await jan.get('/api/notifications/settings')).json().email).toMatchObject({
      enabled: true,
      address: 'jan@example.nl',
      pendingAddress: null,
    });
  });

  it('asks for a fresh login before a new e-mail address is accepted (more than 5 minutes after login)', async () => {
    const { browser: anna } = await logInResident(t, '999990068');
    t.clock.advanceMinutes(6);
    try {
      const late = await post(anna, '/api/notifications/email', { address: 'anna@example.nl' });
      expect(late.statusCode).toBe(403);
      expect(late.json().error.code).toBe('REAUTH_REQUIRED');
      expect((await anna.get('/api/notifications/settings')).json().email).toMatchObject({
        address: null,
        pendingAddress: null,
      });
      // A fresh login is accepted: the opt-in test above does exactly that, right after login.
    } finally {
      t.clock.advanceMinutes(-6);
    }
  });

  it('tells of the seeded letter that asks for information as a letter, not as our decision', async () => {
    const { messages } = (await jan.get('/api/notifications')).json() as {
      messages: Array<{ type: string; link: string }>;
    };
    expect(messages.map((m) => m.type)).toContain('letter_available');
    expect(messages.map((m) => m.type)).not.toContain('decision_letter_available');
    expect(messages.find((m) => m.type === 'letter_available')!.link).toBe(`/aanvragen/${caseId}/documenten`);
  });

  it('turns a status change into exactly one inbox message, one push job and one e-mail job', async () => {
    const before = (await jan.get('/api/notifications')).json();
    const changed = await post(karin, `/api/staff/cases/${caseId}/status`, { status: 'in_progress' });
    expect(changed.statusCode).toBe(200);

    const inbox = (await jan.get('/api/notifications')).json();
    expect(inbox.messages).toHaveLength(before.messages.length + 1);
    expect(inbox.messages[0]).toMatchObject({ type: 'status_changed', link: `/aanvragen/${caseId}`, read: false });
    expect(inbox.unread).toBe(before.unread + 1);
    const jobs = await t.ctx.db
      .selectFrom('notification_jobs')
      .select(['channel', 'kind'])
      .where('message_id', '=', inbox.messages[0].id)
      .execute();
    expect(jobs.map((j) => j.channel).sort()).toEqual(['email', 'push']);
  });

  it('delivers the e-mail to the SMTP server: no personal details in the subject, text and HTML, unsubscribe link', async () => {
    smtp.mails.length = 0;
    pushService.received.length = 0;
    const round = await worker.runOnce();
    expect(round).toEqual({ sent: 2, retried: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe(EMAIL_SUBJECT);
    expect(mail.subject).not.toMatch(/Jan|999990019|BB-/);
    expect(mail.text).toContain(NOTIFICATION_TEXTS.nl.status_changed.body);
    expect(mail.text).toContain(NOTIFICATION_TEXTS.en.status_changed.body);
    expect(mail.text).toContain(`http://localhost:8080/aanvragen/${caseId}`);
    expect(mail.html).toContain(`<a href="http://localhost:8080/aanvragen/${caseId}">`);
    const headers = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
    expect(headers).toMatch(
      /^List-Unsubscribe:\s+<http:\/\/localhost:8080\/api\/notifications\/email\/unsubscribe\?token=/m,
    );
    expect(headers).toMatch(/^List-Unsubscribe-Post:\s+List-Unsubscribe=One-Click/m);
  });

  it('sends the push encrypted to the push service: it decrypts to the text and link only; 410 removes that device', async () => {
    const toPhone = pushService.received.filter((p) => p.path === '/send/phone-of-jan');
    expect(toPhone).toHaveLength(1);
    const push = toPhone[0]!;
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(push.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(push.body.toString('utf8')).not.toContain('Loket');
    expect(JSON.parse(phone.decrypt(push.body))).toEqual({ text: PUSH_TEXT, link: `/aanvragen/${caseId}` });

    // The old tablet's subscription answered 410 Gone: removed, the phone stays.
    expect(pushService.received.filter((p) => p.path === '/gone/old-tablet')).toHaveLength(1);
    const { devices } = (await jan.get('/api/notifications/settings')).json().push;
    expect(devices.map((d: { label: string }) => d.label)).toEqual(['Chrome op Android']);

    // Sent means sent: another round sends nothing again.
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0 });
    expect(pushService.received.filter((p) => p.path === '/send/phone-of-jan')).toHaveLength(1);
  });

  it('marks messages read, one or all, and counts what is unread', async () => {
    const inbox = (await jan.get('/api/notifications')).json();
    expect(inbox.unread).toBeGreaterThan(0);
    const one = await post(jan, `/api/notifications/${inbox.messages[0].id}/read`, {});
    expect(one.json()).toEqual({ unread: inbox.unread - 1 });
    expect((await jan.get('/api/notifications')).json().messages[0].read).toBe(true);
    expect((await post(jan, '/api/notifications/read-all', {})).json()).toEqual({ unread: 0 });
    expect((await jan.get('/api/notifications/unread')).json()).toEqual({ unread: 0 });
    const notMine = await post(jan, '/api/notifications/00000000-0000-4000-8000-000000000000/read', {});
    expect(notMine.statusCode).toBe(404);
  });

  it('unsubscribes by the link in the mail: the GET only asks, the POST switches e-mail off', async () => {
    const token = /unsubscribe\?token=([A-Za-z0-9_-]+)/.exec(smtp.mails[0]!.text)![1]!;
    const anonymous = new Browser(t.app);
    const page = await anonymous.get(`/api/notifications/email/unsubscribe?token=${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Geen e-mail meer');
    expect((await jan.get('/api/notifications/settings')).json().email.enabled).toBe(true);
    const done = await anonymous.request({
      method: 'POST',
      url: `/api/notifications/email/unsubscribe?token=${token}`,
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('U krijgt geen berichten van Loket meer per e-mail');
    expect((await jan.get('/api/notifications/settings')).json().email).toMatchObject({
      enabled: false,
      address: 'jan@example.nl',
    });
  });

  it("refuses another person's inbox without a session, and revokes a device", async () => {
    expect((await new Browser(t.app).get('/api/notifications')).statusCode).toBe(401);
    const { devices } = (await jan.get('/api/notifications/settings')).json().push;
    const revoked = await post(jan, `/api/notifications/devices/${devices[0].id}/revoke`, {});
    expect(revoked.statusCode).toBe(204);
    expect((await jan.get('/api/notifications/settings')).json().push.devices).toEqual([]);
  });
});
