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
import type { Kysely, Selectable } from 'kysely';
import type { DecisionResult } from '../../domain/casework';
import type { IsoDate } from '../../domain/dates';
import type { Database, DocumentRequestsTable, DocumentsTable } from '../db/schema';
import type { CaseRecord } from './resident-cases';
import type { StaffCaseRow } from './staff-cases';

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

/** A case that asks something of a case worker (the worklist), with what its terms depend on */
export interface CaseWorkload {
  id: string;
  reference: string;
  caseType: string;
  municipalityCode: string;
  /** The initiator, for the audit entry of the list; never sent to the client */
  residentBsn: string;
  /** The decision term's inputs (as in CaseSnapshot); `decided` cases have no running term */
  term: Pick<CaseSnapshot, 'registeredOn' | 'decisionTermWeeks' | 'extension' | 'repairRequests'>;
  decided: boolean;
  requests: Array<{
    id: string;
    state: Selectable<DocumentRequestsTable>['state'];
    dueDate: IsoDate;
    receivedOn: IsoDate | null;
  }>;
  /** When each question without an answer was asked, oldest first */
  openQuestionsAskedAt: Date[];
}

/** A resident's question as the case worker reads it */
export interface CaseQuestion {
  id: string;
  text: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

/** A case of a resident, enough to link an appointment or a home visit to it */
export interface OpenCase {
  id: string;
  caseType: string;
}

/** A document on a case, with the document request it answers (if any) */
export type CaseDocument = Selectable<DocumentsTable> & { request_id: string | null; registered_at: Date };

/** A document a resident sent, as the case worker's list of arrivals shows it */
export interface Arrival {
  documentId: string;
  caseId: string;
  caseReference: string;
  requestId: string | null;
  requestTitle: string | null;
  requestState: Selectable<DocumentRequestsTable>['state'] | null;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  receivedAt: Date;
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

  // ---- the resident's side (only cases where the resident is the initiator exist for them)

  /**
   * The resident's cases with everything the resident's pages show (statuses, document
   * requests, result with its letter, extension, properties such as urgency, questions), newest
   * first; with `caseId`, that one case or nothing. One round trip whatever the number of cases.
   */
  residentCases(bsn: string, caseId?: string): Promise<CaseRecord[]>;
  /** One case of the resident (as initiator), or undefined (another's case does not exist) */
  residentCase(bsn: string, caseId: string): Promise<OpenCase | undefined>;
  /** The resident's cases without a result yet (ZGW: no resultaat), oldest first */
  openCasesOfResident(bsn: string): Promise<OpenCase[]>;
  /** A resident's question on their case (Loket's own data, kept with the case) */
  addQuestion(
    caseId: string,
    question: { bsn: string; text: string; askedAt: Date },
  ): Promise<CaseRecord['questions'][number]>;

  // ---- the staff side (any case of the consortium: the scope check is the caller's)

  /** One case with its initiator, by id */
  staffCase(caseId: string): Promise<StaffCaseRow | undefined>;
  /** One case by its reference, as typed from a letter (spaces and case forgiven) */
  caseByReference(reference: string): Promise<StaffCaseRow | undefined>;
  /** The references of these cases (unknown ids are left out) */
  caseReferences(caseIds: readonly string[]): Promise<Map<string, string>>;
  /** The initiators (BSN) of these cases, for notifications (unknown ids are left out) */
  initiatorsOf(caseIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * The cases of these municipalities that ask something of a case worker: not decided, or with
   * a question without an answer, or a document waiting for a judgement. Oldest first.
   */
  workload(municipalities: 'all' | readonly string[]): Promise<CaseWorkload[]>;

  // ---- residents' questions (Loket's own data, kept with the case)

  /** The questions on a case: open ones first (oldest first), then answered ones (newest first) */
  questionsOfCase(caseId: string): Promise<CaseQuestion[]>;
  /** Stores the answer to an open question; a question is answered once */
  answerQuestion(
    caseId: string,
    questionId: string,
    answer: { text: string; answeredAt: Date; answeredBy: string },
  ): Promise<CaseQuestion | 'not_found' | 'already_answered'>;

  // ---- documents of a case (zaakinformatieobject); the document rows are Loket's

  /** Links a stored document to the case (ZGW: POST /zaakinformatieobjecten) */
  registerDocument(caseId: string, documentId: string, registeredAt: Date): Promise<void>;
  /** Every document on the case, oldest first */
  documentsOfCase(caseId: string): Promise<CaseDocument[]>;
  /** One document on the case (for a download), or undefined */
  documentOfCase(caseId: string, documentId: string): Promise<Selectable<DocumentsTable> | undefined>;
  /** Documents residents sent, newest first; optionally for one case or since a moment */
  arrivals(filter?: { caseId?: string; since?: Date; limit?: number }): Promise<Arrival[]>;
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
