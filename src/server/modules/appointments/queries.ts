/**
 * Kysely queries of the appointments module. A resident reaches appointments only through their
 * own BSN, so another resident's appointment answers 404 like one that does not exist.
 */
import { sql, type Kysely } from 'kysely';
import type { BookedUnit, CapacityChange, ClosurePeriod } from '../../../domain/availability';
import type { IsoDate } from '../../../domain/dates';
import type { AppointmentRow, Database } from '../../db/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * Booked units at a place overlapping [from, until), optionally without one appointment.
 * Aggregated per unit in SQL: thousands of rows cost PGlite far more to hand over (WASM to JS,
 * a Date per value) than a few strings of epoch milliseconds (measured: 150 ms -> 34 ms for
 * 10,000 bookings; see test/bench/availability.bench.ts).
 */
export async function bookingsAt(
  db: Kysely<Database>,
  placeId: string,
  from: Date,
  until: Date,
  exceptId?: string,
): Promise<BookedUnit[]> {
  const except = exceptId ? sql`and id <> ${exceptId}` : sql``;
  const { rows } = await sql<{ desk_id: string; unit: number; type_code: string; spans: string }>`
    select desk_id, unit, type_code,
           string_agg((extract(epoch from starts_at) * 1000)::bigint || ':' || (extract(epoch from ends_at) * 1000)::bigint, ',') as spans
    from appointments
    where place_id = ${placeId} and state = 'booked' and starts_at < ${until} and ends_at > ${from} ${except}
    group by desk_id, unit, type_code`.execute(db);
  const bookings: BookedUnit[] = [];
  for (const row of rows) {
    for (const span of row.spans.split(',')) {
      const colon = span.indexOf(':');
      bookings.push({
        deskId: row.desk_id,
        unit: row.unit,
        typeCode: row.type_code,
        start: new Date(Number(span.slice(0, colon))),
        end: new Date(Number(span.slice(colon + 1))),
      });
    }
  }
  return bookings;
}

export async function closuresAt(
  db: Kysely<Database>,
  placeId: string,
  from: IsoDate,
  until: IsoDate,
): Promise<ClosurePeriod[]> {
  const rows = await db
    .selectFrom('place_closures')
    .select(['date', 'from_time', 'until_time'])
    .where('place_id', '=', placeId)
    .where('date', '>=', from)
    .where('date', '<=', until)
    .execute();
  return rows.map((r) => ({
    date: r.date,
    ...(r.from_time && r.until_time ? { from: r.from_time, until: r.until_time } : {}),
  }));
}

export async function capacityChangesAt(
  db: Kysely<Database>,
  placeId: string,
  from: IsoDate,
  until: IsoDate,
): Promise<CapacityChange[]> {
  const rows = await db
    .selectFrom('capacity_changes')
    .select(['desk_id', 'date', 'from_time', 'until_time', 'units'])
    .where('place_id', '=', placeId)
    .where('date', '>=', from)
    .where('date', '<=', until)
    .execute();
  return rows.map((r) => ({ deskId: r.desk_id, date: r.date, from: r.from_time, until: r.until_time, units: r.units }));
}

export async function appointmentOf(
  db: Kysely<Database>,
  bsn: string,
  id: string,
  forUpdate = false,
): Promise<AppointmentRow | undefined> {
  if (!isUuid(id)) return undefined;
  let query = db.selectFrom('appointments').selectAll().where('id', '=', id).where('bsn', '=', bsn);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function appointmentsOf(db: Kysely<Database>, bsn: string): Promise<AppointmentRow[]> {
  return db.selectFrom('appointments').selectAll().where('bsn', '=', bsn).orderBy('starts_at').limit(200).execute();
}
