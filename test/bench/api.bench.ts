/**
 * API throughput (issues 7 and 16), with autocannon over loopback:
 * - what the app costs per request: the in-app empty route (`/api/health/live`, every global
 *   hook, no I/O) against the same route on a bare Fastify started in the same process.
 *   Goal: >= 0.5x the bare route's requests per second.
 * - what the list costs beyond the session: the authenticated applications list against
 *   `/api/me` (the same session read, no list), first with 1,000 and then with 100,000
 *   applications in the database (PGlite in memory). Goals: list / me >= 0.5; p50 at 100k
 *   within 1.2x of p50 at 1k.
 * Each pair of routes takes turns (three runs each, medians), and autocannon runs in a worker
 * thread of its own, so the load it makes does not share the server's thread (in the server's
 * thread it made every route look about as fast as the next).
 * With DATABASE_URL set, the same again on PostgreSQL (`apiPostgresBench`), in a schema of its
 * own that is dropped afterwards, so the test database is left as it was.
 *
 * Part of `npm run bench`; alone: `npx tsx test/bench/run.ts api` (BENCH_API_SECONDS and
 * BENCH_API_ROUNDS shorten it, BENCH_API_PORT moves it; the bare Fastify takes the next port).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import pg from 'pg';
import { loadConsortium } from '../../src/consortia/index';
import { amsterdamDateOf } from '../../src/domain/dates';
import { buildApp } from '../../src/server/app';
import { createBlobStore } from '../../src/server/blobs/index';
import { systemClock } from '../../src/server/clock';
import { loadConfig } from '../../src/server/config';
import type { AppContext } from '../../src/server/context';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/database';
import { seedDemoData } from '../../src/server/demo/seed';
import { sessionPolicy } from '../../src/server/modules/auth/session-hook';
import { startSession } from '../../src/server/modules/auth/sessions';
import { percentile, type Figure, type Section } from './report';

const PORT = Number(process.env.BENCH_API_PORT ?? 8310);
/** The bare Fastify of the empty-route comparison */
const BARE_PORT = PORT + 1;
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 5);
/** Runs of each route, taking turns; the figures are their medians */
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
const CONNECTIONS = 10;
/** Requests over which statements per list request are counted (after one to warm up) */
const COUNTED_REQUESTS = 20;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(url: string, headers: Record<string, string>, duration: number): Promise<Run> {
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration, workers: 1 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Two routes compared: a warm-up of each, then ROUNDS runs of each in turn, and per figure the
 * median. Taking turns keeps a change in the machine's load (other work on it) from landing on
 * one side of a ratio only.
 */
async function compare(urls: [string, string], headers: Record<string, string> = {}): Promise<[Run, Run]> {
  for (const url of urls) await run(url, headers, 1);
  const runs: [Run[], Run[]] = [[], []];
  for (let round = 0; round < ROUNDS; round += 1) {
    runs[0].push(await run(urls[0], headers, DURATION_S));
    runs[1].push(await run(urls[1], headers, DURATION_S));
  }
  const summary = (all: Run[]): Run => ({
    rps: median(all.map((r) => r.rps)),
    p50: median(all.map((r) => r.p50)),
    p99: median(all.map((r) => r.p99)),
    errors: all.reduce((sum, r) => sum + r.errors, 0),
  });
  return [summary(runs[0]), summary(runs[1])];
}

/** Counts the statements the app sends (a Kysely plugin sees each one once, on its result). */
function statementCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery: (args: PluginTransformQueryArgs) => args.node,
    transformResult: async (args: PluginTransformResultArgs) => {
      counter.count += 1;
      return args.result;
    },
  };
  return counter;
}

/** Cases for other residents, straight in SQL (a copy of a demo case's type and dates). */
async function addApplications(ctx: AppContext, from: number, to: number): Promise<void> {
  for (let start = from; start <= to; start += 20_000) {
    const end = Math.min(to, start + 19_999);
    await sql`insert into cases (reference, case_type, municipality_code, registered_on, decision_term_weeks)
      select 'BENCH-' || g, c.case_type, c.municipality_code, c.registered_on, c.decision_term_weeks
      from generate_series(${start}::int, ${end}::int) g, (select * from cases where reference not like 'BENCH-%' order by reference limit 1) c`.execute(
      ctx.db,
    );
    await sql`insert into case_roles (case_id, role_type, bsn)
      select id, 'initiator', '8' || lpad((substr(reference, 7)::int % 50000)::text, 8, '0') from cases
      where reference like 'BENCH-%' and substr(reference, 7)::int between ${start}::int and ${end}::int`.execute(
      ctx.db,
    );
    await sql`insert into case_statuses (case_id, status_type, set_at)
      select c.id, s.status_type, s.set_at from cases c,
        (select status_type, set_at from case_statuses order by set_at limit 1) s
      where c.reference like 'BENCH-%' and substr(c.reference, 7)::int between ${start}::int and ${end}::int`.execute(
      ctx.db,
    );
  }
  await sql`analyze`.execute(ctx.db);
}

async function count(ctx: AppContext): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(ctx.db);
  return row.rows[0]!.n;
}

/** The same empty route on a Fastify with nothing registered: what the framework alone costs. */
async function bareFastify() {
  const bare = Fastify({ logger: false });
  bare.get('/api/health/live', async () => ({ status: 'live' }));
  await bare.listen({ port: BARE_PORT, host: '127.0.0.1' });
  return bare;
}

