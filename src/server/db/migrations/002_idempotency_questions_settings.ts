import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // IETF draft "The Idempotency-Key HTTP Header Field": the key, per user, with a fingerprint
  // of the request and the first (successful) response. A row commits in the same transaction
  // as the effect it describes, so "effect without record" cannot happen.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['subject', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();

  // A resident's question about their case (ZGW: klantcontact on a zaak).
  await db.schema
    .createTable('case_questions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().check(sql`char_length(text) between 1 and 2000`))
    .addColumn('asked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('case_questions_case_idx')
    .on('case_questions')
    .columns(['case_id', 'asked_at'])
    .execute();

  // Server-generated secrets that must survive restarts (e.g. the key that derives the
  // opaque per-resident id the client partitions its storage by).
  await db.schema
    .createTable('server_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_settings').ifExists().execute();
  await db.schema.dropTable('case_questions').ifExists().execute();
  await db.schema.dropTable('idempotency_keys').ifExists().execute();
}
