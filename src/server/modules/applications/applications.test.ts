import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../domain/dates';
import { createTestApp, testDatabases, Browser, type TestApp } from '../../testing';
import { sessionPolicy } from '../auth/session-hook';
import { startSession } from '../auth/sessions';

/** A signed-in tab without going through the login pages (those are tested in auth.test.ts). */
async function signedIn(t: TestApp, bsn: string): Promise<Browser> {
  const browser = new Browser(t.app);
  browser.setCookie('loket_session', await startSession(t.ctx.db, t.ctx.clock, sessionPolicy(t.ctx), bsn));
  return browser;
}

describe.each(testDatabases)('applications on %s', (kind) => {
  let t: TestApp;
  const now = new Date('2026-11-18T10:00:00Z'); // a Wednesday
  const today = amsterdamDateOf(now);

  beforeAll(async () => {
    t = await createTestApp(kind, { now });
  });
  afterAll(() => t?.close());

  it('refuses the list without a session (401, JSON error)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/applications' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lists the bijstand application that waits for documents, with the earliest due date', async () => {
    const browser = await signedIn(t, '999990019');
    const res = await browser.get('/api/applications');
    expect(res.statusCode).toBe(200);
    const [app] = res.json().applications;
    expect(app.scheme.name.nl).toMatch(/bijstand/i);
    expect(app.status.code).toBe('information_requested');
    expect(app.nextAction).toEqual({ kind: 'send_documents', dueDate: addDays(today, 4) });
  });

  it('shows the detail with the timeline, both requests and a decision term that stands still', async () => {
    const browser = await signedIn(t, '999990019');
    const [summary] = (await browser.get('/api/applications')).json().applications;
    const res = await browser.get(`/api/applications/${summary.id}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.statusHistory.map((s: { status: { code: string } }) => s.status.code)).toEqual([
      'received',
      'in_progress',
      'information_requested',
    ]);
    expect(detail.documentRequests).toHaveLength(2);
    expect(detail.documentRequests.every((r: { state: string }) => r.state === 'open')).toBe(true);
    expect(detail.documentRequests.every((r: { rejectionReason: null }) => r.rejectionReason === null)).toBe(true);
    // Submitted 20 days ago: 8 weeks later, plus the days the repair term has run so far.
    expect(detail.decisionTerm.statutoryDueDate).toBe(addDays(addDays(today, -20), 56));
    expect(detail.decisionTerm.suspendedNow).toBe(true);
    expect(detail.decisionTerm.suspendedDays).toBe(10);
    expect(detail.decision).toBeNull();
  });

  it('shows a granted decision with its objection deadline, and an extended term', async () => {
    const browser = await signedIn(t, '999990032');
    const { applications } = (await browser.get('/api/applications')).json();
    expect(applications).toHaveLength(2);
    const granted = applications.find(
      (a: { nextAction: { kind: string } }) => a.nextAction.kind === 'objection_possible',
    );
    const detail = (await browser.get(`/api/applications/${granted.id}`)).json();
    expect(detail.decision.result).toBe('granted');
    expect(detail.decision.letter.title).toMatch(/Besluit/);
    // Six weeks after the decision, moved past a weekend or holiday when needed.
    expect(detail.decision.objectionDeadline >= addDays(detail.decision.decidedOn, 42)).toBe(true);
    const pending = applications.find((a: { id: string }) => a.id !== granted.id);
    const pendingDetail = (await browser.get(`/api/applications/${pending.id}`)).json();
    expect(pendingDetail.decisionTerm.extension).toMatchObject({ weeks: 4 });
    expect(pendingDetail.nextAction.dueDate).toBe(pendingDetail.decisionTerm.expectedDecisionDate);
  });

  it('marks urgent debt help with a first conversation within 3 working days', async () => {
    const browser = await signedIn(t, '999990044');
    const [summary] = (await browser.get('/api/applications')).json().applications;
    const detail = (await browser.get(`/api/applications/${summary.id}`)).json();
    expect(detail.debtHelp.urgent).toBe(true);
    // Submitted yesterday (Tuesday 17 Nov 2026): 3 working days later is Friday 20 Nov.
    expect(detail.debtHelp.firstConversationDueDate).toBe('2026-11-20');
    // The list and the page lead with that conversation, not with a decision weeks away.
    expect(summary.nextAction).toEqual({ kind: 'first_conversation', dueDate: '2026-11-20' });
  });

  it("answers 404 for another resident's case, exactly as for one that does not exist", async () => {
    const owner = await signedIn(t, '999990019');
    const [theirs] = (await owner.get('/api/applications')).json().applications;
    const other = await signedIn(t, '999990032');
    const foreign = await other.get(`/api/applications/${theirs.id}`);
    const missing = await other.get('/api/applications/00000000-0000-4000-8000-000000000000');
    const malformed = await other.get('/api/applications/not-a-uuid');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect(malformed.statusCode).toBe(404);
  });

  it('gives a resident without applications an empty list', async () => {
    const browser = await signedIn(t, '999990068');
    expect((await browser.get('/api/applications')).json()).toEqual({ applications: [] });
  });

  it('tells a resident of Den Haag where to go instead', async () => {
    const browser = await signedIn(t, '999990056');
    const me = (await browser.get('/api/me')).json();
    expect(me.resident.municipality.code).toBe('0518');
    expect(me.elsewhere).toMatchObject({ reason: 'not_participating', municipalityName: 'Den Haag' });
  });

  it('tells a participating resident nothing about elsewhere', async () => {
    const browser = await signedIn(t, '999990019');
    const me = (await browser.get('/api/me')).json();
    expect(me.resident.name).toBe('Jan de Vries');
    expect(me.elsewhere).toBeNull();
  });
});