/** Seeds `database`, serves the app on PORT and measures the empty route, then me vs list at 1k and 100k. */
async function measure(database: DatabaseHandle, title: string, where: string): Promise<Section> {
  const base = loadConfig({ PORT: String(PORT) });
  // Generous rate limits do not matter here: reading is never limited.
  const config = { ...base, clientDir: undefined, logLevel: 'silent' };
  const counter = statementCounter();
  const ctx: AppContext = {
    db: database.db.withPlugin(counter),
    databaseKind: database.kind,
    clock: systemClock,
    config,
    consortium: loadConsortium(config.consortium),
  };
  await seedDemoData(ctx.db, ctx.consortium, amsterdamDateOf(systemClock.now()), { blobs: createBlobStore(config) });
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: PORT, host: '127.0.0.1' });
  const bare = await bareFastify();
  try {
    const token = await startSession(ctx.db, ctx.clock, sessionPolicy(ctx), '999990019');
    const cookie = { cookie: `loket_session=${token}` };
    const origin = `http://127.0.0.1:${PORT}`;
    const mine = (await (await fetch(`${origin}/api/applications`, { headers: cookie })).json()) as {
      applications: unknown[];
    };
    counter.count = 0;
    for (let i = 0; i < COUNTED_REQUESTS; i += 1) await fetch(`${origin}/api/applications`, { headers: cookie });
    const statementsPerRequest = counter.count / COUNTED_REQUESTS;

    const [bareEmpty, appEmpty] = await compare([
      `http://127.0.0.1:${BARE_PORT}/api/health/live`,
      `${origin}/api/health/live`,
    ]);

    const first = 1_000 - (await count(ctx));
    await addApplications(ctx, 1, first);
    const at1k = await count(ctx);
    const [me1k, list1k] = await compare([`${origin}/api/me`, `${origin}/api/applications`], cookie);

    await addApplications(ctx, first + 1, first + 99_000);
    const at100k = await count(ctx);
    const [me100k, list100k] = await compare([`${origin}/api/me`, `${origin}/api/applications`], cookie);

    const figures = (label: string, me: Run, list: Run): Figure[] => [
      { name: `${label}: GET /api/me rps`, value: me.rps, unit: 'req/s' },
      { name: `${label}: GET /api/me p50`, value: me.p50, unit: 'ms' },
      { name: `${label}: GET /api/applications rps`, value: list.rps, unit: 'req/s' },
      { name: `${label}: GET /api/applications p50`, value: list.p50, unit: 'ms' },
      { name: `${label}: GET /api/applications p99`, value: list.p99, unit: 'ms' },
      { name: `${label}: ratio list / me (rps)`, value: list.rps / me.rps, unit: '', goal: '>= 0.5' },
      { name: `${label}: errors and non-2xx`, value: me.errors + list.errors, unit: '', goal: '== 0' },
    ];
    return {
      title,
      figures: [
        { name: 'empty route, bare Fastify: rps', value: bareEmpty.rps, unit: 'req/s' },
        { name: 'empty route in the app (/api/health/live): rps', value: appEmpty.rps, unit: 'req/s' },
        {
          name: 'empty route: app / bare Fastify (rps)',
          value: appEmpty.rps / bareEmpty.rps,
          unit: 'x',
          goal: '>= 0.5',
        },
        { name: 'empty route: errors and non-2xx', value: bareEmpty.errors + appEmpty.errors, unit: '', goal: '== 0' },
        // Deterministic, unlike the times: the session read plus one list statement.
        { name: 'database statements per list request', value: statementsPerRequest, unit: '', goal: '<= 2' },
        ...figures(`${at1k.toLocaleString('en')} applications`, me1k, list1k),
        ...figures(`${at100k.toLocaleString('en')} applications`, me100k, list100k),
        { name: 'p50 at 100k / p50 at 1k', value: list100k.p50 / Math.max(list1k.p50, 1), unit: 'x', goal: '<= 1.2' },
      ],
      notes: [
        `${CONNECTIONS} connections; per pair of routes a 1 s warm-up of each, then ${ROUNDS} runs of ${DURATION_S} s ` +
          'of each in turn, and the median of each figure; over loopback, autocannon in a worker thread; ' +
          `one server process, ${where}, and in it a bare Fastify with only the empty route. ` +
          `The resident under test has ${mine.applications.length} applications; the others belong to 50,000 other residents. ` +
          'Both /api/me and the list read their session (and write last_seen_at at most once a minute); the list ' +
          'then runs its one list statement. autocannon rounds latencies to whole milliseconds.',
        `Load average at the end: ${os
          .loadavg()
          .map((n) => n.toFixed(1))
          .join(', ')} on ${os.cpus().length} cores (a busy machine lowers every figure, and the ratios less).`,
      ],
    };
  } finally {
    await bare.close();
    await app.close();
  }
}

export async function apiBench(): Promise<Section> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    return await measure(
      database,
      'API: empty route vs bare Fastify, applications list vs /api/me (autocannon)',
      'PGlite in memory',
    );
  } finally {
    await database.close();
  }
}

/** The same on PostgreSQL (DATABASE_URL), in a throw-away schema; null without DATABASE_URL. */
export async function apiPostgresBench(): Promise<Section | null> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return null;
  const schema = `bench_api_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl, schema });
  try {
    return await measure(
      database,
      'API on PostgreSQL: empty route vs bare Fastify, applications list vs /api/me (autocannon)',
      'PostgreSQL (DATABASE_URL, pool of 10)',
    );
  } finally {
    await database.close();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (async () => [await apiBench(), await apiPostgresBench()])().then(
    (sections) => {
      for (const section of sections) {
        if (!section) continue;
        console.log(`\n${section.title}`);
        for (const f of section.figures)
          console.log(`${f.name}: ${Math.round(f.value * 100) / 100} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ''}`);
        for (const note of section.notes ?? []) console.log(note);
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
