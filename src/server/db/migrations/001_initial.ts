import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they describe the schema at their point in time,
// not today's types (Kysely's own advice).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('bsn', 'text', (c) => c.primaryKey().check(sql`bsn ~ '^[0-9]{9}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'date', (c) => c.notNull())
    .addColumn('decision_term_weeks', 'integer', (c) => c.notNull().check(sql`decision_term_weeks > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('case_roles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('role_type', 'text', (c) => c.notNull().check(sql`role_type in ('initiator')`))
    .addColumn('bsn', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_roles_bsn_idx').on('case_roles').columns(['bsn', 'case_id']).execute();

  await db.schema
    .createTable('case_statuses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('status_type', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('case_statuses_case_idx').on('case_statuses').columns(['case_id', 'set_at']).execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('case_documents')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id'))
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_documents_pk', ['case_id', 'document_id'])
    .execute();

  await db.schema
    .createTable('case_results')
    .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('result_type', 'text', (c) =>
      c.notNull().check(sql`result_type in ('granted', 'partly_granted', 'rejected', 'not_processed')`),
    )
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('letter_document_id', 'uuid', (c) => c.references('documents.id'))
    .execute();

  // The primary key is the rule "a decision term is extended at most once" (Awb 4:14 lid 3).
  await db.schema
    .createTable('case_extensions')
    .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('weeks', 'integer', (c) => c.notNull().check(sql`weeks > 0`))
    .addColumn('notice_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_properties')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_properties_pk', ['case_id', 'name'])
    .execute();

  await db.schema
    .createTable('document_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('title_nl', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('reason_nl', 'text', (c) => c.notNull())
    .addColumn('reason_en', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'date', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`state in ('open', 'received', 'accepted', 'rejected')`),
    )
    .addColumn('received_on', 'date')
    .addCheckConstraint('document_requests_due_after_request', sql`due_date >= requested_on`)
    .execute();
  await db.schema.createIndex('document_requests_case_idx').on('document_requests').column('case_id').execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('booked')
        .check(sql`state in ('booked', 'cancelled')`),
    )
    .addCheckConstraint('appointments_end_after_start', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('appointments_bsn_idx').on('appointments').columns(['bsn', 'starts_at']).execute();

  // Sessions are stored by the SHA-256 of their token: a copy of this table opens no session.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('resident')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'login_attempts',
    'sessions',
    'appointments',
    'document_requests',
    'case_properties',
    'case_extensions',
    'case_results',
    'case_documents',
    'documents',
    'case_statuses',
    'case_roles',
    'cases',
    'persons',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
