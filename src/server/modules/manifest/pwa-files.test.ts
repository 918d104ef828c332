/**
 * The headers the service worker and the update flow rely on, on a stand-in build folder
 * (src/server/static-client.ts serves it): sw.js and index.html revalidated on every use,
 * hashed assets immutable, files of a build written while the server runs are served, and the
 * build's Brotli and gzip copies go to browsers that accept them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressBuild, compressFile } from '../../../client/build/compress-assets';
import { createTestApp, testDatabases, type TestApp } from '../../testing';

describe('built PWA files', () => {
  let t: TestApp;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'loket-client-'));
    mkdirSync(join(clientDir, 'assets'));
    mkdirSync(join(clientDir, 'icons'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Loket</title>');
    writeFileSync(join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(clientDir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(clientDir, 'assets', 'index-AAAA1111.js'), 'export {};');
    t = await createTestApp(testDatabases[0]!, { seed: false, config: { clientDir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('serves sw.js as JavaScript that is revalidated on every use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/', '/index.html', '/aanvragen/123', '/icons/icon-192.png'])('revalidates %s on every use', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-AAAA1111.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves the assets of a build written after the server started', async () => {
    writeFileSync(join(clientDir, 'assets', 'index-BBBB2222.js'), 'export const v = 2;');
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-BBBB2222.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('export const v = 2;');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("sends the build's Brotli or gzip copy to a browser that accepts it, the file itself to one that does not", async () => {
    const code = `export const text = ${JSON.stringify('Uw aanvragen worden geladen. '.repeat(200))};`;
    writeFileSync(join(clientDir, 'assets', 'page-DDDD4444.js'), code);
    writeFileSync(join(clientDir, 'index.html'), `<!doctype html><title>Loket</title><p>${'Loket '.repeat(400)}</p>`);
    expect(await compressFile(join(clientDir, 'assets', 'page-DDDD4444.js'))).toBe(true);
    expect(await compressFile(join(clientDir, 'index.html'))).toBe(true);

    const br = await t.app.inject({
      method: 'GET',
      url: '/assets/page-DDDD4444.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBeLessThan(code.length / 5);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(code);

    const gz = await t.app.inject({
      method: 'GET',
      url: '/assets/page-DDDD4444.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(code);

    const plain = await t.app.inject({
      method: 'GET',
      url: '/assets/page-DDDD4444.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(code);

    // index.html for an app path (the not-found handler) comes compressed too, and stays no-cache.
    const page = await t.app.inject({ method: 'GET', url: '/aanvragen/123', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<title>Loket</title>');
    // The copies are not files of their own.
    expect((await t.app.inject({ method: 'GET', url: '/index.html.br' })).statusCode).toBe(404);
  });

  it('has compressed copies of sw.js, of small chunks and of public files, never of what does not shrink', async () => {
    // sw.js is written by vite-plugin-pwa after the app's bundle, and five chunks of the first
    // screen were under 1 KiB: both went out uncompressed (issue 16).
    const worker = `self.addEventListener('fetch', (event) => { /* ${'precache entry '.repeat(120)} */ });`;
    const tiny = `import{d as e}from"./index-AAAA1111.js";const t=e({name:"ApiErrorMessage",props:{error:{}},setup(n){return()=>n.error?.code}});export{t as default};`;
    writeFileSync(join(clientDir, 'sw.js'), worker);
    writeFileSync(join(clientDir, 'assets', 'ApiErrorMessage-EEEE5555.js'), tiny.repeat(4));
    writeFileSync(join(clientDir, 'assets', 'empty-FFFF6666.js'), 'export {};');
    const copied = await compressBuild(clientDir);
    expect(copied.map((path) => path.slice(clientDir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['assets/ApiErrorMessage-EEEE5555.js', 'sw.js']),
    );
    expect(copied.some((path) => path.endsWith('empty-FFFF6666.js'))).toBe(false);

    const sw = await t.app.inject({
      method: 'GET',
      url: '/sw.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(sw.headers['content-encoding']).toBe('br');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(sw.rawPayload).toString()).toBe(worker);
    const chunk = await t.app.inject({
      method: 'GET',
      url: '/assets/ApiErrorMessage-EEEE5555.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(chunk.headers['content-encoding']).toBe('gzip');
    expect(Number(chunk.headers['content-length'])).toBeLessThan(tiny.length * 4);
    const empty = await t.app.inject({
      method: 'GET',
      url: '/assets/empty-FFFF6666.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(empty.headers['content-encoding']).toBeUndefined();
    expect(empty.body).toBe('export {};');
  });

  it('answers a missing asset with 404 and the JSON error shape, not with index.html', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/gone-CCCC3333.js' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('names every web worker module *.worker.ts, which the server recognises in the build (static-client.ts)', () => {
    // A worker's CSP comes with its script, so the worker's chunk gets the document headers,
    // found by the name Vite gives it after the module: <name>.worker-<hash>.js.
    const sources = readdirSync('src/client', { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(ts|vue)$/.test(f),
    );
    const workers = sources.flatMap((file) =>
      [
        ...readFileSync(join('src/client', file), 'utf8').matchAll(/new (?:Shared)?Worker\(\s*new URL\(\s*'([^']+)'/g),
      ].map((match) => match[1]!),
    );
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(worker).toMatch(/\.worker\.ts$/);
  });
});
