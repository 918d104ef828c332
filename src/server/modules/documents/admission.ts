/**
 * Admits a new tus upload (POST /api/uploads) before tus sees it: the resident, the case and
 * optional request named in Upload-Metadata must be theirs (404 otherwise, as for any foreign
 * case), the declared Upload-Length must pass the size rules and the daily limit. The upload row
 * is written here, with the id tus will use, so every later HEAD/PATCH can be checked against it.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { acceptsDocuments, exceedsDailyLimit, sizeRefusal } from '../../../domain/documents';
import { UPLOAD_METADATA_KEYS } from '../../../domain/api';
import { caseSystemFor } from '../../case-system/index';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { refusal } from './refusals';
import { bytesUploadedSince, isUuid, lockResidentUploads, requestOfCase } from './queries';
import type { DocumentServices } from './services';

const DAY_MS = 24 * 3_600_000;
const invalid = (what: string) => new AppError(400, 'VALIDATION_FAILED', what);

/** tus 1.0.0 Upload-Metadata: comma-separated "key base64value" pairs. */
function parseUploadMetadata(header: string | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const pair of (header ?? '').split(',')) {
    const [key, value = '', extra] = pair.trim().split(' ');
    if (!key) continue;
    if (extra !== undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw invalid('Upload-Metadata is malformed');
    result.set(key, Buffer.from(value, 'base64').toString('utf8'));
  }
  return result;
}

function declaredLength(headers: IncomingHttpHeaders): number {
  if (headers['upload-defer-length'] !== undefined) throw invalid('Upload-Length must be known when the upload starts');
  const raw = headers['upload-length'];
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw invalid('Upload-Length is required');
  return Number(raw);
}

export async function admitUpload(
  ctx: AppContext,
  services: DocumentServices,
  bsn: string,
  headers: IncomingHttpHeaders,
): Promise<string> {
  const length = declaredLength(headers);
  const metadata = parseUploadMetadata(
    typeof headers['upload-metadata'] === 'string' ? headers['upload-metadata'] : undefined,
  );
  const caseId = metadata.get(UPLOAD_METADATA_KEYS.caseId);
  const requestId = metadata.get(UPLOAD_METADATA_KEYS.requestId) || null;
  if (!isUuid(caseId)) throw invalid('Upload-Metadata must name the application (caseId)');
  const sizeProblem = sizeRefusal(length);
  if (sizeProblem) throw refusal(sizeProblem);

  const now = ctx.clock.now();
  const id = randomBytes(16).toString('hex');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await caseSystemFor(ctx, trx).residentCase(bsn, caseId))) throw notFound('Application');
    if (requestId !== null) {
      const request = await requestOfCase(trx, caseId, requestId);
      if (!request) throw notFound('Document request');
      if (!acceptsDocuments(request.state)) throw refusal('REQUEST_CLOSED');
    }
    await lockResidentUploads(trx, bsn);
    const used = await bytesUploadedSince(trx, bsn, new Date(now.getTime() - DAY_MS));
    if (exceedsDailyLimit(used, length, services.limits.dailyBytes)) throw refusal('DAILY_UPLOAD_LIMIT');
    await trx
      .insertInto('uploads')
      .values({ id, bsn, case_id: caseId, request_id: requestId, declared_size: length, created_at: now })
      .execute();
  });
  return id;
}
