/**
 * Loket as an operator runs it (issue 15): two instances of the built server on this machine's
 * PostgreSQL (a database of their own), Redis (a key prefix of their own) and an S3 emulator
 * (s3rver), behind Debian's nginx with the repository's example configuration
 * (deploy/nginx/loket.conf.template), round robin. Everything goes over real HTTP; logins follow
 * the simulator's OpenID Connect redirects with a cookie jar, no browser.
 * Where a test must be sure that two requests met two different instances, it sends them to the
 * instances directly, in turn (as round robin would, but certainly).
 * Figures (logins, failed requests during the connection kill and the rolling restart, requests
 * served) are printed at the end; README "Deployment" quotes them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsortium } from '../../src/consortia/index';
import { isoWeekday, type IsoDate } from '../../src/domain/dates';
import { findOffice } from '../../src/domain/consortium-schema';
import { EMAIL_SUBJECT } from '../../src/domain/notification-texts';
import { startTestS3, type TestS3 } from '../../src/server/blobs/test-s3';
import { systemClock } from '../../src/server/clock';
import { openDatabase } from '../../src/server/db/database';
import { pdf } from '../../src/server/modules/documents/test-fixtures';
import { recordNotificationEvent } from '../../src/server/modules/notifications/events';
import { startSmtpServer } from '../../src/server/modules/notifications/testing';
import { HttpBrowser, logInResident, logInStaff } from './browser';
import { freePort, Instance, Nginx, until } from './processes';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const RESIDENTS = ['999990019', '999990032', '999990044', '999990056', '999990068'];
const STAFF = ['k.jansen', 'm.bakker', 'f.dekker', 'p.smit', 'a.visser'];
const PLACE = 'voorburg-corbulo';
/** Login starts per device per minute in the cluster (LOKET_RATE_LOGIN_PER_DEVICE) */
const LOGIN_LIMIT = 10;

const seconds = (list: number[]) => list.map((s) => `${s.toFixed(1)} s`).join(' and ');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const figures = {
  residentLogins: 0,
  staffLogins: 0,
  killedConnections: 0,
  retriedAfter503: 0,
  failedDuringKill: 0,
  requestsDuringKill: 0,
  failedDuringRestart: 0,
  requestsDuringRestart: 0,
  restartSeconds: 0,
  /** Seconds from SIGTERM to exit, and from start to ready, per instance during the restart */
  stopSeconds: [] as number[],
  startSeconds: [] as number[],
};

/**
 * Residents using Loket while something happens to it: `workers` loops through the proxy, each
 * reading its resident's data and now and then marking messages read (a change, with an
 * Idempotency-Key). A 503 DATABASE_UNAVAILABLE is retried when `retry503` (the client's side of
 * Retry-After, shortened to 100 ms here); every other answer but 200 is a failed request.
 */
function residentsAtWork(browsers: HttpBrowser[], { retry503, workers = 4 }: { retry503: boolean; workers?: number }) {
  if (browsers.length === 0) throw new Error('No signed-in residents: the login test failed');
  let stopped = false;
  const state = { served: 0, retried: 0, failures: [] as string[] };
  const once = async (browser: HttpBrowser, i: number) => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const answer =
        i % 5 === 4 ? await browser.send('POST', '/api/notifications/read-all', {}) : await browser.request('/api/me');
      state.served += 1;
      if (answer.status === 200) return;
      const code = answer.text.includes('DATABASE_UNAVAILABLE') ? 'DATABASE_UNAVAILABLE' : '';
      if (!(retry503 && answer.status === 503 && code)) {
        state.failures.push(`${answer.status} ${answer.text.slice(0, 400)}`);
        return;
      }
      state.retried += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    state.failures.push('503 after 30 tries');
  };
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; !stopped; i += 1) {
      await once(browsers[(w + i * workers) % browsers.length]!, i).catch((error: Error) =>
        state.failures.push(`network: ${error.message}`),
      );
    }
  });
  return {
    state,
    /** Resolves once `n` more requests were answered. */
    served: (n: number) => {
      const target = state.served + n;
      return until(`${n} more requests`, 30_000, async () => state.served >= target);
    },
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return state;
    },
  };
}

