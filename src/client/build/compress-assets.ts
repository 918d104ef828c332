/**
 * Build-time step (vite.config.ts): writes a Brotli (.br) and a gzip (.gz) copy next to every
 * text file of the client build, and the server sends the one the browser accepts
 * (@fastify/static `preCompressed`, src/server/static-client.ts). Compressing once at build
 * time, at the strongest settings, costs the server nothing per request; sending the files
 * uncompressed cost a phone on slow 4G about a second before the first screen (Lighthouse,
 * issue 7) and a resident on prepaid data several times the bytes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

export async function compressFile(path: string): Promise<boolean> {
  const bytes = await readFile(path);
  if (bytes.length < MIN_BYTES) return false;
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  await writeFile(`${path}.br`, brotli);
  await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  return true;
}

export function compressAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'loket:compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter(
        (fileName) => COMPRESSIBLE.test(fileName) && !fileName.startsWith('.vite/'),
      );
      await Promise.all(files.map((fileName) => compressFile(join(outDir, fileName))));
    },
  };
}
