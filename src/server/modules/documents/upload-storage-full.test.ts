/**
 * A full disk during a tus upload (issue 15): 507 STORAGE_FULL as JSON like every other route,
 * not tus' plain-text 500, and nothing half-counted: the offset is what the disk took, and the
 * same upload continues from there once there is room again.
 * The full disk is a stub at the edge: node's fs.createWriteStream hands out a real file stream
 * that takes a set number of bytes and then fails with ENOSPC, as a write(2) on a full disk does
 * (no small tmpfs to fill on this machine).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabases, type Browser } from '../../testing';
import { pdf } from './test-fixtures';
import { b64, createDocumentsTestApp, register, type DocumentsTestApp } from './testing';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const realCreateWriteStream = fs.createWriteStream;

/** From now on, file writes take `room` more bytes and then fail as a full disk does. */
function diskFullAfter(room: number, code: 'ENOSPC' | 'EDQUOT' = 'ENOSPC') {
  let left = room;
  return vi.spyOn(fs, 'createWriteStream').mockImplementation(((path: fs.PathLike, options?: object) => {
    const file = realCreateWriteStream(path, options as Parameters<typeof fs.createWriteStream>[1]);
    return new Writable({
      write(chunk: Buffer, _encoding, callback) {
        const fits = chunk.subarray(0, Math.max(0, left));
        left -= fits.length;
        const full = fits.length < chunk.length;
        const done = () =>
          callback(full ? Object.assign(new Error(`${code}: no space left on device, write`), { code }) : null);
        if (fits.length === 0) return done();
        file.write(fits, (error) => (error ? callback(error) : done()));
      },
      final(callback) {
        file.end(callback);
      },
      destroy(error, callback) {
        // The bytes that fitted are on disk before the error is told (fsync-free, as the store is).
        file.end(() => callback(error));
      },
    });
  }) as typeof fs.createWriteStream);
}

describe.each(testDatabases)('tus upload on a full disk (%s)', (kind) => {
  let t: DocumentsTestApp;
  let jan: { browser: Browser; cookie: string };
  let caseId: string;

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
    jan = await t.signedIn('999990019');
    [caseId] = (await t.casesOf('999990019')) as [string];
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => t?.close());

  async function create(size: number): Promise<string> {
    const res = await jan.browser.request({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String(size), 'upload-metadata': `caseId ${b64(caseId)}` },
    });
    expect(res.statusCode).toBe(201);
    return String(res.headers.location).split('/').pop()!;
  }

  const patch = (id: string, offset: number, bytes: Buffer) =>
    jan.browser.request({
      method: 'PATCH',
      url: `/api/uploads/${id}`,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      payload: bytes,
    });

  const offsetOf = async (id: string) =>
    Number(
      (await jan.browser.request({ method: 'HEAD', url: `/api/uploads/${id}`, headers: { 'tus-resumable': '1.0.0' } }))
        .headers['upload-offset'],
    );

  it.each(['ENOSPC', 'EDQUOT'] as const)(
    '%s: 507 STORAGE_FULL as JSON, the offset at what was stored, and the same upload continues',
    async (code) => {
      const file = await pdf(2, 200 * 1024);
      const id = await create(file.length);
      const room = 70 * 1024 + 13;
      diskFullAfter(room, code);

      const full = await patch(id, 0, file);
      expect(full.statusCode).toBe(507);
      expect(full.headers['content-type']).toMatch(/^application\/json/);
      expect(full.json()).toEqual({ error: { code: 'STORAGE_FULL', message: expect.any(String) } });

      // Not past what the disk took: a resume sends exactly the rest.
      const stored = await offsetOf(id);
      expect(stored).toBe(room);
      expect(await t.services.uploads.progress(id)).toEqual({ size: file.length, offset: room });

      vi.restoreAllMocks(); // room again
      const rest = await patch(id, stored, file.subarray(stored));
      expect(rest.statusCode).toBe(204);
      expect(rest.headers['upload-offset']).toBe(String(file.length));

      const res = await register(jan.browser, caseId, { uploadId: id, title: 'Loonstrook', fileName: 'loon.pdf' });
      expect(res.statusCode).toBe(201);
      const download = await jan.browser.get(`/api/applications/${caseId}/documents/${res.json().document.id}/content`);
      expect(sha256(download.rawPayload)).toBe(sha256(file));
    },
  );
});
