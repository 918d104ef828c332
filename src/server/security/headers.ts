/**
 * Security headers on every response (HTML, static files, API, errors), set by helmet on the
 * raw response in onRequest, so hijacked replies (tus, the login simulator) carry them too.
 * - CSP: scripts and styles from our origin only. No 'unsafe-inline' for styles either: the
 *   build emits no inline <script>, no <style> element and no style attribute (the size budget
 *   spec, test/e2e/size-budget.spec.ts, checks the built HTML); Vue's :style bindings set
 *   styles through the CSSOM, which a CSP does not block. Images also as data: URLs (the
 *   document previews). The simulator and file downloads send stricter policies of their own.
 * - HSTS (1 year) only when residents reach us over https on a real host name: on localhost it
 *   would pin the developer's browser to https for every local project.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { AppContext } from '../context';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function wantsHsts(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' && !LOCAL_HOSTS.has(url.hostname) && !url.hostname.endsWith('.localhost');
}

export function helmetOptions(ctx: AppContext): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: wantsHsts(ctx.config.publicUrl) ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Leaving the PWA must not leak which page (and so which case) a resident was on.
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
  };
}
