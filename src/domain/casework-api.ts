/**
 * The API contract of the case worker's handling of a case (status, decision term, decision and
 * letter) and of the administrator's session list (issue 6 point 4), as TypeBox schemas.
 */
import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from './api';
import { CASE_RESULTS, DECISION_RESULTS } from './casework';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

const StatusRef = Type.Object({ code: Type.String(), label: LocalizedText });

/** What the case worker sees of a case's progress, and what they may do next. */
export const CaseHandling = Type.Object({
  status: StatusRef,
  /** Oldest first; `note` is the explanation the resident reads with the status */
  history: Type.Array(
    Type.Object({ status: StatusRef, setAt: IsoDateTime, note: Type.Union([Type.String(), Type.Null()]) }),
  ),
  /** The statuses that may follow the current one (case type data); never the decision status */
  allowedStatuses: Type.Array(StatusRef),
  /** Null once decided */
  decisionTerm: Type.Union([
    Type.Object({
      expectedDecisionDate: IsoDate,
      extension: Type.Union([
        Type.Object({ weeks: Type.Integer(), noticeOn: IsoDate, reason: Type.String() }),
        Type.Null(),
      ]),
      /** Longest extension the case type allows; 0 = none */
      maxExtensionWeeks: Type.Integer({ minimum: 0 }),
    }),
    Type.Null(),
  ]),
  decision: Type.Union([
    Type.Object({
      result: literals(CASE_RESULTS),
      decidedOn: IsoDate,
      letter: Type.Union([
        Type.Object({ documentId: Type.String({ format: 'uuid' }), title: Type.String() }),
        Type.Null(),
      ]),
    }),
    Type.Null(),
  ]),
});
export type CaseHandling = Static<typeof CaseHandling>;

export const CaseHandlingResponse = Type.Object({ handling: CaseHandling });
export type CaseHandlingResponse = Static<typeof CaseHandlingResponse>;

export const StatusChange = Type.Object({
  status: Type.String({ minLength: 1, maxLength: 60 }),
  /** Optional explanation the resident reads with the status (B1) */
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type StatusChange = Static<typeof StatusChange>;

export const TermExtension = Type.Object({
  weeks: Type.Integer({ minimum: 1, maximum: 52 }),
  /** The notice to the resident: why the decision takes longer (Awb 4:14) */
  notice: Text(1000),
});
export type TermExtension = Static<typeof TermExtension>;

export const DecisionInput = Type.Object({
  result: literals(DECISION_RESULTS),
  decidedOn: IsoDate,
});
export type DecisionInput = Static<typeof DecisionInput>;

export const StaffSessionInfo = Type.Object({
  /** An opaque id for this list (derived from the stored hash; never the token) */
  id: Type.String(),
  account: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), username: Type.String() }),
  startedAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  /** The session of the administrator asking */
  current: Type.Boolean(),
});
export type StaffSessionInfo = Static<typeof StaffSessionInfo>;
export const StaffSessionList = Type.Object({ sessions: Type.Array(StaffSessionInfo) });
export type StaffSessionList = Static<typeof StaffSessionList>;
export const SessionParams = Type.Object({ sessionId: Type.String({ maxLength: 100 }) });
