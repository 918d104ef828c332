/**
 * The boot script: a tiny script the build writes into index.html itself, first in <head>
 * (issue 16; src/client/build/boot-script.ts). It runs while the HTML is still being read,
 * long before the app's entry (about 60 KiB gzip) has arrived and run, and starts what the
 * first screen needs:
 * - the API requests (session, configuration, unread count, the page's own data), all at once
 *   instead of one after another; the app's API client takes those answers instead of asking
 *   again (src/client/api/early-answers.ts);
 * - the page's own code (modulepreload) and style, beside the entry instead of after it.
 * Offline, the requests fail like any other and the app handles that as it always did (the
 * service worker never answers /api). Imports nothing at run time, so it stays one small script.
 */
import type { EarlyAnswers } from '../api/early-answers';
import { firstPageOf } from './first-pages';
import { firstRequestsOf } from './first-requests';

/** Per entry of FIRST_PAGE_MODULES, the page's built files under /assets/: written in by the build. */
declare const __LOKET_PAGE_FILES__: string[][];

const answers: EarlyAnswers['answers'] = new Map();
// A page the server rendered came with its answers (src/client/server-render/): none to ask.
// STATE_ELEMENT_ID of server-render/state-element.ts, written out: this script imports nothing.
const rendered = document.getElementById('loket-server-state') !== null;
for (const path of rendered ? [] : firstRequestsOf(location.pathname)) {
  // The same request the API client would make (src/client/api/http.ts).
  const answer = fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  // The app sees the failure when it takes the answer; nobody else should report it.
  answer.catch(() => undefined);
  answers.set(path, answer);
}
(globalThis as { loketEarlyAnswers?: EarlyAnswers }).loketEarlyAnswers = { startedAt: performance.now(), answers };

// index.html's "loading" words in the language chosen on this device (?taal=, else the stored
// choice, as src/client/i18n/index.ts starts): the app sets the same when it starts.
try {
  const language = new URLSearchParams(location.search).get('taal') ?? localStorage.getItem('loket.locale');
  if (language === 'en' || language === 'ar') document.documentElement.lang = language;
  // As src/client/i18n/index.ts sets it: Arabic is read right to left.
  if (language === 'ar') document.documentElement.dir = 'rtl';
} catch {
  // Storage off: Dutch, as the app would start.
}

// The same links Vite's loader would add when the router imports the page; it sees these and
// does not fetch again. crossOrigin '' as Vite's own, so the preloaded answer is the one used.
for (const file of __LOKET_PAGE_FILES__[firstPageOf(location.pathname)] ?? []) {
  const link = document.createElement('link');
  if (file.endsWith('.css')) {
    link.rel = 'preload';
    link.as = 'style';
  } else link.rel = 'modulepreload';
  link.crossOrigin = '';
  link.href = `/assets/${file}`;
  document.head.append(link);
}
