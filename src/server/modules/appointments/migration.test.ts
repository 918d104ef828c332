/**
 * Migration 004 on a database that already holds appointments (the demo's, from before
 * desks existed): they survive, satisfy the no-double-booking constraint, and availability
 * still counts them (as bookings on a desk the data does not know).
 */
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsortium } from '../../../consortia/index';
import { availableSlots } from '../../../domain/availability';
import { migrationProvider } from '../../db/migrations/index';
import { LoketPGliteDialect } from '../../db/pglite-dialect';
import type { Database } from '../../db/schema';
import { bookingsAt } from './queries';

describe('migration 004 with existing appointments', () => {
  let db: Kysely<Database>;

  beforeAll(async () => {
    const pglite = new PGlite({ extensions: { btree_gist } });
    db = new Kysely<Database>({ dialect: new LoketPGliteDialect(pglite) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('003_documents')).error).toBeUndefined();
    for (const [reference, start] of [
      ['AFS-0191', '2026-03-30T08:00:00Z'],
      ['AFS-0441', '2026-03-30T08:00:00Z'],
    ] as const) {
      await sql`insert into appointments (reference, bsn, type_code, place_id, starts_at, ends_at)
                values (${reference}, '999990019', 'intake', 'voorburg-corbulo', ${start}, ${start}::timestamptz + interval '45 minutes')`.execute(
        db,
      );
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
  afterAll(() => db?.destroy());

  it('keeps them on distinct units of an unknown desk, and counts them against capacity', async () => {
    const rows = await db
      .selectFrom('appointments')
      .select(['reference', 'desk_id', 'unit', 'state'])
      .orderBy('reference')
      .execute();
    expect(rows.map((r) => [r.reference, r.desk_id, r.state])).toEqual([
      ['AFS-0191', '-', 'booked'],
      ['AFS-0441', '-', 'booked'],
    ]);
    expect(rows.map((r) => r.unit).sort()).toEqual([1, 2]);
    const consortium = loadConsortium('leidschendam-voorburg');
    const bookings = await bookingsAt(
      db,
      'voorburg-corbulo',
      new Date('2026-03-30T00:00:00Z'),
      new Date('2026-03-31T00:00:00Z'),
    );
    const overlapping = availableSlots({
      place: consortium.centralOffice,
      type: consortium.appointments.types[0]!,
      urgent: false,
      earliest: new Date('2026-03-01T00:00:00Z'),
      from: '2026-03-30',
      until: '2026-03-30',
      bookings,
      includeFull: true,
    }).find((s) => s.time === '09:45');
    expect(overlapping).toMatchObject({ free: 1 }); // 3 units; the two old bookings (10:00-10:45) overlap 09:45-10:30
  });

  it('refuses an overlapping booking on the same unit (SQLSTATE 23P01)', async () => {
    const insert = sql`insert into appointments (reference, bsn, type_code, place_id, starts_at, ends_at, desk_id, unit, booked_at)
                       values ('AFS-X', '999990019', 'intake', 'voorburg-corbulo', '2026-03-30T08:30:00Z', '2026-03-30T09:15:00Z', '-', 1, now())`;
    await expect(insert.execute(db)).rejects.toMatchObject({ code: '23P01' });
  });
});
