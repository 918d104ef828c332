/**
 * Issue 7, points 2 and 5: the budgets that fail the test command, read from the build this
 * test command has just made (`${LOKET_DIST:-dist}/client`). Sizes are deterministic, so they
 * are tests; times vary, so they stay in `npm run bench`.
 * - First-load JS <= 76 KiB gzip (see JS_BUDGET) and CSS <= 20 KiB gzip on every resident route.
 * - Staff pages (/beheer, /balie) in chunks of their own, never in a resident's first load.
 * - The built HTML carries one inline script (the boot script, allowed by its hash) and no
 *   <style> element or style attribute, so the CSP needs no 'unsafe-inline'; and the app runs
 *   under that CSP without a single violation.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { firstLoadSizes, isStaffRoute, readManifest, STAFF_MODULE } from '../../scripts/first-load-sizes.mjs';
import { expectNoAxeViolations, logIn } from './support';

const DIST = `${process.env.LOKET_DIST || 'dist'}/client`;
const KIB = 1024;
// Issue 16 brought the booking page from 75.3 to 74.0 KiB (the boot script included), every
// other route to 73.0 or less: small shared chunks merged (vite.config.ts). The boot script in
// the HTML, with the file lists of its first pages, put the largest at 74.4. The message for a
// page whose code cannot load (in the entry: it must show when nothing else can load) took it
// to 74.98; the session dialogs' words, moved from the entry to the dialogs
// (i18n/session-dialogs), brought every route 0.3 KiB down: the largest, documents, to 74.65.
// petite-vue-i18n instead of vue-i18n (i18n/create-i18n.ts) took 2.6 KiB off every route: the
// largest, booking, from 74.9 to 72.3; Vue's hydration code (server-render/server-state.ts: a
// rendered page is taken over, not drawn again, in half the time) put 2.0 KiB back: 74.3.
// Taking it over in parts (server-render/hydrate-in-parts.ts: Vue's defineAsyncComponent) added
// 0.9 KiB for every route, largest 75.3, and took the longest task after the first paint of an
// application from about 103 to 61 ms at a 4x slower processor (blocking time 53 -> 14 ms).
// The goal is 60.
const JS_BUDGET = 76 * KIB;
const CSS_BUDGET = 20 * KIB;
const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;

test('every resident route loads at most 76 KiB of JS and 20 KiB of CSS (gzip) at first', () => {
  const routes = firstLoadSizes(DIST).filter((r) => !isStaffRoute(r.route));
  expect(routes.length, 'resident routes in the build manifest').toBeGreaterThan(8);
  const figures = routes.map((r) => `${r.route}: JS ${kib(r.js.gzip)}, CSS ${kib(r.css.gzip)}`).join('\n');
  const over = routes.flatMap((r) => [
    ...(r.js.gzip > JS_BUDGET ? [`${r.route}: JS ${kib(r.js.gzip)} > ${kib(JS_BUDGET)}`] : []),
    ...(r.css.gzip > CSS_BUDGET ? [`${r.route}: CSS ${kib(r.css.gzip)} > ${kib(CSS_BUDGET)}`] : []),
  ]);
  expect(over, `over budget (gzip level 9). All routes:\n${figures}`).toEqual([]);
});

test('staff pages are in chunks of their own that no resident route loads at first', () => {
  const manifest = readManifest(DIST);
  const routes = firstLoadSizes(DIST);
  const staffRoutes = routes.filter((r) => isStaffRoute(r.route));
  expect(
    staffRoutes.map((r) => r.route),
    'the back office is a lazy chunk of its own',
  ).toContain('beheer/area.ts');
  expect(
    staffRoutes.map((r) => r.route),
    'the front desk is a lazy chunk of its own',
  ).toContain('balie/area.ts');
  // Staff source modules by path, and shared chunks named after one (e.g. `_staff-<hash>.js`).
  const staffChunkName = /^_(staff|balie|beheer|planning)-/;
  const staffKeys = Object.keys(manifest).filter(
    (key) => STAFF_MODULE.test(key) || STAFF_MODULE.test(manifest[key]!.src ?? '') || staffChunkName.test(key),
  );
  const staffFiles = new Set(staffKeys.map((key) => manifest[key]!.file));
  expect(staffKeys.length).toBeGreaterThan(0);
  const leaks = routes
    .filter((r) => !isStaffRoute(r.route))
    .flatMap((r) =>
      [...r.keys.filter((key) => staffKeys.includes(key)), ...r.files.filter((file) => staffFiles.has(file))].map(
        (what) => `${r.route} loads ${what}`,
      ),
    );
  expect(leaks).toEqual([]);
  // And the entry (what every page loads) does not import the back office statically.
  const entry = Object.values(manifest).find((c) => c.isEntry)!;
  expect(entry.imports ?? []).not.toContain('src/client/pages/beheer/area.ts');
});

test('the built HTML has one inline script, the boot script, no <style> element and no style attribute', async ({
  request,
}) => {
  const html = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  expect(html).toContain('index.html');
  for (const file of html) {
    const text = readFileSync(join(DIST, file), 'utf8');
    const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length, `${file}: scripts`).toBeGreaterThan(0);
    const inline = scripts.filter(([, attributes]) => !/\bsrc=/.test(attributes!));
    expect(
      inline.map(([, , body]) => body!.includes('loketEarlyAnswers')),
      `${file}: inline scripts`,
    ).toEqual(file === 'index.html' ? [true] : []);
    expect(text, `${file}: <style>`).not.toMatch(/<style\b/i);
    expect(text, `${file}: style attribute`).not.toMatch(/\sstyle\s*=/i);
    expect(text, `${file}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
  }
  // The page's policy allows the boot script by its hash (src/server/security/inline-scripts.ts).
  const boot = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))![1]!;
  const hash = `'sha256-${createHash('sha256').update(boot).digest('base64')}'`;
  const csp = (await request.get('/aanvragen')).headers()['content-security-policy'] ?? '';
  expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe(`'self' ${hash}`);
});

test('the app runs under its Content Security Policy without a single violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  expect(await violations()).toEqual([]);

  await logIn(page, '999990019');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanvragen' })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page
    .getByRole('link', { name: /bijstand/i })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/bijstand/i);
  expect(await violations()).toEqual([]);
  await expectNoAxeViolations(page);
});

test('the font file holds the weights the app uses, 400 to 700, and nothing lighter', async ({ page }) => {
  // The build cuts the variable font's weight axis (src/client/build/font-weights.ts). Asked for
  // weight 100 through font-variation-settings (which the @font-face range does not clamp), the
  // cut file draws its lightest, 400 (the package's file draws a thinner, narrower line: 326 px
  // against 351 here); 700 is still drawn as bold, in letters of another width.
  await page.goto('/toegankelijkheid');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const widths = await page.evaluate(async () => {
    await document.fonts.load('400 20px "Noto Sans Variable"');
    const widthAt = (weight: number) => {
      const span = document.createElement('span');
      span.textContent = 'Werk en inkomen, bijstand aanvragen';
      span.style.font = '20px "Noto Sans Variable"';
      span.style.fontVariationSettings = `'wght' ${weight}`;
      document.body.append(span);
      const width = span.getBoundingClientRect().width;
      span.remove();
      return width;
    };
    return { thin: widthAt(100), regular: widthAt(400), bold: widthAt(700) };
  });
  expect(widths.thin).toBe(widths.regular);
  expect(widths.bold).not.toBe(widths.regular);
});
