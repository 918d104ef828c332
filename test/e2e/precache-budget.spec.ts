/**
 * Issue 16: what the service worker installs on a resident's phone, read from the build this
 * test command has just made (`${LOKET_DIST:-dist}/client/sw.js`). Bytes are deterministic, so
 * the budget is a test; the time it takes is in `npm run bench` (the resident's view).
 * - At most PRECACHE_BUDGET Brotli (the goal is 150 KiB: see the note there).
 * - Nothing a resident never loads: no staff area, no pdf-lib (fetched when first needed and
 *   kept on a personal device: src/client/sw.ts).
 * - The boot script is in the page (so in the install) and runs before anything else.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readManifest, STAFF_MODULE } from '../../scripts/first-load-sizes.mjs';
import { precacheSizes } from '../../scripts/precache-sizes.mjs';

const DIST = `${process.env.LOKET_DIST || 'dist'}/client`;
const KIB = 1024;
// Measured 168.6 KiB when set (issue 16: 424.8 KiB before; 176.4 with every resident page and
// all the font's features; 170.3 before the worker's registration and update check became
// fetched at first use; 166.5 with petite-vue-i18n instead of vue-i18n, 168.3 with Vue's
// hydration code, 169.05 with the takeover in parts: server-render/hydrate-in-parts.ts). The goal, 150, needs a smaller first load: the shell alone (entry,
// shared chunk, CSS, font, HTML) is about 85 KiB Brotli, and every page a resident can use
// offline is in the install.
const PRECACHE_BUDGET = 170 * KIB;

test('the service worker installs at most 170 KiB (Brotli), and only what residents load', () => {
  const { files, brotli } = precacheSizes(DIST);
  const biggest = [...files]
    .sort((a, b) => b.brotli - a.brotli)
    .slice(0, 10)
    .map((f) => `${f.file}: ${(f.brotli / KIB).toFixed(1)} KiB`)
    .join('\n');
  expect(
    brotli,
    `${files.length} files, ${(brotli / KIB).toFixed(1)} KiB Brotli. Biggest:\n${biggest}`,
  ).toBeLessThanOrEqual(PRECACHE_BUDGET);

  const manifest = readManifest(DIST);
  const lazyOnly = Object.entries(manifest)
    .filter(([key, chunk]) => STAFF_MODULE.test(chunk.src ?? key) || /documents\/pdf\.ts$/.test(key))
    .map(([, chunk]) => chunk.file);
  expect(lazyOnly.length, 'staff areas and pdf-lib are chunks of their own').toBeGreaterThan(2);
  const installed = new Set(files.map((f) => f.file));
  expect(lazyOnly.filter((file) => installed.has(file))).toEqual([]);
  expect(installed).toContain('index.html');
});

test('index.html runs the boot script first, before any file it loads', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const boot = html.indexOf('<script>');
  expect(boot, 'the inline boot script').toBeGreaterThan(0);
  expect(html.slice(boot), 'it starts the API requests').toMatch(/^<script>[^<]*loketEarlyAnswers/);
  // A stylesheet above it would hold it until the CSS is in; a file above it would come first.
  expect(html.slice(0, boot)).not.toMatch(/<script |<link /);
  expect(html.indexOf('<meta charset'), 'the charset stays in the first bytes').toBeLessThan(boot);
  expect(existsSync(join(DIST, 'assets')) && readdirSync(join(DIST, 'assets')).some((f) => f.startsWith('boot-'))).toBe(
    false,
  );
});
