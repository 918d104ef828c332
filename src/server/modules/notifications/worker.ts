/**
 * The delivery worker (issue 8 point 5): started by the server, it creates due reminders and
 * sends waiting jobs, with retries and back-off.
 *
 * At most once per event per channel, also with several server instances and across restarts:
 * - A job is claimed with `FOR UPDATE SKIP LOCKED` (two instances on PostgreSQL never claim the
 *   same job; PGlite has one connection, where the same SQL simply never meets a lock) and gets
 *   a lease (lease_until + a fresh lease_token). The claim commits before anything is sent, and
 *   no transaction stays open while a push service or SMTP server is slow.
 * - Sending has timeouts well inside the lease; after the send, the job is closed only by the
 *   claim that holds the current token. A worker that died mid-send leaves its lease to expire;
 *   then another worker claims the job again.
 * - Where the channel allows, a second send is harmless: a push job records each device it
 *   reached (push_deliveries) and carries a Topic (the push service replaces an undelivered
 *   message with the same topic); an e-mail has a Message-ID derived from the job.
 */
import type { CaseSystem } from '../../case-system/index';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { eventMail, verificationMail, type MailSender } from './email';
import { pushPayload, type PushSender } from './push';
import { scheduleReminders } from './scheduler';
import type { JobChannel, JobKind } from './tables';

export const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 10;
const JOBS_PER_ROUND = 200;
const REMINDERS_EVERY_MS = 60_000;

/** 30 s, 1 min, 2 min, ... up to 6 hours between attempts. */
function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export interface WorkerDeps {
  db: Kysely<Database>;
  /** Whose cases the reminders are about (bound to `db`: the scan runs outside any request) */
  cases: CaseSystem;
  clock: Clock;
  publicUrl: string;
  /** null: push cannot be sent by this process (jobs wait) */
  push: () => Promise<PushSender | null>;
  /** null: no SMTP configured; e-mail jobs end as 'email_off' */
  mail: MailSender | null;
  /** Errors worth a log line: codes and ids only, never an address or a BSN */
  log?: (message: string, details: Record<string, unknown>) => void;
}

interface ClaimedJob {
  id: string;
  bsn: string;
  message_id: string | null;
  kind: JobKind;
  channel: JobChannel;
  payload: { address: string; token: string } | null;
  attempts: number;
  lease_token: string;
}

type Outcome = { done: true; note?: string } | { done: false; error: string };

