/**
 * The audit log's own guarantees, on both databases: the DATABASE refuses UPDATE, DELETE and
 * TRUNCATE (a trigger, not application code), and the hash chain reveals a changed, removed or
 * forged row. To tamper at all, the tests do what an attacker with owner rights would have to
 * do: disable the trigger (ALTER TABLE ... DISABLE TRIGGER), or insert a row of their own making.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, bothDatabases, type TestApp } from '../testing';
import { appendAuditEntry, type AuditEntry } from './append';
import { chainHash } from './chain';
import { verifyAuditChain } from './verify';

const entry = (n: number): AuditEntry => ({
  actor: '00000000-0000-4000-8000-000000000001',
  actor_role: 'case_worker',
  action: 'read',
  object_type: 'case',
  object_id: `case-${n}`,
  result: 'allowed',
  origin_ip: '192.0.2.1',
  device: 'Firefox on Linux (desktop)',
  on_behalf_of: 'opaque-resident-key-123',
  purpose: 'case_handling',
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return `${(error as { code?: string }).code ?? ''} ${(error as Error).message}`;
  }
}

/** Runs `statement` with the append-only trigger switched off, as only the table owner can. */
async function tamper(t: TestApp, statement: ReturnType<typeof sql>) {
  await t.ctx.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
}

describe.each(bothDatabases)('audit log on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false, now: new Date('2026-11-18T10:00:00Z') });
  });
  afterAll(() => t?.close());

  it('chains entries: each hash covers the previous one, and the chain verifies', async () => {
    for (let n = 1; n <= 5; n += 1) {
      t.clock.advanceMinutes(1);
      await appendAuditEntry(t.ctx.db, t.clock, entry(n));
    }
    const rows = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => String(r.seq))).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const report = await verifyAuditChain(t.ctx.db);
    expect(report).toMatchObject({ ok: true, rows: 5, broken: null, head: { seq: '5', hash: rows[4]!.hash } });
  });

  it('keeps one linear chain when many entries are written at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditEntry(t.ctx.db, t.clock, entry(100 + i))));
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, rows: 25 });
  });

  it('is refused by the database: UPDATE, DELETE and TRUNCATE', async () => {
    const update = await refusal(
      t.ctx.db.updateTable('audit_log').set({ purpose: 'other' }).where('seq', '=', '2').execute(),
    );
    expect(update).toMatch(/^55000 audit_log is append-only: UPDATE refused/);
    expect(await refusal(t.ctx.db.deleteFrom('audit_log').where('seq', '=', '2').execute())).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(sql`truncate audit_log`.execute(t.ctx.db))).toMatch(/append-only: TRUNCATE refused/);
    expect(await refusal(sql`update audit_log set hash = hash`.execute(t.ctx.db))).toMatch(/append-only/);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it("finds a row changed behind the trigger's back: its own hash no longer matches", async () => {
    await tamper(t, sql`update audit_log set purpose = 'account_management' where seq = 3`);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
      ok: false,
      rows: 2,
      broken: { seq: '3', reason: 'hash_mismatch' },
    });
    await tamper(t, sql`update audit_log set purpose = 'case_handling' where seq = 3`);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('finds a changed row even when the forger recomputes its hash: the next link breaks', async () => {
    const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', '4').executeTakeFirstOrThrow();
    const original = row.hash;
    const forged = chainHash({ ...row, seq: String(row.seq), object_id: 'another-case' });
    await tamper(t, sql`update audit_log set object_id = 'another-case', hash = ${forged} where seq = 4`);
    expect((await verifyAuditChain(t.ctx.db)).broken).toEqual({ seq: '5', reason: 'prev_hash_mismatch' });
    await tamper(t, sql`update audit_log set object_id = 'case-4', hash = ${original} where seq = 4`);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('finds a removed row: the sequence has a gap', async () => {
    const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', '2').executeTakeFirstOrThrow();
    await tamper(t, sql`delete from audit_log where seq = 2`);
    expect((await verifyAuditChain(t.ctx.db)).broken).toEqual({ seq: '3', reason: 'seq_gap' });
    await t.ctx.db
      .insertInto('audit_log')
      .values({ ...row, seq: String(row.seq) })
      .execute();
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('finds a forged row appended without the chain (inserts need no trigger switch)', async () => {
    const head = (await verifyAuditChain(t.ctx.db)).head!;
    const seq = String(BigInt(head.seq) + 1n);
    // A forger who does not know (or ignores) the head: a made-up prev_hash and a hash that fits it.
    const content = { ...entry(999), seq, at: t.clock.now(), prev_hash: 'f'.repeat(64) };
    await t.ctx.db
      .insertInto('audit_log')
      .values({ ...content, hash: chainHash(content) })
      .execute();
    expect((await verifyAuditChain(t.ctx.db)).broken).toEqual({ seq, reason: 'prev_hash_mismatch' });
  });
});
