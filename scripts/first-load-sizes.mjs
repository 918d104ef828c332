// First-load bytes per route from the Vite build manifest: the entry, the route's lazy chunk,
// and everything they import statically (JS), plus the CSS those chunks carry. Gzip level 9.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstLoadSizes(distDir = 'dist/client') {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const gz = (file) => {
    const bytes = readFileSync(join(distDir, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const collect = (key, seen) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) collect(dep, seen);
  };
  const routes = Object.keys(manifest).filter((k) => /src\/client\/pages\/.*\.vue$/.test(k) && manifest[k].isDynamicEntry);
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
    for (const file of cssFiles) {
      const size = gz(file);
      css.raw += size.raw;
      css.gzip += size.gzip;
    }
    return { route: route.replace(/^src\/client\/pages\//, ''), js, css };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { route, js, css } of firstLoadSizes(process.argv[2])) {
    console.log(`${route.padEnd(48)} JS ${(js.gzip / 1024).toFixed(1)} KiB gz   CSS ${(css.gzip / 1024).toFixed(1)} KiB gz`);
  }
}