export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastReminders = 0;
  private stopped = false;

  constructor(private readonly deps: WorkerDeps) {}

  /** Runs a round every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the interval and waits for the round in progress (server shutdown, test teardown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Runs a round soon (after a change that queued a job), unless one is running. */
  poke(): void {
    if (this.timer) setImmediate(() => void this.tick());
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = this.runOnce().catch((error: unknown) => {
      this.deps.log?.('notification round failed', { error: error instanceof Error ? error.message : String(error) });
    });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** One round: due reminders (at most once a minute), then every due job. */
  async runOnce(): Promise<{ sent: number; retried: number }> {
    const now = this.deps.clock.now();
    if (now.getTime() - this.lastReminders >= REMINDERS_EVERY_MS) {
      this.lastReminders = now.getTime();
      await scheduleReminders(this.deps.db, this.deps.clock, this.deps.cases);
    }
    let sent = 0;
    let retried = 0;
    // One job per claim: each lease starts right before its own send, so a slow job never lets
    // the lease of another claimed-but-waiting job run out.
    for (let n = 0; n < JOBS_PER_ROUND && !this.stopped; n++) {
      const [job] = await this.claim();
      if (!job) break;
      const outcome = await this.deliver(job).catch((error: unknown): Outcome => ({
        done: false,
        error: error instanceof Error ? error.name : 'error',
      }));
      if (await this.finish(job, outcome)) {
        if (outcome.done) sent++;
        else retried++;
      }
    }
    return { sent, retried };
  }

  private async claim(): Promise<ClaimedJob[]> {
    const now = this.deps.clock.now();
    const token = randomUUID();
    const result = await sql<ClaimedJob>`
      update notification_jobs
         set lease_until = ${new Date(now.getTime() + LEASE_MS)}, lease_token = ${token}, attempts = attempts + 1
       where id in (
         select id from notification_jobs
          where sent_at is null and failed_at is null
            and next_attempt_at <= ${now}
            and (lease_until is null or lease_until <= ${now})
          order by next_attempt_at
          limit 1
          for update skip locked)
      returning id, bsn, message_id, kind, channel, payload, attempts, lease_token`.execute(this.deps.db);
    return result.rows;
  }

  private async finish(job: ClaimedJob, outcome: Outcome): Promise<boolean> {
    const now = this.deps.clock.now();
    const mine = this.deps.db
      .updateTable('notification_jobs')
      .where('id', '=', job.id)
      .where('lease_token', '=', job.lease_token);
    const cleared = { lease_until: null, lease_token: null };
    if (outcome.done) {
      const result = await mine
        .set({
          ...cleared,
          sent_at: now,
          last_error: outcome.note ?? null,
          ...(job.kind === 'verify_email' ? { payload: null } : {}),
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    }
    this.deps.log?.('notification delivery failed', {
      job: job.id,
      channel: job.channel,
      attempts: job.attempts,
      error: outcome.error,
    });
    const giveUp = job.attempts >= MAX_ATTEMPTS;
    const result = await mine
      .set({
        ...cleared,
        last_error: outcome.error.slice(0, 200),
        ...(giveUp
          ? { failed_at: now, payload: null }
          : { next_attempt_at: new Date(now.getTime() + backoffMs(job.attempts)) }),
      })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private async deliver(job: ClaimedJob): Promise<Outcome> {
    if (job.kind === 'verify_email') return this.deliverVerification(job);
    const message = await this.deps.db
      .selectFrom('notification_messages')
      .select(['id', 'type', 'link'])
      .where('id', '=', job.message_id!)
      .executeTakeFirst();
    if (!message) return { done: true, note: 'message_gone' };
    const preferences = await this.deps.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('bsn', '=', job.bsn)
      .executeTakeFirst();
    if (job.channel === 'email') {
      if (!preferences?.email_enabled || !preferences.email_address) return { done: true, note: 'switched_off' };
      if (!this.deps.mail) return { done: true, note: 'email_off' };
      await this.deps.mail.send(
        eventMail({
          to: preferences.email_address,
          type: message.type,
          link: message.link,
          publicUrl: this.deps.publicUrl,
          unsubscribeToken: preferences.unsubscribe_token,
          jobId: job.id,
        }),
      );
      return { done: true };
    }
    if (preferences && !preferences.push_enabled) return { done: true, note: 'switched_off' };
    return this.deliverPush(job, message);
  }

  private async deliverVerification(job: ClaimedJob): Promise<Outcome> {
    if (!job.payload) return { done: true, note: 'no_payload' };
    if (!this.deps.mail) return { done: true, note: 'email_off' };
    await this.deps.mail.send(
      verificationMail({
        to: job.payload.address,
        token: job.payload.token,
        publicUrl: this.deps.publicUrl,
        jobId: job.id,
      }),
    );
    return { done: true };
  }

  private async deliverPush(job: ClaimedJob, message: { id: string; type: string; link: string }): Promise<Outcome> {
    const sender = await this.deps.push();
    if (!sender) return { done: false, error: 'push_unavailable' };
    const { db } = this.deps;
    const devices = await db
      .selectFrom('push_subscriptions')
      .leftJoin('push_deliveries', (join) =>
        join
          .onRef('push_deliveries.subscription_id', '=', 'push_subscriptions.id')
          .on('push_deliveries.job_id', '=', job.id),
      )
      .select([
        'push_subscriptions.id',
        'push_subscriptions.endpoint',
        'push_subscriptions.p256dh',
        'push_subscriptions.auth',
      ])
      .where('push_subscriptions.bsn', '=', job.bsn)
      .where('push_deliveries.job_id', 'is', null)
      .execute();
    let failures = 0;
    for (const device of devices) {
      const outcome = await sender.send(device, pushPayload(message.link), {
        // 32 base64url characters: the message id without dashes
        topic: message.id.replace(/-/g, ''),
        urgent: message.type === 'document_due_today',
      });
      const now = this.deps.clock.now();
      if (outcome === 'sent') {
        await db
          .insertInto('push_deliveries')
          .values({ job_id: job.id, subscription_id: device.id, sent_at: now })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await db.updateTable('push_subscriptions').set({ last_sent_at: now }).where('id', '=', device.id).execute();
      } else if (outcome === 'gone') {
        await db.deleteFrom('push_subscriptions').where('id', '=', device.id).execute();
      } else failures++;
    }
    return failures > 0 ? { done: false, error: `push_failed_${failures}` } : { done: true };
  }
}
