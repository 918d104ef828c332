/**
 * Table types for Kysely. Cases follow the shape of the Dutch ZGW standard (Zaakgericht Werken,
 * the "Zaken API" of Open Zaak) so an adapter to a real case system is a mapping, not a redesign:
 *   cases            = zaak (case type = zaaktype, registered_on = registratiedatum)
 *   case_roles       = rol (the resident as initiator, identified by BSN)
 *   case_statuses    = status (status type = statustype, note = statustoelichting)
 *   case_results     = resultaat (+ the decision date of the besluit)
 *   case_properties  = zaakeigenschap (e.g. urgency of a debt-help request)
 *   documents        = enkelvoudiginformatieobject, case_documents = zaakinformatieobject
 *   case_extensions  = verlenging (one per case: Awb 4:14 allows one extension)
 * Document requests (our own notion) carry the repair term (hersteltermijn, Awb 4:5); the
 * suspension of the decision term (opschorting, Awb 4:15) is derived from them.
 *
 * Calendar dates (`date` columns) are read as 'YYYY-MM-DD' strings on both PGlite and
 * PostgreSQL (see database.ts): a deadline is a day, not an instant.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface PersonsTable {
  bsn: string;
  name: string;
  municipality_code: string;
  street: string;
  postal_code: string;
  city: string;
  created_at: CreatedAt;
}

export interface CasesTable {
  id: Generated<string>;
  reference: string;
  case_type: string;
  municipality_code: string;
  registered_on: string;
  decision_term_weeks: number;
  created_at: CreatedAt;
}

export interface CaseRolesTable {
  id: Generated<string>;
  case_id: string;
  role_type: 'initiator';
  bsn: string;
}

export interface CaseStatusesTable {
  id: Generated<string>;
  case_id: string;
  status_type: string;
  set_at: Timestamp;
  note: string | null;
}

export interface CaseResultsTable {
  case_id: string;
  result_type: 'granted' | 'partly_granted' | 'rejected' | 'not_processed';
  decided_on: string;
  letter_document_id: string | null;
}

export interface CaseExtensionsTable {
  case_id: string;
  weeks: number;
  notice_on: string;
  reason: string;
}

export interface CasePropertiesTable {
  case_id: string;
  name: string;
  value: string;
}

export interface DocumentsTable {
  id: Generated<string>;
  title: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string | null;
  created_at: CreatedAt;
  /** SHA-256 (hex) of the stored bytes (ZGW: integriteit) */
  sha256: string | null;
  /** 'resident': sent by the resident; 'service': a letter from the service */
  origin: Generated<'resident' | 'service'>;
}

export interface CaseDocumentsTable {
  case_id: string;
  document_id: string;
  registered_at: Timestamp;
}

export interface DocumentRequestsTable {
  id: Generated<string>;
  case_id: string;
  title_nl: string;
  title_en: string;
  reason_nl: string;
  reason_en: string;
  requested_on: string;
  due_date: string;
  state: Generated<'open' | 'received' | 'accepted' | 'rejected'>;
  received_on: string | null;
  /** What the resident reads when a case worker rejected what they sent */
  rejection_reason: string | null;
  judged_at: Timestamp | null;
}

export interface DocumentRequestDocumentsTable {
  request_id: string;
  document_id: string;
}

/** A tus upload until it is registered as a document (or expires). */
export interface UploadsTable {
  id: string;
  bsn: string;
  case_id: string;
  request_id: string | null;
  /** Upload-Length as declared at creation; counts towards the daily limit */
  declared_size: number;
  created_at: Timestamp;
  completed_at: Timestamp | null;
  checked_content_type: string | null;
  checked_size: number | null;
  checked_sha256: string | null;
  storage_key: string | null;
  refused_code: string | null;
  document_id: string | null;
}

export interface AppointmentsTable {
  id: Generated<string>;
  reference: string;
  bsn: string;
  type_code: string;
  place_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  state: Generated<'booked' | 'cancelled'>;
}

export interface SessionsTable {
  id_hash: string;
  kind: 'resident';
  subject: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

export interface LoginAttemptsTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  subject: string;
  key: string;
  fingerprint: string;
  status_code: number;
  content_type: string | null;
  body: string;
  created_at: Timestamp;
}

export interface CaseQuestionsTable {
  id: Generated<string>;
  case_id: string;
  bsn: string;
  text: string;
  asked_at: Timestamp;
  answer: string | null;
  answered_at: Timestamp | null;
}

export interface ServerSettingsTable {
  name: string;
  value: string;
}

export interface Database {
  persons: PersonsTable;
  cases: CasesTable;
  case_roles: CaseRolesTable;
  case_statuses: CaseStatusesTable;
  case_results: CaseResultsTable;
  case_extensions: CaseExtensionsTable;
  case_properties: CasePropertiesTable;
  documents: DocumentsTable;
  case_documents: CaseDocumentsTable;
  document_requests: DocumentRequestsTable;
  document_request_documents: DocumentRequestDocumentsTable;
  uploads: UploadsTable;
  appointments: AppointmentsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  idempotency_keys: IdempotencyKeysTable;
  case_questions: CaseQuestionsTable;
  server_settings: ServerSettingsTable;
}

export type Person = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type Session = Selectable<SessionsTable>;
