/**
 * Named prepared statements on PGlite (pglite-statements.ts) answer exactly as `query()` does:
 * same rows and types, same affected-row counts, same SQLSTATE codes on errors, nothing left
 * half-done after an error, and a statement whose table changed shape is prepared again.
 */
import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteStatements } from './pglite-statements';

describe('prepared statements on PGlite', () => {
  let pg: PGlite;
  let statements: PGliteStatements;

  beforeAll(async () => {
    // The same date parser as the app's database (a date stays a calendar day string).
    pg = new PGlite({ parsers: { [types.DATE]: (value: string) => value } });
    await pg.exec(
      `create table things (id int primary key, name text not null, day date, seen timestamptz, meta jsonb, tags text[])`,
    );
    statements = new PGliteStatements(pg);
  });
  afterAll(() => pg?.close());

  it('prepares only parameterised data statements', () => {
    expect(PGliteStatements.preparable('select * from things where id = $1', [1])).toBe(true);
    expect(PGliteStatements.preparable('  WITH x as (select 1) select * from x where 1 = $1', [1])).toBe(true);
    expect(PGliteStatements.preparable('select 1', [])).toBe(false);
    expect(PGliteStatements.preparable('create table t (a int)', [1])).toBe(false);
    expect(PGliteStatements.preparable('begin', [])).toBe(false);
  });

  it('returns the same rows, types and counts as query()', async () => {
    const seen = new Date('2026-11-18T10:00:00.123Z');
    const insert = 'insert into things (id, name, day, seen, meta, tags) values ($1, $2, $3, $4, $5, $6)';
    const inserted = await statements.query(insert, [
      1,
      'één',
      '2026-11-18',
      seen,
      JSON.stringify({ a: [1, 'x'] }),
      ['p', 'q'],
    ]);
    expect(inserted.affectedRows).toBe(1);
    await statements.query(insert, [2, 'two', null, null, null, null]);

    const select = 'select * from things where id = any($1) order by id';
    const prepared = await statements.query(select, [[1, 2]]);
    const plain = await pg.query(select, [[1, 2]]);
    expect(prepared.rows).toEqual(plain.rows);
    expect(prepared.rows[0]).toEqual({
      id: 1,
      name: 'één',
      day: '2026-11-18',
      seen,
      meta: { a: [1, 'x'] },
      tags: ['p', 'q'],
    });

    const updated = await statements.query('update things set name = $1 where id > $2', ['many', 0]);
    expect(updated.affectedRows).toBe(2);
  });

  it('keeps the SQLSTATE of an error, and the next statement runs normally', async () => {
    const insert = 'insert into things (id, name) values ($1, $2)';
    await expect(statements.query(insert, [1, 'again'])).rejects.toMatchObject({ code: '23505' });
    await expect(statements.query(insert, [3, null])).rejects.toMatchObject({ code: '23502' });
    const rows = await statements.query<{ n: number }>('select count(*)::int as n from things where id < $1', [100]);
    expect(rows.rows).toEqual([{ n: 2 }]);
  });

  it('prepares again when a table changed shape under a cached statement', async () => {
    const select = 'select * from things where id = $1';
    await statements.query(select, [1]);
    await pg.exec('alter table things add column extra text');
    const after = await statements.query<Record<string, unknown>>(select, [1]);
    expect(after.rows[0]).toHaveProperty('extra', null);
  });
});
