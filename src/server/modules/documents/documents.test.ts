/**
 * Registering uploads as documents, the refusals residents can meet, safe downloads and letters
 * (issue 4), on both databases. Uploads here use tus' creation-with-upload in one request
 * through inject(); uploads.test.ts drives a real tus client over the network.
 */
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothDatabases, type Browser } from '../../testing';
import { clamdInstalled, EICAR, startTestClamd } from '../../scanner/test-clamd';
import { DOWNLOAD_CSP } from './download';
import {
  EMPTY_ZIP,
  encryptedPdf,
  exifHasGps,
  hasAnyMetadata,
  heicWithExif,
  pdf,
  photoWithGps,
  windowsExecutable,
} from './test-fixtures';
import { b64, createDocumentsTestApp, register, uploadInOne, type DocumentsTestApp } from './testing';

async function countDocuments(t: DocumentsTestApp, title: string): Promise<number> {
  const rows = await t.ctx.db.selectFrom('documents').select('id').where('title', '=', title).execute();
  return rows.length;
}

describe.each(bothDatabases)('documents on %s', (kind) => {
  let t: DocumentsTestApp;
  let jan: Browser;
  let caseId: string;

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
    jan = (await t.signedIn('999990019')).browser;
    [caseId] = (await t.casesOf('999990019')) as [string];
  });
  afterAll(() => t?.close());

  it('lists the open requests first with days left, and the letter that asked for them', async () => {
    const res = await jan.get(`/api/applications/${caseId}/documents`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.requests.map((r: { state: string; daysLeft: number }) => [r.state, r.daysLeft])).toEqual([
      ['open', 4],
      ['open', 11],
    ]);
    expect(body.ownInitiative).toEqual([]);
    expect(body.letters).toHaveLength(1);
    expect(body.letters[0]).toMatchObject({
      title: expect.stringMatching(/informatie/),
      contentType: 'application/pdf',
    });
    expect(body.limits).toMatchObject({
      maxFileBytes: 20 * 1024 * 1024,
      acceptedTypes: expect.arrayContaining(['image/heic']),
    });
  });

  it('serves a letter as a real PDF with the safe-download headers', async () => {
    const [letter] = (await jan.get(`/api/applications/${caseId}/documents`)).json().letters;
    const res = await jan.get(`/api/applications/${caseId}/documents/${letter.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="verzoek-om-informatie.pdf"; filename*=UTF-8''verzoek-om-informatie.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': DOWNLOAD_CSP,
      'cache-control': 'no-store',
    });
    const letterPdf = await PDFDocument.load(res.rawPayload);
    expect(letterPdf.getPageCount()).toBe(1);
    expect(letterPdf.getTitle()).toBe('Wij hebben meer informatie van u nodig');
  });

  it('gives the decision letter of 999990032 as a PDF, and the same id as the application detail', async () => {
    const fatima = (await t.signedIn('999990032')).browser;
    const cases = await t.casesOf('999990032');
    const letters = await Promise.all(
      cases.map(async (id) => ({
        id,
        letters: (await fatima.get(`/api/applications/${id}/documents`)).json().letters,
      })),
    );
    const decided = letters.find((c) => c.letters.length > 0)!;
    expect(decided.letters[0].title).toBe('Besluit bijzondere bijstand');
    const row = await t.ctx.db
      .selectFrom('case_results')
      .select('letter_document_id')
      .where('case_id', '=', decided.id)
      .executeTakeFirstOrThrow();
    expect(row.letter_document_id).toBe(decided.letters[0].id);
    const res = await fatima.get(`/api/applications/${decided.id}/documents/${decided.letters[0].id}/content`);
    expect((await PDFDocument.load(res.rawPayload)).getTitle()).toMatch(/Besluit over uw aanvraag bijzondere bijstand/);
    // Jan asks for Fatima's letter: through his own case or hers, it does not exist for him.
    expect((await jan.get(`/api/applications/${caseId}/documents/${decided.letters[0].id}/content`)).statusCode).toBe(
      404,
    );
    expect(
      (await jan.get(`/api/applications/${decided.id}/documents/${decided.letters[0].id}/content`)).statusCode,
    ).toBe(404);
    expect((await jan.get(`/api/applications/${decided.id}/documents`)).statusCode).toBe(404);
  });

  it('registers an own-initiative document and names the download safely', async () => {
    const uploadId = await uploadInOne(jan, caseId, await pdf(1));
    const res = await register(jan, caseId, {
      uploadId,
      title: 'Brief van de schuldeiser',
      fileName: '..\\C:\\brief "één"\u202E.pdf',
    });
    expect(res.statusCode).toBe(201);
    const { document } = res.json();
    expect(document).toMatchObject({ requestId: null, fileName: 'brief één.pdf' });
    const body = (await jan.get(`/api/applications/${caseId}/documents`)).json();
    expect(body.ownInitiative.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const download = await jan.get(`/api/applications/${caseId}/documents/${document.id}/content`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="brief een.pdf"; filename*=UTF-8''brief%20%C3%A9%C3%A9n.pdf`,
    );
    expect(await t.services.uploads.progress(uploadId)).toBeNull(); // the tus copy is gone
  });

  it('stores a photo without any EXIF: no GPS, no camera', async () => {
    const photo = await photoWithGps('jpeg', 1200, 900);
    expect(exifHasGps((await sharp(photo).metadata()).exif)).toBe(true);
    const uploadId = await uploadInOne(jan, caseId, photo);
    const res = await register(jan, caseId, { uploadId, title: 'Foto huurcontract', fileName: 'IMG_0001.JPG' });
    expect(res.statusCode).toBe(201);
    const { document } = res.json();
    expect(document).toMatchObject({ contentType: 'image/jpeg', fileName: 'IMG_0001.jpg' });
    const stored = (await jan.get(`/api/applications/${caseId}/documents/${document.id}/content`)).rawPayload;
    expect(await hasAnyMetadata(stored)).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
  });

  it('keeps a HEIC as HEIC with its Exif item zeroed', async () => {
    const exif = (await sharp(await photoWithGps('jpeg')).metadata()).exif!;
    const uploadId = await uploadInOne(jan, caseId, heicWithExif(exif));
    const res = await register(jan, caseId, { uploadId, title: 'iPhone-foto', fileName: 'IMG_0002.HEIC' });
    expect(res.json().document).toMatchObject({ contentType: 'image/heic', fileName: 'IMG_0002.heic' });
    const stored = (await jan.get(`/api/applications/${caseId}/documents/${res.json().document.id}/content`))
      .rawPayload;
    expect(stored.includes('LoketTestPhone')).toBe(false);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, number, string]>([
    ['a renamed .exe', windowsExecutable, 415, 'DOCUMENT_TYPE_NOT_ALLOWED'],
    ['a PDF/ZIP polyglot', async () => Buffer.concat([await pdf(1), EMPTY_ZIP]), 422, 'DOCUMENT_POLYGLOT'],
    ['an encrypted PDF', encryptedPdf, 422, 'DOCUMENT_ENCRYPTED_PDF'],
    [
      'the EICAR file without a scanner (not a PDF or photo)',
      () => Buffer.from(EICAR, 'latin1'),
      415,
      'DOCUMENT_TYPE_NOT_ALLOWED',
    ],
  ])('refuses %s with %s, stores nothing, and deletes the bytes', async (name, make, status, code) => {
    const uploadId = await uploadInOne(jan, caseId, await make());
    const res = await register(jan, caseId, { uploadId, title: name, fileName: 'scan.pdf' });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await countDocuments(t, name)).toBe(0);
    expect(await t.services.uploads.progress(uploadId)).toBeNull();
    const again = await register(jan, caseId, { uploadId, title: name });
    expect(again.json().error.code).toBe(code);
  });

  it('registers exactly once when the outbox replays one item 20 times at once', async () => {
    const uploadId = await uploadInOne(jan, caseId, await photoWithGps('png'));
    const key = randomUUID();
    const body = { uploadId, title: 'Storm', fileName: 'storm.png' };
    const responses = await Promise.all(Array.from({ length: 20 }, () => register(jan, caseId, body, key)));
    const created = responses.filter((r) => r.statusCode === 201);
    const busy = responses.filter((r) => r.statusCode === 409);
    expect(created.length + busy.length, responses.map((r) => r.body).join('\n')).toBe(20);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json().document.id)).size).toBe(1);
    for (const r of busy) expect(r.json().error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(await countDocuments(t, 'Storm')).toBe(1);
    const later = await register(jan, caseId, body, key);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.json().document.id).toBe(created[0]!.json().document.id);
  });

  it('registers an upload once even under different keys', async () => {
    const uploadId = await uploadInOne(jan, caseId, await pdf(1));
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => register(jan, caseId, { uploadId, title: 'Vijf sleutels' })),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of responses.filter((x) => x.statusCode !== 201))
      expect(r.json().error.code).toBe('UPLOAD_ALREADY_REGISTERED');
    expect(await countDocuments(t, 'Vijf sleutels')).toBe(1);
  });

  it('needs an Idempotency-Key and a title', async () => {
    const uploadId = await uploadInOne(jan, caseId, await pdf(1));
    expect((await register(jan, caseId, { uploadId, title: 'Zonder sleutel' }, null)).json().error.code).toBe(
      'IDEMPOTENCY_KEY_MISSING',
    );
    expect((await register(jan, caseId, { uploadId, title: '  ' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await register(jan, caseId, { uploadId: 'x'.repeat(32), title: 'Onzin' })).statusCode).toBe(400);
    expect(await countDocuments(t, 'Zonder sleutel')).toBe(0);
  });

  it('answers UPLOAD_INCOMPLETE while bytes are missing, UPLOAD_NOT_FOUND once cancelled', async () => {
    const create = await jan.request({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '1000', 'upload-metadata': `caseId ${b64(caseId)}` },
    });
    const uploadId = String(create.headers.location).split('/').pop()!;
    const res = await register(jan, caseId, { uploadId, title: 'Half' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('UPLOAD_INCOMPLETE');
    // The resident cancels (tus termination): then there is nothing to register.
    const cancel = await jan.request({
      method: 'DELETE',
      url: `/api/uploads/${uploadId}`,
      headers: { 'tus-resumable': '1.0.0' },
    });
    expect(cancel.statusCode).toBe(204);
    const gone = await register(jan, caseId, { uploadId, title: 'Half' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('UPLOAD_NOT_FOUND');
  });
});

describe.each(bothDatabases)('documents with a real clamd on %s', (kind) => {
  let clamd: Awaited<ReturnType<typeof startTestClamd>> | undefined;
  let t: DocumentsTestApp;
  beforeAll(async () => {
    if (!clamdInstalled) return;
    clamd = await startTestClamd();
    t = await createDocumentsTestApp(kind, { clamd: clamd.config });
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.stop();
  });

  it.skipIf(!clamdInstalled)('refuses the EICAR test file as infected and keeps nothing of it', async () => {
    const jan = (await t.signedIn('999990019')).browser;
    const [caseId] = (await t.casesOf('999990019')) as [string];
    const uploadId = await uploadInOne(jan, caseId, Buffer.from(EICAR, 'latin1'));
    const res = await register(jan, caseId, { uploadId, title: 'Virus' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DOCUMENT_INFECTED');
    expect(await t.services.uploads.progress(uploadId)).toBeNull();
    const clean = await register(jan, caseId, {
      uploadId: await uploadInOne(jan, caseId, await pdf(1)),
      title: 'Schoon',
    });
    expect(clean.statusCode).toBe(201);
  });
});
