/**
 * The dates a resident must see exactly: when a decision is due, until when an objection can
 * be made, when the first debt-help conversation must take place, and whether a requested
 * document is late. Pure functions; server-only because working days need ./holidays.
 *
 * Dutch term counting: a term "within N weeks after X" starts the day after X, so its last day
 * is the same weekday N weeks after X (X + 7N days).
 */
import { addDays, addWeeks, compareDates, daysBetween, isIsoDate, maxDate, type IsoDate } from './dates';
import { addWorkingDays, applyAlgemeneTermijnenwet } from './working-days';
import type { DocumentRequestState, StoredDocumentRequestState } from './documents';

/** Awb 4:14: the municipality may extend the decision term once, by notice to the applicant. */
export interface DecisionTermExtension {
  weeks: number;
  noticeOn: IsoDate;
}

/**
 * Awb 4:15 lid 1 sub a: suspended "met ingang van de dag na" the invitation to complete the
 * application (Awb 4:5) "tot de dag waarop" it is completed or the repair term passed unused.
 * `from` is the first suspended day (the day AFTER the invitation); `to` is the day the term
 * runs again and is itself not suspended ("tot", not "tot en met"). `to: null` means still
 * open: the suspension then counts through `today`. Use suspensionForRepairRequest to build it.
 */
export interface DecisionTermSuspension {
  from: IsoDate;
  to: IsoDate | null;
}

export interface DecisionTermInput {
  /** Day the application was received (Awb 4:13: the term runs "na ontvangst"). */
  submittedOn: IsoDate;
  /** 8 for bijstand: the Participatiewet sets no term of its own, so Awb 4:13 lid 2 applies. */
  termWeeks: number;
  /** A single object on purpose: there is no second extension to pass. */
  extension: DecisionTermExtension | null;
  suspensions: readonly DecisionTermSuspension[];
  today: IsoDate;
}

export interface DecisionTerm {
  /** submittedOn + termWeeks, before extension, suspension and Atw. */
  statutoryDueDate: IsoDate;
  suspendedDays: number;
  suspendedNow: boolean;
  /** The last day the municipality may decide; what the resident sees. */
  expectedDecisionDate: IsoDate;
}

function assertDate(d: unknown, field: string): asserts d is IsoDate {
  if (!isIsoDate(d)) throw new RangeError(`INVALID_DATE: ${field}=${JSON.stringify(d)}`);
}

function assertPositiveWeeks(n: number, field: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`INVALID_WEEKS: ${field}=${n}`);
}

/** Guards against callers (e.g. a database row of all extensions) that bypass the type. */
function singleExtension(extension: unknown): DecisionTermExtension | null {
  if (!Array.isArray(extension)) return extension as DecisionTermExtension | null;
  if (extension.length > 1) {
    throw new RangeError('DECISION_TERM_EXTENDED_TWICE: Awb 4:14 allows one extension');
  }
  return (extension[0] as DecisionTermExtension | undefined) ?? null;
}

/** Half-open day range [start, end). */
interface DayRange {
  start: IsoDate;
  end: IsoDate;
}

