/**
 * Named prepared statements on PostgreSQL (postgres-statements.ts): what gets a name, that the
 * server keeps it for the connection, and that a table changed under a running process (a
 * rolling deploy's migration) costs no request outside a transaction.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namingPool, preparable, statementName } from './postgres-statements';

describe('which statements get a name', () => {
  it('names queries and changes with parameters, never transaction control, DDL or a query without values', () => {
    expect(preparable('select * from cases where id = $1', ['a'])).toBe(true);
    expect(preparable('  with x as (select 1) select * from x where $1', [1])).toBe(true);
    expect(preparable('insert into t (a) values ($1)', [1])).toBe(true);
    expect(preparable('select 1', [])).toBe(false);
    expect(preparable('begin', undefined)).toBe(false);
    expect(preparable('alter table t add column b int', [])).toBe(false);
  });

  it('gives one text one name, the same in every process', () => {
    expect(statementName('select $1')).toBe(statementName('select $1'));
    expect(statementName('select $1')).not.toBe(statementName('select $1 + 1'));
    expect(statementName('select $1')).toMatch(/^loket_[0-9a-f]{24}$/);
  });
});

// Only PostgreSQL: PGlite has its own (pglite-statements.ts).
describe.skipIf(!process.env.DATABASE_URL)('named statements on PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  // One connection, so what one query prepared the next one sees.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, options: `-c search_path=${schema}` });
  const db = new Kysely<{ things: { id: number; label: string } }>({
    dialect: new PostgresDialect({ pool: namingPool(pool) }),
  });
  const prepared = async () =>
    (await sql<{ name: string }>`select name from pg_prepared_statements order by name`.execute(db)).rows.map(
      (row) => row.name,
    );

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    await sql`create table things (id int primary key, label text not null)`.execute(db);
    await db.insertInto('things').values({ id: 1, label: 'one' }).execute();
  });
  afterAll(async () => {
    await db.destroy();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('prepares a query once per connection and runs it again by its name', async () => {
    const query = db.selectFrom('things').selectAll().where('id', '=', 1);
    expect(await query.execute()).toEqual([{ id: 1, label: 'one' }]);
    const name = statementName(query.compile().sql);
    expect(await prepared()).toContain(name);
    expect(await query.execute()).toEqual([{ id: 1, label: 'one' }]);
    expect((await prepared()).filter((n) => n === name)).toHaveLength(1);
  });

  it('answers a prepared query again after its table changed, with the new column', async () => {
    const query = db.selectFrom('things').selectAll().where('id', '=', 1);
    await query.execute();
    await sql`alter table things add column note text`.execute(db);
    // PostgreSQL refuses the kept plan (0A000, its result type changed): sent again without a name.
    expect(await query.execute()).toEqual([{ id: 1, label: 'one', note: null }]);
    expect(await query.execute()).toEqual([{ id: 1, label: 'one', note: null }]);
  });
});
