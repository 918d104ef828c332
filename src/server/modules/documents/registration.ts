/**
 * Registering a finished upload as a document (POST /api/applications/:id/documents), in two
 * steps so the slow part never holds a database transaction (PGlite has one connection):
 * 1. prepareUpload, before the idempotency transaction opens: read the upload, run the checks,
 *    store the result in the blob store and note it on the upload row. A refusal is final and
 *    noted too; the refused bytes are deleted at once. Concurrent calls share one run.
 * 2. registerDocument, inside the request's transaction (dbFor): only rows are written, and the
 *    upload row's document_id makes it happen at most once per upload, whatever the key.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { downloadFileName, isDocumentContentType, nextRequestState } from '../../../domain/documents';
import type { NewDocument } from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import { caseSystemFor } from '../../case-system/index';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { newBlobKey } from '../../blobs/index';
import { AppError, notFound } from '../../errors';
import { checkDocument } from './checks/check-document';
import { requestOfCase, uploadOf, type UploadRow } from './queries';
import { isFinalRefusal, isRefusalCode, refusal } from './refusals';
import type { DocumentServices } from './services';

const running = new Map<string, Promise<void>>();

async function runChecks(
  ctx: AppContext,
  services: DocumentServices,
  log: FastifyBaseLogger,
  row: UploadRow,
): Promise<void> {
  const progress = await services.uploads.progress(row.id);
  if (!progress) throw refusal('UPLOAD_NOT_FOUND'); // cancelled (tus DELETE) or swept
  if (progress.size === undefined || progress.offset !== progress.size) throw refusal('UPLOAD_INCOMPLETE');
  try {
    const checked = await checkDocument(await services.uploads.read(row.id), services.scanner);
    const key = newBlobKey('documents');
    await services.blobs.put(key, checked.bytes);
    const updated = await ctx.db
      .updateTable('uploads')
      .set({
        checked_content_type: checked.contentType,
        checked_size: checked.bytes.length,
        checked_sha256: checked.sha256,
        storage_key: key,
      })
      .where('id', '=', row.id)
      .where('storage_key', 'is', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) await services.blobs.delete(key); // another instance was first
  } catch (error) {
    if (isFinalRefusal(error)) {
      await ctx.db.updateTable('uploads').set({ refused_code: error.code }).where('id', '=', row.id).execute();
      // Best effort: the refusal is what the resident must get, even if the store hiccups.
      await services.uploads.remove(row.id).catch(() => undefined);
      // The upload id and the code only: never a file name, title or BSN in a log line.
      log.info({ upload: row.id, refusal: error.code }, 'document refused');
    }
    throw error;
  }
}

/** Step 1 (no transaction open). Does nothing when there is nothing (more) to check. */
export async function prepareUpload(
  ctx: AppContext,
  services: DocumentServices,
  log: FastifyBaseLogger,
  bsn: string,
  caseId: string,
  uploadId: unknown,
): Promise<void> {
  if (typeof uploadId !== 'string' || !/^[0-9a-f]{32}$/.test(uploadId)) return;
  const row = await uploadOf(ctx.db, bsn, uploadId);
  if (!row || row.case_id !== caseId || row.document_id || row.storage_key || row.refused_code) return;
  let run = running.get(uploadId);
  if (!run) {
    run = runChecks(ctx, services, log, row).finally(() => running.delete(uploadId));
    running.set(uploadId, run);
  }
  await run;
}

async function answerRequest(
  db: Kysely<Database>,
  ctx: AppContext,
  caseId: string,
  requestId: string,
  documentId: string,
) {
  const request = await requestOfCase(db, caseId, requestId, true);
  if (!request) throw notFound('Document request');
  const next = nextRequestState(request.state, 'document_received');
  if (!next) throw refusal('REQUEST_CLOSED');
  await db
    .insertInto('document_request_documents')
    .values({ request_id: requestId, document_id: documentId })
    .execute();
  // Awb 4:15: the repair term ends when the documents arrive; more pages do not move that day.
  const receivedOn =
    request.state === 'received' && request.received_on ? request.received_on : amsterdamDateOf(ctx.clock.now());
  await db
    .updateTable('document_requests')
    .set({ state: next, received_on: receivedOn })
    .where('id', '=', requestId)
    .execute();
}

/** Step 2, inside the request's transaction. Returns the new document's row. */
export async function registerDocument(
  ctx: AppContext,
  db: Kysely<Database>,
  bsn: string,
  caseId: string,
  body: NewDocument,
) {
  const cases = caseSystemFor(ctx, db);
  if (!(await cases.residentCase(bsn, caseId))) throw notFound('Application');
  const upload = await uploadOf(db, bsn, body.uploadId);
  if (!upload || upload.case_id !== caseId) throw refusal('UPLOAD_NOT_FOUND');
  if (upload.refused_code)
    throw isRefusalCode(upload.refused_code) ? refusal(upload.refused_code) : refusal('UPLOAD_NOT_FOUND');
  if (upload.document_id) throw refusal('UPLOAD_ALREADY_REGISTERED');
  const type = upload.checked_content_type;
  if (!upload.storage_key || !upload.checked_sha256 || !type || !isDocumentContentType(type))
    throw refusal('UPLOAD_INCOMPLETE');
  if (body.requestId && upload.request_id && body.requestId !== upload.request_id) {
    throw new AppError(400, 'VALIDATION_FAILED', 'requestId differs from the one the upload was started for');
  }
  const requestId = body.requestId ?? upload.request_id;
  const now = ctx.clock.now();
  const document = await db
    .insertInto('documents')
    .values({
      title: body.title.trim(),
      file_name: downloadFileName(body.fileName, type),
      content_type: type,
      size_bytes: upload.checked_size ?? 0,
      storage_key: upload.storage_key,
      sha256: upload.checked_sha256,
      origin: 'resident',
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await cases.registerDocument(caseId, document.id, now);
  if (requestId) await answerRequest(db, ctx, caseId, requestId, document.id);
  const claimed = await db
    .updateTable('uploads')
    .set({ document_id: document.id })
    .where('id', '=', upload.id)
    .where('document_id', 'is', null)
    .where('refused_code', 'is', null)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) throw refusal('UPLOAD_ALREADY_REGISTERED');
  return { ...document, request_id: requestId, registered_at: now };
}
