import { sql, type Kysely } from 'kysely';

// Staff accounts with their role grants, staff sessions and the audit log (issue 6).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await createStaffAccounts(db);

  // Staff sessions live beside residents' (same hashing, same timeouts code, other policy).
  await sql`alter table sessions drop constraint if exists sessions_kind_check`.execute(db);
  await sql`alter table sessions add constraint sessions_kind_check check (kind in ('resident', 'staff'))`.execute(db);
  // The roles the staff identity provider asserted at login (space-separated), when it sends
  // them: a grant counts only while both our table and the organisation agree (least privilege).
  await db.schema.alterTable('sessions').addColumn('staff_roles', 'text').execute();
  // An administrator ends every live session of a disabled account at once.
  await sql`create index sessions_live_subject_idx on sessions (kind, subject) where ended_at is null`.execute(db);

  // A login started for one client must not be finished by the other's callback.
  await db.schema
    .alterTable('login_attempts')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('resident')
        .check(sql`kind in ('resident', 'staff')`),
    )
    .execute();

  await createAuditLog(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
async function createStaffAccounts(db: Kysely<any>): Promise<void> {
  // `subject` is the staff id the organisation's identity provider puts in its token (claim
  // STAFF_OIDC_ID_CLAIM). The account is ours: it exists, is enabled and has grants here, or
  // the person does not get in, whatever the identity provider says.
  await db.schema
    .createTable('staff_accounts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`char_length(subject) between 1 and 200`),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 200`))
    .addColumn('consortium_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('disabled_by', 'uuid', (c) => c.references('staff_accounts.id'))
    .execute();

  // One row per role and scope: '*' is the whole consortium, else a CBS municipality code.
  await db.schema
    .createTable('staff_role_grants')
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('front_desk', 'case_worker', 'planner', 'administrator')`),
    )
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope = '*' or scope ~ '^[0-9]{4}$'`))
    .addPrimaryKeyConstraint('staff_role_grants_pk', ['account_id', 'role', 'scope'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
async function createAuditLog(db: Kysely<any>): Promise<void> {
  // BIO 8.15.01 (logging): who (actor, role), what (action, object), result, from where (origin),
  // when, for whom (on_behalf_of: the opaque resident key, never a BSN, AVG art. 5(1)(c)) and why
  // (purpose). Tamper-evident: `hash` = SHA-256 of `prev_hash` and the row's canonical content,
  // so changing or removing a row breaks every later link (src/server/audit/chain.ts).
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().check(sql`seq > 0`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('allowed', 'denied')`))
    .addColumn('origin_ip', 'text')
    .addColumn('device', 'text')
    .addColumn('on_behalf_of', 'text')
    .addColumn('purpose', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull().check(sql`prev_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('hash', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`hash ~ '^[0-9a-f]{64}$'`),
    )
    .execute();
  await sql`create index audit_log_on_behalf_of_idx on audit_log (on_behalf_of, seq) where on_behalf_of is not null`.execute(
    db,
  );

  // Append-only, enforced by the database itself: a bug or a hand-typed statement in the
  // application's connection cannot rewrite history. (Only the table owner can disable the
  // trigger; in production the application should not connect as the owner: see README.)
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = '55000';
    end
    $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
            for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
            for each statement execute function audit_log_refuse_change()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').ifExists().execute();
  await sql`drop function if exists audit_log_refuse_change()`.execute(db);
  await db.schema.alterTable('login_attempts').dropColumn('kind').execute();
  await sql`drop index if exists sessions_live_subject_idx`.execute(db);
  await sql`delete from sessions where kind = 'staff'`.execute(db);
  await db.schema.alterTable('sessions').dropColumn('staff_roles').execute();
  await sql`alter table sessions drop constraint if exists sessions_kind_check`.execute(db);
  await sql`alter table sessions add constraint sessions_kind_check check (kind in ('resident'))`.execute(db);
  await db.schema.dropTable('staff_role_grants').ifExists().execute();
  await db.schema.dropTable('staff_accounts').ifExists().execute();
}
