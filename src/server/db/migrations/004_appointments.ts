import { sql, type Kysely } from 'kysely';

// Appointments, home visits and call-back requests (issue 5).
//
// No double booking is a database rule, not application code: a booking claims one unit of a
// desk group (place, desk, unit) for [starts_at, ends_at), and an exclusion constraint refuses
// any other booked row on the same unit whose range overlaps (PostgreSQL docs, "Exclusion
// Constraints" and btree_gist: equality on text/int needs the btree_gist operator classes).
// A lost race fails with SQLSTATE 23P01, on PGlite (contrib/btree_gist) as on PostgreSQL.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // In public, not the session's first schema: tests run one schema each and drop it with
  // CASCADE, which would drop an extension living there. Default operator classes are found
  // whatever the search_path, so constraints in other schemas use it all the same.
  await sql`create extension if not exists btree_gist with schema public`.execute(db);

  await db.schema
    .alterTable('appointments')
    .addColumn('desk_id', 'text')
    .addColumn('unit', 'integer', (c) => c.check(sql`unit >= 1`))
    .addColumn('channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('in_person')
        .check(sql`channel in ('in_person', 'phone', 'video')`),
    )
    .addColumn('urgency', 'text', (c) => c.check(sql`urgency in ('eviction', 'energy_or_water', 'health_insurance')`))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('needs_interpreter', 'text', (c) => c.check(sql`char_length(needs_interpreter) <= 40`))
    .addColumn('needs_wheelchair', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('needs_companion', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('needs_note', 'text', (c) => c.check(sql`char_length(needs_note) <= 300`))
    .addColumn('phone', 'text')
    .addColumn('booked_at', 'timestamptz')
    .addColumn('rescheduled_at', 'timestamptz')
    .addColumn('reschedule_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reschedule_reason', 'text', (c) => c.check(sql`char_length(reschedule_reason) <= 300`))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text', (c) => c.check(sql`char_length(cancel_reason) <= 300`))
    .addColumn('cancelled_by', 'text', (c) => c.check(sql`cancelled_by in ('resident', 'staff')`))
    .execute();
  // Rows from before this migration (the demo's one appointment per resident) get a desk no data
  // file can name ('-' is not kebab-case) and distinct units, so they satisfy the constraint and
  // availability still counts them (as bookings on a desk it does not know, see availability-occupancy).
  await sql`
    update appointments a set desk_id = '-', unit = n.unit, booked_at = now(),
      cancelled_at = case when a.state = 'cancelled' then now() end
    from (select id, row_number() over (partition by place_id order by starts_at, id) as unit from appointments) n
    where n.id = a.id`.execute(db);
  await sql`alter table appointments alter column desk_id set not null, alter column unit set not null,
            alter column booked_at set not null`.execute(db);
  await sql`alter table appointments add constraint appointments_no_double_booking
            exclude using gist (place_id with =, desk_id with =, unit with =, tstzrange(starts_at, ends_at, '[)') with &&)
            where (state = 'booked')`.execute(db);
  await sql`alter table appointments add constraint appointments_cancel_consistent
            check ((state = 'cancelled') = (cancelled_at is not null))`.execute(db);
  await db.schema
    .createIndex('appointments_place_start_idx')
    .on('appointments')
    .columns(['place_id', 'starts_at'])
    .execute();

  await createStaffTables(db);
  await createHomeVisits(db);
  await createCallbackRequests(db);
}

const TIME = sql`'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
async function createStaffTables(db: Kysely<any>): Promise<void> {
  // Closures and capacity changes made by staff at run time, on top of the data file's.
  await db.schema
    .createTable('place_closures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('from_time', 'text', (c) => c.check(sql`from_time ~ ${TIME}`))
    .addColumn('until_time', 'text', (c) => c.check(sql`until_time ~ ${TIME}`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`char_length(reason) between 1 and 300`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'place_closures_window',
      sql`(from_time is null and until_time is null) or (from_time is not null and until_time is not null and from_time < until_time)`,
    )
    .execute();
  await db.schema
    .createIndex('place_closures_place_date_idx')
    .on('place_closures')
    .columns(['place_id', 'date'])
    .execute();

  await db.schema
    .createTable('capacity_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('desk_id', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('from_time', 'text', (c) => c.notNull().check(sql`from_time ~ ${TIME}`))
    .addColumn('until_time', 'text', (c) => c.notNull().check(sql`until_time ~ ${TIME}`))
    .addColumn('units', 'integer', (c) => c.notNull().check(sql`units between 0 and 50`))
    .addColumn('reason', 'text', (c) => c.check(sql`char_length(reason) <= 300`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('capacity_changes_window', sql`from_time < until_time`)
    .execute();
  await db.schema
    .createIndex('capacity_changes_place_date_idx')
    .on('capacity_changes')
    .columns(['place_id', 'date'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
async function createHomeVisits(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('home_visits')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('illness', 'disability', 'care_for_others', 'other')`),
    )
    .addColumn('reason_text', 'text', (c) => c.check(sql`char_length(reason_text) <= 300`))
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('address_corrected', 'boolean', (c) => c.notNull())
    .addColumn('at_home', 'jsonb', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 500`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('requested', 'planned', 'alternative_offered', 'declined', 'done', 'cancelled')`),
    )
    .addColumn('planned_date', 'date')
    .addColumn('window_from', 'text', (c) => c.check(sql`window_from ~ ${TIME}`))
    .addColumn('window_until', 'text', (c) => c.check(sql`window_until ~ ${TIME}`))
    .addColumn('alternative_note', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('cancel_reason', 'text', (c) => c.check(sql`char_length(cancel_reason) <= 300`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('home_visits_reason_text', sql`reason <> 'other' or char_length(coalesce(reason_text, '')) > 0`)
    .addCheckConstraint(
      'home_visits_planned_has_window',
      sql`state <> 'planned' or (planned_date is not null and window_from < window_until)`,
    )
    .addCheckConstraint(
      'home_visits_declined_has_reason',
      sql`state <> 'declined' or char_length(coalesce(decline_reason, '')) > 0`,
    )
    .addCheckConstraint(
      'home_visits_alternative_has_note',
      sql`state <> 'alternative_offered' or char_length(coalesce(alternative_note, '')) > 0`,
    )
    .execute();
  await db.schema.createIndex('home_visits_bsn_idx').on('home_visits').columns(['bsn', 'requested_at']).execute();
  await db.schema.createIndex('home_visits_state_idx').on('home_visits').columns(['state', 'requested_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
async function createCallbackRequests(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('callback_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('bsn', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('part_of_day', 'text', (c) => c.notNull().check(sql`part_of_day in ('morning', 'afternoon', 'any')`))
    .addColumn('topic', 'text', (c) => c.notNull().check(sql`topic in ('appointment', 'home_visit', 'other')`))
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 300`))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('requested')
        .check(sql`state in ('requested', 'done', 'cancelled')`),
    )
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('callback_requests_bsn_idx')
    .on('callback_requests')
    .columns(['bsn', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('callback_requests_state_idx')
    .on('callback_requests')
    .columns(['state', 'requested_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not type-check against today's schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['callback_requests', 'home_visits', 'capacity_changes', 'place_closures']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('appointments_place_start_idx').ifExists().execute();
  await sql`alter table appointments drop constraint if exists appointments_no_double_booking,
            drop constraint if exists appointments_cancel_consistent`.execute(db);
  await db.schema
    .alterTable('appointments')
    .dropColumn('desk_id')
    .dropColumn('unit')
    .dropColumn('channel')
    .dropColumn('urgency')
    .dropColumn('case_id')
    .dropColumn('needs_interpreter')
    .dropColumn('needs_wheelchair')
    .dropColumn('needs_companion')
    .dropColumn('needs_note')
    .dropColumn('phone')
    .dropColumn('booked_at')
    .dropColumn('rescheduled_at')
    .dropColumn('reschedule_count')
    .dropColumn('reschedule_reason')
    .dropColumn('cancelled_at')
    .dropColumn('cancel_reason')
    .dropColumn('cancelled_by')
    .execute();
}
