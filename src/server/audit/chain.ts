/**
 * The hash chain that makes the audit log tamper-evident (issue 6; BIO 8.15.01 asks that logs
 * be protected against change). Every row carries
 *
 *   hash = SHA-256( prev_hash + "\n" + canonical(row without hash) )
 *
 * with prev_hash the previous row's hash (GENESIS_HASH for the first). Changing any field of a
 * row changes its hash and so breaks the next row's link; removing a row breaks the link of the
 * row after it. The canonical form is fixed here, field by field, so it cannot drift with the
 * order of columns in a query or of keys in an object.
 */
import { createHash } from 'node:crypto';
import type { AuditLogRow } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

/** Everything a row says, as the chain sees it (the stored row minus its own hash). */
export type ChainedContent = Omit<AuditLogRow, 'hash'>;

/** A JSON array in a fixed order: unambiguous (quoted, escaped) and stable across engines. */
function canonicalContent(row: ChainedContent): string {
  return JSON.stringify([
    'loket-audit-v1',
    String(row.seq),
    row.at.toISOString(),
    row.actor,
    row.actor_role,
    row.action,
    row.object_type,
    row.object_id,
    row.result,
    row.origin_ip,
    row.device,
    row.on_behalf_of,
    row.purpose,
    row.prev_hash,
  ]);
}

export function chainHash(row: ChainedContent): string {
  return createHash('sha256')
    .update(`${row.prev_hash}\n${canonicalContent(row)}`)
    .digest('hex');
}
