/**
 * Build-time step (vite.config.ts, issue 16): the boot script (src/client/boot/boot.ts), built
 * as a second entry and then written into index.html itself, right after <meta charset>:
 * - inline, so it runs while the HTML is read: as a file of its own (even `async`) it ran only
 *   after the browser's first long task, 300 to 500 ms later on a slow phone (measured);
 * - before the stylesheet link, which would hold an inline script until the CSS is in;
 * - its SHA-256 is allowed by the CSP (src/server/security/inline-scripts.ts reads it from the
 *   built index.html), so the policy stays without 'unsafe-inline'.
 * It must import nothing at run time (a chunk it imported would be one more round trip).
 *
 * It also carries the built files of the pages in FIRST_PAGE_MODULES (src/client/boot/first-pages.ts):
 * each page's chunk with the chunks it imports and its CSS, less what the entry already loads.
 * The boot script preloads the current path's files with the HTML.
 */
import type { Plugin, Rolldown } from 'vite';

type Bundle = Rolldown.OutputBundle;
type Chunk = Rolldown.OutputChunk;

/** The placeholder boot.ts declares; replaced by the pages' file lists. */
const PAGE_FILES = '__LOKET_PAGE_FILES__';
const ASSETS = 'assets/';

const chunksOf = (bundle: Bundle): Chunk[] => Object.values(bundle).filter((o): o is Chunk => o.type === 'chunk');

/** Vite's own test for a chunk it removes from the build (vite:css-post): every module is CSS. */
const isCssOnly = (chunk: Chunk): boolean =>
  chunk.moduleIds.length > 0 &&
  chunk.moduleIds.every((id) => /\.(css|less|sass|scss|styl|stylus|pcss|postcss|sss)(\?|$)/.test(id));

/** A chunk and every chunk it imports statically, by file name. */
function staticGraph(bundle: Bundle, fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const next of chunk.imports) staticGraph(bundle, next, into);
  return into;
}

/** Per page module, its JS and CSS files under assets/ that the entry does not already load. */
function pageFiles(bundle: Bundle, pages: readonly string[], entry: Chunk): string[][] {
  const loaded = staticGraph(bundle, entry.fileName);
  const chunks = chunksOf(bundle);
  return pages.map((page) => {
    const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId?.endsWith(`/${page}`));
    if (!chunk) throw new Error(`boot-script: no lazy chunk for ${page} (is it still a lazy route?)`);
    const files: string[] = [];
    for (const file of staticGraph(bundle, chunk.fileName)) {
      if (loaded.has(file)) continue;
      const built = bundle[file] as Chunk;
      // A chunk of CSS only: Vite drops its empty script after this step; only its CSS is loaded.
      if (!isCssOnly(built)) files.push(file);
      files.push(...(built.viteMetadata?.importedCss ?? new Set<string>()));
    }
    return files.map((file) => {
      if (!file.startsWith(ASSETS)) throw new Error(`boot-script: ${file} is not under ${ASSETS}`);
      return file.slice(ASSETS.length);
    });
  });
}

export function bootScript(options: { source: string; pages: readonly string[] }): Plugin {
  let inline: string | undefined;
  return {
    name: 'loket-boot-script',
    apply: 'build',
    generateBundle: {
      // Before Vite writes index.html (vite:build-html).
      order: 'pre',
      handler(_options, bundle) {
        const chunks = chunksOf(bundle);
        const boot = chunks.find((o) => o.isEntry && !!o.facadeModuleId?.endsWith(options.source));
        const entry = chunks.find((o) => o.isEntry && o !== boot);
        if (!boot || !entry) throw new Error(`boot-script: the build has no entry ${options.source}, or no app entry`);
        if (boot.imports.length > 0 || boot.dynamicImports.length > 0)
          throw new Error(`boot-script: ${options.source} must import nothing at run time (it is one small script)`);
        if (!boot.code.includes(PAGE_FILES)) throw new Error(`boot-script: ${PAGE_FILES} is not in the built script`);
        const code = boot.code.replace(PAGE_FILES, JSON.stringify(pageFiles(bundle, options.pages, entry))).trim();
        if (/<\/script|<!--/i.test(code)) throw new Error('boot-script: the script cannot be written into HTML as is');
        // A function of its own: a classic script's top-level names would be globals.
        inline = `(()=>{${code}})();`;
        delete bundle[boot.fileName];
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!inline) throw new Error('boot-script: the boot chunk was not built');
        const charset = /<meta charset="utf-8" \/>\n/i;
        if (!charset.test(html)) throw new Error('boot-script: index.html has no <meta charset="utf-8" />');
        return html.replace(charset, (meta) => `${meta}    <script>${inline}</script>\n`);
      },
    },
  };
}
