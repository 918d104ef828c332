/**
 * The events a resident is told about (issue 8). One list for every channel (inbox, push,
 * e-mail); the texts live in the client's and the server's message catalogues per type.
 */
export const NOTIFICATION_EVENT_TYPES = [
  'status_changed',
  'document_requested',
  'document_accepted',
  'document_rejected',
  'document_due_soon',
  'document_due_today',
  'appointment_tomorrow',
  'appointment_changed',
  'home_visit_planned',
  'decision_letter_available',
  'letter_available',
  'question_answered',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export interface NotificationEvent {
  type: NotificationEventType;
  /** Whose event; stored against the resident, never sent anywhere as such */
  residentBsn: string;
  /** The case it is about, when there is one */
  caseId?: string | null;
  /** The object it is about (document request, appointment, home visit, letter) */
  objectId?: string | null;
  /** The app path the message links to, e.g. /aanvragen/<caseId> */
  link: string;
}
