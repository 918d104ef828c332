import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consortiumIds, loadConsortium } from '../../../consortia/index';
import { createTestApp, testDatabases, type TestApp } from '../../testing';
import { WebAppManifest, webAppManifestOf } from './routes';

describe.each(testDatabases)('web app manifest on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false });
  });
  afterAll(() => t?.close());

  it('is served as application/manifest+json, revalidated on every use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(Value.Check(WebAppManifest, res.json())).toBe(true);
  });

  it('carries the consortium name and colours and what Chromium needs to install', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' })).json();
    expect(body).toMatchObject({
      id: '/',
      name: t.ctx.consortium.name,
      short_name: t.ctx.consortium.shortName,
      theme_color: t.ctx.consortium.theme.primaryColor,
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'nl',
      dir: 'ltr',
    });
    const icons = body.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(icons).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  });

  it('answers 304 to a browser that has the current version', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.inject({
      method: 'GET',
      url: '/manifest.webmanifest',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('manifest per consortium', () => {
  it.each(consortiumIds)('%s: own name and theme colour', (id) => {
    const consortium = loadConsortium(id);
    const manifest = webAppManifestOf(consortium);
    expect(Value.Check(WebAppManifest, manifest)).toBe(true);
    expect(manifest.short_name).toBe(consortium.shortName);
    expect(manifest.theme_color).toBe(consortium.theme.primaryColor);
  });
});
