/**
 * Test support for server tests: a real database per test file (PGlite in memory always;
 * PostgreSQL too when DATABASE_URL is set, in a schema of its own that is dropped after),
 * the real app with a clock the test controls, and a cookie-carrying inject client.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConsortium } from '../consortia/index';
import { amsterdamDateOf } from '../domain/dates';
import { buildApp } from './app';
import { createBlobStore } from './blobs/index';
import { ManualClock } from './clock';
import { loadConfig, type ServerConfig } from './config';
import type { AppContext } from './context';
import { openDatabase, type DatabaseKind } from './db/database';
import { seedDemoData } from './demo/seed';
import { sharedTestLog } from './security/test-log';
import { openPGliteFromTemplate } from './test-templates';

/**
 * Which databases the server tests run on. PGlite is PostgreSQL 17 compiled to WebAssembly: the
 * same SQL engine, so a route's queries behave alike on both. What differs is the driver and
 * concurrency (one connection, our dialect, transactions in series). So with DATABASE_URL set
 * (CI), every file runs on PostgreSQL, the database of a real deployment, and the files about
 * what PGlite does differently (`bothDatabases`) run on PGlite too; every browser test runs on
 * PGlite, the embedded default. Without DATABASE_URL everything runs on PGlite.
 * LOKET_TEST_DATABASES=pglite,postgres runs every file on the databases listed.
 */
const listed = process.env.LOKET_TEST_DATABASES?.split(',').filter((kind): kind is DatabaseKind =>
  ['pglite', 'postgres'].includes(kind),
);
const available: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** The databases a server test file runs on (see above). */
export const testDatabases: DatabaseKind[] = listed ?? [process.env.DATABASE_URL ? 'postgres' : 'pglite'];

/**
 * For files about transactions, locks, connections and the driver, where PGlite's single
 * connection behaves differently from a PostgreSQL pool: every database there is.
 */
export const bothDatabases: DatabaseKind[] = listed ?? available;

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function createTestApp(
  kind: DatabaseKind,
  options: {
    now?: Date;
    seed?: boolean;
    config?: Partial<ServerConfig>;
    logStream?: NodeJS.WritableStream;
    /** A second instance of `other`'s deployment: its database (and clock), no seeding */
    shareDatabaseWith?: TestApp;
  } = {},
): Promise<TestApp> {
  if (options.shareDatabaseWith) return secondInstance(options.shareDatabaseWith, options.config);
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = process.env.DATABASE_URL;
  const clock = new ManualClock(options.now ?? new Date());
  // Each test app gets its own files folder, removed on close: tests never write into ./data.
  const filesDir = await mkdtemp(join(tmpdir(), 'loket-files-'));
  // The server test run's shared log, scanned for personal data at the end (security/test-log.ts).
  const sharedLog = options.logStream ? undefined : sharedTestLog();
  const base = loadConfig({ PORT: '8080' });
  const config: ServerConfig = {
    ...base,
    clientDir: undefined,
    logLevel: sharedLog ? 'info' : 'silent',
    documents: { ...base.documents, filesDir },
    ...options.config,
  };
  const consortium = loadConsortium(config.consortium);
  const seed = options.seed !== false;
  const today = amsterdamDateOf(clock.now());
  // PGlite starts from a copy of a migrated (and seeded) template (test-templates.ts); the
  // seeded one only with the folder blob store in this app's own folder, whose files the
  // template carries. PostgreSQL migrates a schema of its own: measured, that costs about what
  // a database copied from a template costs to create and drop.
  const seedFromTemplate = kind === 'pglite' && seed && !config.s3 && config.documents.filesDir === filesDir;
  const fromTemplate =
    kind === 'pglite'
      ? await openPGliteFromTemplate(seedFromTemplate ? { consortium, today, filesDir } : undefined)
      : undefined;
  const database =
    fromTemplate ?? (await openDatabase(kind === 'postgres' ? { databaseUrl, schema } : { dataDir: 'memory://' }));
  const seeded = fromTemplate !== undefined && seedFromTemplate;
  const ctx: AppContext = {
    db: database.db,
    databaseKind: database.kind,
    clock,
    config,
    consortium,
  };
  if (seed && !seeded) {
    await seedDemoData(ctx.db, ctx.consortium, today, { blobs: createBlobStore(config) });
  }
  const logStream = options.logStream ?? sharedLog;
  const app = await buildApp(ctx, logStream ? { logStream } : { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    async close() {
      await app.close();
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
      if (kind === 'postgres') {
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
    },
  };
}

/** Another app on the database of `other`, as a second instance behind a proxy would be. */
async function secondInstance(other: TestApp, config: Partial<ServerConfig> = {}): Promise<TestApp> {
  const ctx: AppContext = { ...other.ctx, config: { ...other.ctx.config, ...config } };
  delete ctx.redis;
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return { app, ctx, clock: other.clock, close: () => app.close() };
}

/** inject() with a cookie jar, like a browser tab. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      ...options,
      headers: { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) },
    });
    for (const c of response.cookies) {
      const expired = c.expires !== undefined && new Date(c.expires).getTime() <= Date.now();
      if (c.value === '' || expired || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}