/** Units a slot has, from the consortium's desks (what the availability computes from). */
function capacityOf(slot: { date: string; time: string }, type: string): number {
  const office = findOffice(loadConsortium(), PLACE)!;
  const day = isoWeekday(slot.date as IsoDate);
  return (office.desks ?? [])
    .filter((desk) => desk.types.includes(type) && !desk.urgentOnly)
    .flatMap((desk) => desk.hours)
    .filter((h) => h.days.includes(day) && h.from <= slot.time && slot.time < h.until)
    .reduce((sum, h) => sum + h.units, 0);
}

describe('two instances behind nginx on PostgreSQL, Redis and S3', () => {
  const database = `loket_cluster_${randomBytes(4).toString('hex')}`;
  const databaseUrl = (() => {
    const url = new URL(DATABASE_URL);
    url.pathname = `/${database}`;
    return url.toString();
  })();
  let admin: pg.Client;
  let sql: pg.Client;
  let s3: TestS3;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let folder: string;
  let instances: Instance[] = [];
  let nginx: Nginx;
  const residents: HttpBrowser[] = [];

  beforeAll(async () => {
    if (!existsSync('dist/server/main.js')) throw new Error('No build: run node scripts/build-once.mjs first');
    if (!existsSync(NGINX)) throw new Error(`No nginx at ${NGINX}: run node scripts/ensure-nginx.mjs`);
    admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect().catch((error: Error) => {
      throw new Error(`PostgreSQL at ${DATABASE_URL} does not answer (${error.message}); set DATABASE_URL`);
    });
    await admin.query(`create database ${database}`);
    sql = new pg.Client({ connectionString: databaseUrl, application_name: 'loket-cluster-test' });
    await sql.connect();
    [s3, smtp, folder] = await Promise.all([
      startTestS3('loket-cluster'),
      startSmtpServer(),
      mkdtemp(join(tmpdir(), 'loket-cluster-')),
    ]);
    const [portA, portB, proxyPort] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
      DATABASE_URL: databaseUrl,
      LOKET_DEMO_DATA: 'true',
      LOKET_INSTANCES: '2',
      REDIS_URL,
      LOKET_REDIS_PREFIX: `${database}:`,
      LOKET_S3_BUCKET: s3.config.bucket,
      LOKET_S3_ENDPOINT: s3.config.endpoint,
      LOKET_S3_ACCESS_KEY_ID: s3.config.credentials!.accessKeyId,
      LOKET_S3_SECRET_ACCESS_KEY: s3.config.credentials!.secretAccessKey,
      LOKET_DATA_DIR: folder,
      SMTP_URL: smtp.url,
      LOKET_NOTIFY_INTERVAL_MS: '200',
      // A short drain keeps the rolling restart short; what it proves does not depend on the length.
      LOKET_DRAIN_SECONDS: '1',
      LOKET_RATE_LOGIN_PER_DEVICE: String(LOGIN_LIMIT),
      LOG_LEVEL: process.env.LOKET_CLUSTER_LOG_LEVEL || 'warn',
    };
    instances = [new Instance('instance A', portA, env), new Instance('instance B', portB, env)];
    // Both at once on the empty database: migrations and demo data under the start-up lock.
    await Promise.all(instances.map((instance) => instance.start()));
    nginx = new Nginx(NGINX, folder, proxyPort);
    await nginx.start(instances);
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await sql?.end();
    await admin?.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
    await Promise.all([s3?.close(), smtp?.close(), folder && rm(folder, { recursive: true, force: true })]);
    console.log(
      [
        'cluster figures:',
        `  logins ok: ${figures.residentLogins}/20 residents, ${figures.staffLogins}/10 staff`,
        `  connection kill: ${figures.killedConnections} connections ended, ${figures.requestsDuringKill} requests, ` +
          `${figures.retriedAfter503} answered 503 and retried, ${figures.failedDuringKill} failed`,
        `  rolling restart: ${figures.requestsDuringRestart} requests in ${figures.restartSeconds.toFixed(1)} s, ` +
          `${figures.failedDuringRestart} failed (SIGTERM to exit ${seconds(figures.stopSeconds)}, ` +
          `start to ready ${seconds(figures.startSeconds)})`,
      ].join('\n'),
    );
  }, 60_000);

  it('logs 20 residents and 10 staff in through the simulator, each step wherever the proxy sends it', async () => {
    const logins = await Promise.allSettled(
      Array.from({ length: 20 }, async (_, i) => {
        const browser = new HttpBrowser(nginx.url);
        expect(await logInResident(browser, RESIDENTS[i % RESIDENTS.length]!)).toBe('/aanvragen');
        expect((await browser.request('/api/me')).status).toBe(200);
        residents[i] = browser;
      }),
    );
    const staff = await Promise.allSettled(
      Array.from({ length: 10 }, async (_, i) => {
        const browser = new HttpBrowser(nginx.url);
        expect(await logInStaff(browser, STAFF[i % STAFF.length]!)).toBe('/beheer');
        expect((await browser.request('/api/staff/me')).status).toBe(200);
      }),
    );
    figures.residentLogins = logins.filter((l) => l.status === 'fulfilled').length;
    figures.staffLogins = staff.filter((l) => l.status === 'fulfilled').length;
    const reasons = [...logins, ...staff].flatMap((l) => (l.status === 'rejected' ? [String(l.reason)] : []));
    expect(reasons).toEqual([]);
    // Every session works on either instance.
    for (const browser of residents) {
      for (const instance of instances) {
        expect((await browser.request('/api/me', { origin: instance.url })).status).toBe(200);
      }
    }
  });

  it('takes a tus upload whose PATCHes alternate between the instances, byte-equal after download', async () => {
    const jan = residents[0]!; // 999990019
    const { applications } = (await jan.request('/api/applications')).json<{
      applications: { id: string; reference: string }[];
    }>();
    const caseId = applications.toSorted((a, b) => a.reference.localeCompare(b.reference))[0]!.id;
    const file = await pdf(3, 1536 * 1024);
    const created = await jan.request('/api/uploads', {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(file.length),
        'upload-metadata': `caseId ${Buffer.from(caseId).toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const path = new URL(created.headers.get('location')!, nginx.url).pathname;
    const chunk = 256 * 1024;
    const served: string[] = [];
    for (let offset = 0, i = 0; offset < file.length; offset += chunk, i += 1) {
      const instance = instances[i % 2]!;
      const patched = await jan.request(path, {
        method: 'PATCH',
        origin: instance.url,
        headers: {
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        body: file.subarray(offset, offset + chunk),
      });
      expect(patched.status, `PATCH at ${offset} on ${instance.name}`).toBe(204);
      expect(patched.headers.get('upload-offset')).toBe(String(Math.min(offset + chunk, file.length)));
      served.push(instance.name);
    }
    expect(new Set(served).size).toBe(2);

    const registered = await jan.send('POST', `/api/applications/${caseId}/documents`, {
      uploadId: path.split('/').pop(),
      title: 'Bankafschriften',
      fileName: 'afschrift.pdf',
    });
    expect(registered.status, registered.text).toBe(201);
    const documentId = registered.json<{ document: { id: string } }>().document.id;
    for (const instance of instances) {
      const download = await jan.request(`/api/applications/${caseId}/documents/${documentId}/content`, {
        origin: instance.url,
      });
      expect(download.status).toBe(200);
      expect(sha256(download.bytes)).toBe(sha256(file));
    }
  });

  it("books a slot from both instances at once: exactly the slot's capacity, the rest SLOT_TAKEN", async () => {
    const availability = (
      await residents[0]!.request(`/api/appointments/availability?type=intake&place=${PLACE}`)
    ).json<{ days: { slots: { start: string; date: string; time: string }[] }[] }>();
    const slot = availability.days[0]!.slots[0]!;
    const capacity = capacityOf(slot, 'intake');
    const bookedAt = async () =>
      Number(
        (
          await sql.query(`select count(*) from appointments where starts_at = $1 and state = 'booked'`, [
            new Date(slot.start),
          ])
        ).rows[0].count,
      );
    const before = await bookedAt();
    expect(capacity).toBeGreaterThan(before);

    // Not 999990056: that resident lives in a municipality outside the consortium (no bookings).
    const bookers = residents.filter((_, i) => RESIDENTS[i % RESIDENTS.length] !== '999990056');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        bookers[i % bookers.length]!.send(
          'POST',
          '/api/appointments',
          { type: 'intake', place: PLACE, start: slot.start },
          { origin: instances[i % 2]!.url },
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => `${a.status} ${a.text}`)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(capacity - before);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40 - (capacity - before));
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(answer.json<{ error: { code: string } }>().error.code).toBe('SLOT_TAKEN');
    }
    expect(await bookedAt()).toBe(capacity);
  });

  it('counts a rate limit once over both instances', async () => {
    const device = new HttpBrowser(nginx.url);
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i += 1) {
      statuses.push((await device.request('/api/auth/login', { origin: instances[i % 2]!.url })).status);
    }
    expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(303), 429, 429]);
  });

  it('sends each notification exactly once with the delivery workers of both instances running', async () => {
    const anna = residents[1]!; // 999990032
    expect((await anna.send('POST', '/api/notifications/email', { address: 'anna@example.nl' })).status).toBe(202);
    let link = '';
    await until('confirmation mail', 20_000, async () => {
      link = /\/api\/notifications\/email\/verify\?token=[^\s"<]+/.exec(smtp.mails.at(-1)?.text ?? '')?.[0] ?? '';
      return link !== '';
    });
    const confirmed = await anna.request(link);
    expect(confirmed.headers.get('location')).toContain('bevestigd');

    // The case system changes 40 statuses (as in the shared-database test of issue 8).
    const { db, close } = await openDatabase({ databaseUrl });
    try {
      const { case_id: caseId } = await db
        .selectFrom('case_roles')
        .select('case_id')
        .where('bsn', '=', RESIDENTS[1]!)
        .executeTakeFirstOrThrow();
      for (let i = 0; i < 40; i += 1) {
        await recordNotificationEvent(db, systemClock, {
          type: 'status_changed',
          residentBsn: RESIDENTS[1]!,
          caseId,
          link: `/aanvragen/${caseId}`,
        });
      }
    } finally {
      await close();
    }
    const open = async () =>
      (
        await sql.query(
          `select count(*) filter (where sent_at is null) as waiting, count(*) as total
             from notification_jobs where kind = 'event' and channel = 'email'`,
        )
      ).rows[0] as { waiting: string; total: string };
    await until('every event mail sent', 30_000, async () => {
      const { waiting, total } = await open();
      return total === '40' && waiting === '0';
    });
    const mails = smtp.mails.filter((m) => m.subject === EMAIL_SUBJECT);
    expect(mails).toHaveLength(40);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(40);
  });

  it('survives pg_terminate_backend on every connection of both instances under load', async () => {
    const load = residentsAtWork(residents, { retry503: true });
    await load.served(40);
    for (let round = 0; round < 3; round += 1) {
      const killed = await sql.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [database],
      );
      figures.killedConnections += killed.rowCount ?? 0;
      await load.served(40);
    }
    const { served, retried, failures } = await load.stop();
    Object.assign(figures, {
      requestsDuringKill: served,
      retriedAfter503: retried,
      failedDuringKill: failures.length,
    });
    expect(figures.killedConnections).toBeGreaterThan(0);
    for (const instance of instances) expect(instance.running, instance.output.join('\n')).toBe(true);
    expect(failures, instances.map((i) => i.output.slice(-30).join('\n')).join('\n')).toEqual([]);
    for (const instance of instances) {
      expect((await fetch(`${instance.url}/api/health/ready`)).status).toBe(200);
    }
  });

  it('restarts both instances one after the other under load with no failed request', async () => {
    const started = performance.now();
    const load = residentsAtWork(residents, { retry503: false });
    await load.served(20);
    for (const instance of instances) {
      let since = performance.now();
      expect(await instance.stop(), instance.output.join('\n')).toBe(0); // SIGTERM: drain, close, exit 0
      figures.stopSeconds.push((performance.now() - since) / 1000);
      since = performance.now();
      await instance.start();
      figures.startSeconds.push((performance.now() - since) / 1000);
      await load.served(20);
    }
    const { served, failures } = await load.stop();
    figures.requestsDuringRestart = served;
    figures.failedDuringRestart = failures.length;
    figures.restartSeconds = (performance.now() - started) / 1000;
    const proxyLog = (await nginx!.errorLog())
      .split('\n')
      .filter((line) => !line.includes('no live upstreams'))
      .slice(-25)
      .join('\n');
    expect(failures.slice(0, 3), `${failures.length} failed; nginx says:\n${proxyLog}`).toEqual([]);
    expect(instances.map((i) => i.starts)).toEqual([2, 2]);
  });
});
