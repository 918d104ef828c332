/**
 * Build-time step (vite.config.ts): a `<link rel="preload">` in index.html for the self-hosted
 * font file (styles/font.css). Without it the browser finds the font only after the CSS has
 * arrived and a text node needs it, and the first screen is painted in the fallback and then
 * repainted. The link is an attribute-only tag in the built HTML, so the Content Security Policy
 * needs nothing new (test/e2e/size-budget.spec.ts checks the HTML for inline code).
 */
import type { Plugin } from 'vite';

export function preloadFont(options: { file: RegExp }): Plugin {
  return {
    name: 'loket-font-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const asset = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'asset' && options.file.test(output.fileName),
        );
        if (!asset) throw new Error(`font-preload: no built file matches ${options.file}`);
        return [
          {
            tag: 'link',
            // A font preload must be CORS-mode (crossorigin), like the request the @font-face makes.
            attrs: { rel: 'preload', href: `/${asset.fileName}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
