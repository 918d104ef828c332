/**
 * The case worker's back office for documents (issue 4 point 7) through the staff API: find a
 * case by reference, read its requests and arrivals, ask for a document, download, accept and
 * reject; scope by municipality (404) and by role (403); every allowed read and every change in
 * the audit log, with the opaque resident key and never a BSN; the resident's access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../domain/dates';
import { buildApp } from '../../app';
import type { Browser } from '../../testing';
import { pdf } from './test-fixtures';
import { createDocumentsTestApp, register, uploadInOne, type DocumentsTestApp } from './testing';
import { testDatabases } from '../../testing';
import { verifyAuditChain } from '../../audit/verify';
import { casesOf, idempotencyKey, logInStaff, post } from '../staff/testing';

const JAN = '999990019'; // Leidschendam-Voorburg (1916)
const ANNA = '999990032'; // Wassenaar (0629)
const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabases)('staff back office for documents on %s', (kind) => {
  let t: DocumentsTestApp;
  let karin: Browser; // case worker, whole consortium
  let mehmet: Browser; // case worker, Wassenaar only
  let fatima: Browser; // front desk
  let jan: Browser;
  let janCase: { id: string; reference: string };
  let requestId: string;
  const now = new Date('2026-11-18T10:00:00Z');
  const today = amsterdamDateOf(now);

  const auditRows = () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('audit_log.seq').execute();

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now });
    karin = (await logInStaff(t, 'k.jansen')).browser;
    mehmet = (await logInStaff(t, 'm.bakker')).browser;
    fatima = (await logInStaff(t, 'f.dekker')).browser;
    jan = (await t.signedIn(JAN)).browser;
    janCase = (await casesOf(t, JAN))[0]!;
  });
  afterAll(() => t?.close());

  it('finds a case by its reference (spaces and case forgiven) and logs the search', async () => {
    const before = (await auditRows()).length;
    const res = await karin.get(
      `/api/staff/cases?reference=${encodeURIComponent(` ${janCase.reference.toLowerCase()} `)}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().cases).toEqual([
      expect.objectContaining({
        id: janCase.id,
        reference: janCase.reference,
        residentName: 'Jan de Vries',
        municipality: { code: '1916', name: 'Leidschendam-Voorburg' },
      }),
    ]);
    const rows = await auditRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      action: 'search',
      object_type: 'case',
      object_id: janCase.id,
      result: 'allowed',
      actor_role: 'case_worker',
      purpose: 'case_handling',
    });
    expect(rows.at(-1)!.on_behalf_of).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await karin.get('/api/staff/cases?reference=WI-0000-99999')).json().cases).toEqual([]);
  });

  it('reads the case with its requests and arrivals, and logs the read before answering', async () => {
    const res = await karin.get(`/api/staff/cases/${janCase.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.case.reference).toBe(janCase.reference);
    expect(body.requests.length).toBeGreaterThan(0);
    expect(body.requests[0]).toMatchObject({ state: expect.any(String), awaitsJudgement: false });
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'read',
      object_type: 'case',
      object_id: janCase.id,
      result: 'allowed',
    });
  });

  it('creates a document request the resident sees at once; idempotent per staff account', async () => {
    const key = idempotencyKey();
    const body = {
      title: { nl: 'Loonstrook november', en: 'Pay slip November' },
      reason: { nl: 'Wij willen uw inkomen weten.' },
      dueDate: addDays(today, 10),
    };
    const first = await post(karin, `/api/staff/cases/${janCase.id}/document-requests`, body, key);
    expect(first.statusCode).toBe(201);
    requestId = first.json().request.id;
    expect(first.json().request).toMatchObject({
      state: 'open',
      dueDate: addDays(today, 10),
      reason: { nl: 'Wij willen uw inkomen weten.', en: 'Wij willen uw inkomen weten.' },
    });
    const replay = await post(karin, `/api/staff/cases/${janCase.id}/document-requests`, body, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().request.id).toBe(requestId);
    const reused = await post(
      karin,
      `/api/staff/cases/${janCase.id}/document-requests`,
      { ...body, dueDate: addDays(today, 11) },
      key,
    );
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys are per staff account: the same key from a colleague is a new request.
    expect((await post(mehmet, `/api/staff/cases/${janCase.id}/document-requests`, body, key)).statusCode).toBe(404);
    const missingKey = await karin.request({
      method: 'POST',
      url: `/api/staff/cases/${janCase.id}/document-requests`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(missingKey.json().error.code).toBe('IDEMPOTENCY_KEY_MISSING');

    const creates = (await auditRows()).filter((r) => r.action === 'create' && r.object_id === requestId);
    expect(creates).toHaveLength(1);
    const listing = (await jan.get(`/api/applications/${janCase.id}/documents`)).json();
    expect(listing.requests).toContainEqual(
      expect.objectContaining({
        id: requestId,
        state: 'open',
        title: { nl: 'Loonstrook november', en: 'Pay slip November' },
      }),
    );
  });

  it('refuses a request without a due date in the future or without text', async () => {
    const past = await post(karin, `/api/staff/cases/${janCase.id}/document-requests`, {
      title: { nl: 'X' },
      reason: { nl: 'Y' },
      dueDate: addDays(today, -1),
    });
    expect(past.json().error.code).toBe('VALIDATION_FAILED');
    const empty = await post(karin, `/api/staff/cases/${janCase.id}/document-requests`, {
      title: { nl: ' ' },
      reason: { nl: 'Y' },
      dueDate: addDays(today, 3),
    });
    expect(empty.statusCode).toBe(400);
  });

  it('downloads what arrived as a sandboxed attachment, logged as a download', async () => {
    const uploadId = await uploadInOne(jan, janCase.id, await pdf(1), requestId);
    expect(
      (await register(jan, janCase.id, { uploadId, requestId, title: 'Loonstrook', fileName: 'loon<strook>"nov".pdf' }))
        .statusCode,
    ).toBe(201);
    const detail = (await karin.get(`/api/staff/cases/${janCase.id}`)).json();
    const arrival = detail.arrivals.find((a: { requestId: string }) => a.requestId === requestId);
    expect(arrival).toMatchObject({ title: 'Loonstrook', contentType: 'application/pdf' });
    expect(detail.requests.find((r: { id: string }) => r.id === requestId)).toMatchObject({
      state: 'received',
      awaitsJudgement: true,
    });

    const res = await karin.get(`/api/staff/cases/${janCase.id}/documents/${arrival.documentId}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(res.headers['content-disposition']).not.toContain('<');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'download',
      object_type: 'document',
      object_id: arrival.documentId,
      purpose: 'document_check',
    });
  });

  it('rejects with a reason the resident reads, then accepts what is sent again', async () => {
    const url = `/api/staff/cases/${janCase.id}/document-requests/${requestId}`;
    const rejected = await post(karin, `${url}/reject`, {
      reason: 'De loonstrook is niet te lezen. Maak een nieuwe foto.',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().request).toMatchObject({
      state: 'rejected',
      rejectionReason: 'De loonstrook is niet te lezen. Maak een nieuwe foto.',
    });
    const seen = (await jan.get(`/api/applications/${janCase.id}/documents`))
      .json()
      .requests.find((r: { id: string }) => r.id === requestId);
    expect(seen).toMatchObject({
      state: 'rejected',
      rejectionReason: 'De loonstrook is niet te lezen. Maak een nieuwe foto.',
    });
    expect((await post(karin, `${url}/accept`)).json().error.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');

    const uploadId = await uploadInOne(jan, janCase.id, await pdf(2), requestId);
    await register(jan, janCase.id, { uploadId, requestId, title: 'Loonstrook opnieuw' });
    const accepted = await post(karin, `${url}/accept`);
    expect(accepted.json().request).toMatchObject({ state: 'accepted', awaitsJudgement: false });
    const updates = (await auditRows()).filter(
      (r) => r.action === 'update' && r.object_id === requestId && r.result === 'allowed',
    );
    expect(updates).toHaveLength(2);
    // A request of another case, named under this case, does not exist here.
    const annaCase = (await casesOf(t, ANNA))[0]!;
    expect(
      (await post(karin, `/api/staff/cases/${annaCase.id}/document-requests/${requestId}/accept`)).statusCode,
    ).toBe(404);
  });

  it("answers 404 for a case outside the case worker's municipality, exactly as for a missing one, and logs the denial", async () => {
    const before = (await auditRows()).length;
    expect((await mehmet.get(`/api/staff/cases?reference=${janCase.reference}`)).json().cases).toEqual([]);
    const outside = await mehmet.get(`/api/staff/cases/${janCase.id}`);
    const missing = await mehmet.get(`/api/staff/cases/${RANDOM_ID}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual(missing.json());
    const change = await post(mehmet, `/api/staff/cases/${janCase.id}/document-requests`, {
      title: { nl: 'X' },
      reason: { nl: 'Y' },
      dueDate: addDays(today, 3),
    });
    expect(change.statusCode).toBe(404);
    const denied = (await auditRows()).slice(before);
    expect(denied.map((r) => [r.action, r.result, r.on_behalf_of])).toEqual([
      ['search', 'denied', null],
      ['read', 'denied', null],
      ['update', 'denied', null],
    ]);
    // Within Wassenaar the same case worker works normally.
    const annaCase = (await casesOf(t, ANNA))[0]!;
    expect((await mehmet.get(`/api/staff/cases/${annaCase.id}`)).statusCode).toBe(200);
  });

  it('answers 403 to a role without case access (same for every id) and logs it', async () => {
    const real = await fatima.get(`/api/staff/cases/${janCase.id}`);
    const missing = await fatima.get(`/api/staff/cases/${RANDOM_ID}`);
    expect(real.statusCode).toBe(403);
    expect(real.json()).toEqual(missing.json());
    expect(real.json().error.code).toBe('STAFF_ROLE_REQUIRED');
    expect((await auditRows()).at(-1)).toMatchObject({
      result: 'denied',
      actor_role: 'front_desk',
      object_type: 'api_route',
      object_id: 'GET /api/staff/cases/:caseId',
    });
  });

  it('never writes a BSN into the audit log, and the chain verifies', async () => {
    const rows = await auditRows();
    expect(rows.length).toBeGreaterThan(5);
    const text = JSON.stringify(rows);
    for (const bsn of [JAN, ANNA]) expect(text).not.toContain(bsn);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('shows the resident who looked at their dossier as visits: role, purpose, what; no staff name', async () => {
    const res = await jan.get('/api/me/access-log');
    expect(res.statusCode).toBe(200);
    const { visits, showsStaffNames } = res.json();
    expect(showsStaffNames).toBe(false);
    // Karin's work on Jan's case is a handful of visits (one per purpose), not a row per request.
    expect(visits.length).toBeGreaterThanOrEqual(1);
    expect(visits.length).toBeLessThan(6);
    // Judging the documents is a visit of its own (beside searching and reading the case).
    expect(visits).toContainEqual({
      from: expect.any(String),
      to: expect.any(String),
      role: 'case_worker',
      purpose: 'document_check',
      staffName: null,
      seen: expect.arrayContaining([{ action: 'update', objectType: 'document_request', count: expect.any(Number) }]),
    });
    const seen = visits.flatMap((v: { seen: Array<{ action: string }> }) => v.seen.map((s) => s.action));
    expect(seen).toEqual(expect.arrayContaining(['search', 'read', 'create', 'download', 'update']));
    const ends = visits.map((v: { to: string }) => v.to);
    expect([...ends].sort().reverse()).toEqual(ends);
    for (const v of visits) expect(v.from <= v.to).toBe(true);
    expect(JSON.stringify(visits)).not.toContain('Karin');
    expect(JSON.stringify(visits)).not.toMatch(/actor|[0-9a-f]{8}-[0-9a-f]{4}-/); // no staff ids
    // Another resident sees none of it; anonymous gets 401.
    const anna = (await t.signedIn(ANNA)).browser;
    const annaLog = (await anna.get('/api/me/access-log')).json().visits;
    const annaSeen = annaLog.flatMap((v: { seen: Array<{ action: string }> }) => v.seen.map((s) => s.action));
    expect(annaSeen.every((action: string) => action === 'read')).toBe(true); // Mehmet read Anna's case
    expect((await t.app.inject({ method: 'GET', url: '/api/me/access-log' })).statusCode).toBe(401);
  });

  it("names the staff member when the consortium's policy says so", async () => {
    const app = await buildApp(
      { ...t.ctx, consortium: { ...t.ctx.consortium, privacy: { accessLogShowsStaffNames: true } } },
      { logger: false },
    );
    const cookie = (await t.signedIn(JAN)).cookie;
    const res = await app.inject({ method: 'GET', url: '/api/me/access-log', headers: { cookie } });
    expect(res.json().showsStaffNames).toBe(true);
    expect(res.json().visits[0].staffName).toBe('Karin Jansen');
    await app.close();
  });

  it('lets an administrator disable an account (sessions end), not their own; others get 403', async () => {
    const anton = (await logInStaff(t, 'a.visser')).browser;
    const priya = (await logInStaff(t, 'p.smit')).browser;
    const accounts = (await anton.get('/api/staff/accounts')).json().accounts as Array<{
      id: string;
      username: string;
    }>;
    const idOf = (u: string) => accounts.find((a) => a.username === u)!.id;
    expect((await karin.get('/api/staff/accounts')).statusCode).toBe(403);
    expect((await post(anton, `/api/staff/accounts/${idOf('a.visser')}/disable`)).json().error.code).toBe(
      'STAFF_ACCOUNT_SELF',
    );
    const disabled = await post(anton, `/api/staff/accounts/${idOf('p.smit')}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).not.toBeNull();
    expect((await priya.get('/api/staff/me')).statusCode).toBe(401);
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'disable',
      object_type: 'staff_account',
      purpose: 'account_management',
      result: 'allowed',
    });
  });
});
