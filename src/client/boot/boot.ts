/**
 * The boot script: a tiny module of its own that index.html loads `async`, next to the app's
 * entry (issue 16; src/client/build/boot-script.ts puts it there). It runs as soon as it
 * arrives, long before the entry (about 60 KiB gzip) has arrived and run, and starts the API
 * requests the first screen needs (session, configuration, unread count, the page's own data,
 * all at once instead of one after another); the app's API client takes those answers instead
 * of asking again (src/client/api/early-answers.ts).
 * Offline, the requests fail like any other and the app handles that as it always did (the
 * service worker never answers /api). Imports nothing at run time, so it stays one small file.
 */
import type { EarlyAnswers } from '../api/early-answers';
import { firstRequestsOf } from './first-requests';

const answers: EarlyAnswers['answers'] = new Map();
for (const path of firstRequestsOf(location.pathname)) {
  // The same request the API client would make (src/client/api/http.ts).
  const answer = fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  // The app sees the failure when it takes the answer; nobody else should report it.
  answer.catch(() => undefined);
  answers.set(path, answer);
}
(globalThis as { loketEarlyAnswers?: EarlyAnswers }).loketEarlyAnswers = { startedAt: performance.now(), answers };
