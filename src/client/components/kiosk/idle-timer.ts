/**
 * The kiosk's idle timer: after IDLE_MS without input (pointer, key, touch, scroll, wheel) it
 * warns, and WARNING_MS later it ends the session unless the resident chose to continue.
 *
 * Time comes from Date.now and setTimeout only, so a browser test can run it with Playwright's
 * page.clock and a component test with vi.useFakeTimers. The countdown is computed from a
 * deadline, not by counting ticks: a throttled background tab or a sleeping device still ends
 * on time (the first tick after waking sees the deadline has passed).
 */

/** 3 minutes without input (issue #6): then the warning. */
const IDLE_MS = 3 * 60_000;
/** The warning's countdown: 60 seconds. */
const WARNING_MS = 60_000;

/** What the resident did that counts as being there. Captured, passive: never in the way. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'scroll', 'wheel'] as const;

export interface IdleTimerCallbacks {
  /** The warning starts (or the seconds left change while it shows). */
  onWarning: (secondsLeft: number) => void;
  /** The countdown reached 0: end the session. */
  onTimeout: () => void;
}

export interface IdleTimer {
  /** "Doorgaan": hide the warning and start counting from zero again. */
  resume: () => void;
  /** Removes the listeners and timers (the session ended, the component unmounts). */
  stop: () => void;
}

export function startIdleTimer(callbacks: IdleTimerCallbacks, target: EventTarget = window): IdleTimer {
  let lastActivity = Date.now();
  let warningUntil: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function schedule(wait: number): void {
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(wait, 0));
  }

  function check(): void {
    if (stopped) return;
    const now = Date.now();
    if (warningUntil === null) {
      const idleFor = now - lastActivity;
      if (idleFor < IDLE_MS) return schedule(IDLE_MS - idleFor);
      warningUntil = now + WARNING_MS;
    }
    const left = warningUntil - now;
    if (left <= 0) {
      stop();
      callbacks.onTimeout();
      return;
    }
    callbacks.onWarning(Math.ceil(left / 1000));
    // The next whole second of the countdown (or the end).
    schedule(left % 1000 || 1000);
  }

  // Input while the warning shows does not dismiss it: only "Doorgaan" does, so a stray touch
  // on a screen someone walked away from does not keep their session open.
  function onActivity(): void {
    if (warningUntil === null) lastActivity = Date.now();
  }

  function resume(): void {
    warningUntil = null;
    lastActivity = Date.now();
    schedule(IDLE_MS);
  }

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
  }

  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { capture: true, passive: true });
  schedule(IDLE_MS);
  return { resume, stop };
}
