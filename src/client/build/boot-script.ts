/**
 * Build-time step (vite.config.ts, issue 16): the boot script (src/client/boot/boot.ts), a
 * second entry of the build, loaded by index.html with `<script type="module" async>`, first in
 * <head>: async, so it runs the moment it arrives instead of after the app's entry (about
 * 60 KiB gzip more to download and run). An external file, so the CSP stays `script-src 'self'`.
 * It must import nothing at run time: a shared chunk would be one more round trip before it runs.
 *
 * Not in it: the current route's chunks (modulepreload). A route map for every page cost
 * 1.2 KiB gzip on every route's first load (measured), more than the 76 KiB budget leaves; the
 * entry asks for the route's chunks as it starts (preloadFirstPage in setup/first-screen.ts).
 */
import type { Plugin, Rolldown } from 'vite';

export function bootScript(options: { source: string }): Plugin {
  let bootFile: string | undefined;
  return {
    name: 'loket-boot-script',
    apply: 'build',
    generateBundle: {
      // Before Vite writes index.html (vite:build-html), which needs the file's name.
      order: 'pre',
      handler(_options, bundle) {
        const boot = Object.values(bundle).find(
          (o): o is Rolldown.OutputChunk =>
            o.type === 'chunk' && o.isEntry && !!o.facadeModuleId?.endsWith(options.source),
        );
        if (!boot) throw new Error(`boot-script: the build has no entry ${options.source}`);
        if (boot.imports.length > 0 || boot.dynamicImports.length > 0)
          throw new Error(`boot-script: ${options.source} must import nothing at run time (it is one small file)`);
        bootFile = boot.fileName;
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!bootFile) throw new Error('boot-script: the boot chunk was not built');
        return [
          { tag: 'script', attrs: { type: 'module', async: true, src: `/${bootFile}` }, injectTo: 'head-prepend' },
        ];
      },
    },
  };
}
