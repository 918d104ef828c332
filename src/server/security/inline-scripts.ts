/**
 * The CSP sources for the inline scripts of the built index.html: the boot script
 * (src/client/build/boot-script.ts) is written into the page so it runs while the HTML is read
 * (issue 16). The policy allows exactly those scripts by their SHA-256, never 'unsafe-inline'.
 * Read from the built file when the server starts: a build deployed into the folder of a running
 * server serves a page whose boot script the old policy refuses until the restart. The app still
 * works then (the boot script only makes the first screen come sooner), and the browser reports
 * the refusal in its console.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `'sha256-…'` for each <script> without src in `html`, hashed as the browser does (the text as is). */
export function inlineScriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, text]) => !/\bsrc\s*=/i.test(attributes ?? '') && (text ?? '') !== '')
    .map(
      ([, , text]) =>
        `'sha256-${createHash('sha256')
          .update(text ?? '', 'utf8')
          .digest('base64')}'`,
    );
}

/** The sources for the built client in `clientDir`, or none when the server serves no client. */
export function clientInlineScriptSources(clientDir: string | undefined): string[] {
  if (!clientDir) return [];
  try {
    return inlineScriptSources(readFileSync(join(clientDir, 'index.html'), 'utf8'));
  } catch {
    return []; // no built client: static-client.ts says so when it registers
  }
}
