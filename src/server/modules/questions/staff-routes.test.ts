/**
 * The case worker's side of residents' questions (issue 14): the case worker of the case's
 * municipality reads the questions and answers one; the resident reads the answer with the
 * application and finds a message in the inbox; a case worker of another municipality gets the
 * same 404 as for a case that does not exist; reads, answers and refusals are in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type Browser } from '../../testing';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/testing';
import { casesOf, idempotencyKey, logInStaff, post } from '../staff/testing';

const JAN = '999990019'; // Leidschendam-Voorburg (1916)

describe.each(testDatabases)("a case worker answers a resident's question on %s", (kind) => {
  let t: DocumentsTestApp;
  let karin: Browser; // case worker, Leidschendam-Voorburg
  let mehmet: Browser; // case worker, Wassenaar only
  let fatima: Browser; // front desk
  let jan: Browser;
  let caseId: string;
  let questionId: string;
  const now = new Date('2026-11-18T10:00:00Z');

  const auditOf = (action: string, objectType: string) =>
    t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_role', 'result', 'object_id', 'on_behalf_of', 'purpose'])
      .where('action', '=', action)
      .where('object_type', '=', objectType)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now });
    karin = (await logInStaff(t, 'k.jansen')).browser;
    mehmet = (await logInStaff(t, 'm.bakker')).browser;
    fatima = (await logInStaff(t, 'f.dekker')).browser;
    jan = (await t.signedIn(JAN)).browser;
    caseId = (await casesOf(t, JAN))[0]!.id;
    const asked = await post(jan, `/api/applications/${caseId}/questions`, {
      text: 'Wanneer hoor ik of ik bijstand krijg?',
    });
    expect(asked.statusCode).toBe(201);
    questionId = asked.json().question.id;
  }, 180_000);
  afterAll(() => t?.close());

  it("shows the case worker the resident's open question, and logs the read", async () => {
    const before = (await auditOf('read', 'question')).length;
    const res = await karin.get(`/api/staff/cases/${caseId}/questions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().questions).toEqual([
      {
        id: questionId,
        text: 'Wanneer hoor ik of ik bijstand krijg?',
        askedAt: now.toISOString(),
        answer: null,
        answeredAt: null,
      },
    ]);
    const reads = await auditOf('read', 'question');
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({
      actor_role: 'case_worker',
      result: 'allowed',
      object_id: caseId,
      purpose: 'case_handling',
    });
    expect(reads.at(-1)!.on_behalf_of).toBe(t.app.auditor.residentKey(JAN));
  });

  it("lists the case in the worklist of the case's municipality only", async () => {
    const mine = await karin.get('/api/staff/worklist');
    expect(mine.statusCode).toBe(200);
    const rows = mine.json().items as Array<{ kind: string; caseId: string; count: number }>;
    expect(rows).toContainEqual(expect.objectContaining({ kind: 'questions_to_answer', caseId, count: 1 }));
    // No names and no words of residents in a list
    expect(JSON.stringify(mine.json())).not.toContain('bijstand krijg');
    expect((await auditOf('list', 'case')).some((row) => row.object_id === caseId)).toBe(true);

    const theirs = await mehmet.get('/api/staff/worklist');
    expect(theirs.statusCode).toBe(200);
    expect((theirs.json().items as Array<{ caseId: string }>).some((row) => row.caseId === caseId)).toBe(false);
    expect((await fatima.get('/api/staff/worklist')).statusCode).toBe(403);
  });

  it('answers 404 to a case worker of another municipality, as for a case that does not exist, and logs the refusal', async () => {
    const real = await mehmet.get(`/api/staff/cases/${caseId}/questions`);
    const ghost = await mehmet.get(`/api/staff/cases/${randomUUID()}/questions`);
    expect(real.statusCode).toBe(404);
    expect(real.json()).toEqual(ghost.json());
    const answer = await post(mehmet, `/api/staff/cases/${caseId}/questions/${questionId}/answer`, {
      answer: 'Nee',
    });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error.code).toBe('NOT_FOUND');
    const denied = (await auditOf('read', 'case')).filter((r) => r.result === 'denied' && r.object_id === caseId);
    expect(denied.length).toBeGreaterThan(0);
    const stored = await t.ctx.db
      .selectFrom('case_questions')
      .select('answer')
      .where('id', '=', questionId)
      .executeTakeFirstOrThrow();
    expect(stored.answer).toBeNull();
  });

  it('refuses an empty answer with VALIDATION_FAILED and a front-desk employee with 403', async () => {
    const url = `/api/staff/cases/${caseId}/questions/${questionId}/answer`;
    const empty = await post(karin, url, { answer: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
    expect((await post(fatima, url, { answer: 'Ja' })).statusCode).toBe(403);
  });

  it('stores the answer once; the resident reads it under the question and gets one inbox message', async () => {
    const url = `/api/staff/cases/${caseId}/questions/${questionId}/answer`;
    const key = idempotencyKey();
    const text = 'Wij besluiten uiterlijk op 2 december.\nU krijgt dan een brief.';
    const answered = await post(karin, url, { answer: `  ${text}  ` }, key);
    expect(answered.statusCode).toBe(200);
    expect(answered.json().question).toMatchObject({ id: questionId, answer: text, answeredAt: now.toISOString() });
    // A retry of the same action is the same answer, not a second one
    const retried = await post(karin, url, { answer: `  ${text}  ` }, key);
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    const again = await post(karin, url, { answer: 'Iets anders' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('QUESTION_ALREADY_ANSWERED');

    const application = (await jan.get(`/api/applications/${caseId}`)).json();
    expect(application.questions).toEqual([
      expect.objectContaining({ id: questionId, answer: text, answeredAt: now.toISOString() }),
    ]);
    const messages = await t.ctx.db
      .selectFrom('notification_messages')
      .select(['type', 'link', 'case_id'])
      .where('bsn', '=', JAN)
      .where('type', '=', 'question_answered')
      .execute();
    expect(messages).toEqual([{ type: 'question_answered', link: `/aanvragen/${caseId}`, case_id: caseId }]);
    const inbox = (await jan.get('/api/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('question_answered');

    const updates = (await auditOf('update', 'question')).filter((r) => r.result === 'allowed');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actor_role: 'case_worker', object_id: questionId, purpose: 'case_handling' });
    const { visits } = (await jan.get('/api/me/access-log')).json() as {
      visits: Array<{ seen: Array<{ action: string; objectType: string }> }>;
    };
    expect(visits.flatMap((v) => v.seen)).toContainEqual(
      expect.objectContaining({ action: 'update', objectType: 'question' }),
    );
  });

  it('takes the answered question off the worklist', async () => {
    const rows = (await karin.get('/api/staff/worklist')).json().items as Array<{ kind: string; caseId: string }>;
    expect(rows.some((row) => row.kind === 'questions_to_answer' && row.caseId === caseId)).toBe(false);
  });
});
