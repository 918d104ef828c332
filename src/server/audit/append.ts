/**
 * Appending to the audit log. Writers are serialised by a transaction-scoped advisory lock, so
 * two concurrent entries can never both link to the same predecessor (which would fork the
 * chain). Inside a request's transaction (a staff change, src/server/idempotency.ts) the entry
 * commits or rolls back together with the change it records: no change without its entry.
 */
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { AuditLogRow, Database } from '../db/schema';
import { chainHash, GENESIS_HASH, type ChainedContent } from './chain';

/** pg_advisory_xact_lock key for the audit chain ("AUDIT" in ASCII). */
const CHAIN_LOCK = 0x4155444954;

export type AuditEntry = Omit<ChainedContent, 'seq' | 'at' | 'prev_hash'>;

async function appendLocked(trx: Kysely<Database>, clock: Clock, entry: AuditEntry): Promise<AuditLogRow> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  // Read under the lock, so time never runs backwards along the chain.
  const at = clock.now();
  const head = await trx
    .selectFrom('audit_log')
    .select([sql<string>`seq::text`.as('seq'), 'hash'])
    .orderBy('audit_log.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content: ChainedContent = {
    ...entry,
    seq: String(head ? BigInt(head.seq) + 1n : 1n),
    at,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const row = { ...content, hash: chainHash(content) };
  await trx.insertInto('audit_log').values(row).execute();
  return row;
}

/** Appends one entry; `db` may be a transaction (the entry then shares its fate). */
export async function appendAuditEntry(db: Kysely<Database>, clock: Clock, entry: AuditEntry): Promise<AuditLogRow> {
  if (db.isTransaction) return appendLocked(db, clock, entry);
  return db.transaction().execute((trx) => appendLocked(trx, clock, entry));
}
