/**
 * What a case worker does with documents (issue 4, point 7), as service functions: the staff
 * routes arrive with the staff-login issue and will call these with `dbFor(request, ctx)`.
 * Ask for a document (with a repair term, Awb 4:5), see what arrived, accept, or reject with a
 * reason the resident reads. Every change follows the request's state machine in src/domain.
 */
import type { Kysely } from 'kysely';
import { amsterdamDateOf, compareDates, isIsoDate, type IsoDate } from '../../../domain/dates';
import { nextRequestState, type RequestEvent } from '../../../domain/documents';
import { caseSystemFor } from '../../case-system/index';
import type { Clock } from '../../clock';
import type { AppContext } from '../../context';
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
  ctx: Pick<AppContext, 'clock' | 'config'>,
  input: NewDocumentRequest,
): Promise<RequestRow> {
  const today = amsterdamDateOf(ctx.clock.now());
  const title = text(input.title.nl, 200);
  const reason = text(input.reason.nl, 1000);
  if (!title || !reason) throw invalid('A document request needs a title and a reason');
  if (!isIsoDate(input.dueDate) || compareDates(input.dueDate, today) < 0)
    throw invalid('The due date must be today or later');
  if (!(await caseSystemFor(ctx, db).staffCase(input.caseId))) throw notFound('Application');
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

/** The document for a staff download (any case); pass it to sendDownload (download.ts). */
export async function documentForStaff(db: Kysely<Database>, documentId: string) {
  if (!isUuid(documentId)) return undefined;
  return db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
}
