/**
 * A signed-in resident's first screen, rendered here (issue 16): on a phone on slow 4G the
 * status of their applications shows as soon as the HTML is in, about half a second before the
 * app's code could have shown it. The app then takes that page over (hydrates it,
 * src/client/server-render/).
 *
 * For the pages the render bundle names (requestsFor), when the request carries a session
 * cookie. The data comes from our own API, asked inside this process with the visitor's own
 * cookies (app.inject): the same routes, checks, session renewal and rate limits as when the app
 * asks, and the same JSON the stores would hold. Anything but a 200 on every answer, or a page
 * the app would not show at once (render() says which), and the visitor gets the plain app,
 * which handles it as it always did.
 *
 * The page holds personal data: never stored by any cache (no-store), so nothing of it stays on
 * a shared device. A browser with the service worker asks for it through the worker's navigation
 * preload, and gets it only when the worker is of this build (SHELL_REVISION_HEADER); the worker
 * passes it on and keeps nothing of it (src/client/sw.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { followFile } from '../build-files';
import type { InternalRequests } from '../internal-requests';
import { escapeHtml } from '../escape-html';
import { cspHash } from '../security/headers';
import {
  DEFERRED_CODE_ELEMENT_ID,
  isLocale,
  isStartPage,
  LANGUAGE_COOKIE,
  type RenderBundle,
  type RenderedPage,
} from './render-bundle';

/** Vite's SSR manifest: per source module, the built files (under /assets/) it needs. */
type SsrManifest = Record<string, string[] | undefined>;

/** "</script>" or "<!--" inside a value must not end the data block (HTML's script rules). */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Vite's build manifest: per chunk, its file, the chunks it imports and its stylesheets. */
type BuildManifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/**
 * The stylesheets of the components drawn that index.html does not link already: the app loads
 * them with the page's code (Vite's loader adds the stylesheets of the page's chunk and of every
 * chunk it imports when the page is imported). The SSR manifest names the chunk of each
 * component; a stylesheet a page's script imports (appointments.css, the NL Design System's
 * form CSS) can sit with a chunk that chunk imports, so the build manifest is followed from
 * there. Written after index.html's own, as the app adds them, so the cascade is the same.
 */
function pageStyles(
  shell: string,
  modules: readonly string[],
  ssrManifest: SsrManifest,
  manifest: BuildManifest,
): string[] {
  const chunkOf = new Map(Object.values(manifest).map((chunk) => [`/${chunk.file}`, chunk]));
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunk: BuildManifest[string] | undefined) => {
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
    for (const key of chunk.imports ?? []) visit(manifest[key]);
  };
  for (const file of modules.flatMap((module) => ssrManifest[module] ?? [])) {
    if (file.endsWith('.css')) files.add(file);
    else visit(chunkOf.get(file));
  }
  return [...files].filter((file) => file.endsWith('.css') && !shell.includes(`"${file}"`));
}

/** A built stylesheet written into the page: its text, and the CSP source that allows it. */
interface InlineStyle {
  css: string;
  source: string;
}

export interface PageParts {
  stateElementId: string;
  /** The consortium's colours (src/domain/theme.ts), allowed by the CSP the app is built with */
  style: string;
  /** The built stylesheets the drawn components need beyond index.html's own */
  stylesheets?: readonly string[];
  /** A built stylesheet (by its /assets/ path) to write into the page, or null to leave it linked */
  inlineStyle?: (href: string) => InlineStyle | null;
}

const ENTRY_CODE =
  /<script type="module" crossorigin src="[^"]+"><\/script>|<link rel="modulepreload" crossorigin href="[^"]+">/g;
const STYLESHEET = /<link rel="stylesheet" crossorigin href="([^"]+)">/g;

/**
 * index.html with the rendered page in it, shaped for the first paint on a slow line (issue 16;
 * measured on /aanvragen, slow 4G and a 4x slower processor: first paint 1.0 s as index.html
 * has it, 0.5 s like this):
 * - the stylesheets written in: no round trip before the browser may paint. They are the same
 *   files (cached by the service worker for every later visit); `styleSources` lists their
 *   hashes for this page's CSP;
 * - the app's code (75 KiB) in an inert template, which the boot script starts after the first
 *   paint: loaded with the HTML it took the line from the stylesheet and the font, and its start
 *   held the paint back. The page's links work before it runs: they are plain links.
 */
export function pageHtml(
  shell: string,
  page: RenderedPage,
  parts: PageParts,
): { html: string; styleSources: string[] } {
  const state = `<script type="application/json" id="${parts.stateElementId}">${jsonForScript(page.state)}</script>`;
  const code = shell.match(ENTRY_CODE) ?? [];
  const deferred = `<template id="${DEFERRED_CODE_ELEMENT_ID}">${code.join('')}</template>`;
  const links = (parts.stylesheets ?? []).map((href) => `<link rel="stylesheet" crossorigin href="${href}">`).join('');
  const styleSources: string[] = [];
  const html = shell
    .replace(ENTRY_CODE, '')
    .replace(/<html lang="[^"]*" dir="[^"]*"/, `<html lang="${page.lang}" dir="${page.dir}"`)
    .replace(/<head>/, () => `<head>${state}${deferred}<style>${parts.style}</style>`)
    .replace(/<\/head>/, () => `${links}</head>`)
    .replace(STYLESHEET, (link, href: string) => {
      const inline = parts.inlineStyle?.(href);
      if (!inline) return link;
      styleSources.push(inline.source);
      // The link stays, disabled (never fetched): Vite's loader looks for it before it adds a
      // stylesheet the page's code needs, and would otherwise add this one again at the end of
      // <head>, after the page's own, changing the cascade (the facts list moved when the app
      // started).
      return `<style>${inline.css}</style>${link.replace('>', ' disabled>')}`;
    })
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(/<div id="app">[\s\S]*?<\/div>/, () => `<div id="app">${page.html}</div>`);
  return { html, styleSources: [...new Set(styleSources)] };
}

