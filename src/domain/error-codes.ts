/**
 * Every error code the API can answer with (and the few the client makes itself). The client
 * has a translated message for each one (a component test checks that); the server's English
 * `message` is for developers only.
 */
export const ERROR_CODES = [
  // made by the client
  'UNKNOWN',
  'NETWORK_ERROR',
  // generic
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'INTERNAL_ERROR',
  'DATABASE_UNAVAILABLE',
  'NOT_READY',
  'STORAGE_FULL',
  // sessions
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  // login redirects (/?fout=<CODE>)
  'LOGIN_CANCELLED',
  'LOGIN_FAILED',
  'LOGIN_EXPIRED',
  'UNKNOWN_RESIDENT',
  // idempotency (IETF draft "The Idempotency-Key HTTP Header Field")
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_USE',
  'NOT_DURING_ASSIST',
  'REAUTH_REQUIRED',
  // questions
  'CASE_CLOSED',
  // documents (issue 4): refusals of a file, uploads, requests
  'DOCUMENT_TYPE_NOT_ALLOWED',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_EMPTY',
  'DOCUMENT_ENCRYPTED_PDF',
  'DOCUMENT_UNREADABLE',
  'DOCUMENT_POLYGLOT',
  'DOCUMENT_INFECTED',
  'SCANNER_UNAVAILABLE',
  'DAILY_UPLOAD_LIMIT',
  'UPLOAD_NOT_FOUND',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_ALREADY_REGISTERED',
  'REQUEST_CLOSED',
  'REQUEST_TRANSITION_NOT_ALLOWED',
  // appointments, home visits and call-back requests (issue 5)
  'MUNICIPALITY_NOT_SERVED',
  'APPOINTMENT_NOT_ALLOWED',
  'APPOINTMENT_TYPE_NOT_OFFERED',
  'SLOT_NOT_OFFERED',
  'SLOT_TAKEN',
  'URGENT_CAPACITY_FULL',
  'URGENT_TERM_EXCEEDED',
  'NO_SLOTS_AVAILABLE',
  'CUT_OFF_PASSED',
  'APPOINTMENT_CANCELLED',
  'PHONE_NUMBER_INVALID',
  'HOME_VISIT_TRANSITION_NOT_ALLOWED',
  // the front desk's check-in (issue 14)
  'APPOINTMENT_REFERENCE_UNKNOWN',
  'APPOINTMENT_NOT_TODAY',
  'APPOINTMENT_NOT_IN_PERSON',
  // staff (issue 6)
  'STAFF_NOT_AUTHORISED',
  'STAFF_ROLE_REQUIRED',
  'STAFF_ACCOUNT_SELF',
  // front-desk help for a walk-in (issue 6 point 3)
  'BSN_INVALID',
  'ASSIST_LOOKUP_REQUIRED',
  'ASSIST_PURPOSE_TEXT_REQUIRED',
  'LOGOUT_DURING_ASSIST',
  // rate limits (issue 7)
  'RATE_LIMITED',
  // case work (issue 6 point 4)
  'STATUS_TYPE_UNKNOWN',
  'STATUS_TRANSITION_NOT_ALLOWED',
  'DECISION_TERM_ALREADY_EXTENDED',
  'DECISION_TERM_EXTENSION_TOO_LONG',
  'DECISION_TERM_LAPSED',
  'CASE_ALREADY_DECIDED',
  'DECISION_DATE_INVALID',
  'DECISION_NOT_RECORDED',
  'DECISION_LETTER_EXISTS',
  // the case worker's side of questions and documents (issue 14)
  'QUESTION_ALREADY_ANSWERED',
  'DOCUMENT_NOT_PREVIEWABLE',
  // the planner's back office (issue 5 point 7): dates and times that cannot be planned
  'PLANNING_DATE_IN_PAST',
  'PLANNING_END_BEFORE_START',
  'PLANNING_RANGE_TOO_LONG',
  'PLANNING_NOT_A_WORKING_DAY',
  // notifications (issue 8): e-mail asked for while no SMTP server is configured
  'EMAIL_NOT_CONFIGURED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
