import { sql, type Kysely } from 'kysely';

// Case workers answer residents' questions (issue 14). Migration 002 made room for the answer
// and its time; this records who answered (the audit log says so too, but the row must not
// depend on reading the log), keeps an answer and its time together, bounds the answer's
// length, and indexes the open questions: the worklist asks for them on every look, and
// without the index that is a scan over every question ever asked.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('case_questions')
    .addColumn('answered_by', 'uuid', (c) => c.references('staff_accounts.id').onDelete('set null'))
    .execute();
  await sql`alter table case_questions add constraint case_questions_answer_check check (
    (answer is null and answered_at is null)
    or (answered_at is not null and char_length(answer) between 1 and 4000)
  )`.execute(db);
  await sql`create index case_questions_open_idx on case_questions (case_id, asked_at) where answered_at is null`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_questions_open_idx').execute();
  await sql`alter table case_questions drop constraint if exists case_questions_answer_check`.execute(db);
  await db.schema.alterTable('case_questions').dropColumn('answered_by').execute();
}
