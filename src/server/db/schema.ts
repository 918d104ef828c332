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
import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  AppointmentChannel,
  AppointmentState,
  CallbackPartOfDay,
  CallbackState,
  CallbackTopic,
  CancelledBy,
  UrgencyReason,
} from '../../domain/appointments';
import type { CaseResult } from '../../domain/casework';
import type { StoredDocumentRequestState } from '../../domain/documents';
import type { AtHome, HomeVisitReason, HomeVisitState } from '../../domain/home-visits';
import type { StaffRole } from '../../domain/staff';
import type { NotificationTables } from '../modules/notifications/tables';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

interface PersonsTable {
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

interface CaseRolesTable {
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
  result_type: CaseResult;
  decided_on: string;
  letter_document_id: string | null;
}

export interface CaseExtensionsTable {
  case_id: string;
  weeks: number;
  notice_on: string;
  reason: string;
}

interface CasePropertiesTable {
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

interface CaseDocumentsTable {
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
  state: Generated<StoredDocumentRequestState>;
  received_on: string | null;
  /** What the resident reads when a case worker rejected what they sent */
  rejection_reason: string | null;
  judged_at: Timestamp | null;
}

interface DocumentRequestDocumentsTable {
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

/**
 * A booking claims one unit of a desk group (desk_id, unit) at a place for [starts_at, ends_at);
 * the exclusion constraint appointments_no_double_booking (migration 004) refuses overlaps on a
 * unit among booked rows. Rescheduling updates the row; cancelling sets state and frees the unit.
 */
interface AppointmentsTable {
  id: Generated<string>;
  reference: string;
  bsn: string;
  type_code: string;
  place_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  state: Generated<AppointmentState>;
  desk_id: string;
  unit: number;
  channel: Generated<AppointmentChannel>;
  /** Wgs art. 4 threat for an urgent debt-help first conversation */
  urgency: UrgencyReason | null;
  case_id: string | null;
  needs_interpreter: string | null;
  needs_wheelchair: Generated<boolean>;
  needs_companion: Generated<boolean>;
  needs_note: string | null;
  /** E.164, for phone and video appointments */
  phone: string | null;
  booked_at: Timestamp;
  rescheduled_at: Timestamp | null;
  reschedule_count: Generated<number>;
  reschedule_reason: string | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  cancelled_by: CancelledBy | null;
  /** The front desk marked the resident as arrived (issue 14); null until then */
  arrived_at: Timestamp | null;
  /** The staff account that did */
  arrived_by: string | null;
}

/** Closures staff add at run time (the data file has its own); no times = the whole day. */
export interface PlaceClosuresTable {
  id: Generated<string>;
  place_id: string;
  date: string;
  from_time: string | null;
  until_time: string | null;
  reason: string;
  created_at: Timestamp;
}

/** Staff set the units of one desk group for part of a day (0 closes that group). */
export interface CapacityChangesTable {
  id: Generated<string>;
  place_id: string;
  desk_id: string;
  date: string;
  from_time: string;
  until_time: string;
  units: number;
  reason: string | null;
  created_at: Timestamp;
}

export interface HomeVisitsTable {
  id: Generated<string>;
  reference: string;
  bsn: string;
  case_id: string | null;
  reason: HomeVisitReason;
  reason_text: string | null;
  street: string;
  postal_code: string;
  city: string;
  address_corrected: boolean;
  /** JSON: [{ day: 1..5, part }] */
  at_home: ColumnType<AtHome[], string, string>;
  /** E.164 */
  phone: string;
  note: string | null;
  state: HomeVisitState;
  planned_date: string | null;
  window_from: string | null;
  window_until: string | null;
  alternative_note: string | null;
  decline_reason: string | null;
  cancel_reason: string | null;
  requested_at: Timestamp;
  changed_at: Timestamp;
}

interface CallbackRequestsTable {
  id: Generated<string>;
  bsn: string;
  /** E.164 */
  phone: string;
  part_of_day: CallbackPartOfDay;
  topic: CallbackTopic;
  note: string | null;
  state: Generated<CallbackState>;
  requested_at: Timestamp;
  done_at: Timestamp | null;
}

interface SessionsTable {
  id_hash: string;
  /** 'staff' since migration 005: subject is then a staff account id, else a BSN */
  kind: 'resident' | 'staff';
  subject: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  /** Staff only: roles the staff IdP asserted at login, space-separated; null = not limited */
  staff_roles: string | null;
  /** Assist sessions (migration 006): the member of staff who opened this resident session at the desk */
  assist_staff_account_id: string | null;
  /** ...the id_hash of the staff session that opened it (this one ends with it) */
  assist_staff_session: string | null;
  assist_role: string | null;
  /** An AssistPurpose code (src/domain/assist.ts) and, for 'other', a short text */
  assist_purpose: string | null;
  assist_purpose_text: string | null;
}

interface LoginAttemptsTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: Timestamp;
  /** Which login (client) started this attempt; its callback only finishes its own kind */
  kind: Generated<'resident' | 'staff'>;
}

interface IdempotencyKeysTable {
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
  /** The staff account that answered (migration 010); null while open, or once the account is gone */
  answered_by: Generated<string | null>;
}

/** A member of staff (migration 005); `subject` is the staff IdP's id for them. */
interface StaffAccountsTable {
  id: Generated<string>;
  subject: string;
  name: string;
  consortium_id: string;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
  disabled_by: string | null;
}

/** A role in a scope: '*' = the whole consortium, else a CBS municipality code. */
interface StaffRoleGrantsTable {
  account_id: string;
  role: StaffRole;
  scope: string;
}

/** Append-only and hash-chained (migration 005, src/server/audit/chain.ts). */
interface AuditLogTable {
  seq: ColumnType<string, string | number, never>;
  at: Timestamp;
  actor: string;
  actor_role: string;
  action: string;
  object_type: string;
  object_id: string | null;
  result: 'allowed' | 'denied';
  origin_ip: string | null;
  device: string | null;
  on_behalf_of: string | null;
  purpose: string | null;
  prev_hash: string;
  hash: string;
}

/** The embedded DigiD simulation's oidc-provider models (idp/database-adapter.ts) */
interface IdpModelsTable {
  model: string;
  id: string;
  /** Read as an object; written as JSON text (arrays would otherwise become PostgreSQL arrays) */
  payload: ColumnType<Record<string, unknown>, string, string>;
  uid: string | null;
  grant_id: string | null;
  user_code: string | null;
  expires_at: Date | null;
}

interface ServerSettingsTable {
  name: string;
  value: string;
}

export interface Database {
  // notifications (issue 8): src/server/modules/notifications/tables.ts
  notification_messages: NotificationTables['notification_messages'];
  notification_jobs: NotificationTables['notification_jobs'];
  push_subscriptions: NotificationTables['push_subscriptions'];
  push_deliveries: NotificationTables['push_deliveries'];
  notification_preferences: NotificationTables['notification_preferences'];
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
  place_closures: PlaceClosuresTable;
  capacity_changes: CapacityChangesTable;
  home_visits: HomeVisitsTable;
  callback_requests: CallbackRequestsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  idempotency_keys: IdempotencyKeysTable;
  case_questions: CaseQuestionsTable;
  server_settings: ServerSettingsTable;
  idp_models: IdpModelsTable;
  staff_accounts: StaffAccountsTable;
  staff_role_grants: StaffRoleGrantsTable;
  audit_log: AuditLogTable;
}

export type Person = Selectable<PersonsTable>;

export type Session = Selectable<SessionsTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type HomeVisitRow = Selectable<HomeVisitsTable>;
export type CallbackRequestRow = Selectable<CallbackRequestsTable>;
/** One audit row as read back (seq as text: a bigint may exceed a JS number). */
export type AuditLogRow = Selectable<AuditLogTable>;
export type StaffAccountRow = Selectable<StaffAccountsTable>;
