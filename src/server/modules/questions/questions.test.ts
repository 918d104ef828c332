/**
 * Questions through the idempotency plugin: exactly-once under retries and replay storms,
 * on both databases.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_MAX_AGE_DAYS } from '../../../domain/outbox-state';
import { Browser, createTestApp, bothDatabases, type TestApp } from '../../testing';
import { sessionPolicy } from '../auth/session-hook';
import { startSession } from '../auth/sessions';

async function signedIn(t: TestApp, bsn: string): Promise<Browser> {
  const browser = new Browser(t.app);
  browser.setCookie('loket_session', await startSession(t.ctx.db, t.ctx.clock, sessionPolicy(t.ctx), bsn));
  return browser;
}

function ask(browser: Browser, caseId: string, text: string, key?: string) {
  return browser.request({
    method: 'POST',
    url: `/api/applications/${caseId}/questions`,
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    payload: JSON.stringify({ text }),
  });
}

async function countQuestions(t: TestApp, text: string): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('case_questions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('text', '=', text)
    .executeTakeFirstOrThrow();
  return row.n;
}

describe.each(bothDatabases)('questions with Idempotency-Key on %s', (kind) => {
  let t: TestApp;
  let jan: Browser;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
    jan = await signedIn(t, '999990019');
    caseId = (await jan.get('/api/applications')).json().applications[0].id;
  });
  afterAll(() => t?.close());

  it('refuses a mutating request without a key', async () => {
    const res = await ask(jan, caseId, 'Zonder sleutel');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_MISSING');
    expect(await countQuestions(t, 'Zonder sleutel')).toBe(0);
  });

  it('stores a question once and answers a retry with the first response', async () => {
    const key = randomUUID();
    const first = await ask(jan, caseId, 'Wanneer hoor ik iets?', key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await ask(jan, caseId, 'Wanneer hoor ik iets?', key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await countQuestions(t, 'Wanneer hoor ik iets?')).toBe(1);
    const detail = (await jan.get(`/api/applications/${caseId}`)).json();
    expect(detail.questions.map((q: { text: string }) => q.text)).toContain('Wanneer hoor ik iets?');
  });

  it('answers 422 when the same key comes with another payload', async () => {
    const key = randomUUID();
    expect((await ask(jan, caseId, 'Eerste tekst', key)).statusCode).toBe(201);
    const reused = await ask(jan, caseId, 'Andere tekst', key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countQuestions(t, 'Andere tekst')).toBe(0);
  });

  it('has one effect when the same item is replayed 20 times at once', async () => {
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 20 }, () => ask(jan, caseId, 'Storm', key)));
    expect(await countQuestions(t, 'Storm')).toBe(1);
    const created = responses.filter((r) => r.statusCode === 201);
    const busy = responses.filter((r) => r.statusCode === 409);
    expect(created.length + busy.length).toBe(20);
    expect(new Set(created.map((r) => r.json().question.id)).size).toBe(1);
    for (const r of busy) expect(r.json().error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
  });

  it('keeps different keys apart, also when they arrive together', async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `Parallel ${i}`);
    const responses = await Promise.all(texts.map((text) => ask(jan, caseId, text, randomUUID())));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    for (const text of texts) expect(await countQuestions(t, text)).toBe(1);
  });

  it('scopes keys per resident', async () => {
    const key = randomUUID();
    expect((await ask(jan, caseId, 'Van Jan', key)).statusCode).toBe(201);
    const fatima = await signedIn(t, '999990032');
    const hers = (await fatima.get('/api/applications')).json().applications[0].id;
    const res = await ask(fatima, hers, 'Van Fatima', key);
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores nothing, and remembers nothing, when the request is refused', async () => {
    const key = randomUUID();
    const foreign = await signedIn(t, '999990068');
    const refused = await ask(foreign, caseId, 'Niet mijn zaak', key);
    expect(refused.statusCode).toBe(404);
    expect(await countQuestions(t, 'Niet mijn zaak')).toBe(0);
    const keys = await t.ctx.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute();
    expect(keys).toEqual([]);
  });

  it('refuses an empty question with a clear code and stores nothing', async () => {
    const res = await ask(jan, caseId, '   ', randomUUID());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a replay as late as an outbox item may wait, and forgets the key after that', async () => {
    const key = randomUUID();
    expect((await ask(jan, caseId, 'Na een maand', key)).statusCode).toBe(201);
    t.clock.advanceMinutes((OUTBOX_MAX_AGE_DAYS + 1) * 24 * 60); // the oldest item an outbox still sends
    jan = await signedIn(t, '999990019');
    expect((await ask(jan, caseId, 'Na een maand', key)).headers['idempotent-replayed']).toBe('true');
    expect(await countQuestions(t, 'Na een maand')).toBe(1);
    t.clock.advanceMinutes(2 * 24 * 60);
    jan = await signedIn(t, '999990019');
    const late = await ask(jan, caseId, 'Na een maand', key);
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    expect(await countQuestions(t, 'Na een maand')).toBe(2);
  });

  it('refuses questions on an application whose objection term is over (409 CASE_CLOSED)', async () => {
    t.clock.advanceMinutes(60 * 24 * 60); // two months on
    const fatima = await signedIn(t, '999990032');
    const { applications } = (await fatima.get('/api/applications')).json();
    const decided = applications.find((a: { nextAction: { kind: string } }) => a.nextAction.kind === 'none');
    const res = await ask(fatima, decided.id, 'Nog een vraag', randomUUID());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CASE_CLOSED');
    expect(await countQuestions(t, 'Nog een vraag')).toBe(0);
  });

  it('gives a stable opaque key for the resident, not the BSN', async () => {
    jan = await signedIn(t, '999990019');
    const a = (await jan.get('/api/me')).json().resident.key;
    const again = await signedIn(t, '999990019');
    expect((await again.get('/api/me')).json().resident.key).toBe(a);
    expect(a).not.toContain('999990019');
    const other = await signedIn(t, '999990032');
    expect((await other.get('/api/me')).json().resident.key).not.toBe(a);
  });
});
