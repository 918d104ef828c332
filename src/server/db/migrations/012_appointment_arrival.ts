import type { Kysely } from 'kysely';

// The front desk marks a resident as arrived for today's appointment (issue 14): when, and by
// which staff account. Null until then; a booking's state stays 'booked' (arrival is a fact about
// the day, not a new state of the booking), so the double-booking constraint and the reminder
// index are untouched.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('appointments')
    .addColumn('arrived_at', 'timestamptz')
    .addColumn('arrived_by', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appointments').dropColumn('arrived_by').dropColumn('arrived_at').execute();
}
