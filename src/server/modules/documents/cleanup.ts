/**
 * Orphaned uploads expire (issue 4, point 5): an upload not registered as a document within
 * LOKET_UPLOAD_EXPIRY_HOURS (24 by default) loses its bytes, partial or complete, and any checked
 * copy waiting in the blob store. Its row is kept for the rolling daily limit, marked so that a
 * late registration or resume answers UPLOAD_NOT_FOUND, and deleted after that window.
 * Then tus' own sweep: uploads in progress older than the expiry that our database does not
 * know (an S3 multipart upload whose row was lost, a folder file without a row).
 * A store that fails for one upload does not stop the sweep; failures are reported at the end,
 * by count and the first error's message (never an upload id or a file name).
 */
import type { AppContext } from '../../context';
import type { DocumentServices } from './services';

const DAY_MS = 24 * 3_600_000;

export async function cleanUpUploads(ctx: AppContext, services: DocumentServices): Promise<{ expired: number }> {
  const now = ctx.clock.now().getTime();
  const candidates = await ctx.db
    .selectFrom('uploads')
    .select(['id', 'storage_key'])
    .where('created_at', '<', new Date(now - services.limits.expiryMs))
    .where('document_id', 'is', null)
    .where('refused_code', 'is', null)
    .execute();
  let expired = 0;
  const failures: unknown[] = [];
  for (const row of candidates) {
    // Conditional: a registration that claimed the upload meanwhile wins.
    const marked = await ctx.db
      .updateTable('uploads')
      .set({ refused_code: 'UPLOAD_NOT_FOUND', storage_key: null })
      .where('id', '=', row.id)
      .where('document_id', 'is', null)
      .executeTakeFirst();
    if (marked.numUpdatedRows === 0n) continue;
    expired += 1;
    try {
      await services.uploads.remove(row.id);
      if (row.storage_key) await services.blobs.delete(row.storage_key);
    } catch (error) {
      failures.push(error);
    }
  }
  await ctx.db
    .deleteFrom('uploads')
    .where('created_at', '<', new Date(now - Math.max(services.limits.expiryMs, DAY_MS)))
    .execute();
  await services.uploads.removeExpiredByTus().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) {
    throw new Error(`upload cleanup: ${failures.length} failure(s), first: ${(failures[0] as Error).message}`);
  }
  return { expired };
}
