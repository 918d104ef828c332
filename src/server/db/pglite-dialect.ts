/**
 * PGlite (Postgres compiled to WASM, in process) through Kysely's own `PGliteDialect` (Kysely
 * 0.29): its driver runs transactions through PGlite's exclusive `transaction()`, and its adapter,
 * compiler and introspector are Postgres', so SQL is identical to what runs on PostgreSQL.
 * We wrap its driver for two things it does not do:
 *
 * 1. Named prepared statements (pglite-statements.ts): PGlite plans every `query()` anew, in
 *    WASM, and that was most of a statement's cost. Measured again on Kysely's dialect (API
 *    bench, PGlite, busy 2-core machine): the applications list 82 and 93 req/s with them against
 *    31 and 52 without (1k and 100k applications), list/hello ratio 0.07-0.08 against 0.05.
 * 2. A limit on waiting for the one connection. PGlite is a single connection, so it is handed to
 *    one transaction at a time. Kysely's dialect does that with a mutex that waits for ever: a
 *    query outside an open transaction while that transaction waits for it (a handler using
 *    `ctx.db` instead of `dbFor(request)`) would hang the whole server without a word. Ours gives
 *    up after 15 s with an error that names the likely cause; Kysely's mutex is switched off
 *    (the adapter says "multiple connections") so the two never queue twice.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  PGliteAdapter,
  PGliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { PGliteStatements } from './pglite-statements';

/** Nothing legitimate waits this long for one in-process query; a wait this long is a deadlock. */
const ACQUIRE_TIMEOUT_MS = 15_000;

/** Kysely's connection, with statements that have parameters sent as named prepared statements. */
class PreparingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly statements: PGliteStatements,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!PGliteStatements.preparable(query.sql, query.parameters)) return this.inner.executeQuery<R>(query);
    const result = await this.statements.query<R>(query.sql, query.parameters);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class SerialisingDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private releaseCurrent: (() => void) | null = null;
  private connection: PreparingConnection | null = null;

  constructor(
    private readonly inner: Driver,
    private readonly statements: PGliteStatements,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
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
    try {
      // Kysely's driver hands out the same connection every time.
      const inner = await this.inner.acquireConnection();
      if (this.connection?.inner !== inner) this.connection = new PreparingConnection(inner, this.statements);
      return this.connection;
    } catch (error) {
      this.releaseCurrent = null;
      release();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(unwrap(connection));
    } finally {
      const release = this.releaseCurrent;
      this.releaseCurrent = null;
      release?.();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(unwrap(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(unwrap(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(unwrap(connection));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.savepoint!(unwrap(connection), name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.rollbackToSavepoint!(unwrap(connection), name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.releaseSavepoint!(unwrap(connection), name, compile);
  }

  async destroy(): Promise<void> {
    await this.queue;
    await this.inner.destroy();
  }
}

/** Kysely's driver needs its own connection object back (it keeps transaction state on it). */
const unwrap = (connection: DatabaseConnection) =>
  connection instanceof PreparingConnection ? connection.inner : connection;

/** The one connection is serialised by our driver (with its time limit), not by Kysely's mutex. */
class SerialisedByDriverAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

export class LoketPGliteDialect extends PGliteDialect {
  constructor(private readonly pg: PGlite) {
    super({ pglite: pg });
  }

  override createAdapter() {
    return new SerialisedByDriverAdapter();
  }

  override createDriver(): Driver {
    return new SerialisingDriver(super.createDriver(), new PGliteStatements(this.pg));
  }
}
