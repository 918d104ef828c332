/**
 * What our wrapping of Kysely's PGliteDialect relies on and promises: statements with parameters
 * run as named prepared statements also inside a transaction and belong to it (commit keeps them,
 * rollback undoes them, savepoints work), and a query that waits for the one connection while a
 * transaction holds it (the classic ctx.db-inside-a-handler mistake) fails after 15 s instead of
 * hanging the server for ever.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoketPGliteDialect } from './pglite-dialect';

interface Things {
  things: { id: number; name: string };
}

describe('the PGlite dialect', () => {
  let db: Kysely<Things>;
  const names = async () =>
    (await db.selectFrom('things').select('name').where('id', '>', 0).orderBy('id').execute()).map((r) => r.name);

  beforeAll(async () => {
    db = new Kysely<Things>({ dialect: new LoketPGliteDialect(new PGlite()) });
    await sql`create table things (id int primary key, name text not null)`.execute(db);
  });
  afterAll(() => db?.destroy());

  it('runs parameterised statements as named prepared statements', async () => {
    await db.insertInto('things').values({ id: 1, name: 'een' }).execute();
    const prepared = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db);
    expect(prepared.rows.map((r) => r.name)).toContain('loket_1');
    expect(await names()).toEqual(['een']);
  });

  it('keeps prepared statements inside the transaction: rollback undoes them, commit keeps them', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: 2, name: 'twee' }).execute();
        expect((await trx.selectFrom('things').select('name').where('id', '=', 2).execute()).length).toBe(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await names()).toEqual(['een']);

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('things').values({ id: 3, name: 'drie' }).execute();
      // A failed statement inside a savepoint leaves the transaction usable (claim.ts relies on it).
      await sql`savepoint s`.execute(trx);
      await expect(trx.insertInto('things').values({ id: 3, name: 'dubbel' }).execute()).rejects.toMatchObject({
        code: '23505',
      });
      await sql`rollback to savepoint s`.execute(trx);
      await trx.insertInto('things').values({ id: 4, name: 'vier' }).execute();
    });
    expect(await names()).toEqual(['een', 'drie', 'vier']);
  });

  it('refuses a query that waits 15 s for the connection a transaction holds, and goes on working', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('things').select('id').where('id', '=', 1).execute();
        // Outside the transaction, while it is open: on one connection this can never run.
        const outside = db.selectFrom('things').select('id').where('id', '=', 1).execute();
        const refused = expect(outside).rejects.toThrow(/PGlite connection wait timed out/);
        await vi.advanceTimersByTimeAsync(15_000);
        await refused;
      });
    } finally {
      vi.useRealTimers();
    }
    expect(await names()).toEqual(['een', 'drie', 'vier']);
  });
});
