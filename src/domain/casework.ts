/**
 * The case worker's rules for moving a case along its case type (issue 6 point 4), from the
 * consortium data alone (no code per scheme). Status types are ZGW statustypen in order
 * (array order = volgnummer); a final type (`final`, isEindstatus) closes a phase:
 *   phase 1: received, in_progress, information_requested -> decided (final)
 *   phase 2: objection_received -> objection_decided (final)
 * Within the open phase a case worker may set any of its other status types, forwards or back
 * (information requested and back to in progress), but not its first (entry) type again.
 * A final status moves on only to the first type of the next phase. The status that closes
 * the application itself (the scheme's first final type, 'decided') is never set by hand: it
 * comes with recording the decision, so a resident never sees "decided" without a decision.
 */
import type { Scheme, StatusTypeDefinition } from './consortium-schema';

/** The status type that recording a decision sets: the first final type of the scheme. */
export function decisionStatusType(scheme: Scheme): StatusTypeDefinition | undefined {
  return scheme.statusTypes.find((t) => t.final);
}

/** The status types a case worker may set next, in the order of the case type. */
export function allowedNextStatuses(scheme: Scheme, current: string): StatusTypeDefinition[] {
  const types = scheme.statusTypes;
  const decision = decisionStatusType(scheme);
  const at = Math.max(
    0,
    types.findIndex((t) => t.code === current),
  );
  if (types[at]!.final) return types.slice(at + 1, at + 2);
  let start = at;
  while (start > 0 && !types[start - 1]!.final) start -= 1;
  let end = at;
  while (end < types.length - 1 && !types[end]!.final) end += 1;
  return types.slice(start + 1, end + 1).filter((t) => t.code !== types[at]!.code && t !== decision);
}

export const DECISION_RESULTS = ['granted', 'partly_granted', 'rejected'] as const;
export type DecisionResult = (typeof DECISION_RESULTS)[number];
/** A case's result: a decision, or closed without one (withdrawn, not taken into handling). */
export const CASE_RESULTS = [...DECISION_RESULTS, 'not_processed'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];
