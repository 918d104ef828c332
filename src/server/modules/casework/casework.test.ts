/**
 * The case worker moves a case along (issue 6 point 4): next status, one extension of the
 * decision term, decision and decision letter, each seen by the resident through the resident
 * API; refusals with their codes; scope (404) and role (403); audit rows. The administrator's
 * live sessions and ending one (the next request of that member of staff is 401).
 */
import { readdir } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWeeks, amsterdamDateOf } from '../../../domain/dates';
import type { NotificationEventType } from '../../../domain/notification-events';
import type { Browser } from '../../testing';
import { testDatabases } from '../../testing';
import { verifyAuditChain } from '../../audit/verify';
import { pdf, photoWithGps } from '../documents/test-fixtures';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/testing';
import { casesOf, idempotencyKey, logInStaff, post } from '../staff/testing';

const JAN = '999990019'; // Leidschendam-Voorburg (1916): bijstand, information requested
const ANNA = '999990032'; // Wassenaar (0629)

function postPdf(browser: Browser, url: string, bytes: Buffer, key = idempotencyKey()) {
  return browser.request({
    method: 'POST',
    url,
    headers: { 'idempotency-key': key, 'content-type': 'application/pdf' },
    payload: bytes,
  });
}

describe.each(testDatabases)('case work by case workers and administrators on %s', (kind) => {
  let t: DocumentsTestApp;
  let karin: Browser;
  let mehmet: Browser;
  let fatima: Browser;
  let jan: Browser;
  let anna: Browser;
  let caseUrl: string;
  let janCaseId: string;
  const now = new Date('2026-11-18T10:00:00Z');
  const today = amsterdamDateOf(now);

  const auditRows = () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('audit_log.seq').execute();
  /** The resident's notification inbox (issue 8): what the case worker's changes told Jan */
  const inbox = (type: NotificationEventType) =>
    t.ctx.db
      .selectFrom('notification_messages')
      .select(['case_id', 'link', 'object_id'])
      .where('bsn', '=', JAN)
      .where('type', '=', type)
      .orderBy('created_at')
      .execute();
  const residentView = async () => (await jan.get(`/api/applications/${janCaseId}`)).json();
  /** Every file in the app's file store (letters, uploads) */
  const storedFiles = async () =>
    (await readdir(t.ctx.config.documents.filesDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
      .length;

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now });
    karin = (await logInStaff(t, 'k.jansen')).browser;
    mehmet = (await logInStaff(t, 'm.bakker')).browser;
    fatima = (await logInStaff(t, 'f.dekker')).browser;
    jan = (await t.signedIn(JAN)).browser;
    anna = (await t.signedIn(ANNA)).browser;
    janCaseId = (await casesOf(t, JAN))[0]!.id;
    caseUrl = `/api/staff/cases/${janCaseId}`;
  }, 180_000); // four logins through the simulator: slow on a busy machine
  afterAll(() => t?.close());

  it('offers only the statuses the case type allows next, and the resident sees the new status with its note', async () => {
    const detail = (await karin.get(caseUrl)).json();
    expect(detail.handling.status.code).toBe('information_requested');
    expect(detail.handling.allowedStatuses.map((s: { code: string }) => s.code)).toEqual(['in_progress']);

    const key = idempotencyKey();
    const body = { status: 'in_progress', note: 'Uw documenten zijn binnen. Wij kijken er nu naar.' };
    const changed = await post(karin, `${caseUrl}/status`, body, key);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().handling.status).toEqual({
      code: 'in_progress',
      label: expect.objectContaining({ nl: expect.any(String) }),
    });
    const replay = await post(karin, `${caseUrl}/status`, body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const seen = await residentView();
    expect(seen.status.code).toBe('in_progress');
    expect(
      seen.statusHistory.filter((h: { status: { code: string } }) => h.status.code === 'in_progress'),
    ).toHaveLength(2); // demo + this one, not the replay
    expect(seen.statusHistory.at(-1)).toMatchObject({ note: body.note, status: { code: 'in_progress' } });

    expect(await inbox('status_changed')).toEqual([
      { case_id: janCaseId, link: `/aanvragen/${janCaseId}`, object_id: null },
    ]);

    const row = (await auditRows()).at(-1)!;
    expect(row).toMatchObject({
      action: 'update',
      object_type: 'case',
      object_id: janCaseId,
      result: 'allowed',
      actor_role: 'case_worker',
      purpose: 'case_handling',
    });
    expect(row.on_behalf_of).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(row)).not.toContain(JAN);
  });

  it('refuses a status the case type does not have (422) or that cannot follow now (409), changing nothing', async () => {
    const unknown = await post(karin, `${caseUrl}/status`, { status: 'approved_by_magic' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('STATUS_TYPE_UNKNOWN');
    for (const status of ['received', 'decided', 'objection_received', 'in_progress']) {
      const refused = await post(karin, `${caseUrl}/status`, { status });
      expect(refused.statusCode, status).toBe(409);
      expect(refused.json().error.code).toBe('STATUS_TRANSITION_NOT_ALLOWED');
    }
    expect((await residentView()).status.code).toBe('in_progress');
  });

  it('extends the decision term once, with the notice the resident reads; a second extension is 409', async () => {
    const before = (await residentView()).decisionTerm.expectedDecisionDate as string;
    const tooLong = await post(karin, `${caseUrl}/decision-term/extension`, {
      weeks: 9,
      notice: 'Wij hebben meer tijd nodig.',
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.code).toBe('DECISION_TERM_EXTENSION_TOO_LONG');

    const notice = 'Wij hebben advies gevraagd. Daarom duurt het langer.';
    const extended = await post(karin, `${caseUrl}/decision-term/extension`, { weeks: 4, notice });
    expect(extended.statusCode).toBe(200);
    const term = extended.json().handling.decisionTerm;
    expect(term.extension).toEqual({ weeks: 4, noticeOn: today, reason: notice });
    expect(term.expectedDecisionDate >= addWeeks(before as never, 4)).toBe(true);

    const seen = await residentView();
    expect(seen.decisionTerm.extension).toEqual({ weeks: 4, noticeOn: today, reason: notice });
    expect(seen.decisionTerm.expectedDecisionDate).toBe(term.expectedDecisionDate);

    const again = await post(karin, `${caseUrl}/decision-term/extension`, { weeks: 2, notice: 'Nog meer tijd.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DECISION_TERM_ALREADY_EXTENDED');
    expect((await residentView()).decisionTerm.extension.weeks).toBe(4);
  });

  it('keeps case workers of another municipality out (404, like a missing case) and other roles (403); both logged', async () => {
    const outside = await post(mehmet, `${caseUrl}/status`, { status: 'information_requested' });
    expect(outside.statusCode).toBe(404);
    const missing = await post(mehmet, `/api/staff/cases/00000000-0000-4000-8000-000000000000/status`, {
      status: 'information_requested',
    });
    expect(missing.json()).toEqual(outside.json());
    const wrongRole = await post(fatima, `${caseUrl}/decision`, { result: 'granted', decidedOn: today });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.code).toBe('STAFF_ROLE_REQUIRED');
    const denied = (await auditRows()).filter((r) => r.result === 'denied');
    expect(
      denied.some((r) => r.object_type === 'case' && r.object_id === janCaseId && r.actor_role === 'case_worker'),
    ).toBe(true);
    expect(
      denied.some((r) => r.object_type === 'api_route' && r.object_id === 'POST /api/staff/cases/:caseId/decision'),
    ).toBe(true);
    expect((await residentView()).status.code).toBe('in_progress');
  });

  it('records the decision and its letter; the resident sees and downloads it, another resident cannot', async () => {
    const early = await postPdf(karin, `${caseUrl}/decision/letter`, await pdf(1));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DECISION_NOT_RECORDED');
    const future = await post(karin, `${caseUrl}/decision`, { result: 'granted', decidedOn: addDays(today, 1) });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('DECISION_DATE_INVALID');

    const decided = await post(karin, `${caseUrl}/decision`, { result: 'partly_granted', decidedOn: today });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().handling).toMatchObject({
      status: { code: 'decided' },
      decision: { result: 'partly_granted', decidedOn: today, letter: null },
      decisionTerm: null,
    });
    expect(decided.json().handling.allowedStatuses.map((s: { code: string }) => s.code)).toEqual([
      'objection_received',
    ]);

    const photo = await postPdf(karin, `${caseUrl}/decision/letter`, await photoWithGps());
    expect(photo.statusCode).toBe(415);
    expect(photo.json().error.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');

    // The request fails after the letter's file was stored (a database error, injected with a
    // trigger): its rows roll back and the file goes with them, no personal document left behind.
    const filesBefore = await storedFiles();
    await sql`create function loket_test_fail() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`.execute(
      t.ctx.db,
    );
    await sql`create trigger loket_test_fail before insert on notification_messages for each row execute function loket_test_fail()`.execute(
      t.ctx.db,
    );
    try {
      const failed = await postPdf(karin, `${caseUrl}/decision/letter`, await pdf(3));
      expect(failed.statusCode).toBe(500);
      expect(failed.json().error.code).toBe('INTERNAL_ERROR');
    } finally {
      await sql`drop trigger loket_test_fail on notification_messages`.execute(t.ctx.db);
      await sql`drop function loket_test_fail()`.execute(t.ctx.db);
    }
    expect(await storedFiles()).toBe(filesBefore);
    expect((await karin.get(caseUrl)).json().handling.decision.letter).toBeNull();

    const letter = await pdf(2);
    const uploaded = await postPdf(karin, `${caseUrl}/decision/letter`, letter);
    expect(uploaded.statusCode).toBe(201);
    const documentId = uploaded.json().handling.decision.letter.documentId as string;
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'create',
      object_type: 'document',
      object_id: documentId,
      result: 'allowed',
    });

    const seen = await residentView();
    expect(seen.status.code).toBe('decided');
    expect(seen.decision).toMatchObject({ result: 'partly_granted', decidedOn: today, letter: { documentId } });
    const download = await jan.get(`/api/applications/${janCaseId}/documents/${documentId}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.rawPayload.equals(letter)).toBe(true);
    const listed = (await jan.get(`/api/applications/${janCaseId}/documents`)).json();
    expect(JSON.stringify(listed)).toContain(documentId);

    expect(await inbox('decision_letter_available')).toContainEqual({
      case_id: janCaseId,
      link: `/aanvragen/${janCaseId}/documenten`,
      object_id: documentId,
    });

    const foreign = await anna.get(`/api/applications/${janCaseId}/documents/${documentId}/content`);
    expect(foreign.statusCode).toBe(404);

    const second = await postPdf(karin, `${caseUrl}/decision/letter`, await pdf(1));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('DECISION_LETTER_EXISTS');
    const extendLate = await post(karin, `${caseUrl}/decision-term/extension`, { weeks: 1, notice: 'Later.' });
    expect(extendLate.json().error.code).toBe('CASE_ALREADY_DECIDED');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('shows administrators the live staff sessions without tokens, and ending one logs that member of staff out', async () => {
    const admin = (await logInStaff(t, 'a.visser')).browser;
    const secondKarin = (await logInStaff(t, 'k.jansen')).browser;
    const listed = await admin.get('/api/staff/sessions');
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions as Array<{ id: string; account: { username: string }; current: boolean }>;
    expect(sessions.filter((s) => s.account.username === 'k.jansen')).toHaveLength(2);
    expect(sessions.filter((s) => s.current).map((s) => s.account.username)).toEqual(['a.visser']);
    for (const browser of [karin, secondKarin, admin]) expect(listed.body).not.toContain(browser.cookie('loket_staff'));
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'read',
      object_type: 'staff_session',
      actor_role: 'administrator',
      result: 'allowed',
    });

    expect((await karin.get('/api/staff/sessions')).statusCode).toBe(403);

    // Which of Karin's two sessions is the second one: the one last seen (the list is newest first).
    t.clock.advanceMinutes(1);
    expect((await secondKarin.get('/api/staff/me')).statusCode).toBe(200);
    const mine = (await admin.get('/api/staff/sessions'))
      .json()
      .sessions.filter((s: { account: { username: string } }) => s.account.username === 'k.jansen');
    const target = mine[0].id as string;
    const ended = await post(admin, `/api/staff/sessions/${target}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().sessions.map((s: { id: string }) => s.id)).not.toContain(target);
    const after = await secondKarin.get('/api/staff/me');
    expect(after.statusCode).toBe(401);
    expect((await karin.get('/api/staff/me')).statusCode).toBe(200);
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'end',
      object_type: 'staff_session',
      result: 'allowed',
      purpose: 'account_management',
    });
    expect((await post(admin, `/api/staff/sessions/${target}/end`)).statusCode).toBe(404);
  });

  it('ends every session of an account an administrator disables', async () => {
    const admin = (await logInStaff(t, 'a.visser')).browser;
    const accounts = (await admin.get('/api/staff/accounts')).json().accounts as Array<{
      id: string;
      username: string;
    }>;
    const bakker = accounts.find((a) => a.username === 'm.bakker')!;
    expect((await post(admin, `/api/staff/accounts/${bakker.id}/disable`)).statusCode).toBe(200);
    expect((await mehmet.get('/api/staff/me')).statusCode).toBe(401);
    const sessions = (await admin.get('/api/staff/sessions')).json().sessions as Array<{
      account: { username: string };
    }>;
    expect(sessions.map((s) => s.account.username)).not.toContain('m.bakker');
  });
});
