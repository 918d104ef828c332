/**
 * A PostgreSQL connection lost while a request holds it (between two statements of its
 * transaction) is an error for that request, never for the process. The pool hears only its idle
 * connections: before every client had an error listener, `pg_terminate_backend` on a lent-out
 * connection threw an unheard 'error' event and ended the server (found by the cluster test,
 * test/cluster: both instances exited under load). Here the unheard event would fail the run as
 * an uncaught exception, and the loss would never be told.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './connection-errors';
import { openDatabase, type DatabaseHandle } from './database';

// Only PostgreSQL has connections to lose: PGlite runs inside the process.
describe.skipIf(!process.env.DATABASE_URL)('a PostgreSQL connection lost while a request holds it', () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let handle: DatabaseHandle | undefined;
  afterAll(async () => {
    await handle?.close();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('fails that transaction with a "database unavailable" error, and the next request is served', async () => {
    let told!: (error: Error) => void;
    const lost = new Promise<Error>((resolve) => (told = resolve));
    handle = await openDatabase({ databaseUrl, schema, onConnectionLost: (error) => told(error) });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();

    const outcome = await handle.db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        // The server's goodbye reaches the connection while no statement runs on it.
        expect((await lost).message).toContain('terminating connection');
        await sql`select 1`.execute(trx);
      })
      .then(
        () => 'committed',
        (error: unknown) => error,
      );
    await admin.end();

    expect(isDatabaseUnavailable(outcome)).toBe(true);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
  }, 10_000);
});
