/**
 * Turns stored cases into what the resident reads: the status in plain words, the dates that
 * the law sets (computed by the rules in src/domain, never stored), and the next thing to do.
 */
import type {
  ApplicationDetail,
  ApplicationSummary,
  DocumentRequest,
  LocalizedText,
  NextAction,
  Question,
} from '../../../domain/api';
import { findScheme, type Consortium } from '../../../domain/consortium';
import { nextActionFor } from '../../../domain/applications';
import { compareDates, type IsoDate } from '../../../domain/dates';
import {
  debtHelpFirstConversationDueDate,
  decisionTerm,
  documentRequestState,
  objectionDeadline,
  suspensionForRepairRequest,
} from '../../../domain/deadlines';
import type { CaseRecord } from '../../case-system/index';

/** Case property (ZGW zaakeigenschap) that marks a debt-help request as urgent (Wgs art. 4). */
export const URGENCY_PROPERTY = 'urgency';

function schemeOf(consortium: Consortium, record: CaseRecord) {
  const scheme = findScheme(consortium, record.case.case_type);
  const municipality = consortium.municipalities.find((m) => m.code === record.case.municipality_code);
  const localName = municipality?.schemes.find((s) => s.scheme === record.case.case_type)?.localName;
  const name: LocalizedText = localName ?? scheme?.name ?? { nl: record.case.case_type, en: record.case.case_type };
  return { scheme, name };
}

function statusLabel(consortium: Consortium, record: CaseRecord, code: string): LocalizedText {
  const type = findScheme(consortium, record.case.case_type)?.statusTypes.find((s) => s.code === code);
  return type?.label ?? { nl: code, en: code };
}

function requestsOf(record: CaseRecord, today: IsoDate): DocumentRequest[] {
  return record.requests.map((r) => ({
    id: r.id,
    title: { nl: r.title_nl, en: r.title_en },
    reason: { nl: r.reason_nl, en: r.reason_en },
    requestedOn: r.requested_on,
    dueDate: r.due_date,
    state: documentRequestState(r.state, r.due_date, today),
    rejectionReason: r.state === 'rejected' ? r.rejection_reason : null,
  }));
}

/** Each document request is an invitation to complete the application (Awb 4:5, 4:15). */
function suspensionsOf(record: CaseRecord, today: IsoDate) {
  return record.requests.map((r) =>
    suspensionForRepairRequest({
      invitedOn: r.requested_on,
      repairTermEndsOn: r.due_date,
      completedOn: r.received_on,
      today,
    }),
  );
}

function decisionTermOf(record: CaseRecord, today: IsoDate) {
  const ext = record.extension;
  const term = decisionTerm({
    submittedOn: record.case.registered_on,
    termWeeks: record.case.decision_term_weeks,
    extension: ext ? { weeks: ext.weeks, noticeOn: ext.notice_on } : null,
    suspensions: suspensionsOf(record, today),
    today,
  });
  return {
    ...term,
    extension: ext ? { weeks: ext.weeks, noticeOn: ext.notice_on, reason: ext.reason } : null,
  };
}

function decisionOf(record: CaseRecord) {
  const result = record.result;
  if (!result) return null;
  return {
    result: result.result_type,
    decidedOn: result.decided_on,
    objectionDeadline: objectionDeadline(result.decided_on),
    letter: result.letter_document_id
      ? { documentId: result.letter_document_id, title: result.letter_title ?? '' }
      : null,
  };
}

function nextActionOf(consortium: Consortium, record: CaseRecord, today: IsoDate): NextAction {
  const decision = decisionOf(record);
  return nextActionFor(
    {
      requests: requestsOf(record, today),
      decision: decision && { ...decision, hasLetter: decision.letter !== null },
      expectedDecisionDate: decision ? null : decisionTermOf(record, today).expectedDecisionDate,
      debtHelp: debtHelpOf(consortium, record),
    },
    today,
  );
}

/** Debt help (Wgs): when the first conversation is due; urgent when the case says so. */
function debtHelpOf(consortium: Consortium, record: CaseRecord) {
  if (schemeOf(consortium, record).scheme?.kind !== 'schuldhulpverlening') return null;
  const urgent = record.properties.has(URGENCY_PROPERTY);
  return { urgent, firstConversationDueDate: debtHelpFirstConversationDueDate(record.case.registered_on, urgent) };
}

export function toSummary(consortium: Consortium, record: CaseRecord, today: IsoDate): ApplicationSummary {
  const { name } = schemeOf(consortium, record);
  const current = record.statuses.at(-1);
  const statusCode = current?.status_type ?? 'received';
  return {
    id: record.case.id,
    reference: record.case.reference,
    scheme: { code: record.case.case_type, name },
    submittedOn: record.case.registered_on,
    status: { code: statusCode, label: statusLabel(consortium, record, statusCode) },
    nextAction: nextActionOf(consortium, record, today),
  };
}

export function toDetail(consortium: Consortium, record: CaseRecord, today: IsoDate): ApplicationDetail {
  const decision = decisionOf(record);
  return {
    ...toSummary(consortium, record, today),
    statusHistory: record.statuses.map((s) => ({
      status: { code: s.status_type, label: statusLabel(consortium, record, s.status_type) },
      setAt: s.set_at.toISOString(),
      note: s.note,
    })),
    decisionTerm: decision ? null : decisionTermOf(record, today),
    documentRequests: requestsOf(record, today),
    decision,
    debtHelp: debtHelpOf(consortium, record),
    questions: record.questions.map(toQuestion),
  };
}

export function toQuestion(q: CaseRecord['questions'][number]): Question {
  return {
    id: q.id,
    text: q.text,
    askedAt: q.asked_at.toISOString(),
    answer: q.answer,
    answeredAt: q.answered_at?.toISOString() ?? null,
  };
}

/**
 * Questions are for applications still in play: once decided and the objection term is over,
 * the case is closed and the resident is pointed to the phone instead.
 */
export function isClosedForQuestions(record: CaseRecord, today: IsoDate): boolean {
  const decision = decisionOf(record);
  return decision !== null && compareDates(today, decision.objectionDeadline) > 0;
}

/** Applications that need the resident come first, then the newest. */
export function byUrgency(a: ApplicationSummary, b: ApplicationSummary): number {
  const rank = (s: ApplicationSummary) => (s.nextAction.kind === 'send_documents' ? 0 : 1);
  return rank(a) - rank(b) || compareDates(b.submittedOn, a.submittedOn);
}
