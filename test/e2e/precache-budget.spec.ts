/**
 * Issue 16: what the service worker installs on a resident's phone, read from the build this
 * test command has just made (`${LOKET_DIST:-dist}/client/sw.js`). Bytes are deterministic, so
 * the budget is a test; the time it takes is in `npm run bench` (the resident's view).
 * - At most PRECACHE_BUDGET Brotli (the goal is 150 KiB: see the note there).
 * - Nothing a resident never loads: no staff area, no pdf-lib (fetched when first needed and
 *   kept on a personal device: src/client/sw.ts).
 * - The boot script is in the page and in the install, so it works offline like the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readManifest, STAFF_MODULE } from '../../scripts/first-load-sizes.mjs';
import { precacheSizes } from '../../scripts/precache-sizes.mjs';

const DIST = `${process.env.LOKET_DIST || 'dist'}/client`;
const KIB = 1024;
// Measured 189.0 KiB when set (issue 16: 424.8 KiB before). The goal, 150, needs a smaller
// first load: the resident pages' own first loads with the font are about 160 KiB Brotli.
const PRECACHE_BUDGET = 190 * KIB;

test('the service worker installs at most 190 KiB (Brotli), and only what residents load', () => {
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

test('index.html starts the boot script first, and the install holds it', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const boot = /<script type="module" async src="\/(assets\/boot-[\w-]+\.js)"><\/script>/.exec(html);
  expect(boot, 'the boot script tag').not.toBeNull();
  expect(html.indexOf(boot![0]), 'before the entry').toBeLessThan(html.indexOf('<script type="module" crossorigin'));
  expect(precacheSizes(DIST).files.map((f) => f.file)).toContain(boot![1]);
});
