/**
 * The boot script is written into index.html (issue 16): the page's CSP allows exactly that
 * script by its hash, and nothing else inline.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../testing';
import { inlineScriptSources } from './inline-scripts';

// The example of the CSP spec's readers (MDN, "script-src"): this script has this hash.
const SCRIPT = "alert('Hello, world.');";
const HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";

describe('inline script sources', () => {
  it('hashes the text of each inline script as the browser does, and skips scripts with src', () => {
    const html = `<head><script>${SCRIPT}</script><script type="module" src="/a.js"></script><script></script></head>`;
    expect(inlineScriptSources(html)).toEqual([HASH]);
  });

  it('hashes the text exactly: one more space is another script', () => {
    expect(inlineScriptSources(`<script> ${SCRIPT}</script>`)).not.toEqual([HASH]);
  });
});

describe('the page CSP with an inline boot script', () => {
  let t: TestApp;
  let clientDir: string;

  beforeAll(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'loket-client-'));
    await mkdir(join(clientDir, 'assets'));
    await writeFile(join(clientDir, 'index.html'), `<!doctype html><title>Loket</title><script>${SCRIPT}</script>`);
    t = await createTestApp(testDatabases[0]!, { config: { clientDir } });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  it("allows that script by its hash on every page, and still not 'unsafe-inline'", async () => {
    for (const url of ['/', '/aanvragen']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(/(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1], url).toBe(`'self' ${HASH}`);
      expect(csp, url).not.toContain('unsafe-inline');
    }
  });

  it('follows a new build put into the folder while the server runs, within a second', async () => {
    const next = "alert('A new version.');";
    const nextHash = inlineScriptSources(`<script>${next}</script>`)[0]!;
    await writeFile(join(clientDir, 'index.html'), `<!doctype html><title>Loket</title><script>${next}</script>`);
    const scriptSrc = async () =>
      /(?:^|;\s*)script-src ([^;]*)/.exec(
        String((await t.app.inject({ url: '/' })).headers['content-security-policy']),
      )?.[1];
    // Looked at most once a second, so no request pays for a look at the disk.
    expect(await scriptSrc()).toBe(`'self' ${HASH}`);
    t.clock.advanceMinutes(1);
    expect(await scriptSrc()).toBe(`'self' ${nextHash}`);
    expect((await t.app.inject({ url: '/' })).body).toContain(next);
  });
});
