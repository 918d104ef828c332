/**
 * Answers the boot script (src/client/boot/boot.ts) asked for while the app was still loading
 * (issue 16). The API client takes one instead of sending the same GET again:
 * - once: an answer is removed when taken, so a later request (a refresh, the next page) always
 *   goes to the server;
 * - only shortly after the page started (MAX_AGE_MS), so nothing old is ever shown as new;
 * - never across sessions: ending a session drops every answer not yet taken
 *   (cancelPendingRequests in http.ts); logging in is a new page, with new answers.
 * They live in this page's memory only, never in any storage (shared devices).
 */
export interface EarlyAnswers {
  /** performance.now() when the boot script started the requests */
  startedAt: number;
  /** The answer per API path, as fetch gives it */
  answers: Map<string, Promise<Response>>;
}

/** As long as a request may take (DEFAULT_TIMEOUT_MS in http.ts): after that, ask again. */
const MAX_AGE_MS = 20_000;

const early = (): EarlyAnswers | undefined => (globalThis as { loketEarlyAnswers?: EarlyAnswers }).loketEarlyAnswers;

/** The early answer to GET `path`, taken (no one else gets it); undefined when there is none. */
export function takeEarlyAnswer(path: string): Promise<Response> | undefined {
  const boot = early();
  const answer = boot?.answers.get(path);
  if (!boot || !answer) return undefined;
  boot.answers.delete(path);
  if (performance.now() - boot.startedAt > MAX_AGE_MS) {
    boot.answers.clear();
    return undefined;
  }
  return answer;
}

/** Drops every answer not yet taken (a session ends). */
export function dropEarlyAnswers(): void {
  early()?.answers.clear();
}
