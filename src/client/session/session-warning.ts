/**
 * When to warn that a session is about to end (issue 14, WCAG 2.2.1 "Timing adjustable": a
 * warning with at least 20 seconds to extend). The server ends a session 15 minutes after the
 * last request (idle) or 12 hours after login (absolute); it tells us both deadlines
 * (/api/me, and the idle one on every answer). Two minutes before the earlier one a dialog asks
 * whether to stay signed in: any request renews the idle deadline, never the absolute one.
 */

/** How long before the end the warning comes. */
const SESSION_WARNING_MS = 2 * 60_000;

export interface WarningPlan {
  /** Milliseconds from now until the warning shows (0: at once) */
  warnIn: number;
  /** When the session ends (epoch ms) unless renewed */
  endsAt: number;
  /** A request moves the end (false: the absolute end, renewing does not help) */
  extendable: boolean;
}

export function warningPlan(
  deadlines: { idleExpiresAt: string; absoluteExpiresAt: string },
  now: number,
): WarningPlan | null {
  const idle = Date.parse(deadlines.idleExpiresAt);
  const absolute = Date.parse(deadlines.absoluteExpiresAt);
  if (Number.isNaN(idle) || Number.isNaN(absolute)) return null;
  const endsAt = Math.min(idle, absolute);
  if (endsAt <= now) return null; // over already: the expiry check ends it
  return { warnIn: Math.max(endsAt - SESSION_WARNING_MS - now, 0), endsAt, extendable: idle < absolute };
}
