/**
 * Kysely queries of the documents module. Cases are reached only through the resident's own
 * role (like applications/queries.ts), so another resident's case or upload simply is not there.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DocumentRequestsTable, DocumentsTable, UploadsTable } from '../../db/schema';

export type UploadRow = Selectable<UploadsTable>;
export type RequestRow = Selectable<DocumentRequestsTable>;
export type DocumentRow = Selectable<DocumentsTable> & { request_id: string | null; registered_at: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined | null): value is string =>
  typeof value === 'string' && UUID.test(value);

/** The case id when `bsn` is its initiator, else null. */
export async function ownCaseId(db: Kysely<Database>, bsn: string, caseId: string): Promise<string | null> {
  if (!isUuid(caseId)) return null;
  const row = await db
    .selectFrom('case_roles')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where('bsn', '=', bsn)
    .where('role_type', '=', 'initiator')
    .executeTakeFirst();
  return row?.case_id ?? null;
}

export async function requestOfCase(db: Kysely<Database>, caseId: string, requestId: string, forUpdate = false) {
  if (!isUuid(requestId)) return undefined;
  let query = db.selectFrom('document_requests').selectAll().where('id', '=', requestId).where('case_id', '=', caseId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function uploadOf(db: Kysely<Database>, bsn: string, uploadId: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', uploadId).where('bsn', '=', bsn).executeTakeFirst();
}

/** Bytes a resident declared in uploads created since `since` (the rolling daily window). */
export async function bytesUploadedSince(db: Kysely<Database>, bsn: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('uploads')
    .select(sql<number>`coalesce(sum(declared_size), 0)::float8`.as('bytes'))
    .where('bsn', '=', bsn)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

/** Serialises upload creation per resident, so two at once cannot both pass the daily limit. */
export async function lockResidentUploads(db: Kysely<Database>, bsn: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`uploads:${bsn}`}, 0))`.execute(db);
}

/** Every document on a case, with the request it answers (if any). */
export async function documentsOfCase(db: Kysely<Database>, caseId: string): Promise<DocumentRow[]> {
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

export async function requestsOfCase(db: Kysely<Database>, caseId: string): Promise<RequestRow[]> {
  return db.selectFrom('document_requests').selectAll().where('case_id', '=', caseId).orderBy('due_date').execute();
}

/** One document on a case (for a download), or undefined. */
export async function documentOfCase(db: Kysely<Database>, caseId: string, documentId: string) {
  if (!isUuid(documentId)) return undefined;
  return db
    .selectFrom('case_documents')
    .innerJoin('documents', 'documents.id', 'case_documents.document_id')
    .selectAll('documents')
    .where('case_documents.case_id', '=', caseId)
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
}
