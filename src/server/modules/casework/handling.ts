/**
 * The case worker's view of a case's handling and the rules for changing it (issue 6 point 4):
 * which status may follow (src/domain/casework.ts), the decision term with its one extension
 * (src/domain/deadlines.ts, the same rules the resident sees), the decision and its letter.
 */
import type { LocalizedText } from '../../../domain/api';
import type { CaseHandling } from '../../../domain/casework-api';
import { allowedNextStatuses } from '../../../domain/casework';
import { findScheme, type Consortium } from '../../../domain/consortium';
import type { IsoDate } from '../../../domain/dates';
import { decisionTerm, suspensionForRepairRequest, type DecisionTerm } from '../../../domain/deadlines';
import type { CaseSnapshot } from '../../case-system/index';

export function currentStatus(snapshot: CaseSnapshot): string {
  return snapshot.statuses.at(-1)?.statusType ?? 'received';
}

/** The decision term as the resident sees it, with `extraExtension` as if it were given. */
export function termOf(
  snapshot: Pick<CaseSnapshot, 'registeredOn' | 'decisionTermWeeks' | 'extension' | 'repairRequests'>,
  today: IsoDate,
  extraExtension?: { weeks: number; noticeOn: IsoDate },
): DecisionTerm {
  const extension =
    extraExtension ??
    (snapshot.extension ? { weeks: snapshot.extension.weeks, noticeOn: snapshot.extension.noticeOn } : null);
  return decisionTerm({
    submittedOn: snapshot.registeredOn,
    termWeeks: snapshot.decisionTermWeeks,
    extension,
    suspensions: snapshot.repairRequests.map((r) =>
      suspensionForRepairRequest({
        invitedOn: r.requestedOn,
        repairTermEndsOn: r.dueDate,
        completedOn: r.receivedOn,
        today,
      }),
    ),
    today,
  });
}

export function toHandling(snapshot: CaseSnapshot, consortium: Consortium, today: IsoDate): CaseHandling {
  const scheme = findScheme(consortium, snapshot.caseType);
  const label = (code: string): LocalizedText =>
    scheme?.statusTypes.find((t) => t.code === code)?.label ?? { nl: code, en: code };
  const current = currentStatus(snapshot);
  return {
    status: { code: current, label: label(current) },
    history: snapshot.statuses.map((s) => ({
      status: { code: s.statusType, label: label(s.statusType) },
      setAt: s.setAt.toISOString(),
      note: s.note,
    })),
    allowedStatuses: scheme ? allowedNextStatuses(scheme, current).map((t) => ({ code: t.code, label: t.label })) : [],
    decisionTerm: snapshot.result
      ? null
      : {
          expectedDecisionDate: termOf(snapshot, today).expectedDecisionDate,
          extension: snapshot.extension,
          maxExtensionWeeks: scheme?.maxExtensionWeeks ?? 0,
        },
    decision: snapshot.result
      ? { result: snapshot.result.resultType, decidedOn: snapshot.result.decidedOn, letter: snapshot.result.letter }
      : null,
  };
}
