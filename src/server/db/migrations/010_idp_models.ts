import { sql, type Kysely } from 'kysely';

// The embedded DigiD simulation's state (oidc-provider's sessions, interactions, codes, grants)
// in the database instead of one process's memory, so a test environment with several
// instances behind a round-robin proxy can log in: a login started on one instance continues
// on another. Rows expire; the adapter ignores expired ones and the sweep removes them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idp_models')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('uid', 'text')
    .addColumn('grant_id', 'text')
    .addColumn('user_code', 'text')
    .addColumn('expires_at', 'timestamptz')
    .addPrimaryKeyConstraint('idp_models_pk', ['model', 'id'])
    .execute();
  await sql`create index idp_models_uid_idx on idp_models (uid) where uid is not null`.execute(db);
  await sql`create index idp_models_grant_idx on idp_models (grant_id) where grant_id is not null`.execute(db);
  await db.schema.createIndex('idp_models_expires_idx').on('idp_models').column('expires_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idp_models').execute();
}
