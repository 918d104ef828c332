/**
 * A case worker views a document in the browser without downloading it (issue 14): inline, the
 * stored type, nosniff, framable by our own pages only, never cached, and logged as a view; a
 * type the browser cannot show is 415; another municipality's case worker gets the 404 of a
 * document that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type Browser } from '../../testing';
import { heicWithExif, pdf } from '../documents/test-fixtures';
import { createDocumentsTestApp, register, uploadInOne, type DocumentsTestApp } from '../documents/testing';
import { casesOf, logInStaff } from '../staff/testing';

const JAN = '999990019';

describe.each(testDatabases)('document preview for case workers on %s', (kind) => {
  let t: DocumentsTestApp;
  let karin: Browser;
  let mehmet: Browser;
  let caseId: string;
  const ids: Record<'pdf' | 'heic', string> = { pdf: '', heic: '' };

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
    karin = (await logInStaff(t, 'k.jansen')).browser;
    mehmet = (await logInStaff(t, 'm.bakker')).browser;
    const jan = (await t.signedIn(JAN)).browser;
    caseId = (await casesOf(t, JAN))[0]!.id;
    for (const [name, bytes] of [
      ['pdf', await pdf(1)],
      ['heic', heicWithExif(Buffer.from('Exif\0\0'))],
    ] as const) {
      const uploadId = await uploadInOne(jan, caseId, bytes);
      const registered = await register(jan, caseId, { uploadId, title: `Eigen ${name}` });
      expect(registered.statusCode, registered.body).toBe(201);
      ids[name] = registered.json().document.id;
    }
  }, 180_000);
  afterAll(() => t?.close());

  const previewUrl = (documentId: string) => `/api/staff/cases/${caseId}/documents/${documentId}/preview`;

  it('shows a PDF inline, framable by Loket only, and logs the view', async () => {
    const res = await karin.get(previewUrl(ids.pdf));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline; filename=/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const views = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'object_type', 'purpose', 'result'])
      .where('object_id', '=', ids.pdf)
      .execute();
    expect(views).toContainEqual({
      action: 'read',
      object_type: 'document',
      purpose: 'document_check',
      result: 'allowed',
    });
  });

  it('answers 415 DOCUMENT_NOT_PREVIEWABLE for a type the browser cannot show (HEIC): download it instead', async () => {
    const res = await karin.get(previewUrl(ids.heic));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('DOCUMENT_NOT_PREVIEWABLE');
  });

  it('gives a case worker of another municipality the same 404 as a document that does not exist', async () => {
    const real = await mehmet.get(previewUrl(ids.pdf));
    const ghost = await mehmet.get(`/api/staff/cases/${randomUUID()}/documents/${randomUUID()}/preview`);
    expect(real.statusCode).toBe(404);
    expect(real.json()).toEqual(ghost.json());
  });
});
