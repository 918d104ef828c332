/**
 * tus uploads with a real tus-js-client against the real server on 127.0.0.1 (issue 4, tests):
 * happy path, connection cut at random offsets and resumed (100 times), server restarted
 * mid-upload, authorisation per resident, size and daily limits, expiry of orphans.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';
import { bothDatabases, type Browser } from '../../testing';
import { cleanUpUploads } from './cleanup';
import { pdf } from './test-fixtures';
import { createDocumentsTestApp, CuttingProxy, TusError, tusUpload, type DocumentsTestApp } from './testing';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function register(browser: Browser, caseId: string, body: Record<string, unknown>, key = randomUUID()) {
  return browser.request({
    method: 'POST',
    url: `/api/applications/${caseId}/documents`,
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    payload: JSON.stringify(body),
  });
}

describe.each(bothDatabases)('tus uploads on %s', (kind) => {
  let t: DocumentsTestApp;
  let base: string;
  let jan: { browser: Browser; cookie: string };
  let caseId: string;
  let requestId: string;

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    jan = await t.signedIn('999990019');
    [caseId] = (await t.casesOf('999990019')) as [string];
    requestId = (await jan.browser.get(`/api/applications/${caseId}/documents`)).json().requests[0].id;
  });
  afterAll(() => t?.close());

  it('uploads a PDF in chunks and registers it once as the answer to a request', async () => {
    const file = await pdf(3, 300 * 1024);
    const { uploadId, url } = await tusUpload(`${base}/api/uploads`, jan.cookie, file, { caseId, requestId });
    expect(url).toMatch(/\/api\/uploads\/[0-9a-f]{32}$/);
    const res = await register(jan.browser, caseId, { uploadId, title: 'Bankafschriften', fileName: 'afschrift.pdf' });
    expect(res.statusCode).toBe(201);
    const { document } = res.json();
    expect(document).toMatchObject({
      title: 'Bankafschriften',
      fileName: 'afschrift.pdf',
      contentType: 'application/pdf',
      sizeBytes: file.length,
      requestId,
    });
    const listing = (await jan.browser.get(`/api/applications/${caseId}/documents`)).json();
    const answered = listing.requests.find((r: { id: string }) => r.id === requestId);
    expect(answered.state).toBe('received');
    expect(answered.documents.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const download = await jan.browser.get(`/api/applications/${caseId}/documents/${document.id}/content`);
    expect(sha256(download.rawPayload)).toBe(sha256(file));
  });

  it('survives the connection being cut at a random offset, 100 times, with the same SHA-256', async () => {
    const proxy = new CuttingProxy((t.app.server.address() as { port: number }).port);
    const endpoint = `http://127.0.0.1:${await proxy.listen()}/api/uploads`;
    const size = 256 * 1024;
    const started = performance.now();
    try {
      for (let i = 0; i < 100; i += 1) {
        const file = randomBytes(size);
        // Anywhere in the request stream: in the headers of the creation, in a PATCH header or body.
        proxy.cutAfter(Math.floor(Math.random() * (size + 2000)));
        const { uploadId } = await tusUpload(
          endpoint,
          jan.cookie,
          file,
          { caseId },
          {
            chunkSize: 32 * 1024,
            retryDelays: [0, 10, 10, 50, 100],
          },
        );
        const stored = await t.services.uploads.read(uploadId);
        expect(sha256(stored), `iteration ${i}`).toBe(sha256(file));
        await t.services.uploads.remove(uploadId);
      }
    } finally {
      await proxy.close();
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `[${kind}] 100 cut-and-resumed uploads of 256 KiB (${proxy.cuts} cuts): ${seconds.toFixed(1)} s, ` +
        `${((100 * size) / 1024 / 1024 / seconds).toFixed(1)} MiB/s`,
    );
    expect(proxy.cuts).toBe(100);
  });

  it('resumes after the server restarts mid-upload (new app, same database and folder)', async () => {
    const file = await pdf(2, 512 * 1024);
    const port = (t.app.server.address() as { port: number }).port;
    let url = '';
    await new Promise<void>((resolve, reject) => {
      tusUpload(
        `${base}/api/uploads`,
        jan.cookie,
        file,
        { caseId },
        {
          onUpload: (upload) => {
            const original = upload.options.onChunkComplete;
            upload.options.onChunkComplete = (chunk, accepted, total) => {
              original?.(chunk, accepted, total);
              if (accepted >= 3 * 64 * 1024 && !url) {
                url = upload.url!;
                void upload.abort().then(resolve, reject);
              }
            };
          },
        },
      ).catch(reject);
    });
    await t.app.close();
    t.app = await t.rebuild();
    await t.app.listen({ port, host: '127.0.0.1' });
    const uploadId = url.split('/').pop()!;
    const before = await t.services.uploads.progress(uploadId);
    expect(before!.offset).toBeGreaterThanOrEqual(3 * 64 * 1024);
    expect(before!.offset).toBeLessThan(file.length);
    await tusUpload(`${base}/api/uploads`, jan.cookie, file, { caseId }, { uploadUrl: url });
    jan = await t.signedIn('999990019');
    const res = await register(jan.browser, caseId, { uploadId, title: 'Na herstart' });
    expect(res.statusCode).toBe(201);
    const download = await jan.browser.get(`/api/applications/${caseId}/documents/${res.json().document.id}/content`);
    expect(sha256(download.rawPayload)).toBe(sha256(file));
  });

  it("cannot upload to another resident's case, nor touch their upload", async () => {
    const fatima = await t.signedIn('999990032');
    const foreign = await tusUpload(`${base}/api/uploads`, fatima.cookie, await pdf(1), { caseId }).catch(
      (e: TusError) => e,
    );
    expect(foreign).toBeInstanceOf(TusError);
    expect((foreign as TusError).status).toBe(404);
    expect((foreign as TusError).code).toBe('NOT_FOUND');

    const mine = await tusUpload(`${base}/api/uploads`, jan.cookie, await pdf(1), { caseId });
    for (const method of ['HEAD', 'PATCH', 'DELETE'] as const) {
      const res = await fatima.browser.request({
        method,
        url: `/api/uploads/${mine.uploadId}`,
        headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      });
      expect(res.statusCode, method).toBe(404);
    }
    expect(await t.services.uploads.progress(mine.uploadId)).not.toBeNull();
    const stolen = await register(fatima.browser, (await t.casesOf('999990032'))[0]!, {
      uploadId: mine.uploadId,
      title: 'Niet van mij',
    });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.code).toBe('UPLOAD_NOT_FOUND');
    const onHisCase = await register(fatima.browser, caseId, { uploadId: mine.uploadId, title: 'Niet van mij' });
    expect(onHisCase.statusCode).toBe(404);
  });

  it('refuses an upload without a session, without a case, or for an unknown request', async () => {
    const anonymous = await tusUpload(`${base}/api/uploads`, '', await pdf(1), { caseId }).catch((e: TusError) => e);
    expect((anonymous as TusError).status).toBe(401);
    const noCase = await tusUpload(`${base}/api/uploads`, jan.cookie, await pdf(1), {}).catch((e: TusError) => e);
    expect((noCase as TusError).code).toBe('VALIDATION_FAILED');
    const unknownRequest = await tusUpload(`${base}/api/uploads`, jan.cookie, await pdf(1), {
      caseId,
      requestId: randomUUID(),
    }).catch((e: TusError) => e);
    expect((unknownRequest as TusError).status).toBe(404);
  });

  it('refuses an empty file and a file over 20 MB before a byte is stored', async () => {
    const empty = await tusUpload(`${base}/api/uploads`, jan.cookie, Buffer.alloc(0), { caseId }).catch(
      (e: TusError) => e,
    );
    expect((empty as TusError).code).toBe('DOCUMENT_EMPTY');
    const big = await tusUpload(`${base}/api/uploads`, jan.cookie, Buffer.alloc(MAX_DOCUMENT_BYTES + 1), {
      caseId,
    }).catch((e: TusError) => e);
    expect((big as TusError).status).toBe(413);
    expect((big as TusError).code).toBe('DOCUMENT_TOO_LARGE');
  });

  it('stops a resident at the daily limit (declared bytes in the last 24 hours)', async () => {
    const pieter = await t.signedIn('999990044');
    const [pietersCase] = (await t.casesOf('999990044')) as [string];
    const create = (length: number) =>
      pieter.browser.request({
        method: 'POST',
        url: '/api/uploads',
        headers: {
          'tus-resumable': '1.0.0',
          'upload-length': String(length),
          'upload-metadata': `caseId ${Buffer.from(pietersCase).toString('base64')}`,
        },
      });
    for (let i = 0; i < 5; i += 1) expect((await create(MAX_DOCUMENT_BYTES)).statusCode).toBe(201);
    const over = await create(1);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('DAILY_UPLOAD_LIMIT');
    t.clock.advanceMinutes(24 * 60 + 1);
    const tomorrow = await t.signedIn('999990044');
    pieter.browser = tomorrow.browser;
    expect((await create(1)).statusCode).toBe(201);
  });

  it('expires an orphaned partial upload: bytes removed, resume and registration answer 404', async () => {
    jan = await t.signedIn('999990019'); // the test before moved the clock a day on
    const file = await pdf(1, 200 * 1024);
    let url = '';
    await new Promise<void>((resolve, reject) => {
      tusUpload(
        `${base}/api/uploads`,
        jan.cookie,
        file,
        { caseId },
        {
          onUpload: (upload) => {
            upload.options.onChunkComplete = () => {
              if (!url) {
                url = upload.url!;
                void upload.abort().then(resolve, reject);
              }
            };
          },
        },
      ).catch(reject);
    });
    const uploadId = url.split('/').pop()!;
    await cleanUpUploads(t.ctx, t.services); // not yet expired: kept
    expect(await t.services.uploads.progress(uploadId)).not.toBeNull();
    t.clock.advanceMinutes(25 * 60);
    expect((await cleanUpUploads(t.ctx, t.services)).expired).toBeGreaterThanOrEqual(1);
    expect(await t.services.uploads.progress(uploadId)).toBeNull();
    jan = await t.signedIn('999990019');
    const head = await jan.browser.request({
      method: 'HEAD',
      url: `/api/uploads/${uploadId}`,
      headers: { 'tus-resumable': '1.0.0' },
    });
    expect(head.statusCode).toBe(404);
    const late = await register(jan.browser, caseId, { uploadId, title: 'Te laat' });
    expect(late.json().error.code).toBe('UPLOAD_NOT_FOUND');
  });
});
