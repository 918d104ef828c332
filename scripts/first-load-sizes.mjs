// First-load bytes per route from the Vite build manifest: the entry, the route's lazy chunk,
// and everything they import statically (JS), plus the CSS those chunks carry, plus the boot
// script index.html carries inline (src/client/build/boot-script.ts). Gzip level 9.
// Used by the size budget (test/e2e/size-budget.spec.ts) and the benchmark (test/bench).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Source modules that only staff load (the back office and the desk); never in a resident's first load. */
export const STAFF_MODULE =
  /(^|\/)src\/client\/(pages\/(beheer|balie)\/|components\/(staff|balie|planning)\/|router-staff\.ts|i18n\/(staff|balie)\/|stores\/(planning|staff-casework)\.ts|api\/(planning|staff-casework)\.ts)/;

export function isStaffRoute(route) {
  return /^(beheer|balie)\//.test(route);
}

export function readManifest(distDir = 'dist/client') {
  return JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8'));
}

export function firstLoadSizes(distDir = 'dist/client') {
  const manifest = readManifest(distDir);
  const entryKey = 'index.html' in manifest ? 'index.html' : Object.keys(manifest).find((k) => manifest[k].isEntry);
  // Scripts index.html carries inline: the boot script. Counted as JS, since the page runs them.
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  const sizeOf = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  const gz = (file) => sizeOf(readFileSync(join(distDir, file)));
  const collect = (key, seen) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) collect(dep, seen);
  };
  const routes = Object.keys(manifest).filter(
    (k) => /src\/client\/pages\/.*\.(vue|ts)$/.test(k) && manifest[k].isDynamicEntry,
  );
  return routes.map((route) => {
    const seen = new Set();
    collect(entryKey, seen);
    collect(route, seen);
    const js = { raw: 0, gzip: 0 };
    const css = { raw: 0, gzip: 0 };
    const cssFiles = new Set();
    for (const key of seen) {
      const size = gz(manifest[key].file);
      js.raw += size.raw;
      js.gzip += size.gzip;
      for (const file of manifest[key].css ?? []) cssFiles.add(file);
    }
    for (const text of inlineScripts) {
      const size = sizeOf(Buffer.from(text, 'utf8'));
      js.raw += size.raw;
      js.gzip += size.gzip;
    }
    for (const file of cssFiles) {
      const size = gz(file);
      css.raw += size.raw;
      css.gzip += size.gzip;
    }
    return {
      route: route.replace(/^src\/client\/pages\//, ''),
      js,
      css,
      /** manifest keys and files of the first load, for the staff-separation check */
      keys: [...seen],
      files: [...seen].map((key) => manifest[key].file).concat([...cssFiles]),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { route, js, css } of firstLoadSizes(process.argv[2])) {
    console.log(
      `${route.padEnd(48)} JS ${(js.gzip / 1024).toFixed(1)} KiB gz   CSS ${(css.gzip / 1024).toFixed(1)} KiB gz`,
    );
  }
}
