import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, bothDatabases, type TestApp } from '../../testing';

describe.each(bothDatabases)('system routes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false });
  });
  afterAll(() => t?.close());

  it('reports health with the database kind, consortium and login kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: kind,
      consortium: 'leidschendam-voorburg',
      identityProvider: 'simulator',
      scanner: 'none',
      storage: 'folder',
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is live and ready when the database, the migrations and the document folder are there', async () => {
    expect((await t.app.inject({ url: '/api/health/live' })).json()).toEqual({ status: 'live' });
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while draining, but still live', async () => {
    t.ctx.lifecycle = { draining: true };
    try {
      const ready = await t.app.inject({ url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ error: { code: 'NOT_READY' } });
      expect((await t.app.inject({ url: '/api/health/live' })).statusCode).toBe(200);
    } finally {
      t.ctx.lifecycle = undefined;
    }
  });

  it('is not ready when the document store cannot be written to, and says which check failed', async () => {
    const broken = await createTestApp(kind, { seed: false });
    try {
      // The folder where stored documents go is a file now (a full or broken volume looks alike).
      const blobs = join(broken.ctx.config.documents.filesDir, 'blobs');
      await rm(blobs, { recursive: true, force: true });
      await writeFile(blobs, 'not a folder');
      const ready = await broken.app.inject({ url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.message).toContain('storage');
    } finally {
      await broken.close();
    }
  });

  it('describes the API as OpenAPI 3 generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/me',
        '/api/applications/',
        '/api/applications/{id}',
        '/api/auth/login',
      ]),
    );
    expect(doc.paths['/api/applications/{id}'].get.responses).toHaveProperty('404');
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('answers a malformed request with 400 and the JSON error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/auth/login?returnTo=${'x'.repeat(600)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('serves the public consortium facts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.consortium.municipalities.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['1916', '0629', '0626']),
    );
    expect(body.login.simulated).toBe(true);
  });
});
