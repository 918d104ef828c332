/**
 * A Kysely dialect for PGlite (Postgres compiled to WASM, in process).
 *
 * Why our own: the published `kysely-pglite-dialect` pins PGlite < 0.5, and PGlite 0.5 is the
 * version whose btree_gist extension we rely on. The dialect reuses Kysely's Postgres adapter,
 * compiler and introspector, so SQL is identical to what runs on PostgreSQL; only the driver is
 * ours.
 *
 * PGlite is a single connection. Kysely runs a transaction as BEGIN ... COMMIT over one
 * connection, so a query from another request must never slip in between: the driver hands
 * out its one connection under a mutex.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { PGliteStatements } from './pglite-statements';

class PGliteConnection implements DatabaseConnection {
  // Named prepared statements: planning each statement anew was most of its cost (pglite-statements.ts).
  private readonly statements: PGliteStatements;
  constructor(private readonly pg: PGlite) {
    this.statements = new PGliteStatements(pg);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = PGliteStatements.preparable(query.sql, query.parameters)
      ? await this.statements.query<R>(query.sql, query.parameters)
      : await this.pg.query<R>(query.sql, [...query.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect does not stream; page with LIMIT/OFFSET instead');
  }
}

/** Nothing legitimate waits this long for one in-process query; a wait this long is a deadlock. */
const ACQUIRE_TIMEOUT_MS = 15_000;

class PGliteDriver implements Driver {
  private connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private releaseCurrent: (() => void) | null = null;

  constructor(private readonly pg: PGlite) {
    this.connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ACQUIRE_TIMEOUT_MS);
    });
    const outcome = await Promise.race([previous.then(() => 'ready' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      // Give our turn back when it comes, so the queue keeps moving.
      void previous.then(release);
      throw new Error(
        'PGlite connection wait timed out: probably a query outside an open transaction ' +
          '(use dbFor(request) inside mutating handlers)',
      );
    }
    this.releaseCurrent = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.releaseCurrent;
    this.releaseCurrent = null;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.queue;
    if (!this.pg.closed) await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
