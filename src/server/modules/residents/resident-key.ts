/**
 * An opaque, stable id per resident for the client (storage partitions, outbox ownership).
 * Derived with a keyed hash so it reveals nothing about the BSN and cannot be computed
 * without the server's secret.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ensureSetting } from '../../settings';

export async function residentKeyDeriver(db: Kysely<Database>): Promise<(bsn: string) => string> {
  const secret = await ensureSetting(db, 'resident_key_secret', () => randomBytes(32).toString('base64url'));
  return (bsn) => createHmac('sha256', secret).update(bsn).digest('base64url').slice(0, 22);
}
