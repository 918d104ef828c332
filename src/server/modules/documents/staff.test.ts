/**
 * The case worker's service functions (the staff routes come with the staff-login issue):
 * ask for a document, see what arrived, accept, reject with a reason the resident reads.
 */
import { caseSystemFor } from '../../case-system/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../domain/dates';
import { AppError } from '../../errors';
import { testDatabases, type Browser } from '../../testing';
import { acceptDocumentRequest, createDocumentRequest, documentForStaff, rejectDocumentRequest } from './staff';
import { pdf } from './test-fixtures';
import { createDocumentsTestApp, register, uploadInOne, type DocumentsTestApp } from './testing';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe.each(testDatabases)('staff document functions on %s', (kind) => {
  let t: DocumentsTestApp;
  let pieter: Browser;
  let caseId: string;
  const now = new Date('2026-11-18T10:00:00Z');
  const today = amsterdamDateOf(now);

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now });
    pieter = (await t.signedIn('999990044')).browser;
    [caseId] = (await t.casesOf('999990044')) as [string];
  });
  afterAll(() => t?.close());

  it('creates a request the resident sees at once, with days left', async () => {
    const request = await createDocumentRequest(t.ctx.db, t.ctx, {
      caseId,
      title: { nl: 'Brief van de verhuurder over de huurachterstand' },
      reason: { nl: 'Dan weten wij hoeveel huur u nog moet betalen.' },
      dueDate: addDays(today, 7),
    });
    expect(request).toMatchObject({
      state: 'open',
      requested_on: today,
      title_en: 'Brief van de verhuurder over de huurachterstand',
    });
    const listing = (await pieter.get(`/api/applications/${caseId}/documents`)).json();
    expect(listing.requests).toEqual([
      expect.objectContaining({ id: request.id, state: 'open', daysLeft: 7, acceptsDocuments: true, documents: [] }),
    ]);
  });

  it('refuses a request without text, with a past due date, or on an unknown case', async () => {
    const base = { caseId, title: { nl: 'Iets' }, reason: { nl: 'Daarom' }, dueDate: addDays(today, 3) };
    expect(await codeOf(createDocumentRequest(t.ctx.db, t.ctx, { ...base, title: { nl: ' ' } }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await codeOf(createDocumentRequest(t.ctx.db, t.ctx, { ...base, dueDate: addDays(today, -1) }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      await codeOf(createDocumentRequest(t.ctx.db, t.ctx, { ...base, caseId: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('NOT_FOUND');
  });

  it('follows the request through received, rejected (reason shown), received again and accepted', async () => {
    const request = await createDocumentRequest(t.ctx.db, t.ctx, {
      caseId,
      title: { nl: 'Loonstrook oktober', en: 'Pay slip October' },
      reason: { nl: 'Wij willen uw inkomen weten.', en: 'We need to know your income.' },
      dueDate: addDays(today, 5),
    });
    expect(await codeOf(acceptDocumentRequest(t.ctx.db, t.clock, request.id))).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
    const order = async () =>
      (await pieter.get(`/api/applications/${caseId}/documents`)).json().requests.map((r: { id: string }) => r.id);
    const before = await order();
    expect(before).toHaveLength(2);

    const first = await register(pieter, caseId, {
      uploadId: await uploadInOne(pieter, caseId, await pdf(1), request.id),
      title: 'Loonstrook',
    });
    expect(first.statusCode).toBe(201);
    const stateOf = async () =>
      (await pieter.get(`/api/applications/${caseId}/documents`))
        .json()
        .requests.find((r: { id: string }) => r.id === request.id);
    expect((await stateOf()).state).toBe('received');
    // By due date, never by state: the list does not move under the resident after an upload.
    expect(await order()).toEqual(before);

    expect(await codeOf(rejectDocumentRequest(t.ctx.db, t.clock, request.id, '  '))).toBe('VALIDATION_FAILED');
    const rejected = await rejectDocumentRequest(
      t.ctx.db,
      t.clock,
      request.id,
      'De loonstrook is niet goed te lezen. Maak een nieuwe foto.',
    );
    expect(rejected).toMatchObject({ state: 'rejected', received_on: null });
    expect(await stateOf()).toMatchObject({
      state: 'rejected',
      rejectionReason: 'De loonstrook is niet goed te lezen. Maak een nieuwe foto.',
    });
    // A rejected document needs the resident again: the application list says so first.
    const summary = (await pieter.get('/api/applications'))
      .json()
      .applications.find((a: { id: string }) => a.id === caseId);
    expect(summary.nextAction).toEqual({ kind: 'send_documents', dueDate: request.due_date });
    // ...and the application page shows why, beside the way to send it again.
    const detail = (await pieter.get(`/api/applications/${caseId}`)).json();
    expect(detail.documentRequests.find((r: { id: string }) => r.id === request.id)).toMatchObject({
      state: 'rejected',
      rejectionReason: 'De loonstrook is niet goed te lezen. Maak een nieuwe foto.',
    });

    t.clock.advanceMinutes(5);
    const second = await register(pieter, caseId, {
      uploadId: await uploadInOne(pieter, caseId, await pdf(2), request.id),
      title: 'Loonstrook opnieuw',
    });
    expect(second.statusCode).toBe(201);
    expect(await stateOf()).toMatchObject({ state: 'received', rejectionReason: null });
    expect((await stateOf()).documents).toHaveLength(2);

    await acceptDocumentRequest(t.ctx.db, t.clock, request.id);
    expect(await stateOf()).toMatchObject({ state: 'accepted', acceptsDocuments: false });
    expect(await codeOf(rejectDocumentRequest(t.ctx.db, t.clock, request.id, 'Toch niet'))).toBe(
      'REQUEST_TRANSITION_NOT_ALLOWED',
    );

    // Nothing more can be sent for an accepted request: refused when the upload starts.
    const late = await pieter.request({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `caseId ${Buffer.from(caseId).toString('base64')},requestId ${Buffer.from(request.id).toString('base64')}`,
      },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REQUEST_CLOSED');
  });

  it('lists arrivals newest first, per case and since a moment, and opens one for download', async () => {
    const all = await caseSystemFor(t.ctx, t.ctx.db).arrivals();
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0]).toMatchObject({
      title: 'Loonstrook opnieuw',
      requestTitle: 'Loonstrook oktober',
      requestState: 'accepted',
      caseId,
    });
    expect(all.every((a) => a.caseId === caseId)).toBe(true); // letters (origin service) are not arrivals
    expect(await caseSystemFor(t.ctx, t.ctx.db).arrivals({ caseId: 'nonsense' })).toEqual([]);
    const since = await caseSystemFor(t.ctx, t.ctx.db).arrivals({ since: new Date(now.getTime() + 60_000) });
    expect(since.map((a) => a.title)).toEqual(['Loonstrook opnieuw']);
    const document = await documentForStaff(t.ctx.db, all[0]!.documentId);
    expect(document).toMatchObject({ content_type: 'application/pdf', origin: 'resident' });
    expect((await t.services.blobs.get(document!.storage_key!)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
