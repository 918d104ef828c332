import { sql, type Kysely } from 'kysely';

// Documents (issue 4): what a resident sends and the letters the service sends, the link between
// a request and the files that answer it, and tus uploads until they become a document.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // ZGW enkelvoudiginformatieobject: integriteit (sha256) and who made it. 'service' documents
  // are letters; existing rows are the demo decision letters of migration 001's era.
  await db.schema
    .alterTable('documents')
    .addColumn('sha256', 'text')
    .addColumn('origin', 'text', (c) =>
      c
        .notNull()
        .defaultTo('resident')
        .check(sql`origin in ('resident', 'service')`),
    )
    .execute();
  await sql`update documents set origin = 'service'
            where id in (select letter_document_id from case_results where letter_document_id is not null)`.execute(db);

  await db.schema
    .alterTable('document_requests')
    .addColumn('rejection_reason', 'text')
    .addColumn('judged_at', 'timestamptz')
    .execute();
  await db.schema
    .alterTable('document_requests')
    .addCheckConstraint(
      'document_requests_rejection_has_reason',
      sql`state <> 'rejected' or char_length(coalesce(rejection_reason, '')) > 0`,
    )
    .execute();

  // A request can take several files (pages, months of bank statements).
  await db.schema
    .createTable('document_request_documents')
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('document_requests.id').onDelete('cascade'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('document_request_documents_pk', ['request_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('document_request_documents_document_idx')
    .on('document_request_documents')
    .column('document_id')
    .execute();

  // One row per tus upload. The id is the server-generated tus id. The checked_* columns hold the
  // outcome of the checks (run before the registering transaction opens); document_id is set in
  // the registering transaction, so a document is registered at most once per upload.
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^[0-9a-f]{32}$'`))
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('request_id', 'uuid', (c) => c.references('document_requests.id').onDelete('cascade'))
    .addColumn('declared_size', 'integer', (c) => c.notNull().check(sql`declared_size > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('checked_content_type', 'text')
    .addColumn('checked_size', 'integer')
    .addColumn('checked_sha256', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('refused_code', 'text')
    .addColumn('document_id', 'uuid', (c) => c.unique().references('documents.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('uploads_bsn_created_idx').on('uploads').columns(['bsn', 'created_at']).execute();
  await db.schema.createIndex('uploads_created_idx').on('uploads').column('created_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('uploads').ifExists().execute();
  await db.schema.dropTable('document_request_documents').ifExists().execute();
  await db.schema.alterTable('document_requests').dropConstraint('document_requests_rejection_has_reason').execute();
  await db.schema.alterTable('document_requests').dropColumn('judged_at').dropColumn('rejection_reason').execute();
  await db.schema.alterTable('documents').dropColumn('origin').dropColumn('sha256').execute();
}
