/**
 * Ends the current task and goes on in a new one, so the browser can take a tap or paint in
 * between. A cheap phone runs the app's start for several hundred milliseconds; in one piece
 * that is one long task in which the page already on screen (rendered by the server) ignores
 * the resident (Lighthouse counts it as Total Blocking Time; issue 16). `scheduler.yield()`
 * resumes before other queued work (Chromium 129+); elsewhere a timer does the same job.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
