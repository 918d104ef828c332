import { sql, type Kysely } from 'kysely';

// Front-desk help for a walk-in (issue 6 point 3): a resident session that a member of staff
// opened for them at the desk. It stays a resident session (the resident's own screens and API
// work unchanged); these columns say who opened it, in which role, and why, and tie it to the
// staff session that opened it: when that ends, this one ends too.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('assist_staff_account_id', 'uuid', (c) => c.references('staff_accounts.id'))
    // The SHA-256 of the staff session's token (the staff session's id_hash)
    .addColumn('assist_staff_session', 'text')
    .addColumn('assist_role', 'text')
    .addColumn('assist_purpose', 'text')
    // Only for the purpose 'other'; never copied to the audit log
    .addColumn('assist_purpose_text', 'text', (c) => c.check(sql`char_length(assist_purpose_text) <= 200`))
    .execute();
  await sql`alter table sessions add constraint sessions_assist_check check (
    assist_staff_account_id is null
    or (kind = 'resident' and assist_staff_session is not null and assist_role is not null and assist_purpose is not null)
  )`.execute(db);
  await sql`create index sessions_live_assist_idx on sessions (assist_staff_session) where ended_at is null and assist_staff_session is not null`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists sessions_live_assist_idx`.execute(db);
  await sql`alter table sessions drop constraint if exists sessions_assist_check`.execute(db);
  await sql`delete from sessions where assist_staff_account_id is not null`.execute(db);
  for (const column of [
    'assist_purpose_text',
    'assist_purpose',
    'assist_role',
    'assist_staff_session',
    'assist_staff_account_id',
  ]) {
    await db.schema.alterTable('sessions').dropColumn(column).execute();
  }
}
