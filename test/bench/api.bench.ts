/**
 * API throughput (issue 7): the authenticated applications list against a bare hello-world
 * route in the same app (same plugins and hooks, same process), with autocannon over loopback,
 * first with 1,000 and then with 100,000 applications in the database (PGlite in memory).
 * Goals: list/hello ratio of requests per second >= 0.5; p50 at 100k within 1.2x of p50 at 1k.
 *
 * Part of `npm run bench`; alone: `npx tsx test/bench/api.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConsortium } from '../../src/consortia/index';
import { amsterdamDateOf } from '../../src/domain/dates';
import { buildApp } from '../../src/server/app';
import { createBlobStore } from '../../src/server/blobs/index';
import { systemClock } from '../../src/server/clock';
import { loadConfig } from '../../src/server/config';
import type { AppContext } from '../../src/server/context';
import { openDatabase } from '../../src/server/db/database';
import { seedDemoData } from '../../src/server/demo/seed';
import { sessionPolicy } from '../../src/server/modules/auth/session-hook';
import { startSession } from '../../src/server/modules/auth/sessions';
import type { Figure, Section } from './report';

const PORT = Number(process.env.BENCH_API_PORT ?? 8310);
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = 10;

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

/** Cases for other residents, straight in SQL (a copy of a demo case's type and dates). */
async function addApplications(ctx: AppContext, from: number, to: number): Promise<void> {
  for (let start = from; start <= to; start += 20_000) {
    const end = Math.min(to, start + 19_999);
    await sql`insert into cases (reference, case_type, municipality_code, registered_on, decision_term_weeks)
      select 'BENCH-' || g, c.case_type, c.municipality_code, c.registered_on, c.decision_term_weeks
      from generate_series(${start}::int, ${end}::int) g, (select * from cases where reference not like 'BENCH-%' order by reference limit 1) c`.execute(ctx.db);
    await sql`insert into case_roles (case_id, role_type, bsn)
      select id, 'initiator', '8' || lpad((substr(reference, 7)::int % 50000)::text, 8, '0') from cases
      where reference like 'BENCH-%' and substr(reference, 7)::int between ${start}::int and ${end}::int`.execute(ctx.db);
    await sql`insert into case_statuses (case_id, status_type, set_at)
      select c.id, s.status_type, s.set_at from cases c,
        (select status_type, set_at from case_statuses order by set_at limit 1) s
      where c.reference like 'BENCH-%' and substr(c.reference, 7)::int between ${start}::int and ${end}::int`.execute(ctx.db);
  }
  await sql`analyze`.execute(ctx.db);
}

async function count(ctx: AppContext): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(ctx.db);
  return row.rows[0]!.n;
}

export async function apiBench(): Promise<Section> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const base = loadConfig({ PORT: String(PORT) });
  // Generous rate limits do not matter here: reading is never limited.
  const config = { ...base, clientDir: undefined, logLevel: 'silent' };
  const ctx: AppContext = { db: database.db, databaseKind: database.kind, clock: systemClock, config, consortium: loadConsortium(config.consortium) };
  await seedDemoData(ctx.db, ctx.consortium, amsterdamDateOf(systemClock.now()), { blobs: createBlobStore(config) });
  const app = await buildApp(ctx, { logger: false });
  app.get('/bench/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }));
  await app.listen({ port: PORT, host: '127.0.0.1' });
  try {
    const token = await startSession(ctx.db, ctx.clock, sessionPolicy(ctx), '999990019');
    const cookie = { cookie: `loket_session=${token}` };
    const origin = `http://127.0.0.1:${PORT}`;
    const mine = await (await fetch(`${origin}/api/applications`, { headers: cookie })).json() as { applications: unknown[] };

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
      title: 'API: authenticated applications list vs hello world (autocannon)',
      figures: [
        ...figures(`${at1k.toLocaleString('en')} applications`, hello1k, list1k),
        ...figures(`${at100k.toLocaleString('en')} applications`, hello100k, list100k),
        { name: 'p50 at 100k / p50 at 1k', value: list100k.p50 / Math.max(list1k.p50, 1), unit: 'x', goal: '<= 1.2' },
      ],
      notes: [
        `${CONNECTIONS} connections, ${DURATION_S} s per run after a 2 s warm-up, over loopback; one process, PGlite in memory. ` +
          `The resident under test has ${mine.applications.length} applications; the others belong to 50,000 other residents. ` +
          'Every list request checks and extends the session in the database (a select and an update) before the list query; ' +
          'the hello-world route passes the same hooks without a session cookie. autocannon rounds latencies to whole milliseconds.',
      ],
    };
  } finally {
    await app.close();
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  apiBench().then(
    (section) => {
      for (const f of section.figures) console.log(`${f.name}: ${Math.round(f.value * 100) / 100} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ''}`);
      for (const note of section.notes ?? []) console.log(note);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
