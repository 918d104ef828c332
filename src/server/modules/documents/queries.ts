/**
 * Kysely queries of the documents module: uploads and document requests. Cases and the
 * documents on them are the case system's (src/server/case-system); the callers check the
 * resident's own role there first, so another resident's case or upload simply is not there.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DocumentRequestsTable, UploadsTable } from '../../db/schema';

export type UploadRow = Selectable<UploadsTable>;
export type RequestRow = Selectable<DocumentRequestsTable>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined | null): value is string =>
  typeof value === 'string' && UUID.test(value);

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

export async function requestsOfCase(db: Kysely<Database>, caseId: string): Promise<RequestRow[]> {
  return db.selectFrom('document_requests').selectAll().where('case_id', '=', caseId).orderBy('due_date').execute();
}