/**
 * The built stylesheets under `clientDir`, read once each: their names carry a hash of their
 * content, so a file of that name never changes. Anything that is not a plain file of the build,
 * or that could end the <style> element, stays linked.
 */
function builtStyles(clientDir: string): (href: string) => InlineStyle | null {
  const read = new Map<string, InlineStyle | null>();
  return (href) => {
    if (!read.has(href)) {
      let inline: InlineStyle | null = null;
      if (/^\/assets\/[\w.-]+\.css$/.test(href)) {
        try {
          const css = readFileSync(join(clientDir, href), 'utf8');
          if (!/<\/style/i.test(css)) inline = { css, source: cspHash(css) };
        } catch {
          // Not in this build (a page from another deploy): the browser fetches it as linked.
        }
      }
      read.set(href, inline);
    }
    return read.get(href) ?? null;
  };
}

/** The language the visitor's app would start in: ?taal=, else the device's choice (a cookie the app keeps), else Dutch. */
function localeOf(request: FastifyRequest): RenderedPage['lang'] {
  const asked = (request.query as Record<string, unknown> | undefined)?.taal;
  if (isLocale(asked)) return asked;
  const chosen = request.cookies[LANGUAGE_COOKIE];
  return isLocale(chosen) ? chosen : 'nl';
}

interface RenderedAnswer {
  html: string;
  setCookies: string[];
  /** CSP sources of the stylesheets written into the page (style-src, beside the app's own) */
  styleSources: string[];
  /** The revision of the index.html the page was made from (SHELL_REVISION_HEADER) */
  shellRevision: string;
}

/** The request header of a service worker's navigation preload (lower case, as Node has it). */
export const NAVIGATION_PRELOAD_HEADER = 'service-worker-navigation-preload';

export interface FirstScreenRenderer {
  /** The page as HTML, or null when the plain app should answer. */
  render(request: FastifyRequest): Promise<RenderedAnswer | null>;
}

/**
 * The renderer for the build in `clientDir`, or null when the build has no render bundle
 * (`npm run build` writes it to dist/render beside dist/client).
 */
export async function loadFirstScreenRenderer(
  app: FastifyInstance,
  {
    clientDir,
    sessionCookie,
    style,
    internal,
  }: {
    clientDir: string;
    sessionCookie: string;
    /** The consortium's colours (src/domain/theme.ts): the first paint is in them, not in the app's defaults */
    style: string;
    /** Marks the API requests made here as the page's own (their log lines are the page's) */
    internal: InternalRequests;
  },
): Promise<FirstScreenRenderer | null> {
  const bundleFile = join(clientDir, '..', 'render', 'entry.js');
  if (!existsSync(bundleFile)) return null;
  const bundle = (await import(pathToFileURL(bundleFile).href)) as RenderBundle;
  // Followed, as static-client.ts serves them: a new build may be deployed into the folder.
  // With the revision the service worker precaches it under (Workbox: the file's MD5).
  const shellOf = followFile(join(clientDir, 'index.html'), (text) => ({
    text,
    revision: createHash('md5').update(text).digest('hex'),
  }));
  const inlineStyle = builtStyles(clientDir);
  const manifestOf = followFile(
    join(clientDir, '.vite', 'ssr-manifest.json'),
    (text) => JSON.parse(text) as SsrManifest,
  );
  const buildManifestOf = followFile(
    join(clientDir, '.vite', 'manifest.json'),
    (text) => JSON.parse(text) as BuildManifest,
  );

  return {
    async render(request) {
      const [pathname = '/', search = ''] = request.url.split('?');
      const requests = bundle.requestsFor(pathname);
      // Signed in, or the start page (for a visitor who is not: the app sends one who is on).
      if (!requests || (!request.cookies[sessionCookie] && !isStartPage(pathname))) return null;
      // Asked for by our service worker (its navigation preload): only for one of this build, whose
      // stylesheets it holds, so they are linked rather than written in.
      const worker = request.headers[NAVIGATION_PRELOAD_HEADER];
      const shell = shellOf();
      if (worker !== undefined && worker !== shell.revision) return null;

      const answers = new Map<string, unknown>();
      const setCookies = new Set<string>();
      const asked = await Promise.all(
        requests.map((path) =>
          app.inject({
            method: 'GET',
            url: path,
            remoteAddress: request.ip,
            headers: {
              ...internal.headers,
              accept: 'application/json',
              cookie: request.headers.cookie ?? '',
              ...(request.headers['user-agent'] ? { 'user-agent': request.headers['user-agent'] } : {}),
            },
          }),
        ),
      );
      for (const [index, answer] of asked.entries()) {
        if (answer.statusCode !== 200) return null;
        answers.set(requests[index]!, answer.json());
        const cookies = answer.headers['set-cookie'];
        for (const cookie of Array.isArray(cookies) ? cookies : cookies ? [cookies] : []) setCookies.add(cookie);
      }

      const url = search ? `${pathname}?${search}` : pathname;
      const page = await bundle.render(url, localeOf(request), answers);
      if (!page) return null;
      const stylesheets = pageStyles(shell.text, page.modules, manifestOf(), buildManifestOf());
      const { html, styleSources } = pageHtml(shell.text, page, {
        stateElementId: bundle.STATE_ELEMENT_ID,
        style,
        stylesheets,
        inlineStyle: worker === undefined ? inlineStyle : undefined,
      });
      return { html, styleSources, setCookies: [...setCookies], shellRevision: shell.revision };
    },
  };
}
