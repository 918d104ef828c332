/**
 * The CSP sources for the inline scripts of the built index.html: the boot script
 * (src/client/build/boot-script.ts) is written into the page so it runs while the HTML is read
 * (issue 16). The policy allows exactly those scripts by their SHA-256, never 'unsafe-inline'.
 * Read from the built file, and again when that file changes: a build deployed into the folder
 * of a running server (static-client.ts serves it) has another boot script, whose page lists
 * carry the new files' hashes. Whether it changed is looked at most once a second (one stat), so
 * a request costs nothing for it; in that second the old policy may refuse the new script, and
 * the app works without it (the boot script only makes the first screen come sooner).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { cspHash, type SecurityHeaderSets } from './headers';
import { versionOf } from '../build-files';

/** `'sha256-…'` for each <script> without src in `html`, hashed as the browser does (the text as is). */
export function inlineScriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, text]) => !/\bsrc\s*=/i.test(attributes ?? '') && (text ?? '') !== '')
    .map(([, , text]) => cspHash(text ?? ''));
}

/** The sources for the built client in `clientDir`, or none when the server serves no client. */
function clientInlineScriptSources(clientDir: string): string[] {
  try {
    return inlineScriptSources(readFileSync(join(clientDir, 'index.html'), 'utf8'));
  } catch {
    return []; // no built client: static-client.ts says so when it registers
  }
}

const LOOK_AGAIN_MS = 1000;

/**
 * Header sets whose CSP allows the inline scripts of `clientDir`'s index.html as it is now (see
 * the top); `make` builds the sets for given sources. Without a client: made once, with none.
 */
export function headersFollowingClient(
  clientDir: string | undefined,
  clock: Clock,
  make: (inlineScripts: readonly string[]) => SecurityHeaderSets,
): SecurityHeaderSets {
  if (!clientDir) return make([]);
  const file = join(clientDir, 'index.html');
  let version = versionOf(file);
  let sets = make(clientInlineScriptSources(clientDir));
  let lookedAt = clock.now().getTime();
  const current = (): SecurityHeaderSets => {
    const now = clock.now().getTime();
    if (Math.abs(now - lookedAt) < LOOK_AGAIN_MS) return sets;
    lookedAt = now;
    const seen = versionOf(file);
    if (seen !== version) {
      version = seen;
      sets = make(clientInlineScriptSources(clientDir));
    }
    return sets;
  };
  return {
    get document() {
      return current().document;
    },
    get api() {
      return current().api;
    },
    // The lean asset set carries no CSP: no look at the disk for the many asset requests.
    get asset() {
      return sets.asset;
    },
  };
}
