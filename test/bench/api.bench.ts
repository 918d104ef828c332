/**
 * API throughput (issue 7): the authenticated applications list against a bare hello-world
 * route in the same app (same plugins and hooks, same process), with autocannon over loopback,
 * first with 1,000 and then with 100,000 applications in the database (PGlite in memory).
 * Goals: list/hello ratio of requests per second >= 0.5; p50 at 100k within 1.2x of p50 at 1k.
 * With DATABASE_URL set, the same again on PostgreSQL (`apiPostgresBench`), in a schema of its
 * own that is dropped afterwards, so the test database is left as it was.
 *
 * Part of `npm run bench`; alone: `npx tsx test/bench/api.bench.ts`.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
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
import type { Figure, Section } from './report';

const PORT = Number(process.env.BENCH_API_PORT ?? 8310);
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = 10;
/** Requests over which statements per list request are counted (after one to warm up) */
const COUNTED_REQUESTS = 20;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function cannon(url: string, headers: Record<string, string> = {}): Promise<Run> {
  // A short warm-up, then the measured run.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
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

/** Seeds `database`, serves the app on PORT and measures hello vs list at 1k and 100k. */
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
  app.get('/bench/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }));
  await app.listen({ port: PORT, host: '127.0.0.1' });
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

    const first = 1_000 - (await count(ctx));
    await addApplications(ctx, 1, first);
    const at1k = await count(ctx);
    const hello1k = await cannon(`${origin}/bench/hello`);
    const list1k = await cannon(`${origin}/api/applications`, cookie);

    await addApplications(ctx, first + 1, first + 99_000);
    const at100k = await count(ctx);
    const hello100k = await cannon(`${origin}/bench/hello`);
    const list100k = await cannon(`${origin}/api/applications`, cookie);

    const figures = (label: string, hello: Run, list: Run): Figure[] => [
      { name: `${label}: hello world rps`, value: hello.rps, unit: 'req/s' },
      { name: `${label}: hello world p50`, value: hello.p50, unit: 'ms' },
      { name: `${label}: hello world p99`, value: hello.p99, unit: 'ms' },
      { name: `${label}: GET /api/applications rps`, value: list.rps, unit: 'req/s' },
      { name: `${label}: GET /api/applications p50`, value: list.p50, unit: 'ms' },
      { name: `${label}: GET /api/applications p99`, value: list.p99, unit: 'ms' },
      { name: `${label}: ratio list / hello (rps)`, value: list.rps / hello.rps, unit: '', goal: '>= 0.5' },
      { name: `${label}: errors and non-2xx`, value: hello.errors + list.errors, unit: '', goal: '== 0' },
    ];
    return {
      title,
      figures: [
        // Deterministic, unlike the times: the session read plus one list statement.
        { name: 'database statements per list request', value: statementsPerRequest, unit: '', goal: '<= 2' },
        ...figures(`${at1k.toLocaleString('en')} applications`, hello1k, list1k),
        ...figures(`${at100k.toLocaleString('en')} applications`, hello100k, list100k),
        { name: 'p50 at 100k / p50 at 1k', value: list100k.p50 / Math.max(list1k.p50, 1), unit: 'x', goal: '<= 1.2' },
      ],
      notes: [
        `${CONNECTIONS} connections, ${DURATION_S} s per run after a 2 s warm-up, over loopback; one process, ${where}. ` +
          `The resident under test has ${mine.applications.length} applications; the others belong to 50,000 other residents. ` +
          'Every list request reads its session (and writes last_seen_at at most once a minute) before the one list ' +
          'statement; the hello-world route is outside /api, so it passes the global hooks but no session lookup. ' +
          'autocannon rounds latencies to whole milliseconds.',
      ],
    };
  } finally {
    await app.close();
  }
}

export async function apiBench(): Promise<Section> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    return await measure(
      database,
      'API: authenticated applications list vs hello world (autocannon)',
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
      'API on PostgreSQL: authenticated applications list vs hello world (autocannon)',
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
