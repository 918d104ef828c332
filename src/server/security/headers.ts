/**
 * Security headers on every response (HTML, static files, API, errors), written on the raw
 * response in onRequest, so hijacked replies (tus, the login simulator) carry them too.
 * - CSP: scripts and styles from our origin only, the one inline script of index.html (the
 *   boot script) by its hash (inline-scripts.ts), and the consortium's colours, which a page
 *   rendered on the server carries in a <style> element (src/domain/theme.ts), by theirs. No
 *   'unsafe-inline': the build emits no other inline <script>, no <style> element and no style
 *   attribute (the size budget spec,
 *   test/e2e/size-budget.spec.ts, checks the built HTML); Vue's :style bindings set
 *   styles through the CSSOM, which a CSP does not block. Images also as data: URLs (the
 *   document previews). The simulator and file downloads send stricter policies of their own.
 * - HSTS (1 year) only when residents reach us over https on a real host name: on localhost it
 *   would pin the developer's browser to https for every local project.
 *
 * The sets are computed once, when the app is built, and again only when index.html's boot
 * script changes (inline-scripts.ts) (issue 16): @fastify/helmet built helmet's middleware anew
 * for every request, which cost more than the empty route itself. Helmet still decides the
 * headers and their values; we run its middleware against a stand-in response and keep what it
 * wrote.
 *
 * Immutable build assets (/assets/) get a lean set: a CSP, X-Frame-Options or COOP means
 * something only to a document or a worker, and a script, a stylesheet or a font is neither, so
 * on the phone they were ~600 bytes of every chunk's answer for nothing. What still matters
 * there stays: nosniff (the browser refuses a script that is not JavaScript), CORP (no other
 * site may load our files as no-cors subresources) and HSTS. An asset that can become a
 * document or a worker (SVG, HTML, a web worker's script) gets the document set from
 * static-client.ts, which knows the file.
 */
import { createHash } from 'node:crypto';
import helmet, { type HelmetOptions } from 'helmet';
import { themeStyle } from '../../domain/theme';
import type { AppContext } from '../context';

const contentSecurityPolicy = (inlineScripts: readonly string[], inlineStyles: readonly string[]) => ({
  'default-src': ["'self'"],
  'script-src': ["'self'", ...inlineScripts],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", ...inlineStyles],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/**
 * A page's Content-Security-Policy with more sources for its <style> elements: a page rendered
 * on the server carries the build's stylesheets written in (server-render/first-screen.ts), each
 * allowed by its own hash on that page only.
 */
export function withStyleSources(policy: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  return policy.replace(
    /(^|;)(\s*style-src\b[^;]*)/,
    (_all, start: string, directive: string) => `${start}${directive} ${sources.join(' ')}`,
  );
}

/** The CSP source (`'sha256-…'`) that allows an inline <script> or <style> with exactly this text. */
export const cspHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function wantsHsts(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' && !LOCAL_HOSTS.has(url.hostname) && !url.hostname.endsWith('.localhost');
}

function helmetOptions(ctx: AppContext, inlineScripts: readonly string[]): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      // The consortium's colours in a page rendered on the server (src/domain/theme.ts).
      directives: contentSecurityPolicy(inlineScripts, [cspHash(themeStyle(ctx.consortium.theme))]),
    },
    strictTransportSecurity: wantsHsts(ctx.config.publicUrl) ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Leaving the PWA must not leak which page (and so which case) a resident was on.
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
  };
}

/** Header name and value pairs, written in this order. */
type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export interface SecurityHeaderSets {
  /** Pages, the simulator, files outside /assets/, errors outside /api */
  document: HeaderList;
  /** API answers: the document set plus Cache-Control: no-store, which a route may replace */
  api: HeaderList;
  /** Hashed build assets under /assets/ (see above) */
  asset: HeaderList;
}

/** The headers helmet writes with our options, read once from a stand-in response. */
function helmetHeaders(options: HelmetOptions): HeaderList {
  const written: Array<[string, string]> = [];
  const response = {
    setHeader(name: string, value: string | number) {
      written.push([name, String(value)]);
    },
    removeHeader() {},
  };
  let failed: unknown;
  helmet(options)({} as never, response as never, (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed;
  return written;
}

const ASSET_HEADERS = new Set(['x-content-type-options', 'cross-origin-resource-policy', 'strict-transport-security']);

/** `inlineScripts`: CSP sources (`'sha256-…'`) of the inline scripts the pages carry. */
export function securityHeaderSets(ctx: AppContext, inlineScripts: readonly string[] = []): SecurityHeaderSets {
  const document = helmetHeaders(helmetOptions(ctx, inlineScripts));
  return {
    document,
    api: [...document, ['Cache-Control', 'no-store']],
    asset: document.filter(([name]) => ASSET_HEADERS.has(name.toLowerCase())),
  };
}
