/**
 * Build-time step (vite.config.ts, the service worker's precache list; issue 16): a resident's
 * phone installs only what a resident can use. Dropped from the list are the chunks no resident
 * reaches: the staff areas (/beheer, /balie) and pdf-lib (turning photos into one PDF, 157 KiB
 * Brotli, only when sending a multi-page paper). Those are fetched when first needed and, on a
 * personal device, kept for offline use from then on (the kept-assets cache in src/client/sw.ts).
 *
 * Reachable means: from the app's entry (index.html), following static and lazy imports in the
 * Vite manifest, without entering a module that matches `lazyOnly`. A file the manifest does not
 * know as a chunk or its CSS (index.html with its inline boot script, the font, the icon) always
 * stays: the rule can only drop what it positively knows a resident never loads.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { ManifestTransform } from 'workbox-build';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

type ViteManifest = Record<string, ManifestChunk>;

/** The files a resident can load: chunks and their CSS reachable from the entry, lazy-only parts left out. */
export function residentFiles(manifest: ViteManifest, lazyOnly: RegExp): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key) || lazyOnly.test(chunk.src ?? key)) return;
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return files;
}

/** Every JS chunk and CSS file the manifest knows (not the font or other assets the CSS uses). */
function knownFiles(manifest: ViteManifest): Set<string> {
  return new Set(
    Object.values(manifest)
      .flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])])
      .filter((file) => /\.(js|css)$/.test(file)),
  );
}

/**
 * A Workbox manifest transform that keeps only what residents load (see the top), and the
 * plugin that tells it where this build writes (also with `vite build --outDir`, as the
 * update test builds).
 */
export function residentPrecache(options: { lazyOnly: RegExp }): { plugin: Plugin; transform: ManifestTransform } {
  let distDir: string | undefined;
  const plugin: Plugin = {
    name: 'loket-resident-precache',
    apply: 'build',
    configResolved(config) {
      distDir = resolve(config.root, config.build.outDir);
    },
  };
  const transform: ManifestTransform = (entries) => {
    if (!distDir) throw new Error('resident precache: the build folder is not known');
    const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as ViteManifest;
    const resident = residentFiles(manifest, options.lazyOnly);
    const known = knownFiles(manifest);
    const keep = entries.filter((entry) => !known.has(entry.url) || resident.has(entry.url));
    const dropped = entries.length - keep.length;
    return {
      manifest: keep,
      warnings: dropped === 0 ? ['resident precache: nothing left out (is the lazy-only rule still right?)'] : [],
    };
  };
  return { plugin, transform };
}
