/**
 * What a case worker does with documents (issue 4, point 7), as service functions: the staff
 * routes arrive with the staff-login issue and will call these with `dbFor(request, ctx)`.
 * Ask for a document (with a repair term, Awb 4:5), see what arrived, accept, or reject with a
 * reason the resident reads. Every change follows the request's state machine in src/domain.
 */
import type { Kysely } from 'kysely';
import { amsterdamDateOf, compareDates, isIsoDate, type IsoDate } from '../../../domain/dates';
import { nextRequestState, type RequestEvent } from '../../../domain/documents';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { isUuid, type RequestRow } from './queries';
import { refusal } from './refusals';

export interface NewDocumentRequest {
  caseId: string;
  /** What is asked; English falls back to Dutch when the case worker gives none */
  title: { nl: string; en?: string };
  /** Why, in words the resident understands (B1) */
  reason: { nl: string; en?: string };
  /** Last day of the repair term (hersteltermijn) */
  dueDate: IsoDate;
}

const invalid = (what: string) => new AppError(400, 'VALIDATION_FAILED', what);
const text = (value: string | undefined, max: number) => (value ?? '').trim().slice(0, max);

export async function createDocumentRequest(
  db: Kysely<Database>,
  clock: Clock,
  input: NewDocumentRequest,
): Promise<RequestRow> {
  const today = amsterdamDateOf(clock.now());
  const title = text(input.title.nl, 200);
  const reason = text(input.reason.nl, 1000);
  if (!title || !reason) throw invalid('A document request needs a title and a reason');
  if (!isIsoDate(input.dueDate) || compareDates(input.dueDate, today) < 0)
    throw invalid('The due date must be today or later');
  if (!isUuid(input.caseId)) throw notFound('Application');
  const found = await db.selectFrom('cases').select('id').where('id', '=', input.caseId).executeTakeFirst();
  if (!found) throw notFound('Application');
  return db
    .insertInto('document_requests')
    .values({
      case_id: input.caseId,
      title_nl: title,
      title_en: text(input.title.en, 200) || title,
      reason_nl: reason,
      reason_en: text(input.reason.en, 1000) || reason,
      requested_on: today,
      due_date: input.dueDate,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function judge(
  db: Kysely<Database>,
  clock: Clock,
  requestId: string,
  event: RequestEvent,
  reason: string | null,
) {
  if (!isUuid(requestId)) throw notFound('Document request');
  const request = await db
    .selectFrom('document_requests')
    .selectAll()
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw notFound('Document request');
  const next = nextRequestState(request.state, event);
  if (!next) throw refusal('REQUEST_TRANSITION_NOT_ALLOWED');
  return db
    .updateTable('document_requests')
    .set({
      state: next,
      rejection_reason: reason,
      judged_at: clock.now(),
      // Awb 4:15: rejected documents did not complete the application; the suspension runs on
      // until the resident sends again (or the repair term ends).
      ...(event === 'rejected' ? { received_on: null } : {}),
    })
    .where('id', '=', requestId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function acceptDocumentRequest(
  db: Kysely<Database>,
  clock: Clock,
  requestId: string,
): Promise<RequestRow> {
  return judge(db, clock, requestId, 'accepted', null);
}

export async function rejectDocumentRequest(
  db: Kysely<Database>,
  clock: Clock,
  requestId: string,
  reason: string,
): Promise<RequestRow> {
  const why = text(reason, 1000);
  if (!why) throw invalid('A rejection needs a reason the resident can read');
  return judge(db, clock, requestId, 'rejected', why);
}

export interface Arrival {
  documentId: string;
  caseId: string;
  caseReference: string;
  requestId: string | null;
  requestTitle: string | null;
  requestState: RequestRow['state'] | null;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  receivedAt: Date;
}

/** Documents residents sent, newest first; optionally for one case or since a moment. */
export async function listArrivals(
  db: Kysely<Database>,
  filter: { caseId?: string; since?: Date; limit?: number } = {},
): Promise<Arrival[]> {
  if (filter.caseId !== undefined && !isUuid(filter.caseId)) return [];
  let query = db
    .selectFrom('case_documents')
    .innerJoin('documents', 'documents.id', 'case_documents.document_id')
    .innerJoin('cases', 'cases.id', 'case_documents.case_id')
    .leftJoin('document_request_documents', 'document_request_documents.document_id', 'documents.id')
    .leftJoin('document_requests', 'document_requests.id', 'document_request_documents.request_id')
    .select([
      'documents.id as documentId',
      'cases.id as caseId',
      'cases.reference as caseReference',
      'document_requests.id as requestId',
      'document_requests.title_nl as requestTitle',
      'document_requests.state as requestState',
      'documents.title as title',
      'documents.file_name as fileName',
      'documents.content_type as contentType',
      'documents.size_bytes as sizeBytes',
      'case_documents.registered_at as receivedAt',
    ])
    .where('documents.origin', '=', 'resident');
  if (filter.caseId !== undefined) query = query.where('cases.id', '=', filter.caseId);
  if (filter.since) query = query.where('case_documents.registered_at', '>=', filter.since);
  return query
    .orderBy('case_documents.registered_at', 'desc')
    .orderBy('documents.id')
    .limit(filter.limit ?? 200)
    .execute();
}

/** The document for a staff download (any case); pass it to sendDownload (download.ts). */
export async function documentForStaff(db: Kysely<Database>, documentId: string) {
  if (!isUuid(documentId)) return undefined;
  return db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
}
