/**
 * Blobs that no row references go: a stored file whose database transaction rolled back (the
 * process died between the write and the commit), or whose document or upload row was removed.
 * Only blobs older than a grace period are judged, so a file written a moment ago whose row is
 * still being committed is never taken. The sweep reports counts, never keys.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { BLOB_AREAS, type BlobStore } from './blob-store';

/** Longer than any request that writes a blob and then commits its row. */
const BLOB_SWEEP_GRACE_MS = 24 * 3_600_000;
const BATCH = 500;

export interface SweepResult {
  checked: number;
  removed: number;
}

export async function sweepUnreferencedBlobs(
  db: Kysely<Database>,
  blobs: BlobStore,
  now: Date,
  graceMs = BLOB_SWEEP_GRACE_MS,
): Promise<SweepResult> {
  const result: SweepResult = { checked: 0, removed: 0 };
  const oldEnough = now.getTime() - graceMs;
  for (const area of BLOB_AREAS) {
    let batch: string[] = [];
    for await (const blob of blobs.list(area)) {
      if (blob.modifiedAt.getTime() > oldEnough) continue;
      batch.push(blob.key);
      if (batch.length === BATCH) {
        await judge(db, blobs, batch, result);
        batch = [];
      }
    }
    if (batch.length > 0) await judge(db, blobs, batch, result);
  }
  return result;
}

async function judge(db: Kysely<Database>, blobs: BlobStore, keys: string[], result: SweepResult): Promise<void> {
  const referenced = new Set(
    [
      ...(await db.selectFrom('documents').select('storage_key').where('storage_key', 'in', keys).execute()),
      ...(await db.selectFrom('uploads').select('storage_key').where('storage_key', 'in', keys).execute()),
    ].map((row) => row.storage_key),
  );
  result.checked += keys.length;
  for (const key of keys) {
    if (referenced.has(key)) continue;
    await blobs.delete(key);
    result.removed += 1;
  }
}
