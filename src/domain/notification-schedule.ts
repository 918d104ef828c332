/**
 * When notifications happen, in Europe/Amsterdam time (issue 8 points 5 and 6): the moments of
 * the time-based reminders and the quiet hours for push. Pure functions; the server's worker
 * calls them with its clock. Wall-clock times go through amsterdamInstant, so a reminder at
 * 09:00 is at 09:00 in the Netherlands on both sides of a DST change.
 */
import { amsterdamInstant, amsterdamWallClock } from './availability-time';
import { addDays, type IsoDate } from './dates';
import type { NotificationEventType } from './notification-events';

/** "Your document is due in 2 days": at 09:00, two days before the due date. */
const DUE_SOON_AT = '09:00';
/** "Today is the last day": at 08:00 on the due date. */
const DUE_TODAY_AT = '08:00';
/** "You have an appointment tomorrow": at 09:00 the day before. */
const APPOINTMENT_TOMORROW_AT = '09:00';

/** No push between these times (Amsterdam), except on the day of a deadline. */
const QUIET_FROM = '22:00';
const QUIET_UNTIL = '08:00';

export interface ReminderWindow {
  /** The moment it should be sent */
  from: Date;
  /** After this it is too late (a stale reminder says the wrong thing) */
  until: Date;
}

/** Window of the "due in 2 days" reminder: D-2 09:00 until the start of D-1. */
export function dueSoonWindow(dueDate: IsoDate): ReminderWindow {
  return {
    from: amsterdamInstant(addDays(dueDate, -2), DUE_SOON_AT),
    until: amsterdamInstant(addDays(dueDate, -1), '00:00'),
  };
}

/** Window of the "due today" reminder: D 08:00 until the end of D. */
export function dueTodayWindow(dueDate: IsoDate): ReminderWindow {
  return { from: amsterdamInstant(dueDate, DUE_TODAY_AT), until: amsterdamInstant(addDays(dueDate, 1), '00:00') };
}

/** Window of the "appointment tomorrow" reminder: the day before 09:00 until the appointment. */
export function appointmentTomorrowWindow(startsAt: Date): ReminderWindow {
  const { date } = amsterdamWallClock(startsAt);
  return { from: amsterdamInstant(addDays(date, -1), APPOINTMENT_TOMORROW_AT), until: startsAt };
}

export function isWithin(window: ReminderWindow, now: Date): boolean {
  return now.getTime() >= window.from.getTime() && now.getTime() < window.until.getTime();
}

/** Events that are the deadline day itself: these may wake a resident during quiet hours. */
const DEADLINE_DAY_EVENTS: ReadonlySet<NotificationEventType> = new Set(['document_due_today']);

/**
 * The earliest moment a push for `type` may be sent, given `now`: now itself, or 08:00 (Amsterdam)
 * when `now` falls in the quiet hours 22:00-08:00 and the event is not a deadline-day reminder.
 */
export function pushAllowedFrom(now: Date, type: NotificationEventType, quietHours: boolean): Date {
  if (!quietHours || DEADLINE_DAY_EVENTS.has(type)) return now;
  const { date, time } = amsterdamWallClock(now);
  if (time >= QUIET_FROM) return amsterdamInstant(addDays(date, 1), QUIET_UNTIL);
  if (time < QUIET_UNTIL) return amsterdamInstant(date, QUIET_UNTIL);
  return now;
}
