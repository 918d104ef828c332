/**
 * Front-desk help for a walk-in (issue 6 point 3): staff open the resident's own screens on
 * the desk's computer, for a stated purpose. Pure rules, used by the server (start, audit) and
 * the client (the purpose choice, the banner).
 *
 * The purpose is a code (translated for the resident's access log) plus, for 'other', a short
 * free text that stays with the assist session only: the audit log stores codes, never free
 * text, so it cannot carry personal data by accident.
 */
import type { AuditPurpose } from './staff';

export const ASSIST_PURPOSES = ['walk_in_help', 'upload_documents', 'appointment', 'home_visit', 'other'] as const;
export type AssistPurpose = (typeof ASSIST_PURPOSES)[number];

/** Longest free text with a purpose (required for 'other'): a reason, not a case note */
export const ASSIST_PURPOSE_TEXT_MAX = 200;

/** An assist session ends after this long without a request (like a staff session) */
export const ASSIST_IDLE_MINUTES = 30;
/** ...and this long after it started, whatever happens (a desk visit, not a working day) */
export const ASSIST_ABSOLUTE_HOURS = 2;

export function isAssistPurpose(value: unknown): value is AssistPurpose {
  return typeof value === 'string' && (ASSIST_PURPOSES as readonly string[]).includes(value);
}

/** The purpose as the audit log records it (and the resident reads it). */
export function auditPurposeOf(purpose: AssistPurpose): AuditPurpose {
  return `assist_${purpose}`;
}

/** Free text is required for 'other' and never blank; null when it may be left out. */
export function purposeTextProblem(
  purpose: AssistPurpose,
  text: string | null | undefined,
): 'required' | 'too_long' | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length > ASSIST_PURPOSE_TEXT_MAX) return 'too_long';
  if (purpose === 'other' && trimmed === '') return 'required';
  return null;
}