/** Overlapping or touching suspensions merge, so no day is counted twice. */
function suspendedRanges(suspensions: readonly DecisionTermSuspension[], today: IsoDate): DayRange[] {
  const ranges: DayRange[] = [];
  for (const s of suspensions) {
    assertDate(s.from, 'suspension.from');
    if (s.to !== null) assertDate(s.to, 'suspension.to');
    if (s.to !== null && compareDates(s.to, s.from) < 0) {
      throw new RangeError(`SUSPENSION_ENDS_BEFORE_START: ${s.from}..${s.to}`);
    }
    const end = s.to ?? addDays(today, 1);
    if (compareDates(end, s.from) > 0) ranges.push({ start: s.from, end });
  }
  ranges.sort((a, b) => compareDates(a.start, b.start));
  const merged: DayRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && compareDates(range.start, last.end) <= 0) last.end = maxDate(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

type TermEvent = { on: IsoDate; days: number; range: DayRange | null };

/**
 * Extensions and suspensions only act on a running term: Awb 4:14 lid 3 requires the notice
 * "binnen deze termijn", and a term that has lapsed cannot be suspended. So events are applied
 * in date order and stop at the first one that comes after the (Atw-extended) last day. A
 * suspension's event day is the invitation, the day before its first suspended day.
 */
export function decisionTerm(input: DecisionTermInput): DecisionTerm {
  const { submittedOn, termWeeks, suspensions, today } = input;
  assertDate(submittedOn, 'submittedOn');
  assertDate(today, 'today');
  assertPositiveWeeks(termWeeks, 'termWeeks');
  const extension = singleExtension(input.extension);
  const events: TermEvent[] = suspendedRanges(suspensions, today).map((range) => ({
    on: addDays(range.start, -1),
    days: daysBetween(range.start, range.end),
    range,
  }));
  if (extension) {
    assertDate(extension.noticeOn, 'extension.noticeOn');
    assertPositiveWeeks(extension.weeks, 'extension.weeks');
    events.push({ on: extension.noticeOn, days: extension.weeks * 7, range: null });
  }
  events.sort((a, b) => compareDates(a.on, b.on));

  const statutoryDueDate = addWeeks(submittedOn, termWeeks);
  let due = statutoryDueDate;
  let suspendedDays = 0;
  let suspendedNow = false;
  for (const event of events) {
    if (compareDates(event.on, applyAlgemeneTermijnenwet(due)) > 0) break;
    due = addDays(due, event.days);
    if (!event.range) continue;
    suspendedDays += event.days;
    const { start, end } = event.range;
    if (compareDates(start, today) <= 0 && compareDates(today, end) < 0) suspendedNow = true;
  }
  return {
    statutoryDueDate,
    suspendedDays,
    suspendedNow,
    expectedDecisionDate: applyAlgemeneTermijnenwet(due),
  };
}

export interface RepairRequest {
  /** Day the municipality invited the applicant to complete the application (Awb 4:5). */
  invitedOn: IsoDate;
  /** Last day of the repair term (hersteltermijn). Without a term there is no suspension
   * (ABRvS 21 September 2016, ECLI:NL:RVS:2016:2527), so this is required. */
  repairTermEndsOn: IsoDate;
  completedOn: IsoDate | null;
  today: IsoDate;
}

/**
 * The Awb 4:15 lid 1 sub a suspension for one repair request. A repair term "ongebruikt
 * verstreken" has passed at the end of its last day, so its last day stays suspended; a late
 * completion does not stretch the suspension beyond that.
 */
export function suspensionForRepairRequest(request: RepairRequest): DecisionTermSuspension {
  const { invitedOn, repairTermEndsOn, completedOn, today } = request;
  const from = addDays(invitedOn, 1);
  const lapsedOn = addDays(repairTermEndsOn, 1);
  if (completedOn !== null) {
    const endsOn = compareDates(completedOn, lapsedOn) < 0 ? completedOn : lapsedOn;
    return { from, to: maxDate(from, endsOn) };
  }
  return { from, to: compareDates(today, lapsedOn) >= 0 ? maxDate(from, lapsedOn) : null };
}

/**
 * Last day to object. Awb 6:7: six weeks; Awb 6:8 lid 1: from the day after the decision was
 * made known (decidedOn = the day it was sent); Atw art. 1 for weekends and holidays.
 */
export function objectionDeadline(decidedOn: IsoDate): IsoDate {
  return applyAlgemeneTermijnenwet(addWeeks(decidedOn, 6));
}

/**
 * Wet gemeentelijke schuldhulpverlening art. 4: a first conversation within four weeks of the
 * request (a statutory term, so Atw art. 1 applies), or within three working days when there is
 * a threat of eviction, cut-off of energy or water, or cancellation of health insurance.
 */
export function debtHelpFirstConversationDueDate(requestedOn: IsoDate, urgent: boolean): IsoDate {
  return urgent ? addWorkingDays(requestedOn, 3) : applyAlgemeneTermijnenwet(addWeeks(requestedOn, 4));
}

/** Calendar days from today to the due date: 0 on the due date itself, negative when late. */
export function daysLeft(dueDate: IsoDate, today: IsoDate): number {
  return daysBetween(today, dueDate);
}

/** Overdue only from the day after the due date: the due date itself is still on time. */
export function documentRequestState(
  stored: StoredDocumentRequestState,
  dueDate: IsoDate,
  today: IsoDate,
): DocumentRequestState {
  return stored === 'open' && compareDates(today, dueDate) > 0 ? 'overdue' : stored;
}
