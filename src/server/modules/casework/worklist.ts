/**
 * The case worker's worklist (issue 14): what waits for them in their municipalities, one row
 * per case and kind of work. Dates are computed here on every look, as everywhere (the decision
 * term from src/domain/deadlines.ts through termOf), never stored.
 */
import type { Consortium } from '../../../domain/consortium';
import { addDays, amsterdamDateOf, compareDates, type IsoDate } from '../../../domain/dates';
import {
  DECISION_HORIZON_DAYS,
  REPAIR_TERM_HORIZON_DAYS,
  WORK_KINDS,
  type WorkItem,
  type WorkKind,
} from '../../../domain/questions-api';
import type { CaseWorkload } from '../../case-system/index';
import { termOf } from './handling';

const earliest = (dates: IsoDate[]): IsoDate => dates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));

/** The rows of one case: at most one per kind of work */
function itemsOf(work: CaseWorkload, today: IsoDate): Array<{ kind: WorkKind; count: number; date: IsoDate }> {
  const items: Array<{ kind: WorkKind; count: number; date: IsoDate }> = [];
  const received = work.requests.filter((r) => r.state === 'received');
  if (received.length > 0) {
    items.push({
      kind: 'documents_to_judge',
      count: received.length,
      date: earliest(received.map((r) => r.receivedOn ?? today)),
    });
  }
  if (work.openQuestionsAskedAt.length > 0) {
    items.push({
      kind: 'questions_to_answer',
      count: work.openQuestionsAskedAt.length,
      date: amsterdamDateOf(work.openQuestionsAskedAt[0]!),
    });
  }
  const horizon = addDays(today, REPAIR_TERM_HORIZON_DAYS);
  // Waiting for the resident (open, or rejected and to be sent again), due within the horizon
  // or already past: the case worker decides what happens next (Awb 4:5: not handling it).
  const ending = work.requests.filter(
    (r) => (r.state === 'open' || r.state === 'rejected') && compareDates(r.dueDate, horizon) <= 0,
  );
  if (ending.length > 0) {
    items.push({ kind: 'repair_term_ending', count: ending.length, date: earliest(ending.map((r) => r.dueDate)) });
  }
  if (!work.decided) {
    const expected = termOf(work.term, today).expectedDecisionDate;
    if (compareDates(expected, addDays(today, DECISION_HORIZON_DAYS)) <= 0) {
      items.push({ kind: 'decision_due', count: 1, date: expected });
    }
  }
  return items;
}

/** Every row, grouped by kind (in WORK_KINDS order), the longest waiting or soonest ending first. */
export function worklistItems(workload: readonly CaseWorkload[], consortium: Consortium, today: IsoDate): WorkItem[] {
  const rows = workload.flatMap((work) => {
    const scheme = consortium.schemes.find((s) => s.code === work.caseType);
    const municipality = consortium.municipalities.find((m) => m.code === work.municipalityCode);
    return itemsOf(work, today).map((item) => ({
      ...item,
      caseId: work.id,
      reference: work.reference,
      scheme: scheme?.name ?? { nl: work.caseType, en: work.caseType },
      municipality: municipality?.name ?? work.municipalityCode,
    }));
  });
  return rows.sort(
    (a, b) =>
      WORK_KINDS.indexOf(a.kind) - WORK_KINDS.indexOf(b.kind) ||
      compareDates(a.date, b.date) ||
      a.reference.localeCompare(b.reference),
  );
}
