import { sql, type Kysely } from 'kysely';

// The reminder scan (notifications/scheduler.ts) runs every minute on every instance: it looks
// for open or rejected document requests due within two days, and for booked appointments
// starting within 49 hours. Without these indexes both are sequential scans over every request
// and appointment ever made, a cost that grows with each year of use.
// Appointments keep the state 'booked' after they took place, so their index holds only booked
// ones (as the no-double-booking constraint does), ordered by start: the scan reads the coming
// two days, never the past.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('document_requests_state_due_idx')
    .on('document_requests')
    .columns(['state', 'due_date'])
    .execute();
  await sql`create index appointments_booked_start_idx on appointments (starts_at) where state = 'booked'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appointments_booked_start_idx').execute();
  await db.schema.dropIndex('document_requests_state_due_idx').execute();
}
