/**
 * Work the first screen does not need (the service worker and its update check, the outbox's
 * runtime) waits until the page has loaded AND its first screen is painted. Waiting for 'load'
 * alone was not enough once the app mounts after its data (setup/first-screen.ts): 'load'
 * then comes first, and those downloads and their start-up competed with the first screen for
 * a slow phone's network and processor (issue 7). Not later than that, though (no idle
 * callback): the runtime remembers the signed-in resident for reading offline, and a phone
 * that loses its network a moment after the page showed must still find them.
 * Kept free of imports: pwa.ts and offline/install.ts are in every page's first load.
 */
let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/** main.ts, right after mounting the app. */
export function firstScreenShown(): void {
  markShown();
}

const loaded = (): Promise<void> =>
  document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));

/** In the task after the next frame: the first screen is painted by then. */
function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

export function afterFirstScreen(task: () => void): void {
  void Promise.all([loaded(), shown]).then(() => afterNextPaint(task));
}
