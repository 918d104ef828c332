/**
 * tus 1.0.0 discovery: "the Server MUST respond to an OPTIONS request" on the upload endpoint
 * with Tus-Version, and may say which extensions and what size it accepts. A tus client
 * asks before it uploads to a server it does not know; it needs no session for that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';
import { createTestApp, testDatabases, type TestApp } from '../../testing';

describe.each(testDatabases)('tus OPTIONS on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false });
  }, 180_000); // a fresh migrated database: slow on a busy machine
  afterAll(() => t?.close());

  it('answers OPTIONS on the upload endpoint with the tus version, extensions and maximum size', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/uploads' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['tus-version']).toBe('1.0.0');
    const extensions = String(res.headers['tus-extension']).split(',');
    expect(extensions).toContain('creation');
    expect(extensions).toContain('termination');
    // Admission refuses an unknown length, so the server must not announce that it accepts one.
    expect(extensions).not.toContain('creation-defer-length');
    expect(Number(res.headers['tus-max-size'])).toBe(MAX_DOCUMENT_BYTES);
    expect(res.body).toBe('');
  });
});
