/**
 * One database handle for the whole server: PGlite (in process, a folder on disk) by default,
 * PostgreSQL when DATABASE_URL is set. Same Kysely queries and migrations on both.
 */
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider } from './migrations/index';
import { lockDataDir } from './data-dir-lock';
import { LoketPGliteDialect } from './pglite-dialect';
import type { Database } from './schema';
import { namingPool } from './postgres-statements';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: its data folder as a tarball, to start other databases from (test templates) */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://... ; when absent PGlite is used */
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' keeps everything in memory (tests) */
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one); created when missing */
  schema?: string;
  /** Told when PostgreSQL drops an idle connection (failover, restart, idle timeout); for the log */
  onConnectionLost?: (error: Error) => void;
  /** PGlite: start from this data folder tarball (a dumpDataDir()) instead of an empty database */
  loadDataDir?: Blob;
  /** PostgreSQL: name parameterised statements, so each is planned once per connection (default true; postgres-statements.ts) */
  preparedStatements?: boolean;
}

const DATE_OID = 1082;
/** A `date` is a calendar day: keep it as 'YYYY-MM-DD' instead of a local-midnight Date. */
const keepDateAsString = (value: string) => value;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? await openPostgres(
        options.databaseUrl,
        options.schema,
        options.onConnectionLost,
        options.preparedStatements ?? true,
      )
    : await openPGlite(options.dataDir, options.loadDataDir);
  await migrate(handle.db, options.databaseUrl ? (options.schema ?? 'public') : undefined);
  return handle;
}

async function openPGlite(dataDir = './data', loadDataDir?: Blob): Promise<DatabaseHandle> {
  const lock = dataDir === 'memory://' ? null : lockDataDir(dataDir);
  const pglite = new PGlite({
    ...(dataDir === 'memory://' ? {} : { dataDir }),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [pgliteTypes.DATE]: keepDateAsString },
    // Exclusion constraints on (desk, time range) need btree_gist (migration 004).
    extensions: { btree_gist },
  });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new LoketPGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      lock?.release();
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}

async function openPostgres(
  connectionString: string,
  schema?: string,
  onConnectionLost?: (error: Error) => void,
  preparedStatements = true,
): Promise<DatabaseHandle> {
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // Names Loket's connections in pg_stat_activity (and each test schema's, so a test can end
    // exactly its own connections).
    application_name: schema ? `loket_${schema}` : 'loket',
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID ? keepDateAsString : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server drops emits 'error' on its client. Unheard, that event throws and
  // ends the process (every instance at once in a failover). The pool hears it only while the
  // connection is idle, and passes it on as its own 'error'; while a request holds the
  // connection (between two statements of a transaction) nobody did, and one
  // pg_terminate_backend under load still ended the process. So every client is heard, idle or
  // lent out, and told once (the pool's own event is the same error again). The request that
  // holds a lost connection fails at its next statement (503), and the pool discards the
  // connection when it comes back and opens a new one when next asked.
  pool.on('connect', (client) => client.on('error', (error) => onConnectionLost?.(error)));
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparedStatements ? namingPool(pool) : pool }),
  });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/**
 * On PostgreSQL the migration tables' schema is named explicitly: Kysely otherwise looks for
 * them in every schema it can see and, finding another schema's, skips creating its own.
 */
async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  for (let attempt = 1; ; attempt += 1) {
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (!error && !failed) return;
    if (!failed && attempt < 3 && isCatalogRace(error)) continue;
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/**
 * Kysely's migrator looks for its tables by listing every table of the database. When another
 * schema is dropped at that moment (a test run dropping its schema; a consortium removed from a
 * shared database), PostgreSQL answers the listing with "relation/schema ... does not exist" about
 * that other schema. Nothing has run yet then (migrations run after the listing, in a
 * transaction), so a second try is safe. Measured: 2 of 3 full server test runs hit it once.
 */
function isCatalogRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  // 42703: the other schema's migration table was listed, then dropped before its columns were
  // read ('column "name" of relation "kysely_migration" does not exist'; seen in CI, 7 December).
  return code === '42P01' || code === '3F000' || code === '42703';
}

/** True when the database holds no resident yet: demo data may be seeded. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('persons')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n === 0;
}
