/**
 * Loket's tables: the documents of a case (case_documents, ZGW zaakinformatieobject). The
 * document rows themselves and the document requests are the documents module's; these queries
 * join them so a list stays one statement.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Arrival, CaseDocument } from './case-system';
import { isUuid } from './uuid';

export async function registerDocument(
  db: Kysely<Database>,
  caseId: string,
  documentId: string,
  registeredAt: Date,
): Promise<void> {
  await db
    .insertInto('case_documents')
    .values({ case_id: caseId, document_id: documentId, registered_at: registeredAt })
    .execute();
}

export async function documentsOfCase(db: Kysely<Database>, caseId: string): Promise<CaseDocument[]> {
  if (!isUuid(caseId)) return [];
  return db
    .selectFrom('case_documents')
    .innerJoin('documents', 'documents.id', 'case_documents.document_id')
    .leftJoin('document_request_documents', 'document_request_documents.document_id', 'documents.id')
    .selectAll('documents')
    .select(['document_request_documents.request_id', 'case_documents.registered_at'])
    .where('case_documents.case_id', '=', caseId)
    .orderBy('case_documents.registered_at')
    .orderBy('documents.id')
    .execute();
}

export async function documentOfCase(db: Kysely<Database>, caseId: string, documentId: string) {
  if (!isUuid(caseId) || !isUuid(documentId)) return undefined;
  return db
    .selectFrom('case_documents')
    .innerJoin('documents', 'documents.id', 'case_documents.document_id')
    .selectAll('documents')
    .where('case_documents.case_id', '=', caseId)
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
}

export async function arrivals(
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
