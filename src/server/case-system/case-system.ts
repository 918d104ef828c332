/**
 * The seam between Loket and the system that holds the cases (issue 6 point 4). Loket's own
 * tables are the default (own-tables.ts); a real case system speaking the ZGW Zaken and
 * Documenten APIs (Open Zaak) can take their place behind this interface: see README.md here.
 *
 * The shapes follow ZGW: a case (zaak) with its case type (zaaktype), initiator (rol), status
 * history (status with statustype and statustoelichting), the one extension of the decision
 * term (verlenging), the result with its decision date (resultaat/besluit) and documents
 * (zaakinformatieobject). Rules (which status may follow, how long an extension may be, the
 * dates) are Loket's and stay outside: src/domain/casework.ts and deadlines.ts.
 */
import type { Kysely } from 'kysely';
import type { DecisionResult } from '../../domain/casework';
import type { IsoDate } from '../../domain/dates';
import type { Database } from '../db/schema';

interface CaseStatusEntry {
  statusType: string;
  setAt: Date;
  /** Explanation the resident reads with the status (statustoelichting) */
  note: string | null;
}

export interface CaseSnapshot {
  id: string;
  reference: string;
  /** Scheme code = zaaktype */
  caseType: string;
  municipalityCode: string;
  registeredOn: IsoDate;
  decisionTermWeeks: number;
  /** The initiator; the BSN stays on the server (audit keys, notifications) */
  resident: { bsn: string; name: string };
  /** Oldest first */
  statuses: CaseStatusEntry[];
  /** Repair requests (Awb 4:5): they suspend the decision term (Awb 4:15) */
  repairRequests: Array<{ requestedOn: IsoDate; dueDate: IsoDate; receivedOn: IsoDate | null }>;
  extension: { weeks: number; noticeOn: IsoDate; reason: string } | null;
  result: {
    resultType: DecisionResult | 'not_processed';
    decidedOn: IsoDate;
    letter: { documentId: string; title: string } | null;
  } | null;
}

interface NewLetter {
  title: string;
  fileName: string;
  contentType: 'application/pdf';
  bytes: Buffer;
  sha256: string;
  sentAt: Date;
}

/**
 * What Loket asks of a case system. Every change reports a conflict as a value rather than
 * throwing, so the routes answer with Loket's error codes whatever the system behind.
 */
export interface CaseSystem {
  /** One case by id; undefined when it does not exist (scope checks are the caller's) */
  findCase(caseId: string): Promise<CaseSnapshot | undefined>;
  /** The cases where this resident is the initiator, newest first */
  casesOfResident(bsn: string): Promise<CaseSnapshot[]>;
  changeStatus(caseId: string, status: CaseStatusEntry): Promise<void>;
  /** One extension per case (Awb 4:14): 'already_extended' when there is one */
  extendTerm(
    caseId: string,
    extension: { weeks: number; noticeOn: IsoDate; reason: string },
  ): Promise<'extended' | 'already_extended'>;
  /** Sets the result and the decision status together */
  recordDecision(
    caseId: string,
    decision: { result: DecisionResult; decidedOn: IsoDate; status: CaseStatusEntry },
  ): Promise<'recorded' | 'already_decided'>;
  /** Stores the letter as a document of the case and links it to the decision */
  attachLetter(caseId: string, letter: NewLetter): Promise<{ documentId: string } | 'no_decision' | 'letter_exists'>;
}

/**
 * A case system bound to a database handle: Loket's tables are written in the request's own
 * transaction (dbFor), so the change, its audit entry and its idempotency record commit
 * together. An external system ignores the handle.
 */
export type CaseSystemProvider = (db: Kysely<Database>, hooks?: CaseSystemHooks) => CaseSystem;

export interface CaseSystemHooks {
  /** Undo work outside the database (a stored file) when the request's transaction rolls back */
  onRollback?(undo: () => Promise<void>): void;
}
