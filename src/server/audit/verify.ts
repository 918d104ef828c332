/**
 * Checks the whole audit chain from the first row: every seq follows the previous one, every
 * prev_hash equals the previous row's hash, every hash matches the row's content. Reports the
 * first broken link. Reads in pages, so a log of millions of rows needs little memory.
 *
 * What it cannot see on its own: rows cut off at the END of the log (nothing links to them).
 * Keep the reported head (count and hash) somewhere else, e.g. in the daily operations log,
 * and compare; that anchors the chain (README, "Audit log").
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { chainHash, GENESIS_HASH } from './chain';

type BrokenReason = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch';

export interface ChainReport {
  ok: boolean;
  rows: number;
  /** seq and hash of the last row checked (the head when ok) */
  head: { seq: string; hash: string } | null;
  broken: { seq: string; reason: BrokenReason } | null;
}

const PAGE = 1000;

export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let previous = { seq: 0n, hash: GENESIS_HASH };
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .select([
        sql<string>`seq::text`.as('seq'),
        'at',
        'actor',
        'actor_role',
        'action',
        'object_type',
        'object_id',
        'result',
        'origin_ip',
        'device',
        'on_behalf_of',
        'purpose',
        'prev_hash',
        'hash',
      ])
      .where(sql<boolean>`audit_log.seq > ${previous.seq.toString()}::bigint`)
      .orderBy('audit_log.seq')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      const seq = BigInt(row.seq);
      const broken = (reason: BrokenReason): ChainReport => ({
        ok: false,
        rows,
        head: rows ? { seq: previous.seq.toString(), hash: previous.hash } : null,
        broken: { seq: row.seq, reason },
      });
      if (seq !== previous.seq + 1n) return broken('seq_gap');
      if (row.prev_hash !== previous.hash) return broken('prev_hash_mismatch');
      if (chainHash({ ...row, seq: row.seq }) !== row.hash) return broken('hash_mismatch');
      previous = { seq, hash: row.hash };
      rows += 1;
    }
    if (page.length < PAGE) break;
  }
  return { ok: true, rows, head: rows ? { seq: previous.seq.toString(), hash: previous.hash } : null, broken: null };
}
