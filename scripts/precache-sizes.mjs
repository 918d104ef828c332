// What the service worker installs: the files of the precache list the build wrote into
// dist/client/sw.js (vite-plugin-pwa, injectManifest), with their Brotli size (quality 11, as
// the build's .br copies) and gzip size. Used by the precache budget (test/e2e/precache-budget.spec.ts)
// and the benchmark (test/bench/resident-view.bench.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The precached files (paths inside distDir), in the order sw.js lists them. */
export function precachedFiles(distDir = 'dist/client') {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]);
}

export function precacheSizes(distDir = 'dist/client') {
  const files = precachedFiles(distDir).map((file) => {
    const bytes = readFileSync(join(distDir, file));
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, raw, brotli } = precacheSizes(process.argv[2]);
  for (const f of [...files].sort((a, b) => b.brotli - a.brotli))
    console.log(`${f.file.padEnd(56)} ${(f.brotli / 1024).toFixed(1).padStart(6)} KiB br`);
  console.log(`${files.length} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(brotli / 1024).toFixed(1)} KiB brotli`);
}
