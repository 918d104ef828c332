/**
 * The boot script: a tiny script the build writes into index.html itself, first in <head>
 * (issue 16; src/client/build/boot-script.ts). It runs while the HTML is still being read,
 * long before the app's entry (about 60 KiB gzip) has arrived and run, and starts what the
 * first screen needs:
 * - the API requests (session, configuration, unread count, the page's own data), all at once
 *   instead of one after another; the app's API client takes those answers instead of asking
 *   again (src/client/api/early-answers.ts);
 * - the page's own code (modulepreload) and style, beside the entry instead of after it;
 * - on a page the server rendered, the app's code, after that page's first paint.
 * Offline, the requests fail like any other and the app handles that as it always did (the
 * service worker never answers /api). Imports nothing at run time, so it stays one small script.
 */
import type { EarlyAnswers } from '../api/early-answers';
import { firstPageOf } from './first-pages';
import { firstRequestsOf } from './first-requests';

/** Per entry of FIRST_PAGE_MODULES, the page's built files under /assets/: written in by the build. */
declare const __LOKET_PAGE_FILES__: string[][];

const answers: EarlyAnswers['answers'] = new Map();
// The ids of the elements a page rendered on the server carries, written out: the modules that
// name them are in the app's entry too, and the build would make a chunk of them that this
// script would then import (STATE_ELEMENT_ID, src/client/server-render/state-element.ts;
// DEFERRED_CODE_ELEMENT_ID, src/domain/server-render.ts). Were one to change alone, the
// rendered page's app would not start: test/e2e/server-render.spec.ts.
const STATE_ELEMENT_ID = 'loket-server-state';
const DEFERRED_CODE_ELEMENT_ID = 'loket-deferred-code';

// A page the server rendered came with its answers (src/client/server-render/): none to ask.
const rendered = document.getElementById(STATE_ELEMENT_ID) !== null;
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

/**
 * The same links Vite's loader would add when the router imports the page; it sees these and
 * does not fetch again. crossOrigin '' as Vite's own, so the preloaded answer is the one used.
 */
function preloadPageFiles(): void {
  for (const file of __LOKET_PAGE_FILES__[firstPageOf(location.pathname)] ?? []) {
    // A rendered page has its styles written in, linked as disabled.
    if (document.querySelector(`link[href="/assets/${file}"]`)) continue;
    const link = document.createElement('link');
    if (file.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = `/assets/${file}`;
    document.head.append(link);
  }
}

/**
 * The app's code of a page the server rendered, which the server left in an inert template
 * (src/server/server-render/first-screen.ts): new elements of the same kind, so the browser loads
 * and runs them as it would have from the HTML.
 */
function startDeferredCode(): void {
  const template = document.getElementById(DEFERRED_CODE_ELEMENT_ID);
  if (!(template instanceof HTMLTemplateElement)) return;
  template.remove();
  for (const parsed of Array.from(template.content.children)) {
    const element = document.createElement(parsed.localName);
    for (const { name, value } of Array.from(parsed.attributes)) element.setAttribute(name, value);
    document.head.append(element);
  }
  preloadPageFiles();
}

if (rendered)
  // After the page's first paint: the paint timing entry comes when the frame is on screen (every
  // browser we support has it). A tab opened in the background paints, and so starts, when shown.
  new PerformanceObserver((_entries, observer) => {
    observer.disconnect();
    startDeferredCode();
  }).observe({ type: 'paint', buffered: true });
else preloadPageFiles();
