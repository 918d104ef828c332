/**
 * Build-time step (vite.config.ts): writes a Brotli (.br) and a gzip (.gz) copy next to every
 * text file of the client build, and the server sends the one the browser accepts
 * (@fastify/static `preCompressed`, src/server/static-client.ts). Compressing once at build
 * time, at the strongest settings, costs the server nothing per request; sending the files
 * uncompressed cost a phone on slow 4G about a second before the first screen (Lighthouse,
 * issue 7) and a resident on prepaid data several times the bytes.
 *
 * It runs once the whole build is written (closeBundle, after vite-plugin-pwa has built
 * sw.js, which is not part of the app's bundle) and walks the output folder, so the service
 * worker and the files copied from public/ get their copies too (issue 16: sw.js, 32 KiB, went
 * out uncompressed). Every file whose copy is smaller by more than the Content-Encoding header
 * it adds gets one: a chunk of 600 bytes shrinks to about 350, and five such chunks were on the
 * first screen.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** About what `Content-Encoding: br` costs on the wire: a copy must save more than that. */
const MIN_SAVING_BYTES = 32;

/** Writes path.br and path.gz when compressing saves bytes; false when it does not. */
export async function compressFile(path: string): Promise<boolean> {
  const bytes = await readFile(path);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gzip = gzipSync(bytes, { level: 9 });
  // Brotli is never larger than gzip here, so the gzip copy decides: both files or neither.
  if (gzip.length > bytes.length - MIN_SAVING_BYTES) return false;
  await writeFile(`${path}.br`, brotli);
  await writeFile(`${path}.gz`, gzip);
  return true;
}

/** Every compressible file under `dir` (the Vite manifest in .vite/ is never served: skipped). */
async function compressibleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.slice(dir.length).split(/[\\/]/).includes('.vite'));
}

/** Compresses every text file of a built client folder; returns the files that got copies. */
export async function compressBuild(dir: string): Promise<string[]> {
  const files = await compressibleFiles(dir);
  const compressed = await Promise.all(files.map(async (path) => ((await compressFile(path)) ? path : null)));
  return compressed.filter((path): path is string => path !== null);
}

export function compressAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'loket:compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // After vite-plugin-pwa's own closeBundle (sequential, default order), which writes sw.js.
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await compressBuild(outDir);
      },
    },
  };
}
