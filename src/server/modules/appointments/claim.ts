/**
 * Claiming a desk unit inside the request's transaction. The exclusion constraint
 * appointments_no_double_booking decides who gets a unit: a concurrent booking of the same unit
 * waits for the first transaction and then fails with SQLSTATE 23P01 (PostgreSQL docs,
 * "Exclusion Constraints"). A savepoint around each attempt keeps the transaction usable after
 * such a failure (an error otherwise aborts the whole transaction), so the next candidate unit
 * can be tried and the 409 can list the next free slots.
 */
import { sql, type Kysely } from 'kysely';
import type { Unit } from '../../../domain/availability';
import type { Database } from '../../db/schema';

const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';
/** A new random reference after a (very unlikely) collision; then give up. */
const REFERENCE_ATTEMPTS = 3;

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Runs `work` in the given transaction, or in a new one when `db` is not a transaction. */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** The first candidate unit `write` manages to claim, or null when every one was taken. */
export async function claimFirstFree<T>(
  trx: Kysely<Database>,
  candidates: readonly Unit[],
  write: (unit: Unit) => Promise<T>,
): Promise<T | null> {
  for (const unit of candidates) {
    for (let attempt = 1; ; attempt += 1) {
      await sql`savepoint claim_unit`.execute(trx);
      try {
        const result = await write(unit);
        await sql`release savepoint claim_unit`.execute(trx);
        return result;
      } catch (error) {
        await sql`rollback to savepoint claim_unit`.execute(trx);
        const state = sqlState(error);
        if (state === EXCLUSION_VIOLATION) break;
        if (state === UNIQUE_VIOLATION && attempt < REFERENCE_ATTEMPTS) continue;
        throw error;
      }
    }
  }
  return null;
}

/**
 * Inserts with a fresh random reference, retrying in a savepoint when one collides with an
 * existing reference (UNIQUE): a retry must not abort the request's transaction.
 */
export async function withFreshReference<T>(
  db: Kysely<Database>,
  write: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, (trx) => attemptWithFreshReference(trx, write));
}

async function attemptWithFreshReference<T>(
  trx: Kysely<Database>,
  write: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    await sql`savepoint fresh_reference`.execute(trx);
    try {
      const result = await write(trx);
      await sql`release savepoint fresh_reference`.execute(trx);
      return result;
    } catch (error) {
      await sql`rollback to savepoint fresh_reference`.execute(trx);
      if (sqlState(error) !== UNIQUE_VIOLATION || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}
