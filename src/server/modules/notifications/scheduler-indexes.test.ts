/**
 * The reminder scan runs every minute on every instance: its two queries must be able to use an
 * index (migration 009), or they read every document request and appointment ever made.
 *
 * The queries are captured from the real scheduler and EXPLAINed. On a test database of a few
 * rows a sequential scan is cheaper and the planner rightly picks it, so each EXPLAIN runs with
 * `enable_seqscan = off`: that asks whether an index can serve the query's predicate at all, and
 * the plan must then name the index made for it, with the predicate as its index condition.
 * (Not a check that the planner picks it on tiny data: there a sequential scan is cheaper.)
 */
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../testing';
import { caseSystemFor } from '../../case-system/index';
import { scheduleReminders } from './scheduler';

describe.each(testDatabases)('reminder scan indexes on %s', (kind) => {
  let t: TestApp;
  const captured: CompiledQuery[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false, now: new Date('2026-11-18T10:00:00Z') });
    const capture: KyselyPlugin = {
      transformQuery: ({ node, queryId }) => {
        captured.push(t.ctx.db.getExecutor().compileQuery(node as RootOperationNode, queryId));
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const db = t.ctx.db.withPlugin(capture);
    await scheduleReminders(db, t.clock, caseSystemFor(t.ctx, db));
  }, 180_000); // a fresh migrated database: slow on a busy machine
  afterAll(() => t?.close());

  async function plan(table: string): Promise<string> {
    const query = captured.find((q) => new RegExp(`^select .* from "${table}"`, 's').test(q.sql));
    if (!query) throw new Error(`the scheduler no longer reads ${table}`);
    return t.ctx.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const result = await trx.executeQuery<Record<string, string>>(
        CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
      );
      return result.rows.map((row) => Object.values(row)[0]).join('\n');
    });
  }

  it('finds open or rejected document requests by state and due date through an index', async () => {
    const text = await plan('document_requests');
    expect(text).toMatch(/Index (Only )?Scan using document_requests_state_due_idx/);
    expect(text).toMatch(/Index Cond: .*state.*due_date/s);
  });

  it('finds booked appointments by state and start time through an index', async () => {
    const text = await plan('appointments');
    // A partial index (booked only, as past appointments stay booked): start time is its condition.
    expect(text).toMatch(/Index (Only )?Scan using appointments_booked_start_idx/);
    expect(text).toMatch(/Index Cond: .*starts_at > .*starts_at < /s);
  });
});
