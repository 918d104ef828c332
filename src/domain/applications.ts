/**
 * What an application asks of the resident, apart from what it tells them. Shared by the server
 * (the list's one "next action") and the client (the application page: "Wat moet u doen?" holds
 * actions only, "Belangrijke datums" holds dates and rights). Pure and free of the holiday
 * rules: every legal date arrives already computed (src/domain/deadlines.ts, on the server), so
 * the browser can import this file.
 */
import { compareDates, daysBetween, type IsoDate } from './dates';
import { isStillAskedFor, type DocumentRequestState } from './documents';

/** The one line an application shows in the list: what matters next, with its date. */
export const NEXT_ACTION_KINDS = [
  'send_documents',
  /** Debt help (Wgs art. 4): the first conversation, before any decision is in sight */
  'first_conversation',
  'wait_for_decision',
  'objection_possible',
  'none',
] as const;
type NextActionKind = (typeof NEXT_ACTION_KINDS)[number];

/**
 * A date is urgent when missing it costs the resident something and it is close: within a week
 * or already past. One rule for the whole page, so red stays rare and means "act now".
 */
export const URGENT_WITHIN_DAYS = 7;
export const isUrgentDate = (date: IsoDate, today: IsoDate) => daysBetween(today, date) <= URGENT_WITHIN_DAYS;

/** What the rules need to know of an application, whatever shape the caller holds it in. */
export interface ApplicationFacts {
  requests: ReadonlyArray<{ state: DocumentRequestState; dueDate: IsoDate }>;
  decision: { decidedOn: IsoDate; objectionDeadline: IsoDate; hasLetter: boolean } | null;
  /** After extension and suspension (Awb 4:14, 4:15); null once decided */
  expectedDecisionDate: IsoDate | null;
  debtHelp: { urgent: boolean; firstConversationDueDate: IsoDate } | null;
}

interface NextAction {
  kind: NextActionKind;
  dueDate: IsoDate | null;
}

const earliest = (dates: IsoDate[]) => [...dates].sort(compareDates)[0] ?? null;

/**
 * The one thing that matters next: documents we still ask for come first (missing the repair
 * term can end the application, Awb 4:5); then, once decided, the objection term (Awb 6:7);
 * for debt help the first conversation while it is still ahead (3 working days when urgent);
 * otherwise the expected decision.
 */
export function nextActionFor(facts: ApplicationFacts, today: IsoDate): NextAction {
  const asked = facts.requests.filter((r) => isStillAskedFor(r.state));
  if (asked.length > 0) return { kind: 'send_documents', dueDate: earliest(asked.map((r) => r.dueDate)) };
  if (facts.decision) {
    return compareDates(today, facts.decision.objectionDeadline) <= 0
      ? { kind: 'objection_possible', dueDate: facts.decision.objectionDeadline }
      : { kind: 'none', dueDate: null };
  }
  const conversation = facts.debtHelp?.firstConversationDueDate;
  if (conversation && compareDates(today, conversation) <= 0)
    return { kind: 'first_conversation', dueDate: conversation };
  return { kind: 'wait_for_decision', dueDate: facts.expectedDecisionDate };
}

/** Things only the resident can do, each with its own button. */
export type ResidentAction =
  | { kind: 'send_documents'; dueDate: IsoDate; urgent: boolean; late: boolean }
  | { kind: 'book_first_conversation'; dueDate: IsoDate; urgent: boolean }
  | { kind: 'read_decision' };

/** The page looks each kind up as keyDates.<kind> (i18n/usage.test.ts checks them). */
export const KEY_DATE_KINDS = ['first_conversation', 'decision_expected', 'decided_on', 'objection_until'] as const;
type KeyDateKind = (typeof KEY_DATE_KINDS)[number];

/**
 * A date to know, not a task: shown in a data list, in the urgent style only when `urgent`.
 * Today no key date is: the tasks carry the urgent dates, rights and expectations never are.
 */
export interface KeyDate {
  kind: KeyDateKind;
  date: IsoDate;
  urgent: boolean;
  /** The day is over (the objection term closed, the first conversation was due) */
  passed: boolean;
}

export interface Guidance {
  actions: ResidentAction[];
  dates: KeyDate[];
}

/**
 * Splits an application into what to do and what to know. Objecting is a right, never listed
 * as a task (a resident read "Bezwaar maken kan tot en met" as an instruction to object);
 * the expected decision is something to wait for. Urgent debt help replaces the decision date
 * with the first conversation, which is what the resident waits for first.
 */
export function guidanceFor(facts: ApplicationFacts, today: IsoDate): Guidance {
  const actions: ResidentAction[] = [];
  const dates: KeyDate[] = [];
  const passed = (date: IsoDate) => compareDates(today, date) > 0;

  const next = nextActionFor(facts, today);
  if (next.kind === 'send_documents' && next.dueDate) {
    actions.push({
      kind: 'send_documents',
      dueDate: next.dueDate,
      urgent: isUrgentDate(next.dueDate, today),
      late: passed(next.dueDate),
    });
  }

  if (facts.decision) {
    if (facts.decision.hasLetter) actions.push({ kind: 'read_decision' });
    dates.push({ kind: 'decided_on', date: facts.decision.decidedOn, urgent: false, passed: true });
    const until = facts.decision.objectionDeadline;
    dates.push({ kind: 'objection_until', date: until, urgent: false, passed: passed(until) });
    return { actions, dates };
  }

  const debtHelp = facts.debtHelp;
  if (debtHelp) {
    const due = debtHelp.firstConversationDueDate;
    const ahead = !passed(due);
    if (ahead) actions.push({ kind: 'book_first_conversation', dueDate: due, urgent: debtHelp.urgent });
    // Not red here: the task above carries the date in the urgent style, and the same date
    // twice in red would compete with itself.
    dates.push({ kind: 'first_conversation', date: due, urgent: false, passed: !ahead });
    // Urgent: the conversation within 3 working days is what matters; a decision date weeks
    // away beside it would only compete with it.
    if (debtHelp.urgent && ahead) return { actions, dates };
  }
  if (facts.expectedDecisionDate) {
    dates.push({ kind: 'decision_expected', date: facts.expectedDecisionDate, urgent: false, passed: false });
  }
  return { actions, dates };
}
