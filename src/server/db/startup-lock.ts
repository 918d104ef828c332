/**
 * Start-up work that must run once even when several instances start together on one
 * PostgreSQL (demo seeding today): it runs under a session-level advisory lock, so the second
 * instance waits for the first and then finds the work done. Kysely's migrator has its own lock.
 * PGlite has one process per data folder (data-dir-lock.ts), so nothing to wait for there.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from './database';

/** Any fixed number, the same in every instance; this one spells "loke" in ASCII. */
const STARTUP_LOCK_KEY = 0x6c6f6b65;

export async function underStartupLock<T>(database: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  // One connection holds the lock for the whole of `work`, which may use any other connection.
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
  });
}
